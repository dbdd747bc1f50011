import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { ChannelName, Locale } from '../message.js';
import type { SqliteDatabase } from '../storage/database.js';
import { createUnansweredStore, type UnansweredStore } from './store.js';

export interface UnansweredRecorder {
  /** Pass as `onUnanswered` to the assistant; a no-op when recording is switched off. */
  record(question: { text: string; locale: Locale; channel: ChannelName }): void;
  /** Stops the daily pruning. */
  stop(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const OFF: UnansweredRecorder = { record: () => {}, stop: () => {} };

/**
 * Records the questions that got the fallback answer (UNANSWERED_ENABLED), so editors can
 * see what to add with `npm run report`. Prunes records past UNANSWERED_RETENTION_DAYS at
 * start and once a day. A store that cannot be written (full disk, read-only volume) is
 * logged and never breaks an answer; without a database (`db` undefined) nothing is recorded.
 *
 * ```ts
 * const recorder = startUnansweredRecorder(config.unanswered, storage.db, logger);
 * createAssistant(knowledge, { onUnanswered: (q) => recorder.record(q) });
 * ```
 */
export function startUnansweredRecorder(settings: Config['unanswered'], db: SqliteDatabase | undefined, logger: Logger): UnansweredRecorder {
  if (!settings.enabled) {
    logger.info('recording of unanswered questions is off (UNANSWERED_ENABLED=false)');
    return OFF;
  }
  if (!db) return OFF;
  let store: UnansweredStore;
  try {
    store = createUnansweredStore(db, { retentionDays: settings.retentionDays });
  } catch (error) {
    logger.warn({ err: error }, 'cannot open the store of unanswered questions; not recording them');
    return OFF;
  }

  const prune = () => {
    try {
      const dropped = store.prune();
      if (dropped > 0) logger.info({ dropped, retentionDays: settings.retentionDays }, 'old unanswered questions removed');
    } catch (error) {
      logger.warn({ err: error }, 'pruning unanswered questions failed');
    }
  };
  prune();
  const timer = setInterval(prune, DAY_MS);
  timer.unref();
  let warned = false;

  return {
    record(question) {
      // The batch interface serves the evaluation, not people.
      if (question.channel === 'batch') return;
      const ok = store.record(question);
      if (!ok && !warned) {
        warned = true;
        logger.warn('cannot write unanswered questions (disk full or read-only?); answers go on');
      } else if (ok) {
        warned = false;
      }
    },
    stop: () => clearInterval(timer),
  };
}
