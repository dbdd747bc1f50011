import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { locateField } from '../../src/knowledge/locate.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function knowledgeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-check-'));
  dirs.push(dir);
  cpSync('knowledge', dir, { recursive: true });
  return dir;
}

const kbCheck = (dir: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kb-check.ts', dir], { encoding: 'utf8', timeout: 60_000 });

describe('npm run kb:check', () => {
  it('names file, line, column and field of each problem, exits 1, and skips the evaluation', () => {
    const dir = knowledgeCopy();
    const people = join(dir, 'people.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace(/(\n {6}en: )contact person[^\n]*/, '$1""'));
    writeFileSync(
      join(dir, 'events.yaml'),
      readFileSync(join(dir, 'events.yaml'), 'utf8').replace('organiser: tandem-ehrenamt', 'organizer: tandem-ehrenamt'),
    );
    const result = kbCheck(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/people\.yaml:\d+:\d+: people\.0\.role\.en: English text is empty/);
    expect(result.stdout).toMatch(/events\.yaml:\d+:\d+: events\.0: /);
    expect(result.stdout).not.toContain('2/2');
    expect(result.stdout).toContain('kb:check FAILED');
  });

  it('on good knowledge goes on to ask the bot the evaluation questions', () => {
    const result = kbCheck(knowledgeCopy());
    expect(result.stdout).toMatch(/ok: \d+ organisations, \d+ people, \d+ events/);
    expect(result.stdout).toContain('2/2 Asking the bot');
    expect(result.stdout).toMatch(/(PASS|FAIL): [\d.]+% on the gating set/);
    // The exit code follows the evaluation's verdict.
    expect(result.status).toBe(/\nPASS: /.test(result.stdout) ? 0 : 1);
  });
});

describe('locateField', () => {
  const text = 'people:\n  - id: a\n    role:\n      de: x\n      en: ""\n';
  it('points at the field, or at its nearest existing parent when it is missing', () => {
    expect(locateField(text, 'people.0.role.en')).toEqual({ line: 5, column: 11 });
    expect(locateField(text, 'people.0.organisation')).toEqual({ line: 2, column: 5 });
  });
});
