import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackChannel, type SlackChannel, type SlackChannelOptions } from '../../../adapters/slack/channel.js';
import type { Assistant } from '../../../src/assistant.js';
import type { HandoffConfig } from '../../../src/config.js';
import { createHandoff, type Handoff } from '../../../src/handoff/handoff.js';
import { startHttpServer } from '../../../src/http-server.js';
import type { AnswerAdopter } from '../../../src/knowledge/adopt.js';
import { createLogger, type Logger } from '../../../src/logger.js';
import { openStorage, type Storage } from '../../../src/storage/storage.js';
import { FakeChat } from '../../support/fake-handoff-ports.js';
import { FAKE_BOT_ID, FAKE_BOT_TOKEN, FAKE_BOT_USER_ID, FAKE_SIGNING_SECRET, type FakeSlack, startFakeSlack } from '../../support/fake-slack.js';

/** The real Bolt app in HTTP mode on the shared HTTP server, talking to a fake Slack, with a real database; all on 127.0.0.1. */
export interface SlackHarness {
  fake: FakeSlack;
  channel: SlackChannel;
  storage: Storage;
  /** With `handoff` in the options: the real hand-off on the same database, sending to this channel's board and to `chat`. */
  handoff: Handoff | undefined;
  /** The citizen's side of the hand-off (Telegram), in memory. */
  chat: FakeChat;
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
  /** Turns the hand-off on, with tickets in this channel. */
  handoff?: { channel: string; adopter?: AnswerAdopter; config?: Partial<HandoffConfig> };
}

export const HANDOFF_TEST_CONFIG: Omit<HandoffConfig, 'channel'> = {
  retentionDays: 30,
  maxOpenPerChat: 3,
  maxPerDay: 5,
  maxQuestionLength: 1500,
  postIntervalMs: 0,
};

export async function startSlackHarness(assistant: Assistant, options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const logger = options.logger ?? createLogger({ level: 'silent', pretty: false });
  const fake = options.fake ?? (await startFakeSlack());
  const ownDir = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'slack-harness-'));
  const storage = openStorage({ dir: options.dataDir ?? (ownDir as string), logger });
  const handoffOn = options.handoff;
  const handoff = handoffOn
    ? createHandoff({ db: storage.db, config: { ...HANDOFF_TEST_CONFIG, ...handoffOn.config, channel: handoffOn.channel }, logger, idleMs: 20 })
    : undefined;
  const channel = createSlackChannel(
    { botToken: FAKE_BOT_TOKEN, appToken: undefined, signingSecret: FAKE_SIGNING_SECRET, apiUrl: fake.apiUrl, responseUrlOrigin: fake.origin },
    assistant,
    logger,
    {
      botId: FAKE_BOT_ID,
      botUserId: FAKE_BOT_USER_ID,
      ...options.channel,
      intake: storage.intake,
      ...(handoffOn ? { handoff, handoffChannel: handoffOn.channel, adopter: handoffOn.adopter } : {}),
    },
  );
  const chat = new FakeChat();
  const server = await startHttpServer(channel.routes, { host: '127.0.0.1', port: 0 });
  await channel.start();
  if (handoff && channel.handoffBoard) handoff.start({ board: channel.handoffBoard, chat });
  return {
    fake,
    channel,
    storage,
    handoff,
    chat,
    eventsUrl: `http://127.0.0.1:${server.port}/slack/events`,
    async close() {
      await channel.stop();
      await handoff?.stop();
      await server.close();
      storage.close();
      if (!options.fake) await fake.close();
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}
