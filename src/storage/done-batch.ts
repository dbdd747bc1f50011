import type { IntakeChannel, IntakeStore } from './intake.js';

/** Marks intake items done in batches; see {@link createDoneBatch}. */
export interface DoneBatch {
  /**
   * The item is finished; it is written with the others finished in this turn of the
   * event loop. Resolves once written (or once a failure was reported); never rejects.
   */
  add(key: string): Promise<void>;
  /** Writes what is pending now (before a stop, before the database closes). */
  flush(): void;
}

/**
 * Marks intake items done in one transaction per turn of the event loop instead of one
 * commit per item: under load dozens of answers complete in one turn, and the commits
 * (some 50–80 µs each) were about 6 % of the bot's CPU per update in the Telegram
 * benchmark. The price is
 * a window of one turn (about a millisecond) in which a `kill -9` finds an item answered
 * but not yet marked, and the next start answers it again; the window between "sent" and
 * "marked" existed before, it is a little wider now. Callers wait for `add` before the
 * same chat's next item starts, so such a repeat is always the chat's last answer, as
 * when a crash cut off Telegram's reply to it. A clean stop calls {@link flush}.
 *
 * ```ts
 * const done = createDoneBatch(intake, 'telegram', (error) => log.warn({ err: error }, '…'));
 * await done.add(String(update.update_id)); // after the answer was sent, before the chat's next
 * done.flush();                        // on stop
 * ```
 */
export function createDoneBatch(store: IntakeStore, channel: IntakeChannel, onError: (error: unknown) => void): DoneBatch {
  let pending: string[] = [];
  let written: (() => void)[] = [];
  let scheduled: NodeJS.Immediate | undefined;
  const flush = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    if (pending.length === 0) return;
    const keys = pending;
    const waiting = written;
    pending = [];
    written = [];
    try {
      store.markDoneMany(channel, keys);
    } catch (error) {
      // The database went away (a stop past its timeout): these items are answered once more after the restart.
      onError(error);
    }
    for (const resolve of waiting) resolve();
  };
  return {
    add(key) {
      pending.push(key);
      scheduled ??= setImmediate(flush);
      return new Promise((resolve) => written.push(resolve));
    },
    flush,
  };
}
