import { groupOf } from './features.js';

/**
 * A multinomial naive Bayes classifier over grouped features (see `features.ts`). Its
 * state is plain counts, which add up: the counts fitted from the training corpus come
 * from the model file, and the example questions of the knowledge are added when it
 * loads – so a facet that exists only in the knowledge is still recognised.
 *
 * Each feature group has a weight (fitted by `npm run train`), so that, say, the many
 * character n-grams of a word do not drown its one stem. Counts and scores live in
 * typed arrays: preparing and scoring are a few passes over numbers, which keeps the
 * start fast and a question well under a millisecond.
 */
export interface NaiveBayesCounts {
  classes: string[];
  features: string[];
  /** Per class, pairs of feature index and count, flattened: [i0, c0, i1, c1, …]. */
  counts: number[][];
  /** Per class, the number of examples. */
  examples: number[];
}

export interface NaiveBayesParams {
  /** Smoothing strength: how many feature counts the background weighs against a class's own. */
  alpha: number;
  /** Weight of each feature group (w, c, b, p, m); missing groups weigh 1. */
  weights: Record<string, number>;
  /** Weight of the class prior. */
  prior: number;
}

export class NaiveBayes {
  private readonly classIndex = new Map<string, number>();
  private readonly featureIndex = new Map<string, number>();
  private readonly featureGroup: string[] = [];
  /** counts[class][feature] */
  private counts: Float32Array[] = [];
  private examples: number[] = [];
  private capacity = 1024;
  /** Per feature, its weighted log likelihood under every class: vectors[feature · classes + class]. */
  private vectors = new Float32Array(0);
  private base = new Float64Array(0);

  constructor(private readonly params: NaiveBayesParams) {}

  /** The classes, in the order they were first seen. */
  get classes(): string[] {
    return [...this.classIndex.keys()];
  }

  /** Adds one example (or a weight of one) to the counts; call `prepare` before scoring. */
  add(cls: string, features: readonly string[], weight = 1): void {
    const c = this.classOf(cls);
    for (const feature of features) this.counts[c]![this.featureOf(feature)]! += weight;
    this.examples[c]! += weight;
  }

  addCounts(saved: NaiveBayesCounts): void {
    const indices = saved.features.map((feature) => this.featureOf(feature));
    saved.classes.forEach((cls, k) => {
      const c = this.classOf(cls);
      const pairs = saved.counts[k] ?? [];
      for (let i = 0; i + 1 < pairs.length; i += 2) this.counts[c]![indices[pairs[i]!]!]! += pairs[i + 1]!;
      this.examples[c]! += saved.examples[k] ?? 0;
    });
  }

  /** The counts for the model file, leaving out features seen fewer than `minCount` times in all. */
  toCounts(minCount = 1): NaiveBayesCounts {
    const totals = new Float64Array(this.featureIndex.size);
    for (const counts of this.counts) for (let f = 0; f < totals.length; f++) totals[f]! += counts[f]!;
    const kept = [...this.featureIndex.values()].filter((f) => totals[f]! >= minCount);
    const newIndex = new Map(kept.map((f, i) => [f, i]));
    const features = [...this.featureIndex.keys()].filter((_, f) => newIndex.has(f));
    const counts = this.counts.map((row) => {
      const pairs: number[] = [];
      for (const [f, i] of newIndex) if (row[f]! !== 0) pairs.push(i, Math.round(row[f]! * 1000) / 1000);
      return pairs;
    });
    return { classes: this.classes, features, counts, examples: [...this.examples] };
  }

  /**
   * Turns counts into log likelihood vectors; cheap enough to run at every knowledge load.
   *
   * Smoothing pulls each class towards the background (all classes together) rather than
   * towards "every feature equally likely": a class known from a handful of example
   * questions then differs from the rest only in the features that set it apart, and a
   * word every class uses does not make a small class look likely.
   */
  prepare(): void {
    const { alpha: strength, weights } = this.params;
    const classes = this.counts.length;
    const features = this.featureIndex.size;
    const groups = [...new Set(this.featureGroup)];
    const groupIndex = new Map(groups.map((g, i) => [g, i]));
    const groupOfFeature = Uint8Array.from(this.featureGroup, (g) => groupIndex.get(g)!);
    const featureTotals = new Float64Array(features);
    const classTotals = this.counts.map(() => new Float64Array(groups.length));
    const groupTotals = new Float64Array(groups.length);
    const groupSizes = new Float64Array(groups.length);
    for (let f = 0; f < features; f++) groupSizes[groupOfFeature[f]!]! += 1;
    this.counts.forEach((row, c) => {
      for (let f = 0; f < features; f++) {
        const n = row[f]!;
        if (n === 0) continue;
        featureTotals[f]! += n;
        classTotals[c]![groupOfFeature[f]!]! += n;
        groupTotals[groupOfFeature[f]!]! += n;
      }
    });
    this.vectors = new Float32Array(features * classes);
    for (let f = 0; f < features; f++) {
      const g = groupOfFeature[f]!;
      const weight = weights[groups[g]!] ?? 1;
      const background = (featureTotals[f]! + 1) / (groupTotals[g]! + groupSizes[g]!);
      for (let c = 0; c < classes; c++) {
        const p = (this.counts[c]![f]! + strength * background) / (classTotals[c]![g]! + strength);
        this.vectors[f * classes + c] = weight * Math.log(p);
      }
    }
    const total = this.examples.reduce((a, b) => a + b, 0);
    this.base = Float64Array.from(this.examples, (n) => this.params.prior * Math.log((n + 1) / (total + classes)));
  }

  /** Whether any class has seen the feature. */
  knows(feature: string): boolean {
    return this.featureIndex.has(feature);
  }

  /**
   * Log scores per class for one question: weighted feature evidence plus the weighted
   * prior. Features no class has seen say nothing and are skipped.
   */
  scores(features: readonly string[]): Map<string, number> {
    const classes = this.base.length;
    const sums = Float64Array.from(this.base);
    for (const feature of features) {
      const f = this.featureIndex.get(feature);
      if (f === undefined || (f + 1) * classes > this.vectors.length) continue;
      const offset = f * classes;
      for (let c = 0; c < classes; c++) sums[c]! += this.vectors[offset + c]!;
    }
    const result = new Map<string, number>();
    for (const [cls, c] of this.classIndex) result.set(cls, sums[c]!);
    return result;
  }

  private classOf(cls: string): number {
    let c = this.classIndex.get(cls);
    if (c === undefined) {
      c = this.classIndex.size;
      this.classIndex.set(cls, c);
      this.counts.push(new Float32Array(this.capacity));
      this.examples.push(0);
    }
    return c;
  }

  private featureOf(feature: string): number {
    let f = this.featureIndex.get(feature);
    if (f === undefined) {
      f = this.featureIndex.size;
      this.featureIndex.set(feature, f);
      this.featureGroup.push(groupOf(feature));
      if (f >= this.capacity) {
        this.capacity *= 2;
        this.counts = this.counts.map((row) => {
          const grown = new Float32Array(this.capacity);
          grown.set(row);
          return grown;
        });
      }
    }
    return f;
  }
}

/** Scores → probabilities (softmax), sharper or flatter by `temperature`. */
export function softmax(scores: ReadonlyMap<string, number>, temperature = 1): Map<string, number> {
  const max = Math.max(...scores.values());
  let sum = 0;
  const exp = new Map<string, number>();
  for (const [key, score] of scores) {
    const value = Math.exp((score - max) / temperature);
    exp.set(key, value);
    sum += value;
  }
  for (const [key, value] of exp) exp.set(key, value / sum);
  return exp;
}
