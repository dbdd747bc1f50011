import type { Update } from 'grammy/types';
import { createDoneBatch } from '../../src/storage/done-batch.js';
import type { IntakeStore } from '../../src/storage/intake.js';
import { RecentIds } from './recent-ids.js';
import { minimalUpdate, routeOf } from './to-message.js';

/**
 * Where received updates are kept until they are answered, as the channel sees it.
 * Telegram forgets an update once its offset is confirmed (polling) or its webhook
 * request got a 200, so the bot records it here first; after a crash or a stop that ran
 * out of time, the updates still unfinished are answered at the next start. Calls are
 * synchronous: when `record` returns, the update is stored, and only then may Telegram
 * be told.
 *
 * ```ts
 * const fresh = intake.record(batch);     // before the next getUpdates confirms them
 * ...answer...
 * intake.finish(update.update_id);        // right after the answer was sent
 * ```
 */
export interface UpdateIntake {
  /** Stores the updates; returns those whose `update_id` was not stored before, in order. */
  record(updates: readonly Update[]): Update[];
  /**
   * The update is answered, or deliberately left unanswered: it is never handled again.
   * Written with the others finished in the same turn of the event loop (one commit);
   * resolves once written, never rejects. The chat's next update waits for it.
   */
  finish(updateId: number): Promise<void>;
  /** Writes the finished updates not written yet; on stop. */
  flush(): void;
  /** Stored and not finished, oldest first. */
  unfinished(): Update[];
}

/**
 * The intake on the bot's database (`src/storage`). What is stored of an update is
 * {@link minimalUpdate}: ids, language, text and button data, no names; the store
 * deletes it when the update is finished. An update handed back on three starts in a
 * row without being finished is given up by the store (poison protection).
 */
export function createStoredIntake(store: IntakeStore, onError: (error: unknown) => void): UpdateIntake {
  const done = createDoneBatch(store, 'telegram', onError);
  return {
    record(updates) {
      // One transaction for a whole getUpdates batch: one commit instead of one per update.
      const seen = store.recordMany(
        updates.map((update) => ({
          channel: 'telegram',
          key: String(update.update_id),
          queue: routeOf(update).chatKey,
          payload: minimalUpdate(update),
        })),
      );
      return updates.filter((_, i) => !seen[i]!.duplicate);
    },
    finish: (updateId) => done.add(String(updateId)),
    flush: done.flush,
    unfinished() {
      done.flush();
      return store.recover('telegram').map((item) => item.payload as Update);
    },
  };
}

/** Finished ids remembered by {@link createMemoryIntake}: Telegram re-sends within minutes, not days. */
const REMEMBERED_IDS = 10_000;

/**
 * An intake in memory: de-duplicates and tracks what is unfinished while the process
 * lives, but keeps nothing over a restart. For tests and benchmarks; `npm start` uses
 * the database.
 */
export function createMemoryIntake(): UpdateIntake {
  const open = new Map<number, Update>();
  const seen = new RecentIds(REMEMBERED_IDS);
  return {
    record(updates) {
      const fresh = updates.filter((update) => seen.add(update.update_id));
      for (const update of fresh) open.set(update.update_id, update);
      return fresh;
    },
    finish(updateId) {
      open.delete(updateId);
      return Promise.resolve();
    },
    flush() {},
    unfinished() {
      return [...open.values()].sort((a, b) => a.update_id - b.update_id);
    },
  };
}
