import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startUnansweredRecorder } from '../../src/unanswered/recorder.js';
import { MAX_STORED_TEXT, openUnansweredStore, readUnanswered } from '../../src/unanswered/store.js';
import { captureLogs } from '../support/log-capture.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'unanswered-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (iso: string) => () => new Date(iso);

describe('unanswered question store', () => {
  it('records text, language, channel and time, and nothing about the user', () => {
    const store = openUnansweredStore({ dir, retentionDays: 90, now: at('2026-05-01T12:00:00Z') });
    store.record({ text: '  Wie wird das Wetter?  ', locale: 'de', channel: 'telegram' });
    expect(store.read()).toEqual([{ at: '2026-05-01T12:00:00.000Z', locale: 'de', channel: 'telegram', text: 'Wie wird das Wetter?' }]);
    const line = JSON.parse(readFileSync(store.file, 'utf8').trim()) as Record<string, unknown>;
    expect(Object.keys(line).sort()).toEqual(['at', 'channel', 'locale', 'text']);
  });

  it('keeps each record on one line, even with newlines in the text, and caps its length', () => {
    const store = openUnansweredStore({ dir, retentionDays: 90 });
    store.record({ text: 'eins\nzwei\r\ndrei', locale: 'de', channel: 'slack' });
    store.record({ text: 'a'.repeat(100_000), locale: 'en', channel: 'slack' });
    expect(readFileSync(store.file, 'utf8').trim().split('\n')).toHaveLength(2);
    const [first, second] = store.read();
    expect(first?.text).toBe('eins\nzwei\r\ndrei');
    expect(second?.text).toHaveLength(MAX_STORED_TEXT);
  });

  it('drops records past the retention period when pruning, and hides them when reading', () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const store = openUnansweredStore({ dir, retentionDays: 30, now: () => now });
    store.record({ text: 'alt', locale: 'de', channel: 'telegram' });
    now = new Date('2026-01-25T00:00:00Z');
    store.record({ text: 'neu', locale: 'de', channel: 'telegram' });
    now = new Date('2026-02-10T00:00:00Z');
    expect(store.read().map((q) => q.text)).toEqual(['neu']);
    expect(store.prune()).toBe(1);
    expect(readFileSync(store.file, 'utf8')).not.toContain('alt');
    expect(store.read().map((q) => q.text)).toEqual(['neu']);
  });

  it('skips a line torn by a crash mid-write and starts the next record on a fresh line', () => {
    const first = openUnansweredStore({ dir, retentionDays: 90 });
    first.record({ text: 'vor dem Absturz', locale: 'de', channel: 'telegram' });
    // The crash: half a record, no newline.
    appendFileSync(first.file, '{"at":"2026-05-01T12:00:00.000Z","locale":"de","chan');
    expect(first.read().map((q) => q.text)).toEqual(['vor dem Absturz']);

    const afterRestart = openUnansweredStore({ dir, retentionDays: 90 });
    afterRestart.record({ text: 'nach dem Neustart', locale: 'de', channel: 'telegram' });
    expect(afterRestart.read().map((q) => q.text)).toEqual(['vor dem Absturz', 'nach dem Neustart']);
    expect(afterRestart.prune()).toBe(0);
    expect(readFileSync(afterRestart.file, 'utf8')).not.toContain('"chan\n');
  });

  it('ignores lines that are JSON but not a record', () => {
    writeFileSync(join(dir, 'unanswered.jsonl'), '{"foo":1}\nnull\n[]\n{"at":"nonsense","locale":"de","channel":"x","text":"t"}\n');
    expect(readUnanswered({ dir, retentionDays: 90 })).toEqual([]);
  });

  it('loses nothing when several processes write at once', async () => {
    const writers = 4;
    const perWriter = 250;
    await Promise.all(
      Array.from(
        { length: writers },
        (_, writer) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/append-unanswered.ts', dir, String(writer), String(perWriter)], {
              stdio: 'inherit',
            });
            child.on('error', reject);
            child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} exited ${code}`))));
          }),
      ),
    );
    const lines = readFileSync(join(dir, 'unanswered.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(writers * perWriter);
    const records = readUnanswered({ dir, retentionDays: 90 });
    expect(records).toHaveLength(writers * perWriter);
    for (let writer = 0; writer < writers; writer++) {
      expect(records.filter((r) => r.text.startsWith(`writer ${writer} `))).toHaveLength(perWriter);
    }
  }, 60_000);
});

describe('unanswered recorder', () => {
  it('writes nothing when switched off', () => {
    const logs = captureLogs();
    const recorder = startUnansweredRecorder(
      { enabled: false, dir, retentionDays: 90 },
      createLogger({ level: 'info', pretty: false, destination: logs }),
    );
    recorder.record({ text: 'Wetter?', locale: 'de', channel: 'telegram' });
    recorder.stop();
    expect(readUnanswered({ dir, retentionDays: 90 })).toEqual([]);
  });

  it('skips the evaluation channel and records the others', () => {
    const logger = createLogger({ level: 'silent', pretty: false, destination: captureLogs() });
    const recorder = startUnansweredRecorder({ enabled: true, dir, retentionDays: 90 }, logger);
    recorder.record({ text: 'aus der Evaluation', locale: 'de', channel: 'batch' });
    recorder.record({ text: 'aus dem Terminal', locale: 'de', channel: 'terminal' });
    recorder.stop();
    expect(readUnanswered({ dir, retentionDays: 90 }).map((q) => q.text)).toEqual(['aus dem Terminal']);
  });

  it('keeps answering when the store cannot be written, and says so once in the log', () => {
    const logs = captureLogs();
    const recorder = startUnansweredRecorder(
      { enabled: true, dir, retentionDays: 90 },
      createLogger({ level: 'info', pretty: false, destination: logs }),
    );
    // A write that fails whoever runs the test (even root): the file's place is taken by a directory.
    mkdirSync(join(dir, 'unanswered.jsonl'));
    expect(() => recorder.record({ text: 'eins', locale: 'de', channel: 'telegram' })).not.toThrow();
    recorder.record({ text: 'zwei', locale: 'de', channel: 'telegram' });
    recorder.stop();
    expect(logs.lines.filter((l) => l.includes('cannot write unanswered'))).toHaveLength(1);
    expect(logs.text()).not.toContain('eins');
  });
});
