import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../src/storage/database.js';
import { createIntakeStore, type IntakeStore } from '../../src/storage/intake.js';

let dir: string;
let db: SqliteDatabase;
let clock: number;
let intake: IntakeStore;

const open = () => {
  db = openDatabase({ dir });
  intake = createIntakeStore(db, { now: () => clock, keepDoneMs: 1000 });
};
const reopen = () => {
  closeDatabase(db);
  open();
};
const update = (id: number, chat = 'chat-1') => ({
  channel: 'telegram' as const,
  key: String(id),
  queue: chat,
  payload: { id, chat, text: `q${id}` },
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'intake-'));
  clock = 1_000_000;
  open();
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('intake store', () => {
  it('tells a first delivery from a duplicate, and a duplicate in hand from one already answered', () => {
    expect(intake.record(update(1))).toEqual({ duplicate: false });
    expect(intake.record(update(1))).toEqual({ duplicate: true, done: false });
    expect(intake.markDone('telegram', '1')).toBe(true);
    expect(intake.record(update(1))).toEqual({ duplicate: true, done: true });
    expect(intake.markDone('telegram', '1')).toBe(false);
    expect(intake.markDone('telegram', 'never-seen')).toBe(false);
  });

  it('records a batch in one go, telling each item apart, and none of it when one fails', () => {
    intake.record(update(2));
    expect(intake.recordMany([update(1), update(2), update(3)])).toEqual([
      { duplicate: false },
      { duplicate: true, done: false },
      { duplicate: false },
    ]);
    const broken = { ...update(4), channel: 'email' as unknown as 'telegram' }; // refused by the table's CHECK
    expect(() => intake.recordMany([update(5), broken])).toThrow();
    expect(intake.recover('telegram').map((item) => item.key)).toEqual(['2', '1', '3']);
  });

  it('keeps the channels apart: the same key on Slack is a different item', () => {
    intake.record(update(7));
    expect(intake.record({ channel: 'slack', key: '7', queue: 'C1', payload: {} })).toEqual({ duplicate: false });
  });

  it('counts unfinished items per queue, per channel and in total', () => {
    intake.record(update(1, 'a'));
    intake.record(update(2, 'a'));
    intake.record(update(3, 'b'));
    intake.record({ channel: 'slack', key: 'Ev1', queue: 'a', payload: {} });
    intake.markDone('telegram', '2');
    expect(intake.countUnfinished({ channel: 'telegram', queue: 'a' })).toBe(1);
    expect(intake.countUnfinished({ channel: 'telegram', queue: 'b' })).toBe(1);
    expect(intake.countUnfinished({ channel: 'telegram' })).toBe(2);
    expect(intake.countUnfinished({ queue: 'a' })).toBe(2);
    expect(intake.countUnfinished()).toBe(3);
  });

  it('loses nothing when the file is closed and opened again: unfinished items come back oldest first, with their payload', () => {
    for (const id of [5, 3, 9]) intake.record(update(id));
    intake.markDone('telegram', '3');
    reopen();
    const items = intake.recover('telegram');
    expect(items.map((item) => item.key)).toEqual(['5', '9']);
    expect(items[0]).toEqual({
      channel: 'telegram',
      key: '5',
      queue: 'chat-1',
      payload: { id: 5, chat: 'chat-1', text: 'q5' },
      receivedAt: 1_000_000,
      recoveries: 0,
    });
    // The answered one is still known as a duplicate after the restart.
    expect(intake.record(update(3))).toEqual({ duplicate: true, done: true });
    expect(intake.record(update(5))).toEqual({ duplicate: true, done: false });
  });

  it('loses nothing when the process is killed with SIGKILL right after recording (no clean close)', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/intake-then-kill.ts', dir, '200'], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    reopen();
    const keys = intake.recover('telegram').map((item) => Number(item.key));
    expect(keys).toEqual(Array.from({ length: 100 }, (_, n) => 2 * n + 1));
    expect(intake.record(update(0))).toEqual({ duplicate: true, done: true });
  });

  it('gives up an item that keeps coming back (it crashes the process) after maxRecoveries starts', () => {
    intake.record(update(1));
    expect(intake.recover('telegram', { maxRecoveries: 2 })).toHaveLength(1);
    expect(intake.recover('telegram', { maxRecoveries: 2 })[0]?.recoveries).toBe(1);
    expect(intake.recover('telegram', { maxRecoveries: 2 })).toEqual([]);
    expect(intake.countUnfinished()).toBe(0);
    expect(intake.record(update(1))).toEqual({ duplicate: true, done: true });
  });

  it('deletes the payload of a finished item, and its key once keepDoneMs has passed', () => {
    intake.record(update(1));
    intake.markDone('telegram', '1');
    expect(db.prepare('SELECT payload, queue FROM intake').get()).toEqual({ payload: null, queue: '' });
    clock += 999;
    expect(intake.prune()).toBe(0);
    intake.record(update(2));
    clock += 2;
    expect(intake.prune()).toBe(1);
    // Unfinished items are never pruned, however old.
    clock += 1_000_000;
    expect(intake.prune()).toBe(0);
    expect(intake.recover('telegram').map((item) => item.key)).toEqual(['2']);
    expect(intake.record(update(1))).toEqual({ duplicate: false });
  });

  it('stores what JSON can carry and nothing else', () => {
    intake.record({ channel: 'slack', key: 'Ev9', queue: 'C1', payload: { at: new Date(0), skip: undefined, n: 1 } });
    expect(intake.recover('slack')[0]?.payload).toEqual({ at: '1970-01-01T00:00:00.000Z', n: 1 });
    intake.record({ channel: 'slack', key: 'Ev10', queue: 'C1', payload: undefined });
    expect(intake.recover('slack').at(-1)?.payload).toBeNull();
  });

  it('creates the directory and the file for the owner only', () => {
    const nested = join(dir, 'nested', 'data');
    closeDatabase(openDatabase({ dir: nested }));
    expect(statSync(nested).mode & 0o777).toBe(0o700);
    expect(statSync(join(nested, 'bot.sqlite')).mode & 0o777).toBe(0o600);
  });
});
