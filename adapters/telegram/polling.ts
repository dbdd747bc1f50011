import { createRunner, createSource, type UpdateSink, type UpdateSupplier } from '@grammyjs/runner';
import { type Bot, GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../src/logger.js';
import { apiSignal } from './api-transformers.js';
import type { UpdatePipeline } from './update-pipeline.js';

export interface PollingOptions {
  timeoutSeconds: number;
  allowedUpdates: readonly string[];
}

export interface Polling {
  /** Settles when polling ends: rejects if it ended on its own (a fatal error). */
  task: Promise<void>;
  /**
   * Stops fetching and confirms what was fetched, so that Telegram does not deliver the
   * last batch again after a restart. The answers may still be running (see the pipeline).
   */
  stop(): Promise<void>;
}

/** Telegram answers these when polling cannot work at all: wrong token, not a Bot API, another poller. */
const FATAL_CODES = new Set([401, 404, 409]);
const MAX_PAUSE_MS = 60_000;
const CONFIRM_TIMEOUT_MS = 3000;

/**
 * Long polling with `@grammyjs/runner`'s source and runner, and a sink of our own.
 *
 * `run(bot)` confirms a batch to Telegram by asking for the next one, whether or not its
 * updates were answered, so a crash loses them. Here the sink records every batch in the
 * intake before it returns, and the runner asks for the next batch (which confirms this
 * one) only after that. It also asks for no more updates than the queue has room for, so
 * under load updates wait at Telegram instead of in memory.
 *
 * Network failures are retried by the call policy (one log line each); a refused
 * `getUpdates` is logged and tried again after a growing pause, except when it can never
 * work (401, 404, 409), which ends polling with an error naming the fix.
 *
 * ```ts
 * const polling = startPolling(bot, pipeline, { timeoutSeconds: 30, allowedUpdates }, log);
 * await polling.stop();
 * ```
 */
export function startPolling(bot: Bot, pipeline: UpdatePipeline, options: PollingOptions, log: Logger): Polling {
  let offset = 0;
  const supplier: UpdateSupplier<Update> = {
    async supply(batchSize, signal) {
      for (let attempt = 1; ; attempt++) {
        try {
          // The runner's first batch size is unbounded; the queue's room is the real bound.
          const limit = Math.max(1, Math.min(100, batchSize, pipeline.room()));
          const updates = await bot.api.getUpdates(
            { offset, limit, timeout: options.timeoutSeconds, allowed_updates: options.allowedUpdates as never },
            signal,
          );
          const last = updates.at(-1);
          if (last) offset = last.update_id + 1;
          return updates;
        } catch (error) {
          if (signal.aborted || (error instanceof GrammyError && FATAL_CODES.has(error.error_code))) throw error;
          const pauseMs = Math.min(MAX_PAUSE_MS, 1000 * 2 ** (attempt - 1));
          log.warn({ err: error, retryInSeconds: pauseMs / 1000 }, 'getUpdates failed, polling again after a pause');
          await pause(pauseMs, signal as unknown as AbortSignal);
        }
      }
    },
  };
  const sink: UpdateSink<Update> = {
    async handle(updates) {
      pipeline.accept(updates);
      await pipeline.whenRoom();
      return pipeline.room();
    },
    size: () => 0,
    snapshot: () => [],
  };
  const runner = createRunner(createSource(supplier), sink);
  runner.start();
  const task = runner.task() ?? Promise.resolve();
  return {
    task,
    async stop() {
      await runner.stop();
      if (offset === 0) return;
      try {
        // Asking from the next offset confirms everything before it; what it returns stays
        // unconfirmed. Bounded: the updates are in the intake, so this only saves Telegram
        // re-sending them, and must not hold up a stop while Telegram is unreachable.
        await bot.api.getUpdates({ offset, limit: 1, timeout: 0 }, apiSignal(AbortSignal.timeout(CONFIRM_TIMEOUT_MS)));
      } catch (error) {
        log.warn({ err: error }, 'could not confirm the last updates; Telegram will deliver them again (they are answered once)');
      }
    },
  };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
