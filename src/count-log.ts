import type { Logger } from './logger.js';

/**
 * Counts of what happened, written as one `info` line per interval instead of a line per
 * event: an operator sees that the bot works and how much, and an event costs no log line.
 * Nothing is written for an interval in which nothing happened.
 *
 * ```ts
 * const counts = new CountLog(log, 60_000, 'answers sent', { answered: 0, failed: 0 });
 * counts.count('answered');
 * counts.stop(); // writes what is left
 * ```
 */
export class CountLog<Kind extends string> {
  private counts: Record<Kind, number>;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly logger: Logger,
    intervalMs: number,
    private readonly message: string,
    private readonly empty: Readonly<Record<Kind, number>>,
  ) {
    this.counts = { ...empty };
    this.timer = setInterval(() => this.flush(), intervalMs);
    this.timer.unref();
  }

  count(what: Kind): void {
    this.counts[what]++;
  }

  /** Writes the summary line now, if anything happened. */
  flush(): void {
    const counts = this.counts;
    if (Object.values<number>(counts).every((n) => n === 0)) return;
    this.counts = { ...this.empty };
    this.logger.info(counts as Record<string, number>, this.message);
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
