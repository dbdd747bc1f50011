import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.js';

describe('the cache of checked knowledge', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-cache-'));
    dirs.push(dir);
    cpSync('knowledge', dir, { recursive: true });
    return dir;
  };

  it('gives the same knowledge on a second load', () => {
    const dir = copy();
    expect(loadKnowledge(dir)).toEqual(loadKnowledge(dir));
  });

  it('never serves an old version after a file changed', () => {
    const dir = copy();
    expect(loadKnowledge(dir).contact.phone).toBe('0451 122 2029');
    const file = join(dir, 'programme.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('phone: 0451 122 2029', 'phone: 0451 122 9999'));
    expect(loadKnowledge(dir).contact.phone).toBe('0451 122 9999');
  });

  it('still refuses a broken file that was valid before', () => {
    const dir = copy();
    loadKnowledge(dir);
    const file = join(dir, 'programme.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('email: ehrenamt@luebeck.de', 'email: nope'));
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
  });
});
