import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/load.js';
import { toKey } from '../src/understanding/normalise.js';
import { brueckenfeld, removeKnowledgeDirs } from './support/knowledge-dirs.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);

describe('dependency rule', () => {
  // main.ts is the composition root: the one core file that wires the adapters in.
  const core = sourceFiles('src').filter((file) => !file.endsWith(join('src', 'main.ts')));

  it('keeps platform SDKs out of the core', () => {
    for (const file of core) {
      for (const spec of importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(grammy|@grammyjs\/|@slack\/)/);
      }
    }
  });

  it('keeps the core from importing adapters', () => {
    for (const file of core) {
      for (const spec of importsOf(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/adapters\//);
    }
  });

  it('reads process.env only in the config and the entry points', () => {
    const allowed = ['config.ts', 'main.ts', 'ask.ts'];
    for (const file of core.filter((f) => !allowed.some((name) => f.endsWith(name)))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/process\.env/);
    }
  });
});

describe('no city in the code', () => {
  // Every city lives in its knowledge: names, ids and contact details never appear in src/ or adapters/.
  const knowledges = [loadKnowledge('knowledge'), loadKnowledge(brueckenfeld())];
  afterAll(removeKnowledgeDirs);
  const forbidden = knowledges.flatMap((k) => [
    k.town,
    toKey(k.town),
    k.city.name.text.de,
    ...[...k.subjects.values()].filter((s) => s.kind !== 'programme').map((s) => s.id),
    ...k.contacts.flatMap((c) => [String(c.facts.phone), String(c.facts.email)]),
    ...k.people.map((p) => String(p.facts.name)),
  ]);
  const code = [...sourceFiles('src'), ...sourceFiles('adapters')];

  it('has no city name, knowledge id or contact detail in src/ or adapters/', () => {
    const found: string[] = [];
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      // Ids are looked for as whole words; names and numbers anywhere.
      for (const word of forbidden) {
        const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const pattern = /^[a-z0-9-]+$/.test(word) ? new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, 'i') : new RegExp(escaped, 'i');
        if (pattern.test(text)) found.push(`${file}: ${word}`);
      }
    }
    expect(found).toEqual([]);
  });
});
