/**
 * Remembers the last `capacity` ids, forgetting the oldest first. Telegram delivers
 * webhook updates at least once and re-sends when an answer is slow, so a re-sent
 * `update_id` must be recognised; re-sends come within minutes, so a bounded memory
 * is enough and cannot grow without end.
 *
 * ```ts
 * const seen = new RecentIds(10_000);
 * if (!seen.add(update.update_id)) return; // already handled
 * ```
 */
export class RecentIds {
  private readonly ids = new Set<number>();

  constructor(private readonly capacity: number) {}

  /** Records the id; false if it was already known. */
  add(id: number): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // A Set iterates in insertion order, so the first entry is the oldest.
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as number);
    return true;
  }
}
