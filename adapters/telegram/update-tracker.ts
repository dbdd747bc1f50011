import type { Context, MiddlewareFn } from 'grammy';

/**
 * Knows which updates are being answered right now and the highest update id seen,
 * so that stopping can wait for every answer in flight (including an apology) and
 * then confirm the offset to Telegram.
 *
 * ```ts
 * const tracker = new UpdateTracker();
 * bot.use(tracker.middleware);   // first, so it spans everything after it
 * await tracker.drain();         // on stop
 * ```
 */
export class UpdateTracker {
  private readonly inFlight = new Set<Promise<void>>();
  private highest: number | undefined;

  /** The highest `update_id` that reached the bot, or undefined before the first. */
  get highestUpdateId(): number | undefined {
    return this.highest;
  }

  readonly middleware: MiddlewareFn<Context> = async (ctx, next) => {
    this.highest = Math.max(this.highest ?? 0, ctx.update.update_id);
    const work = next();
    // The set holds a promise that never rejects, so `drain` does not throw for a failed update.
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    try {
      await work;
    } finally {
      this.inFlight.delete(settled);
    }
  };

  /** Resolves once no update is being handled. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }
}
