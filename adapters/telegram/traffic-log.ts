import { CountLog } from '../../src/count-log.js';
import type { Logger } from '../../src/logger.js';

/** What happened to updates since the last summary line. */
export interface Traffic {
  /** Answered by the core (including the welcome for a deep link). */
  answered: number;
  /** Of those, the core did not know the answer. */
  fallbacks: number;
  /** Stickers, photos and the like: answered with the note that the bot reads text. */
  nonText: number;
  /** Over a queue limit: answered with a note instead. */
  declined: number;
  /** Telegram could not take the answer; tried again later. */
  retried: number;
  /** Answering failed; the user got an apology. */
  failed: number;
}

const EMPTY: Traffic = { answered: 0, fallbacks: 0, nonText: 0, declined: 0, retried: 0, failed: 0 };

/**
 * One `info` line a minute with the counts, instead of a line per answer: an operator
 * sees that the bot works and how much, and an answer costs no log line (formatting,
 * redaction and a write per answer were a sixth of the CPU per update in the benchmark).
 * Each answer is still logged at `debug`.
 *
 * ```ts
 * const traffic = new TrafficLog(log, 60_000);
 * traffic.count('answered');
 * traffic.stop(); // writes what is left
 * ```
 */
export class TrafficLog extends CountLog<keyof Traffic> {
  constructor(logger: Logger, intervalMs: number) {
    super(logger, intervalMs, 'updates handled', EMPTY);
  }
}
