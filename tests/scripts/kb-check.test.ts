import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { knowledgeCopy, removeKnowledgeDirs } from '../support/knowledge-dirs.js';

afterAll(removeKnowledgeDirs);

const kbCheck = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kb-check.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('npm run kb:check', () => {
  it('tells the editor in German what is wrong where, exits 1, and skips the evaluation', () => {
    const dir = knowledgeCopy();
    const people = join(dir, 'city', 'people.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('organisation: stabsstelle', 'organisation: stabstelle'));
    const events = join(dir, 'city', 'events.yaml');
    writeFileSync(events, readFileSync(events, 'utf8').replace('organiser: tandem-ehrenamt', 'organizer: tandem-ehrenamt'));
    const result = kbCheck(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('2 Probleme');
    expect(result.stdout).toMatch(/city\/people\.yaml, Zeile \d+ – people → 1\. Eintrag → organisation: .*Meinen Sie „stabsstelle“\?/);
    expect(result.stdout).toMatch(
      /city\/events\.yaml, Zeile \d+ – events → 1\. Eintrag → organizer: Das Feld „organizer“ beantwortet keine Frageart/,
    );
    expect(result.stdout).not.toContain('2/2');
  });

  it('speaks English with --lang en', () => {
    const dir = knowledgeCopy();
    const city = join(dir, 'city', 'city.yaml');
    writeFileSync(city, readFileSync(city, 'utf8').replace('  town: Lübeck', '\ttown: Lübeck'));
    const result = kbCheck('--lang', 'en', dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/city\/city\.yaml, line \d+: This line is indented with a tab/);
  });

  it('on good knowledge goes on to ask the bot the evaluation questions', () => {
    const result = kbCheck(knowledgeCopy());
    expect(result.stdout).toMatch(/In Ordnung: \d+ Themen/);
    expect(result.stdout).toContain('2/2 npm run eval');
    expect(result.stdout).toMatch(/(PASS|FAIL): [\d.]+% on the gating set/);
    expect(result.status).toBe(/\nPASS: /.test(result.stdout) ? 0 : 1);
  });
});
