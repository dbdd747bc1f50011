import { GrammyError, HttpError } from 'grammy';

/**
 * Log fields for a failed Bot API call: the method and Telegram's description, or the
 * network failure, and never the payload. `GrammyError` carries the whole payload (chat
 * id, the answer's text) as an own property, which pino's error serializer would print.
 * Other errors (a fault in the core, a bug) keep their stack; they carry no user data.
 *
 * ```ts
 * log.warn({ ...errorFields(error), updateId }, 'answer could not be sent');
 * ```
 */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) return { method: error.method, errorCode: error.error_code, description: error.description };
  if (error instanceof HttpError) return { error: networkFailure(error) };
  return { err: error };
}

/** "Network request for 'getMe' failed! (connect ECONNREFUSED 127.0.0.1:9)": what failed and why, one line. */
export function networkFailure(error: HttpError): string {
  const cause = error.error instanceof Error ? error.error : undefined;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const why = cause ? (code && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message) : undefined;
  return why ? `${error.message} (${why})` : error.message;
}

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
 * What a failed start means for the operator, naming the variable to fix: Telegram
 * answers 401 for a wrong or revoked token and 404 when the address is not a Bot API.
 * Other errors are returned unchanged.
 */
export function explainStartError(error: unknown): unknown {
  if (!(error instanceof GrammyError)) return error;
  if (error.error_code === 401) {
    return new Error(
      `Telegram refused the bot token (${error.method}: 401 ${error.description}). TELEGRAM_BOT_TOKEN is wrong or was revoked: ` +
        'copy the current token from @BotFather (/mybots → your bot → API Token) into TELEGRAM_BOT_TOKEN.',
    );
  }
  if (error.error_code === 404) {
    return new Error(
      `Telegram answered 404 to ${error.method}: TELEGRAM_BOT_TOKEN is not a bot token, or TELEGRAM_API_ROOT ` +
        'does not point to a Bot API server (leave it empty for Telegram itself).',
    );
  }
  if (error.error_code === 409) {
    return new Error(
      `Telegram answered 409 to ${error.method} (${error.description}): another process polls with the same ` +
        'TELEGRAM_BOT_TOKEN. Run one instance per token, or use a webhook (TELEGRAM_WEBHOOK_URL).',
    );
  }
  return error;
}
