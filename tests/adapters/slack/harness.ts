import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackChannel, type SlackChannelOptions } from '../../../adapters/slack/channel.js';
import type { Assistant } from '../../../src/assistant.js';
import type { Channel } from '../../../src/channel.js';
import { startHttpServer } from '../../../src/http-server.js';
import { createLogger, type Logger } from '../../../src/logger.js';
import { openStorage, type Storage } from '../../../src/storage/storage.js';
import { FAKE_BOT_ID, FAKE_BOT_TOKEN, FAKE_BOT_USER_ID, FAKE_SIGNING_SECRET, type FakeSlack, startFakeSlack } from '../../support/fake-slack.js';

/** The real Bolt app in HTTP mode on the shared HTTP server, talking to a fake Slack, with a real database; all on 127.0.0.1. */
export interface SlackHarness {
  fake: FakeSlack;
  channel: Channel;
  storage: Storage;
  /** Where to post signed requests: http://127.0.0.1:PORT/slack/events */
  eventsUrl: string;
  close(): Promise<void>;
}

export interface SlackHarnessOptions {
  logger?: Logger;
  channel?: Omit<SlackChannelOptions, 'intake'>;
  /** Reuse a fake Slack (and leave it open on close), e.g. across a restart. */
  fake?: FakeSlack;
  /** Reuse a data directory (and leave it on close), e.g. across a restart. */
  dataDir?: string;
}

export async function startSlackHarness(assistant: Assistant, options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const logger = options.logger ?? createLogger({ level: 'silent', pretty: false });
  const fake = options.fake ?? (await startFakeSlack());
  const ownDir = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'slack-harness-'));
  const storage = openStorage({ dir: options.dataDir ?? (ownDir as string), logger });
  const channel = createSlackChannel(
    { botToken: FAKE_BOT_TOKEN, appToken: undefined, signingSecret: FAKE_SIGNING_SECRET, apiUrl: fake.apiUrl, responseUrlOrigin: fake.origin },
    assistant,
    logger,
    { botId: FAKE_BOT_ID, botUserId: FAKE_BOT_USER_ID, ...options.channel, intake: storage.intake },
  );
  const server = await startHttpServer(channel.routes, { host: '127.0.0.1', port: 0 });
  await channel.start();
  return {
    fake,
    channel,
    storage,
    eventsUrl: `http://127.0.0.1:${server.port}/slack/events`,
    async close() {
      await channel.stop();
      await server.close();
      storage.close();
      if (!options.fake) await fake.close();
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}
