import { groupOf } from './features.js';

/**
 * A multinomial logistic regression (softmax) over the features of `features.ts`: one
 * weight per feature and class, plus a bias per class. `npm run train` fits it on the
 * corpus and the knowledge's example questions; here it only scores, which is one
 * addition per feature and class.
 *
 * The feature vector is scaled per group (character n-grams count less than a word) and
 * normalised to length one, so long and short questions score alike.
 */
export interface SoftmaxJson {
  classes: string[];
  features: string[];
  /** Scale of each feature group before normalising. */
  groups: Record<string, number>;
  /** Feature-major (feature · classes + class). In the model file they live in a binary file beside it (`model-file.ts`). */
  weights: Float32Array;
  bias: number[];
}

/**
 * Feature → index for several classifiers at once: the classifiers of one model know
 * mostly the same ten thousand features, and one map of them is half the memory and
 * start-up time of one map each.
 */
export class FeatureSpace {
  readonly index = new Map<string, number>();

  /** The index of each feature in this space, adding those it lacks. */
  add(features: readonly string[]): Int32Array {
    const positions = new Int32Array(features.length);
    for (let i = 0; i < features.length; i++) {
      const feature = features[i]!;
      let f = this.index.get(feature);
      if (f === undefined) {
        f = this.index.size;
        this.index.set(feature, f);
      }
      positions[i] = f;
    }
    return positions;
  }
}

export class Softmax {
  readonly classes: string[];
  private readonly space: FeatureSpace;
  /** Position in the space → this classifier's row, or -1 for a feature it does not know. */
  private readonly rows: Int32Array;
  /** Each row's group scale. */
  private readonly scale: Float64Array;
  private readonly weights: Float32Array;
  private readonly bias: Float64Array;
  // Scratch for one question, reused: scoring runs for every message, and garbage costs more than the sums.
  private readonly slotOf: Int32Array;
  private order = new Int32Array(256);
  private values = new Float64Array(256);
  private readonly sums: Float64Array;

  constructor(json: SoftmaxJson, space = new FeatureSpace()) {
    this.classes = json.classes;
    this.space = space;
    const positions = space.add(json.features);
    this.rows = new Int32Array(space.index.size).fill(-1);
    this.scale = new Float64Array(json.features.length);
    for (let row = 0; row < positions.length; row++) {
      this.rows[positions[row]!] = row;
      this.scale[row] = json.groups[groupOf(json.features[row]!)] ?? 1;
    }
    this.weights = json.weights;
    this.bias = Float64Array.from(json.bias);
    this.slotOf = new Int32Array(json.features.length).fill(-1);
    this.sums = new Float64Array(json.classes.length);
  }

  /** Log probability of each class for one question's features. */
  logProbabilities(features: readonly string[]): Map<string, number> {
    const classes = this.classes.length;
    const sums = this.sums;
    sums.set(this.bias);
    const n = this.vector(features);
    for (let i = 0; i < n; i++) {
      const offset = this.order[i]! * classes;
      const value = this.values[i]!;
      for (let c = 0; c < classes; c++) sums[c]! += this.weights[offset + c]! * value;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classes; c++) if (sums[c]! > max) max = sums[c]!;
    let total = 0;
    for (let c = 0; c < classes; c++) total += Math.exp(sums[c]! - max);
    const log = Math.log(total) + max;
    const result = new Map<string, number>();
    for (let c = 0; c < classes; c++) result.set(this.classes[c]!, sums[c]! - log);
    return result;
  }

  /**
   * The question's normalised vector into `order` (rows, in order of first appearance)
   * and `values`; returns its length. The same sums in the same order as `vectorOf`.
   */
  private vector(features: readonly string[]): number {
    if (features.length > this.order.length) {
      this.order = new Int32Array(features.length);
      this.values = new Float64Array(features.length);
    }
    const { order, values, slotOf } = this;
    let n = 0;
    for (const feature of features) {
      const position = this.space.index.get(feature);
      if (position === undefined || position >= this.rows.length) continue;
      const row = this.rows[position]!;
      if (row < 0) continue;
      const slot = slotOf[row]!;
      if (slot >= 0) values[slot]! += this.scale[row]!;
      else {
        slotOf[row] = n;
        order[n] = row;
        values[n] = this.scale[row]!;
        n++;
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += values[i]! * values[i]!;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) {
      values[i]! /= norm;
      slotOf[order[i]!] = -1;
    }
    return n;
  }
}

/**
 * The sparse, normalised vector of a question: feature index → value. Features the
 * model does not know are left out (with `grow`, they are added – for training).
 */
export function vectorOf(features: readonly string[], groups: Record<string, number>, index: Map<string, number>, grow = false): [number, number][] {
  // Feature index → position in the vector; a question repeats few features, but has a hundred or more.
  const at = new Map<number, number>();
  const vector: [number, number][] = [];
  for (const feature of features) {
    let f = index.get(feature);
    if (f === undefined) {
      if (!grow) continue;
      f = index.size;
      index.set(feature, f);
    }
    const weight = groups[groupOf(feature)] ?? 1;
    const slot = at.get(f);
    if (slot !== undefined) vector[slot]![1] += weight;
    else {
      at.set(f, vector.length);
      vector.push([f, weight]);
    }
  }
  let norm = 0;
  for (const [, v] of vector) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (const entry of vector) entry[1] /= norm;
  return vector;
}
