import { CountLog } from '../../src/count-log.js';
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
export class AnswerCountLog extends CountLog<keyof AnswerCounts> {
  constructor(logger: Logger, intervalMs: number) {
    super(logger, intervalMs, 'slack answers sent', EMPTY);
  }
}
