import type { SqliteDatabase } from './database.js';

export type IntakeChannel = 'telegram' | 'slack';

/** What an adapter records when an update or event arrives, before acknowledging it. */
export interface IntakeEntry {
  channel: IntakeChannel;
  /**
   * What the platform re-sends unchanged with a duplicate: Telegram's `update_id`,
   * Slack's `event_id`, or an interaction's id (e.g. `trigger_id`). Unique per channel.
   */
  key: string;
  /** Work that must stay in order and is bounded together, e.g. the chat or the Slack channel. */
  queue: string;
  /**
   * Just enough to answer again after a restart (see docs/operations.md, "What is stored").
   * Must survive `JSON.stringify`. Deleted from the file as soon as the item is done.
   */
  payload: unknown;
}

/** An item received but not answered yet, as {@link IntakeStore.recover} hands it back. */
export interface IntakeItem {
  channel: IntakeChannel;
  key: string;
  queue: string;
  payload: unknown;
  /** Milliseconds since the epoch. */
  receivedAt: number;
  /** How many earlier starts already handed this item back (0 on the first recovery). */
  recoveries: number;
}

/** Whether {@link IntakeStore.record} saw this key before. */
export type IntakeRecordResult =
  /** First time: answer it, then call `markDone`. */
  | { duplicate: false }
  /** Seen before. `done`: already answered, do nothing. Not done: it is being (or will be) answered; do not answer twice. */
  | { duplicate: true; done: boolean };

/**
 * The durable record of received updates and events: written before the platform is
 * told "got it", so that a crash, a `kill -9` or a stop that runs out of time leaves the
 * work in the database and not on the floor, and so that platform re-deliveries
 * (Telegram webhook retries, Slack's `X-Slack-Retry-Num`) are answered once.
 *
 * Synchronous: every call is one short SQLite statement and, for writes, one commit
 * (some 20–100 µs on this machine; `recordMany` shares one commit across a batch).
 * A server database could implement the same interface with promises; callers would
 * then `await` these calls, nothing else would change.
 *
 * ```ts
 * // In the adapter, before acknowledging:
 * const seen = intake.record({ channel: 'telegram', key: String(update.update_id), queue: chatKey, payload: minimal(update) });
 * if (seen.duplicate) return; // answered, or in hand
 * if (intake.countUnfinished({ channel: 'telegram', queue: chatKey }) > PER_CHAT_LIMIT) … // reply "one moment", mark done
 * await answer(update);
 * intake.markDone('telegram', String(update.update_id));
 *
 * // At start, before taking new updates:
 * for (const item of intake.recover('telegram')) await answer(item.payload as MinimalUpdate).finally(() => intake.markDone(item.channel, item.key));
 * ```
 */
export interface IntakeStore {
  /** Records an item unless its key was seen before; tells which. Throws only if the database fails (then do not acknowledge). */
  record(entry: IntakeEntry): IntakeRecordResult;
  /**
   * {@link record} for a batch (e.g. the updates of one `getUpdates` answer) in one
   * transaction: one commit instead of one per item, several times cheaper. All or none.
   */
  recordMany(entries: readonly IntakeEntry[]): IntakeRecordResult[];
  /**
   * The item is finished: answered, or given up for good (the user blocked the bot, a
   * malformed update). Its payload is deleted; the key stays a while to catch duplicates.
   * Returns false when the key is unknown or was done already.
   */
  markDone(channel: IntakeChannel, key: string): boolean;
  /** {@link markDone} for many keys in one transaction (one commit); returns how many were newly done. */
  markDoneMany(channel: IntakeChannel, keys: readonly string[]): number;
  /**
   * For a restart: every unfinished item of the channel, oldest first. Each call counts
   * as one recovery of each item; an item already handed back `maxRecoveries` times
   * (it keeps failing, or keeps crashing the process) is given up: marked done and
   * left out, so one poisonous update cannot stop the bot for good.
   */
  recover(channel: IntakeChannel, options?: { maxRecoveries?: number }): IntakeItem[];
  /** How many items are unfinished: of one queue, of one channel, or in total. For bounds on queued work. */
  countUnfinished(filter?: { channel?: IntakeChannel; queue?: string }): number;
  /** Deletes the keys of items done longer ago than `keepDoneMs`; returns how many. Run at start and now and then. */
  prune(): number;
}

