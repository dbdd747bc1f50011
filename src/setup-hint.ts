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
