import { createSlackChannel } from '../../../adapters/slack/channel.js';
import type { Assistant } from '../../../src/assistant.js';
import type { Channel } from '../../../src/channel.js';
import { startHttpServer } from '../../../src/http-server.js';
import { createLogger, type Logger } from '../../../src/logger.js';
import { FAKE_BOT_ID, FAKE_BOT_TOKEN, FAKE_BOT_USER_ID, FAKE_SIGNING_SECRET, type FakeSlack, startFakeSlack } from '../../support/fake-slack.js';

/** The real Bolt app in HTTP mode on the shared HTTP server, talking to a fake Slack; all on 127.0.0.1. */
export interface SlackHarness {
  fake: FakeSlack;
  channel: Channel;
  /** Where to post signed requests: http://127.0.0.1:PORT/slack/events */
  eventsUrl: string;
  close(): Promise<void>;
}

export async function startSlackHarness(
  assistant: Assistant,
  logger: Logger = createLogger({ level: 'silent', pretty: false }),
): Promise<SlackHarness> {
  const fake = await startFakeSlack();
  const channel = createSlackChannel(
    { botToken: FAKE_BOT_TOKEN, appToken: undefined, signingSecret: FAKE_SIGNING_SECRET, apiUrl: fake.apiUrl, responseUrlOrigin: fake.origin },
    assistant,
    logger,
    { botId: FAKE_BOT_ID, botUserId: FAKE_BOT_USER_ID },
  );
  const server = await startHttpServer(channel.routes, { host: '127.0.0.1', port: 0 });
  await channel.start();
  return {
    fake,
    channel,
    eventsUrl: `http://127.0.0.1:${server.port}/slack/events`,
    async close() {
      await channel.stop();
      await server.close();
      await fake.close();
    },
  };
}
