/**
 * What is made from a single word, remembered: people use the same few thousand words again and
 * again. Emptied when full, so that a flood of made-up words cannot grow it without bound.
 */
export class WordCache<T> {
  private readonly values = new Map<string, T>();

  constructor(
    private readonly make: (word: string) => T,
    private readonly limit: number,
  ) {}

  get(word: string): T {
    let value = this.values.get(word);
    if (value === undefined) {
      if (this.values.size >= this.limit) this.values.clear();
      value = this.make(word);
      this.values.set(word, value);
    }
    return value;
  }
}
