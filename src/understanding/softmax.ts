import { groupOf } from './features.js';

/**
 * A multinomial logistic regression (softmax) over the features of `features.ts`, as it
 * is stored in the model file: one weight per feature and class, plus a bias per class.
 * `npm run train` fits it on the corpus and the knowledge's example questions; here it
 * only scores, which is one addition per feature and class.
 *
 * The feature vector is scaled per group (character n-grams count less than a word) and
 * normalised to length one, so long and short questions score alike.
 */
export interface SoftmaxJson {
  classes: string[];
  features: string[];
  /** Scale of each feature group before normalising. */
  groups: Record<string, number>;
  /** Float32 weights, feature-major (feature · classes + class), base64. */
  weights: string;
  bias: number[];
}

export class Softmax {
  readonly classes: string[];
  private readonly featureIndex: Map<string, number>;
  private readonly weights: Float32Array;
  private readonly bias: Float64Array;
  private readonly groups: Record<string, number>;

  constructor(json: SoftmaxJson) {
    this.classes = json.classes;
    this.featureIndex = new Map(json.features.map((feature, i) => [feature, i]));
    const bytes = Buffer.from(json.weights, 'base64');
    this.weights = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    this.bias = Float64Array.from(json.bias);
    this.groups = json.groups;
  }

  /** Log probability of each class for one question's features. */
  logProbabilities(features: readonly string[]): Map<string, number> {
    const classes = this.classes.length;
    const sums = Float64Array.from(this.bias);
    for (const [f, value] of vectorOf(features, this.groups, this.featureIndex)) {
      const offset = f * classes;
      for (let c = 0; c < classes; c++) sums[c]! += this.weights[offset + c]! * value;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (const s of sums) if (s > max) max = s;
    let total = 0;
    for (const s of sums) total += Math.exp(s - max);
    const log = Math.log(total) + max;
    const result = new Map<string, number>();
    this.classes.forEach((cls, c) => {
      result.set(cls, sums[c]! - log);
    });
    return result;
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
