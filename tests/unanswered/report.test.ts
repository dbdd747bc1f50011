import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/storage/database.js';
import { formatUnansweredReport, groupUnanswered, normaliseQuestion } from '../../src/unanswered/report.js';
import { createUnansweredStore, type UnansweredQuestion } from '../../src/unanswered/store.js';

const q = (text: string, at: string, locale: 'de' | 'en' = 'de'): UnansweredQuestion => ({ text, at, locale, channel: 'telegram' });

describe('unanswered report', () => {
  it('groups questions that differ only in case, umlauts, punctuation and spaces', () => {
    expect(normaliseQuestion('  Wann fährt der Bus?! ')).toBe(normaliseQuestion('wann faehrt  der bus'));
  });

  it('lists the most frequent first, with count, languages and the latest wording', () => {
    const groups = groupUnanswered([
      q('Wetter morgen?', '2026-05-01T10:00:00Z'),
      q('Bus nach Travemünde', '2026-05-02T10:00:00Z'),
      q('wetter morgen', '2026-05-03T10:00:00Z'),
      q('Wetter Morgen!', '2026-05-04T10:00:00Z', 'en'),
    ]);
    expect(groups[0]).toEqual({ example: 'Wetter Morgen!', count: 3, locales: ['de', 'en'], lastSeen: '2026-05-04T10:00:00Z' });
    expect(groups[1]?.count).toBe(1);
    const text = formatUnansweredReport(groups, 4, 10);
    expect(text).toMatch(/3\s+de\+en\s+2026-05-04\s+Wetter Morgen!/);
    expect(text.indexOf('Wetter')).toBeLessThan(text.indexOf('Bus'));
  });

  it('says so when there is nothing to report', () => {
    expect(formatUnansweredReport([], 0, 10)).toMatch(/No unanswered questions/);
  });

  it('npm run report prints the table, within the retention period, also from the file of an older release in UNANSWERED_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    try {
      const recent = new Date(Date.now() - 2 * 86_400_000).toISOString();
      const ancient = new Date(Date.now() - 400 * 86_400_000).toISOString();
      const lines = [
        q('Wie wird das Wetter?', recent),
        q('wie wird das wetter', recent),
        q('Uralte Frage', ancient),
        q('Parken am Rathaus?', recent, 'de'),
      ].map((entry) => JSON.stringify(entry));
      writeFileSync(join(dir, 'unanswered.jsonl'), `${lines.join('\n')}\n{"torn`);
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', '--limit', '5'], {
        env: { PATH: process.env.PATH, UNANSWERED_DIR: dir, ENV_FILE: join(dir, 'no.env') },
        encoding: 'utf8',
      });
      expect(out).toMatch(/3 unanswered question\(s\), 2 different/);
      expect(out).toMatch(/2\s+de\s+\d{4}-\d\d-\d\d\s+wie wird das wetter/);
      expect(out).not.toContain('Uralte Frage');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm run report reads the database in DATA_DIR beside a running bot, without writing to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-db-'));
    const db = openDatabase({ dir });
    try {
      const store = createUnansweredStore(db, { retentionDays: 90 });
      store.record({ text: 'Gibt es Parkplätze?', locale: 'de', channel: 'telegram' });
      store.record({ text: 'gibt es parkplaetze', locale: 'de', channel: 'slack' });
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts'], {
        env: { PATH: process.env.PATH, DATA_DIR: dir, ENV_FILE: join(dir, 'no.env') },
        encoding: 'utf8',
      });
      expect(out).toMatch(/2 unanswered question\(s\), 1 different/);
      store.record({ text: 'nach dem Bericht', locale: 'de', channel: 'telegram' });
      expect(store.read()).toHaveLength(3);
    } finally {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
