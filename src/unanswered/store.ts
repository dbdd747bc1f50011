import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChannelName, Locale } from '../message.js';
import { DATABASE_FILE, openDatabase, type SqliteDatabase } from '../storage/database.js';

/** One question the bot could not answer. Deliberately without any user or conversation id. */
export interface UnansweredQuestion {
  /** ISO 8601 time the question was asked. */
  at: string;
  locale: Locale;
  channel: ChannelName;
  text: string;
}

export interface UnansweredStoreOptions {
  /** Records older than this are dropped by {@link UnansweredStore.prune} and hidden by `read`. */
  retentionDays: number;
  /** Injectable clock, for tests. */
  now?: () => Date;
}

export interface UnansweredStore {
  /** Stores one question. Never throws: a full disk loses this question, not the answer. Returns whether it was stored. */
  record(question: { text: string; locale: Locale; channel: ChannelName }): boolean;
  /** Every record within the retention window, oldest first. */
  read(): UnansweredQuestion[];
  /** Deletes records past retention; returns how many. */
  prune(): number;
}

/** Longer questions are cut: a pasted essay says nothing more about what is missing. */
export const MAX_STORED_TEXT = 500;

/** Where releases before the database kept the questions; imported once, then renamed to `….imported`. */
export const LEGACY_FILE = 'unanswered.jsonl';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The unanswered questions, in the bot's SQLite database (table `unanswered`).
 *
 * Why it is safe with several processes (two bots during a rolling deploy, the report
 * beside a bot): every insert and every prune is its own SQLite transaction, so a prune
 * deletes exactly the old rows and can never drop a question another process is adding
 * at that moment, which a rewrite-and-rename of a file could.
 *
 * A `data/unanswered.jsonl` from an older release is imported on first open, inside a
 * write transaction so that two processes starting together import it once.
 *
 * ```ts
 * const store = createUnansweredStore(openDatabase({ dir: 'data' }), { retentionDays: 90 });
 * store.record({ text: 'Wie wird das Wetter?', locale: 'de', channel: 'telegram' });
 * ```
 */
export function createUnansweredStore(db: SqliteDatabase, options: UnansweredStoreOptions): UnansweredStore {
  const now = options.now ?? (() => new Date());
  const cutoff = () => now().getTime() - options.retentionDays * DAY_MS;
  const insert = db.prepare<[number, string, string, string]>('INSERT INTO unanswered (at, locale, channel, text) VALUES (?, ?, ?, ?)');
  const remove = db.prepare<[number]>('DELETE FROM unanswered WHERE at < ?');
  importLegacyFile(db, insert);

  return {
    record(question) {
      try {
        insert.run(now().getTime(), question.locale, question.channel, question.text.trim().slice(0, MAX_STORED_TEXT));
        return true;
      } catch {
        return false;
      }
    },
    read: () => selectSince(db, cutoff()),
    prune: () => remove.run(cutoff()).changes,
  };
}

/**
 * Reads the questions without writing anything (no directory made, no migration), so
 * that `npm run report` can run beside a bot: every record within the retention window,
 * oldest first, from the database and from a legacy file not imported yet.
 */
export function readUnanswered(options: UnansweredStoreOptions & { dir: string }): UnansweredQuestion[] {
  const now = options.now ?? (() => new Date());
  const oldest = now().getTime() - options.retentionDays * DAY_MS;
  const legacyFile = join(options.dir, LEGACY_FILE);
  const legacy = existsSync(legacyFile) ? parseLines(readFileSync(legacyFile, 'utf8')).filter((entry) => Date.parse(entry.at) >= oldest) : [];
  if (!existsSync(join(options.dir, DATABASE_FILE))) return legacy;
  const db = openDatabase({ dir: options.dir, readonly: true });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'unanswered'").get() !== undefined;
    const stored = hasTable ? selectSince(db, oldest) : [];
    return [...legacy, ...stored].sort((a, b) => a.at.localeCompare(b.at));
  } finally {
    db.close();
  }
}

function selectSince(db: SqliteDatabase, oldest: number): UnansweredQuestion[] {
  return db
    .prepare<[number], { at: number; locale: Locale; channel: ChannelName; text: string }>(
      'SELECT at, locale, channel, text FROM unanswered WHERE at >= ? ORDER BY at, id',
    )
    .all(oldest)
    .map((row) => ({ at: new Date(row.at).toISOString(), locale: row.locale, channel: row.channel, text: row.text }));
}

function importLegacyFile(db: SqliteDatabase, insert: { run(at: number, locale: string, channel: string, text: string): unknown }): void {
  const file = join(dirname(db.name), LEGACY_FILE);
  if (!existsSync(file)) return;
  const imported = `${file}.imported`;
  try {
    db.transaction(() => {
      // Checked again under the write lock: another process may have imported it meanwhile.
      if (!existsSync(file)) return;
      for (const entry of parseLines(readFileSync(file, 'utf8'))) insert.run(Date.parse(entry.at), entry.locale, entry.channel, entry.text);
      // Last, so that the file is moved only if everything else in the transaction worked.
      renameSync(file, imported);
    }).immediate();
  } catch (error) {
    if (existsSync(imported) && !existsSync(file)) renameSync(imported, file);
    throw error;
  }
  // Committed: the rows are in the database, and the file must not outlive their retention.
  rmSync(imported, { force: true });
}

/** Parses the legacy JSON lines, skipping any that are torn or not a record. */
export function parseLines(content: string): UnansweredQuestion[] {
  const entries: UnansweredQuestion[] = [];
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as Partial<UnansweredQuestion>;
      if (
        typeof value.at === 'string' &&
        !Number.isNaN(Date.parse(value.at)) &&
        (value.locale === 'de' || value.locale === 'en') &&
        typeof value.channel === 'string' &&
        typeof value.text === 'string'
      ) {
        entries.push(value as UnansweredQuestion);
      }
    } catch {
      // A line torn by a crash mid-write: the rest of the file is still good.
    }
  }
  return entries;
}
