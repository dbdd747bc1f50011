/**
 * Fits a softmax model (`src/understanding/softmax.ts`) by stochastic gradient descent
 * with AdaGrad steps and L2 regularisation. Deterministic: the examples are visited in
 * an order drawn from a fixed seed.
 */
import { type SoftmaxJson, vectorOf } from '../src/understanding/softmax.js';

export interface TrainingRow {
  cls: string;
  features: readonly string[];
  /** How much the example counts (knowledge examples may count more than one corpus question). */
  weight?: number;
}

export interface SoftmaxOptions {
  groups: Record<string, number>;
  l2: number;
  epochs: number;
  /** Features seen fewer times than this in all rows are left out. */
  minCount: number;
}

export const SOFTMAX_DEFAULTS: SoftmaxOptions = { groups: { w: 1, c: 0.3, b: 1, p: 1, m: 1 }, l2: 1e-4, epochs: 15, minCount: 2 };

export function trainSoftmax(rows: readonly TrainingRow[], options: SoftmaxOptions = SOFTMAX_DEFAULTS): SoftmaxJson {
  const counts = new Map<string, number>();
  for (const row of rows) for (const feature of row.features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const kept = [...counts].filter(([, n]) => n >= options.minCount).map(([feature]) => feature);
  const index = new Map(kept.map((feature, i) => [feature, i]));
  const classes = [...new Set(rows.map((row) => row.cls))];
  const classIndex = new Map(classes.map((cls, i) => [cls, i]));
  const K = classes.length;
  const F = kept.length;
  const data = rows.map((row) => ({ y: classIndex.get(row.cls)!, x: vectorOf(row.features, options.groups, index), weight: row.weight ?? 1 }));

  const W = new Float64Array(F * K);
  const G = new Float64Array(F * K).fill(1e-8);
  const b = new Float64Array(K);
  const Gb = new Float64Array(K).fill(1e-8);
  let seed = 42;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const order = data.map((_, i) => i);
  const scores = new Float64Array(K);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const r of order) {
      const { y, x, weight } = data[r]!;
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) {
        let s = b[k]!;
        for (const [f, v] of x) s += W[f * K + k]! * v;
        scores[k] = s;
        if (s > max) max = s;
      }
      let total = 0;
      for (let k = 0; k < K; k++) {
        scores[k] = Math.exp(scores[k]! - max);
        total += scores[k]!;
      }
      for (let k = 0; k < K; k++) {
        const g = weight * (scores[k]! / total - (k === y ? 1 : 0));
        Gb[k]! += g * g;
        b[k]! -= (0.5 / Math.sqrt(Gb[k]!)) * g;
        for (const [f, v] of x) {
          const j = f * K + k;
          const gradient = g * v + options.l2 * W[j]!;
          G[j]! += gradient * gradient;
          W[j]! -= (0.5 / Math.sqrt(G[j]!)) * gradient;
        }
      }
    }
  }
  return { classes, features: kept, groups: options.groups, weights: Float32Array.from(W), bias: [...b].map((v) => Math.round(v * 1e5) / 1e5) };
}
