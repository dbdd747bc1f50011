import { autoRetry } from '@grammyjs/auto-retry';
import { type Api, HttpError, type Transformer } from 'grammy';
import type { Logger } from '../../src/logger.js';

/** grammY's own AbortSignal type (a polyfill's); Node's signals work at run time. */
export type ApiSignal = Parameters<Api['getMe']>[0];

/** Node's AbortSignal as grammY's parameter type. */
export function apiSignal(signal: AbortSignal | undefined): ApiSignal {
  return signal as unknown as ApiSignal;
}

/** How long each Bot API call may take, and how often it is tried again. */
export interface CallPolicy {
  /** One attempt of any call but `getUpdates` is abandoned after this long. */
  callTimeoutMs: number;
  /** Long-polling timeout of `getUpdates`, in seconds; its attempts get 15 s more. */
  pollingTimeoutSeconds: number;
  /** Pauses before the retries of a call that found Telegram unreachable, in ms. */
  networkRetryDelaysMs: readonly number[];
  /** Rate limits (429) asking for a longer pause give up instead (the update is retried later). */
  maxRetryAfterSeconds: number;
  /** Further attempts after a 429 or a 5xx. */
  maxApiRetries: number;
}

/**
 * The defaults, chosen so that a call which hangs releases its chat within about a
 * minute (5 attempts of 10 s plus pauses of 1 + 2 + 4 + 8 s), while a Telegram hiccup
 * of a few seconds costs no answer. An answer that still fails is not lost: its update
 * stays unfinished and is tried again (see `channel.ts`).
 */
export const DEFAULT_CALL_POLICY: CallPolicy = {
  callTimeoutMs: 10_000,
  pollingTimeoutSeconds: 30,
  networkRetryDelaysMs: [1000, 2000, 4000, 8000],
  maxRetryAfterSeconds: 60,
  maxApiRetries: 3,
};

/**
 * Calls the bot cannot do without (starting, polling): when Telegram is unreachable
 * these are retried until it is back or the bot stops, with pauses growing to a minute.
 */
const LIFECYCLE_METHODS = new Set([
  'getMe',
  'getUpdates',
  'deleteWebhook',
  'setWebhook',
  'setMyCommands',
  'setMyDescription',
  'setMyShortDescription',
]);
const MAX_LIFECYCLE_DELAY_MS = 60_000;

/**
 * Installs, from the network outwards: a log line for every call Telegram refused
 * (method and description, never the payload); retries of network failures (a cut
 * connection, an attempt past {@link attemptTimeoutMs}) with one log line each, naming the pause; and
 * `@grammyjs/auto-retry` for 429 and 5xx. `sendChatAction` ("typing …") gets no
 * retries: it is only worth sending now.
 *
 * auto-retry is told to leave network failures alone because it retries them without
 * limit and without a word, which would hold a chat for ever on a dead connection.
 *
 * ```ts
 * installCallPolicy(bot.api, log, DEFAULT_CALL_POLICY);
 * ```
 */
export function installCallPolicy(api: Api, logger: Logger, policy: CallPolicy): void {
  const retryApiErrors = autoRetry({
    maxDelaySeconds: policy.maxRetryAfterSeconds,
    maxRetryAttempts: policy.maxApiRetries,
    rethrowHttpErrors: true,
  });
  const withoutChatActions =
    (transformer: Transformer): Transformer =>
    (prev, method, payload, signal) =>
      method === 'sendChatAction' ? prev(method, payload, signal) : transformer(prev, method, payload, signal);
  api.config.use(logRefusedCalls(logger), withoutChatActions(retryNetworkFailures(logger, policy)), withoutChatActions(retryApiErrors));
}

/** Telegram answered `ok: false`: one line with method, code and description. */
export function logRefusedCalls(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (!result.ok) {
      logger.warn(
        { method, errorCode: result.error_code, description: result.description, retryAfter: result.parameters?.retry_after },
        'Bot API call refused',
      );
    }
    return result;
  };
}

/**
 * How long one attempt of `method` may take: `getUpdates` waits up to the polling
 * timeout for news, so it gets that plus 15 s; every other call the policy's limit.
 * Enforced by the HTTP client (`node-http-fetch.ts`).
 */
export function attemptTimeoutMs(policy: CallPolicy, method: string): number {
  return method === 'getUpdates' ? (policy.pollingTimeoutSeconds + 15) * 1000 : policy.callTimeoutMs;
}

function retryNetworkFailures(logger: Logger, policy: CallPolicy): Transformer {
  return async (prev, method, payload, signal) => {
    const lifecycle = LIFECYCLE_METHODS.has(method);
    for (let attempt = 1; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted) throw error;
        const delayMs = lifecycle
          ? Math.min(MAX_LIFECYCLE_DELAY_MS, (policy.networkRetryDelaysMs[0] ?? 1000) * 2 ** (attempt - 1))
          : policy.networkRetryDelaysMs[attempt - 1];
        if (delayMs === undefined) {
          logger.warn({ method, attempts: attempt, err: error }, 'Bot API unreachable, giving up on this call');
          throw error;
        }
        logger.warn({ method, attempt, retryInSeconds: delayMs / 1000, err: error }, 'Bot API unreachable, retrying');
        await pause(delayMs, signal as unknown as AbortSignal | undefined);
      }
    }
  };
}

/** Waits, or rejects as soon as `signal` aborts (the bot is stopping). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted while waiting to retry'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted while waiting to retry'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
