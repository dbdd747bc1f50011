/**
 * The bare peer of `bench-slack.ts`: an idiomatic Bolt app as its own docs show it, with
 * Bolt's own HTTP receiver, that answers every mention (and DM) with one
 * `chat.postMessage` of a fixed text in the thread. No storage, no de-duplication, no
 * core: what the Slack side costs at least, for the bot's figures to be compared with.
 * Configured like the bot, from SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_API_URL;
 * prints `{"port": …}` on standard output once it listens.
 */
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});

const ANSWER = 'Danke für Ihre Frage.';

app.event('app_mention', async ({ event, say }) => {
  await say({ text: ANSWER, thread_ts: event.thread_ts ?? event.ts });
});

app.message(async ({ message, say }) => {
  if (message.subtype === undefined && message.channel_type === 'im') await say(ANSWER);
});

const server = (await app.start(0)) as { address(): AddressInfo };
process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
