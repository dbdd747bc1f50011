import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readModelFile, writeModelFile } from '../../src/understanding/model-file.js';
import { FeatureSpace, Softmax, type SoftmaxJson, vectorOf } from '../../src/understanding/softmax.js';

/** Deterministic numbers in -1..1. */
function numbers(count: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: count }, () => {
    state = (state * 16807) % 2147483647;
    return (state / 2147483647) * 2 - 1;
  });
}

const groups = { w: 1, c: 0.3, b: 1 };
const intents: SoftmaxJson = {
  classes: ['a', 'b', 'c'],
  features: ['w:wer', 'w:ist', 'c:^we', 'c:wer', 'c:er$', 'b:wer_ist', 'x:a'],
  groups,
  weights: numbers(7 * 3, 7),
  bias: [0.1, -0.2, 0.05],
};
// Knows some features of the other and one of its own: its vector is normalised over its own features only.
const yesNo: SoftmaxJson = { classes: ['yes', 'open'], features: ['w:ist', 'c:er$', 'p:ist'], groups, weights: numbers(3 * 2, 11), bias: [0, 0.3] };

/** What scoring computed before the scratch buffers: the training's own vector. */
function reference(json: SoftmaxJson, features: string[]): Map<string, number> {
  const index = new Map(json.features.map((feature, i) => [feature, i]));
  const K = json.classes.length;
  const sums = Float64Array.from(json.bias);
  for (const [f, value] of vectorOf(features, json.groups, index)) for (let c = 0; c < K; c++) sums[c]! += json.weights[f * K + c]! * value;
  const max = Math.max(...sums);
  const log = Math.log(sums.reduce((total, s) => total + Math.exp(s - max), 0)) + max;
  return new Map(json.classes.map((cls, c) => [cls, sums[c]! - log]));
}

describe('Softmax', () => {
  const space = new FeatureSpace();
  const first = new Softmax(intents, space);
  const second = new Softmax(yesNo, space);
  const questions = [
    ['w:wer', 'c:^we', 'c:wer', 'c:er$', 'w:ist', 'c:er$', 'b:wer_ist', 'w:unbekannt', 'p:ist'],
    ['c:er$', 'c:er$', 'c:er$', 'c:er$'],
    ['w:unbekannt'],
    [],
  ];

  it('scores exactly as the vector the training uses, for classifiers sharing one feature space', () => {
    for (const features of questions) {
      expect(first.logProbabilities(features)).toEqual(reference(intents, features));
      expect(second.logProbabilities(features)).toEqual(reference(yesNo, features));
    }
    // Again, in another order: nothing of one question stays in the scratch buffers.
    for (const features of [...questions].reverse()) expect(first.logProbabilities(features)).toEqual(reference(intents, features));
  });

  it('copes with questions longer than its scratch buffers', () => {
    const long = Array.from({ length: 1000 }, (_, i) => intents.features[i % intents.features.length]!);
    expect(first.logProbabilities(long)).toEqual(reference(intents, long));
  });
});

describe('model file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'model-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the weights beside the JSON, the same numbers read back', () => {
    const path = join(dir, 'understanding.json');
    writeModelFile(path, { version: 2, intents, yesNo, corpusWords: ['wer'] });
    const json = JSON.parse(readFileSync(path, 'utf8')) as { intents: { weights: unknown } };
    expect(json.intents.weights).toEqual({ file: 'understanding.f32', offset: 0 });
    expect(readFileSync(join(dir, 'understanding.f32')).length).toBe((7 * 3 + 3 * 2) * 4);
    const read = readModelFile<{ intents: SoftmaxJson; yesNo: SoftmaxJson; corpusWords: string[] }>(path);
    expect(read.intents).toEqual(intents);
    expect(read.yesNo).toEqual(yesNo);
    expect(read.corpusWords).toEqual(['wer']);
  });

  it('still reads weights stored inside the JSON as base64', () => {
    const path = join(dir, 'old.json');
    writeFileSync(path, JSON.stringify({ version: 2, yesNo: { ...yesNo, weights: Buffer.from(yesNo.weights.buffer).toString('base64') } }));
    expect(readModelFile<{ yesNo: SoftmaxJson }>(path).yesNo).toEqual(yesNo);
  });
});
