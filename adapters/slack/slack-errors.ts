import type { Logger } from '../../src/logger.js';

/**
 * Thrown by the Slack channel's `start()` when it cannot run: the message names the
 * variable and the fix. Carries a `slack_` code like Bolt's own errors, so the log shows
 * it as a platform problem (one line, no stack trace).
 */
export class SlackStartError extends Error {
  readonly code = 'slack_bot_start_failed';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SlackStartError';
  }
}

/** Slack's error codes for a token it will not take, and what to do about each. */
const TOKEN_FIXES: Record<string, string> = {
  invalid_auth: 'is not a valid token',
  not_authed: 'is not a valid token',
  token_revoked: 'was revoked',
  token_expired: 'has expired',
  account_inactive: 'belongs to a deactivated app or workspace',
  team_disabled: 'belongs to a disabled workspace',
  not_allowed_token_type: 'is the wrong kind of token',
};

const HOW_TO: Record<'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN', string> = {
  SLACK_BOT_TOKEN:
    "set the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page; after a revocation, reinstall the app to the workspace first",
  SLACK_APP_TOKEN: "generate an app-level token (xapp-…) with the scope connections:write under the app's Basic Information → App-Level Tokens",
};

/** The API's error code of a Web API platform error (`data.error`), if it is one. */
export function platformErrorCode(error: unknown): string | undefined {
  const fields = error as { code?: unknown; data?: { error?: unknown } } | null;
  return fields?.code === 'slack_webapi_platform_error' && typeof fields.data?.error === 'string' ? fields.data.error : undefined;
}

/**
 * For a Web API call that failed while running: what the operator can do about it, if
 * the error code says (a revoked token, a channel the bot was not invited to).
 */
export function operatorHint(error: unknown): string | undefined {
  const code = platformErrorCode(error);
  if (code === undefined) return undefined;
  if (TOKEN_FIXES[code]) return `SLACK_BOT_TOKEN ${TOKEN_FIXES[code]}: ${HOW_TO.SLACK_BOT_TOKEN}`;
  if (code === 'not_in_channel' || code === 'channel_not_found') return 'invite the bot to the channel: /invite @<bot name>';
  if (code === 'missing_scope') return 'add the scopes of adapters/slack/manifest.yaml to the app and reinstall it';
  return undefined;
}

/** A network-level failure (DNS, refused, timeout, 5xx): worth another try. */
function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'slack_webapi_request_error' || code === 'slack_webapi_http_error';
}

/** What went wrong on the way, in a few words: `ECONNREFUSED`, `HTTP 503`, … */
function reasonOf(error: unknown): string {
  type Cause = { code?: unknown; message?: unknown; cause?: { code?: unknown } };
  const fields = error as { original?: Cause; statusCode?: unknown; message?: unknown } | null;
  // The Web API client's fetch puts the system error (ECONNREFUSED, ENOTFOUND) one level further down.
  const code = fields?.original?.code ?? fields?.original?.cause?.code;
  if (typeof code === 'string') return code;
  if (typeof fields?.statusCode === 'number') return `HTTP ${fields.statusCode}`;
  return typeof fields?.original?.message === 'string' ? fields.original.message : String(fields?.message ?? error);
}

export interface RetryOptions {
  logger: Logger;
  /** Which variable's token the call uses, for the message. */
  variable: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN';
  /** The Web API's base URL, for the message when it cannot be reached. */
  apiUrl: string;
  attempts?: number;
  firstDelayMs?: number;
}

/**
 * Runs a start-up call to Slack (auth.test, apps.connections.open): a refused token
 * fails at once with a {@link SlackStartError} naming the variable and the fix; an
 * unreachable API is tried again with back-off, one warning line per retry, and fails
 * with a message naming SLACK_API_URL after the last attempt.
 *
 * ```ts
 * const ids = await withStartRetries(() => client.auth.test(), { logger, variable: 'SLACK_BOT_TOKEN', apiUrl });
 * ```
 */
export async function withStartRetries<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? 5;
  let delayMs = options.firstDelayMs ?? 1_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const code = platformErrorCode(error);
      if (code !== undefined) {
        const problem = TOKEN_FIXES[code];
        throw new SlackStartError(
          problem
            ? `Slack refused ${options.variable} (${code}): it ${problem}. Fix: ${HOW_TO[options.variable]}.`
            : `Slack refused to start with ${options.variable} (${code}). Check the token and the app's scopes (adapters/slack/manifest.yaml).`,
          { cause: error },
        );
      }
      if (!isUnreachable(error)) throw error;
      const reason = reasonOf(error);
      if (attempt >= attempts) {
        throw new SlackStartError(
          `Slack's Web API at ${options.apiUrl} cannot be reached (${reason}) after ${attempts} attempts. Check the network, a proxy or firewall, and SLACK_API_URL (unset means Slack's own).`,
          { cause: error },
        );
      }
      options.logger.warn(
        { attempt, attempts, retryInMs: delayMs, reason },
        `Slack's Web API at ${options.apiUrl} cannot be reached (${reason}); trying again in ${delayMs / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs *= 2;
    }
  }
}
