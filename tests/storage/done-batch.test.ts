import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../src/storage/database.js';
import { createDoneBatch } from '../../src/storage/done-batch.js';
import { createIntakeStore, type IntakeStore } from '../../src/storage/intake.js';

let dir: string;
let db: SqliteDatabase;
let intake: IntakeStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'done-batch-'));
  db = openDatabase({ dir });
  intake = createIntakeStore(db);
  for (const key of ['1', '2', '3']) intake.record({ channel: 'telegram', key, queue: 'chat', payload: { key } });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('marking intake items done in batches', () => {
  it('marks many keys in one call, counting only those newly done', () => {
    expect(intake.markDoneMany('telegram', ['1', '2', 'never-seen'])).toBe(2);
    expect(intake.markDoneMany('telegram', ['1'])).toBe(0);
    expect(intake.countUnfinished({ channel: 'telegram' })).toBe(1);
  });

  it('writes what was finished in one turn of the event loop at the end of that turn', async () => {
    const done = createDoneBatch(intake, 'telegram', (error) => {
      throw error;
    });
    const first = done.add('1');
    done.add('2');
    expect(intake.countUnfinished()).toBe(3);
    // What waits for the mark (the chat's next answer) goes on only once it is written.
    await first;
    expect(intake.recover('telegram').map((item) => item.key)).toEqual(['3']);
  });

  it('writes at once on flush, and reports a database that went away instead of throwing', () => {
    const errors: unknown[] = [];
    const done = createDoneBatch(intake, 'telegram', (error) => errors.push(error));
    done.add('3');
    done.flush();
    expect(intake.countUnfinished()).toBe(2);
    done.add('1');
    closeDatabase(db);
    done.flush();
    expect(errors).toHaveLength(1);
    db = openDatabase({ dir });
    expect(createIntakeStore(db).countUnfinished()).toBe(2);
  });
});