export interface IntakeStoreOptions {
  /**
   * How long the key of a finished item is kept to catch duplicates. Default one day:
   * Slack retries within minutes, Telegram re-sends a webhook update for hours at most,
   * and Telegram only starts update ids afresh (at random) after a week without updates.
   */
  keepDoneMs?: number;
  /** Injectable clock, for tests. */
  now?: () => number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_MAX_RECOVERIES = 3;

/**
 * The intake on the bot's SQLite database (see `openDatabase`).
 *
 * ```ts
 * const intake = createIntakeStore(openDatabase({ dir: 'data' }));
 * ```
 */
export function createIntakeStore(db: SqliteDatabase, options: IntakeStoreOptions = {}): IntakeStore {
  const now = options.now ?? Date.now;
  const keepDoneMs = options.keepDoneMs ?? DAY_MS;

  const insert = db.prepare<[string, string, string, string, number]>(
    'INSERT INTO intake (channel, key, queue, payload, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, key) DO NOTHING',
  );
  const doneAt = db.prepare<[string, string], { done_at: number | null }>('SELECT done_at FROM intake WHERE channel = ? AND key = ?');
  const finish = db.prepare<[number, string, string]>(
    "UPDATE intake SET done_at = ?, payload = NULL, queue = '' WHERE channel = ? AND key = ? AND done_at IS NULL",
  );
  const unfinished = db.prepare<
    [string],
    { channel: IntakeChannel; key: string; queue: string; payload: string | null; received_at: number; recoveries: number }
  >('SELECT channel, key, queue, payload, received_at, recoveries FROM intake WHERE channel = ? AND done_at IS NULL ORDER BY id');
  const countRecovery = db.prepare<[string]>('UPDATE intake SET recoveries = recoveries + 1 WHERE channel = ? AND done_at IS NULL');
  const giveUp = db.prepare<[number, string, number]>(
    "UPDATE intake SET done_at = ?, payload = NULL, queue = '' WHERE channel = ? AND done_at IS NULL AND recoveries >= ?",
  );
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM intake WHERE done_at IS NULL');
  const countChannel = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM intake WHERE done_at IS NULL AND channel = ?');
  const countQueue = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM intake WHERE done_at IS NULL AND channel = ? AND queue = ?',
  );
  const countQueueAnyChannel = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM intake WHERE done_at IS NULL AND queue = ?');
  const prune = db.prepare<[number]>('DELETE FROM intake WHERE done_at IS NOT NULL AND done_at < ?');

  const recover = db.transaction((channel: IntakeChannel, maxRecoveries: number): IntakeItem[] => {
    giveUp.run(now(), channel, maxRecoveries);
    const items = unfinished.all(channel).map((row) => ({
      channel: row.channel,
      key: row.key,
      queue: row.queue,
      payload: row.payload === null ? null : (JSON.parse(row.payload) as unknown),
      receivedAt: row.received_at,
      recoveries: row.recoveries,
    }));
    countRecovery.run(channel);
    return items;
  });

  const record = (entry: IntakeEntry): IntakeRecordResult => {
    const payload = JSON.stringify(entry.payload ?? null);
    if (insert.run(entry.channel, entry.key, entry.queue, payload, now()).changes === 1) return { duplicate: false };
    return { duplicate: true, done: doneAt.get(entry.channel, entry.key)?.done_at != null };
  };
  const recordMany = db.transaction((entries: readonly IntakeEntry[]) => entries.map(record));
  const markDoneMany = db.transaction((channel: IntakeChannel, keys: readonly string[]) => {
    const at = now();
    let done = 0;
    for (const key of keys) done += finish.run(at, channel, key).changes;
    return done;
  });

  return {
    record,
    recordMany: (entries) => recordMany(entries),
    markDone: (channel, key) => finish.run(now(), channel, key).changes === 1,
    markDoneMany: (channel, keys) => (keys.length === 0 ? 0 : markDoneMany(channel, keys)),
    recover: (channel, recoverOptions) => recover(channel, recoverOptions?.maxRecoveries ?? DEFAULT_MAX_RECOVERIES),
    countUnfinished({ channel, queue } = {}) {
      if (channel && queue !== undefined) return countQueue.get(channel, queue)?.n ?? 0;
      if (channel) return countChannel.get(channel)?.n ?? 0;
      if (queue !== undefined) return countQueueAnyChannel.get(queue)?.n ?? 0;
      return countAll.get()?.n ?? 0;
    },
    prune: () => prune.run(now() - keepDoneMs).changes,
  };
}
