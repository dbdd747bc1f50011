/**
 * What to tell someone who started the bot without any channel configured and without
 * a terminal to chat in (e.g. a container with no environment set).
 */
export const SETUP_HINT = `No channel is configured, and standard input is not a terminal, so there is nothing to run.

Set the variables of at least one channel (see .env.example and docs/operations.md):

  Telegram   TELEGRAM_BOT_TOKEN=123456:ABC…           (long polling; add TELEGRAM_WEBHOOK_URL
                                                      and TELEGRAM_WEBHOOK_SECRET for a webhook)
  Slack      SLACK_BOT_TOKEN=xoxb-…  and either
             SLACK_APP_TOKEN=xapp-…                 (Socket Mode, no public URL needed) or
             SLACK_SIGNING_SECRET=…                  (HTTP mode, events at /slack/events)

Or run \`npm start\` in a terminal to chat with the bot there.
`;

const SLACK_AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'not_allowed_token_type']);

/**
 * What to tell an operator when a channel does not start: which variable is wrong and
 * how to fix it, for the failures people meet in their first hour (a wrong or revoked
 * token, an API that cannot be reached). Undefined when there is nothing better to say
 * than the error itself.
 *
 * ```ts
 * explainStartFailure('telegram', grammyError401, { socketMode: false });
 * // → "TELEGRAM_BOT_TOKEN was refused by Telegram (401 Unauthorized): …"
 * ```
 */
export function explainStartFailure(channel: 'telegram' | 'slack', error: unknown, options: { socketMode: boolean }): string | undefined {
  const errorCode = inCauseChain(error, (fields) => fields.error_code);
  const networkCode = inCauseChain(error, (fields) => (typeof fields.code === 'string' && /^E[A-Z]+$/.test(fields.code) ? fields.code : undefined));
  if (channel === 'telegram') {
    if (errorCode === 401) {
      return 'TELEGRAM_BOT_TOKEN was refused by Telegram (401 Unauthorized): it is wrong or was revoked. Copy the current token from @BotFather (/mybots → your bot → API Token).';
    }
    if (errorCode === 404) {
      return 'the Bot API answered 404 Not Found: TELEGRAM_BOT_TOKEN is not a valid token, or TELEGRAM_API_ROOT does not point at a Bot API server.';
    }
    if (networkCode) {
      return `cannot reach the Telegram Bot API (${networkCode}): check the network, a proxy or firewall, and TELEGRAM_API_ROOT if you set it.`;
    }
    return undefined;
  }
  const slackError = inCauseChain(error, (fields) => (fields.data as Record<string, unknown> | undefined)?.error);
  if (typeof slackError === 'string' && SLACK_AUTH_ERRORS.has(slackError)) {
    return options.socketMode
      ? `Slack refused a token (${slackError}): check SLACK_BOT_TOKEN (xoxb-…, OAuth & Permissions) and SLACK_APP_TOKEN (xapp-… with connections:write, Basic Information → App-Level Tokens); reinstall the app if it was removed.`
      : `SLACK_BOT_TOKEN was refused by Slack (${slackError}): it is wrong or was revoked. Copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page; reinstall the app if it was removed.`;
  }
  if (networkCode) return `cannot reach the Slack API (${networkCode}): check the network, a proxy or firewall, and SLACK_API_URL if you set it.`;
  return undefined;
}

/** The first value `pick` finds along the cause chain (grammY keeps the network error in `error`, Bolt in `original`). */
function inCauseChain(error: unknown, pick: (fields: Record<string, unknown>) => unknown, depth = 0): unknown {
  if (!error || typeof error !== 'object' || depth > 4) return undefined;
  const fields = error as Record<string, unknown>;
  return pick(fields) ?? inCauseChain(fields.cause ?? fields.error ?? fields.original, pick, depth + 1);
}
