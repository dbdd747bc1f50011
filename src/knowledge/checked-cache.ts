import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knowledge } from './schema.js';

/**
 * Knowledge that has already passed every check, remembered by the exact file contents
 * and the exact checking code. Parsing YAML and validating it is most of the bot's start-up
 * time; a start with unchanged files skips both. Any change to a file, to the schema or to
 * the loader makes a new key, so a cached result can never stand in for a different check.
 * Best effort: a cache that cannot be read or written is simply not used.
 */
export function withCheckedCache(files: { name: string; text: string }[], check: () => Knowledge): Knowledge {
  const path = join(CACHE_DIR, `${cacheKey(files)}.json`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Knowledge;
  } catch {
    // Not cached yet (or unreadable): check the files.
  }
  const knowledge = check();
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(knowledge));
    renameSync(partial, path);
  } catch {
    // A read-only or full disk only costs start-up time.
  }
  return knowledge;
}

const CACHE_DIR = join(tmpdir(), 'engagierte-stadt-bot-knowledge');

/** The code that checks knowledge: its source is part of the key. */
const CHECKING_CODE = ['schema', 'load']
  .map((name) => join(dirname(fileURLToPath(import.meta.url)), name))
  .map((base) => [`${base}.ts`, `${base}.js`].find((path) => existsSync(path)))
  .map((path) => (path ? readFileSync(path, 'utf8') : ''))
  .join('\u0000');

function cacheKey(files: { name: string; text: string }[]): string {
  const hash = createHash('sha256').update(CHECKING_CODE);
  for (const file of files) hash.update('\u0000').update(file.name).update('\u0000').update(file.text);
  return hash.digest('hex');
}
