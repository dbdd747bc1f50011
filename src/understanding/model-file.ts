import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SoftmaxJson } from './softmax.js';

/**
 * How the model is stored: `understanding.json`, and the classifiers' weights as raw
 * little-endian Float32 in `understanding.f32` beside it. Three megabytes of weights as
 * base64 inside the JSON cost the start-up a long string to parse and decode, and the
 * memory of that string as long as the model lives; read as bytes, they are used in place.
 * The numbers are the same either way.
 */
export const WEIGHTS_SUFFIX = '.f32';

/** Where a classifier's weights are in the weights file (in the JSON instead of the weights). */
interface StoredWeights {
  file: string;
  /** In bytes; the number of weights is features × classes. */
  offset: number;
}

type StoredSoftmax = Omit<SoftmaxJson, 'weights'> & { weights: StoredWeights | string };

const isSoftmax = (value: unknown): value is SoftmaxJson =>
  typeof value === 'object' && value !== null && (value as SoftmaxJson).weights instanceof Float32Array;

/** Reads a model written by {@link writeModelFile} (or one with base64 weights inside, as before). */
export function readModelFile<M extends object>(path: string): M {
  const stored = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const files = new Map<string, Buffer>();
  const bytesOf = (file: string) => {
    let bytes = files.get(file);
    if (!bytes) {
      bytes = readFileSync(join(dirname(path), file));
      files.set(file, bytes);
    }
    return bytes;
  };
  for (const [key, value] of Object.entries(stored)) {
    const softmax = value as StoredSoftmax;
    if (typeof value !== 'object' || value === null || !('weights' in softmax) || !('classes' in softmax)) continue;
    const count = softmax.features.length * softmax.classes.length;
    const weights =
      typeof softmax.weights === 'string'
        ? float32s(Buffer.from(softmax.weights, 'base64'), 0, count)
        : float32s(bytesOf(softmax.weights.file), softmax.weights.offset, count);
    stored[key] = { ...softmax, weights };
  }
  return stored as M;
}

/** Writes the model as JSON, and the weights of its classifiers into one file beside it. */
export function writeModelFile(path: string, model: object): void {
  const file = `${basename(path, '.json')}${WEIGHTS_SUFFIX}`;
  const parts: Buffer[] = [];
  let offset = 0;
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(model)) {
    if (!isSoftmax(value)) {
      stored[key] = value;
      continue;
    }
    const bytes = Buffer.alloc(value.weights.length * 4);
    for (let i = 0; i < value.weights.length; i++) bytes.writeFloatLE(value.weights[i]!, i * 4);
    parts.push(bytes);
    stored[key] = { ...value, weights: { file, offset } satisfies StoredWeights };
    offset += bytes.length;
  }
  writeFileSync(join(dirname(path), file), Buffer.concat(parts));
  writeFileSync(path, `${JSON.stringify(stored)}\n`);
}

/** `count` little-endian Float32 at `offset`: the bytes themselves where they are aligned and the machine is little-endian. */
function float32s(bytes: Buffer, offset: number, count: number): Float32Array {
  if (offset + count * 4 > bytes.length) throw new Error(`model weights: ${count} expected at byte ${offset}, the file has ${bytes.length} bytes`);
  const start = bytes.byteOffset + offset;
  if (start % 4 === 0 && littleEndian) return new Float32Array(bytes.buffer, start, count);
  return Float32Array.from({ length: count }, (_, i) => bytes.readFloatLE(offset + i * 4));
}

const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
