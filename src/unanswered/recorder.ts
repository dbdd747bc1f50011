import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { ChannelName, Locale } from '../message.js';
import { openUnansweredStore } from './store.js';

export interface UnansweredRecorder {
  /** Pass as `onUnanswered` to the assistant; a no-op when recording is switched off. */
  record(question: { text: string; locale: Locale; channel: ChannelName }): void;
  /** Stops the daily pruning. */
  stop(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Records the questions that got the fallback answer (UNANSWERED_ENABLED), so editors can
 * see what to add with `npm run report`. Prunes records past UNANSWERED_RETENTION_DAYS at
 * start and once a day. A store that cannot be written (full disk, read-only volume) is
 * logged and never breaks an answer.
 */
export function startUnansweredRecorder(settings: Config['unanswered'] & { dir: string }, logger: Logger): UnansweredRecorder {
  if (!settings.enabled) {
    logger.info('recording of unanswered questions is off (UNANSWERED_ENABLED=false)');
    return { record: () => {}, stop: () => {} };
  }
  let store: ReturnType<typeof openUnansweredStore>;
  try {
    store = openUnansweredStore({ dir: settings.dir, retentionDays: settings.retentionDays });
  } catch (error) {
    logger.warn({ err: error, dir: settings.dir }, 'cannot open the store of unanswered questions; not recording them');
    return { record: () => {}, stop: () => {} };
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
        logger.warn({ file: store.file }, 'cannot write unanswered questions (disk full or read-only?); answers go on');
      } else if (ok) {
        warned = false;
      }
    },
    stop: () => clearInterval(timer),
  };
}
