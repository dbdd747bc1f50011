import { type AutoRetryOptions, autoRetry } from '@grammyjs/auto-retry';
import type { Transformer } from 'grammy';
import type { Logger } from '../../src/logger.js';

/**
 * Bounds for retries. Rate limits (429) are waited out for up to five minutes;
 * server errors and network failures are retried with backoff (3 s, 6 s, 12 s …)
 * six times, about three minutes in all, so an answer survives a Telegram hiccup
 * but a dead connection does not block a chat for ever.
 */
export const DEFAULT_RETRY: Partial<AutoRetryOptions> = { maxDelaySeconds: 300, maxRetryAttempts: 6 };

/**
 * `@grammyjs/auto-retry` for every call except chat actions: "typing …" is only
 * worth sending now, and waiting out a 429 for it would delay the real answer.
 *
 * ```ts
 * bot.api.config.use(retryPolicy(DEFAULT_RETRY));
 * ```
 */
export function retryPolicy(options: Partial<AutoRetryOptions>): Transformer {
  const retry = autoRetry(options);
  return (prev, method, payload, signal) => (method === 'sendChatAction' ? prev(method, payload, signal) : retry(prev, method, payload, signal));
}

/**
 * Logs every failed attempt (install it before the retry policy so it sees each
 * one): the method and Telegram's description, never the payload, which holds
 * user text and chat ids.
 */
export function logFailedCalls(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) {
        logger.warn(
          { method, errorCode: result.error_code, description: result.description, retryAfter: result.parameters?.retry_after },
          'Bot API call failed',
        );
      }
      return result;
    } catch (error) {
      if (!signal?.aborted) logger.warn({ method, err: error }, 'Bot API call could not be made');
      throw error;
    }
  };
}
