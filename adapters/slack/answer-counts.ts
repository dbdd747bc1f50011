import type { Logger } from '../../src/logger.js';

/** What happened to Slack answers since the last summary line. */
export interface AnswerCounts {
  /** Sent, by the core's answer. */
  answered: number;
  /** Of those, the core did not know the answer. */
  fallbacks: number;
  /** Sending failed; the user got an apology where possible. */
  failed: number;
}

const EMPTY: AnswerCounts = { answered: 0, fallbacks: 0, failed: 0 };

/**
 * One `info` line a minute with the counts instead of a line per answer: formatting,
 * redacting (a keyed hash of the user id) and writing a line per answer were some 3 %
 * of the Slack channel's CPU per event in the benchmark. Each answer is still logged at
 * `debug`. Same idea as the Telegram channel's traffic log.
 *
 * ```ts
 * const counts = new AnswerCountLog(log, 60_000);
 * counts.count('answered');
 * counts.stop(); // writes what is left
 * ```
 */
export class AnswerCountLog {
  private counts: AnswerCounts = { ...EMPTY };
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly logger: Logger,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => this.flush(), intervalMs);
    this.timer.unref();
  }

  count(what: keyof AnswerCounts): void {
    this.counts[what]++;
  }

  /** Writes the summary line now, if anything happened. */
  flush(): void {
    const counts = this.counts;
    if (counts.answered === 0 && counts.failed === 0) return;
    this.counts = { ...EMPTY };
    this.logger.info(counts, 'slack answers sent');
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
