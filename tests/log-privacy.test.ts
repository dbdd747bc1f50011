import { afterEach, describe, expect, it } from 'vitest';
import { eventEnvelope, FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET, postSigned, startFakeSlack } from './support/fake-slack.js';
import { FAKE_TOKEN, FakeTelegram } from './support/fake-telegram.js';
import { type MainProcess, startMain, waitForStatus } from './support/main-process.js';

/**
 * The whole bot, both channels, at `info` and at `debug`: a Telegram answer that fails
 * (the common "chat not found" / blocked case), one that succeeds, and a Slack DM. The
 * logs must not hold a raw Telegram chat/user id or a Slack user/channel id, whatever
 * the libraries put into their errors and debug lines.
 */
const TELEGRAM_USER = 5_550_001_234;
const SLACK_USER = 'U0SECRET42';
const SLACK_DM = 'D0SECRET42';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('logs hold no raw platform id', () => {
  it.each(['info', 'debug'])(
    'at LOG_LEVEL=%s',
    async (level) => {
      const telegram = await FakeTelegram.start();
      cleanups.push(() => telegram.close());
      const slack = await startFakeSlack();
      cleanups.push(() => slack.close());
      const main: MainProcess = startMain({
        TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
        SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: level,
      });
      cleanups.push(() => main.child.exitCode === null && main.child.kill('SIGKILL'));
      const port = await main.port;
      await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200);

      telegram.failNext('sendMessage', { status: 400, description: 'Bad Request: chat not found' });
      telegram.deliver(telegram.updates.text(TELEGRAM_USER, 'Was ist das Forum Ehrenamt?', { from: { id: TELEGRAM_USER } }));
      await telegram.waitFor(() => telegram.rejectedCalls().length > 0, 'the failed sendMessage');
      telegram.deliver(telegram.updates.text(TELEGRAM_USER, 'Wer ist Ansprechpartner?', { from: { id: TELEGRAM_USER } }));
      await telegram.waitFor(() => telegram.sentMessages(TELEGRAM_USER).length > 0, 'an answer');

      const event = {
        type: 'message',
        channel_type: 'im',
        channel: SLACK_DM,
        user: SLACK_USER,
        text: 'Was ist das Forum Ehrenamt?',
        ts: '1700000000.000100',
      };
      expect((await postSigned(`http://127.0.0.1:${port}/slack/events`, eventEnvelope(event))).status).toBe(200);
      await slack.waitFor((call) => call.method === 'chat.postMessage');

      main.child.kill('SIGTERM');
      expect((await main.exit).code).toBe(0);
      const logs = main.stderr();
      expect(logs).toContain('"level"'); // something was logged at all
      expect(logs).not.toContain(String(TELEGRAM_USER));
      expect(logs).not.toContain(SLACK_USER);
      expect(logs).not.toContain(SLACK_DM);
    },
    60_000,
  );
});
