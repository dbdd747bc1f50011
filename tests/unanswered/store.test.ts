import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../src/storage/database.js';
import { startUnansweredRecorder } from '../../src/unanswered/recorder.js';
import { createUnansweredStore, LEGACY_FILE, MAX_STORED_TEXT, readUnanswered } from '../../src/unanswered/store.js';
import { captureLogs } from '../support/log-capture.js';

let dir: string;
let db: SqliteDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'unanswered-'));
  db = openDatabase({ dir });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const at = (iso: string) => () => new Date(iso);
const texts = (entries: { text: string }[]) => entries.map((entry) => entry.text);

function runChild(...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/append-unanswered.ts', dir, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

describe('unanswered question store', () => {
  it('records text, language, channel and time, and nothing about the user', () => {
    const store = createUnansweredStore(db, { retentionDays: 90, now: at('2026-05-01T12:00:00Z') });
    store.record({ text: '  Wie wird das Wetter?  ', locale: 'de', channel: 'telegram' });
    expect(store.read()).toEqual([{ at: '2026-05-01T12:00:00.000Z', locale: 'de', channel: 'telegram', text: 'Wie wird das Wetter?' }]);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('unanswered');
    expect(columns.sort()).toEqual(['at', 'channel', 'id', 'locale', 'text']);
  });

  it('keeps newlines in the text and caps its length', () => {
    const store = createUnansweredStore(db, { retentionDays: 90 });
    store.record({ text: 'eins\nzwei\r\ndrei', locale: 'de', channel: 'slack' });
    store.record({ text: 'a'.repeat(100_000), locale: 'en', channel: 'slack' });
    const [first, second] = store.read();
    expect(first?.text).toBe('eins\nzwei\r\ndrei');
    expect(second?.text).toHaveLength(MAX_STORED_TEXT);
  });

  it('drops records past the retention period when pruning, and hides them when reading', () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const store = createUnansweredStore(db, { retentionDays: 30, now: () => now });
    store.record({ text: 'alt', locale: 'de', channel: 'telegram' });
    now = new Date('2026-01-25T00:00:00Z');
    store.record({ text: 'neu', locale: 'de', channel: 'telegram' });
    now = new Date('2026-02-10T00:00:00Z');
    expect(texts(store.read())).toEqual(['neu']);
    expect(store.prune()).toBe(1);
    expect(db.prepare('SELECT text FROM unanswered').pluck().all()).toEqual(['neu']);
  });

  it('imports the unanswered.jsonl of an older release once, skipping torn lines, and removes the file', () => {
    closeDatabase(db);
    const recent = new Date(Date.now() - 86_400_000).toISOString();
    writeFileSync(
      join(dir, LEGACY_FILE),
      `${JSON.stringify({ at: recent, locale: 'de', channel: 'telegram', text: 'von früher' })}\n{"foo":1}\nnull\n{"at":"2026-05-01T12:00:00.000Z","chan`,
    );
    expect(texts(readUnanswered({ dir, retentionDays: 90 }))).toEqual(['von früher']); // the report reads it before the import
    db = openDatabase({ dir });
    const store = createUnansweredStore(db, { retentionDays: 90 });
    expect(texts(store.read())).toEqual(['von früher']);
    expect(existsSync(join(dir, LEGACY_FILE))).toBe(false);
    expect(existsSync(join(dir, `${LEGACY_FILE}.imported`))).toBe(false);
    expect(texts(createUnansweredStore(db, { retentionDays: 90 }).read())).toEqual(['von früher']);
  });

  it('reading for the report writes nothing: no directory, no database', () => {
    const missing = join(dir, 'missing');
    expect(readUnanswered({ dir: missing, retentionDays: 90 })).toEqual([]);
    expect(existsSync(missing)).toBe(false);
  });

  it('loses nothing when several processes write at once', async () => {
    const writers = 4;
    const perWriter = 250;
    await Promise.all(Array.from({ length: writers }, (_, writer) => runChild(String(writer), String(perWriter))));
    const records = readUnanswered({ dir, retentionDays: 90 });
    expect(records).toHaveLength(writers * perWriter);
    for (let writer = 0; writer < writers; writer++) {
      expect(records.filter((r) => r.text.startsWith(`writer ${writer} `))).toHaveLength(perWriter);
    }
  }, 60_000);

  it('pruning in one process while another writes loses none of the new records and drops all old ones', async () => {
    const old = createUnansweredStore(db, { retentionDays: 30, now: at('2020-01-01T00:00:00Z') });
    for (let i = 0; i < 500; i++) old.record({ text: `alt ${i}`, locale: 'de', channel: 'slack' });
    await Promise.all([runChild('new', '1500'), runChild('prune', '300')]);
    const records = readUnanswered({ dir, retentionDays: 30 });
    expect(records.filter((r) => r.text.startsWith('writer new '))).toHaveLength(1500);
    expect(db.prepare("SELECT count(*) FROM unanswered WHERE text LIKE 'alt %'").pluck().get()).toBe(0);
  }, 60_000);
});

describe('unanswered recorder', () => {
  it('writes nothing when switched off', () => {
    const logs = captureLogs();
    const recorder = startUnansweredRecorder(
      { enabled: false, retentionDays: 90 },
      db,
      createLogger({ level: 'info', pretty: false, destination: logs }),
    );
    recorder.record({ text: 'Wetter?', locale: 'de', channel: 'telegram' });
    recorder.stop();
    expect(readUnanswered({ dir, retentionDays: 90 })).toEqual([]);
  });

  it('skips the evaluation channel and records the others', () => {
    const logger = createLogger({ level: 'silent', pretty: false, destination: captureLogs() });
    const recorder = startUnansweredRecorder({ enabled: true, retentionDays: 90 }, db, logger);
    recorder.record({ text: 'aus der Evaluation', locale: 'de', channel: 'batch' });
    recorder.record({ text: 'aus dem Terminal', locale: 'de', channel: 'terminal' });
    recorder.stop();
    expect(texts(readUnanswered({ dir, retentionDays: 90 }))).toEqual(['aus dem Terminal']);
  });

  it('keeps answering when the store cannot be written, and says so once in the log', () => {
    const logs = captureLogs();
    const recorder = startUnansweredRecorder(
      { enabled: true, retentionDays: 90 },
      db,
      createLogger({ level: 'info', pretty: false, destination: logs }),
    );
    // A write that fails whoever runs the test (even root): the table is gone.
    db.exec('DROP TABLE unanswered');
    expect(() => recorder.record({ text: 'eins', locale: 'de', channel: 'telegram' })).not.toThrow();
    recorder.record({ text: 'zwei', locale: 'de', channel: 'telegram' });
    recorder.stop();
    expect(logs.lines.filter((l) => l.includes('cannot write unanswered'))).toHaveLength(1);
    expect(logs.text()).not.toContain('eins');
  });

  it('records nothing without a database', () => {
    const recorder = startUnansweredRecorder({ enabled: true, retentionDays: 90 }, undefined, createLogger({ level: 'silent', pretty: false }));
    expect(() => recorder.record({ text: 'eins', locale: 'de', channel: 'telegram' })).not.toThrow();
  });
});
