import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelName, Locale } from '../message.js';

/** One question the bot could not answer. Deliberately without any user or conversation id. */
export interface UnansweredQuestion {
  /** ISO 8601 time the question was asked. */
  at: string;
  locale: Locale;
  channel: ChannelName;
  text: string;
}

export interface UnansweredStoreOptions {
  /** Directory of the store; created when missing. */
  dir: string;
  /** Records older than this are dropped by {@link UnansweredStore.prune}. */
  retentionDays: number;
  /** Injectable clock, for tests. */
  now?: () => Date;
}

export interface UnansweredStore {
  /** The JSON-lines file the records live in. */
  readonly file: string;
  /** Appends one question. Never throws: a full disk loses this question, not the answer. */
  record(question: { text: string; locale: Locale; channel: ChannelName }): boolean;
  /** Every intact record within the retention window, oldest first. */
  read(): UnansweredQuestion[];
  /** Rewrites the file without records past retention; returns how many were dropped. */
  prune(): number;
}

/** Longer questions are cut: a pasted essay says nothing more about what is missing. */
export const MAX_STORED_TEXT = 500;

const FILE_NAME = 'unanswered.jsonl';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An append-only JSON-lines store of unanswered questions.
 *
 * Why it is safe: each record is one complete line written by a single `write` on a
 * file opened with O_APPEND, so writers in several processes never interleave, and a
 * crash can tear at most the line being written. Readers skip a torn line, and opening
 * the store ends a torn tail with a newline so the next record starts clean. Pruning
 * writes a temporary file and renames it over the old one, so a crash while pruning
 * leaves either the old or the new file, never half of one.
 *
 * ```ts
 * const store = openUnansweredStore({ dir: 'data', retentionDays: 90 });
 * store.record({ text: 'Wie wird das Wetter?', locale: 'de', channel: 'telegram' });
 * ```
 */
export function openUnansweredStore(options: UnansweredStoreOptions): UnansweredStore {
  const now = options.now ?? (() => new Date());
  const file = join(options.dir, FILE_NAME);
  mkdirSync(options.dir, { recursive: true });
  endTornTail(file);

  const cutoff = () => now().getTime() - options.retentionDays * DAY_MS;
  const readAll = () => readFile(file);

  return {
    file,
    record(question) {
      const entry: UnansweredQuestion = {
        at: now().toISOString(),
        locale: question.locale,
        channel: question.channel,
        text: question.text.trim().slice(0, MAX_STORED_TEXT),
      };
      try {
        // `flag: 'a'` opens with O_APPEND; the whole line goes out in one write.
        appendFileSync(file, `${JSON.stringify(entry)}\n`, { flag: 'a', mode: 0o600 });
        return true;
      } catch {
        return false;
      }
    },
    read: () => readUnanswered(options),
    prune() {
      if (!existsSync(file)) return 0;
      const all = readAll();
      const oldest = cutoff();
      const kept = all.filter((entry) => Date.parse(entry.at) >= oldest);
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''), { mode: 0o600 });
      renameSync(temp, file);
      return all.length - kept.length;
    },
  };
}

/**
 * Reads the store without touching it (no directory made, no repair), so that
 * `npm run report` can run beside a bot that is writing: every intact record within
 * the retention window, oldest first.
 */
export function readUnanswered(options: UnansweredStoreOptions): UnansweredQuestion[] {
  const now = options.now ?? (() => new Date());
  const oldest = now().getTime() - options.retentionDays * DAY_MS;
  return readFile(join(options.dir, FILE_NAME)).filter((entry) => Date.parse(entry.at) >= oldest);
}

function readFile(file: string): UnansweredQuestion[] {
  return existsSync(file) ? parseLines(readFileSync(file, 'utf8')) : [];
}

/** Parses JSON lines, skipping any that are torn or not a record. */
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
      // A line torn by a crash mid-write: the rest of the store is still good.
    }
  }
  return entries;
}

/** If the last write was torn (no final newline), end it so the next record starts on its own line. */
function endTornTail(file: string): void {
  if (!existsSync(file)) return;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] === 0x0a) return;
  } finally {
    closeSync(fd);
  }
  appendFileSync(file, '\n', { flag: 'a' });
}
