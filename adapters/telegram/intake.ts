import type { Update } from 'grammy/types';
import { RecentIds } from './recent-ids.js';

/**
 * Where received updates are kept until they are answered. Telegram forgets an update
 * once its offset is confirmed (polling) or its webhook request got a 200, so the bot
 * records it here first; after a crash or a stop that ran out of time, the updates that
 * are still unfinished are answered at the next start. Calls are synchronous: when
 * `record` returns, the update is stored, and only then may Telegram be told.
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
  /** The update is answered, or deliberately left unanswered: it is never handled again. */
  finish(updateId: number): void;
  /** Stored and not finished, oldest first. */
  unfinished(): Update[];
}

/** Finished ids remembered by {@link createMemoryIntake}: Telegram re-sends within minutes, not days. */
const REMEMBERED_IDS = 10_000;

/**
 * An intake in memory: de-duplicates and tracks what is unfinished while the process
 * lives, but keeps nothing over a restart. For tests, benchmarks and the terminal;
 * a deployed bot gets the database-backed one.
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
    },
    unfinished() {
      return [...open.values()].sort((a, b) => a.update_id - b.update_id);
    },
  };
}
