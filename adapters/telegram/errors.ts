import { GrammyError, HttpError } from 'grammy';
import { explainStartFailure } from '../../src/setup-hint.js';

/**
 * True when Telegram could not take the call right now (network, timeout, rate limit,
 * server error): the update is worth answering again later. Anything else (400, 403
 * "bot was blocked by the user") will fail the same way every time.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof HttpError) return true;
  return error instanceof GrammyError && (error.error_code === 429 || error.error_code >= 500);
}

/**
 * What it means for the operator when polling ends for good, naming what to fix: the
 * start-up explanations (a revoked token, an API root that is not a Bot API) and 409,
 * which Telegram answers when a second process polls with the same token.
 */
export function explainPollingStop(error: unknown): string {
  if (error instanceof GrammyError && error.error_code === 409) {
    return 'Telegram answered 409 Conflict: another process polls with the same TELEGRAM_BOT_TOKEN (or a webhook was set). Run one instance per token, or use a webhook (TELEGRAM_WEBHOOK_URL).';
  }
  return explainStartFailure('telegram', error, { socketMode: false }) ?? 'see the error';
}
