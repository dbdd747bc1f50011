import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TelegramChannel, TelegramChannelOptions } from '../../../adapters/telegram/channel.js';
import type { Assistant } from '../../../src/assistant.js';
import type { HandoffConfig } from '../../../src/config.js';
import { createHandoff, type Handoff } from '../../../src/handoff/handoff.js';
import type { HandoffBoard } from '../../../src/handoff/port.js';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../../src/storage/database.js';
import { FakeBoard } from '../../support/fake-handoff-ports.js';
import type { FakeTelegram } from '../../support/fake-telegram.js';
import { capturedLogger, startPollingBot } from './harness.js';

/** Limits as in production, posts not paced (tests would only wait). */
export const TEST_HANDOFF_CONFIG: HandoffConfig = {
  channel: 'C0HANDOFF1',
  retentionDays: 30,
  maxOpenPerChat: 3,
  maxPerDay: 5,
  maxQuestionLength: 1500,
  postIntervalMs: 0,
};

/**
 * One bot process with the hand-off on: the real hand-off core on a real SQLite database
 * in `dir`, the real Telegram channel polling the fake Bot API, and a board that records
 * what would go to Slack (a {@link FakeBoard} unless given one, e.g. the Slack adapter's).
 * Another `startHandoffBot` on the same `dir` and `fake` is the same bot after a restart.
 */
export interface HandoffBot {
  fake: FakeTelegram;
  channel: TelegramChannel;
  handoff: Handoff;
  db: SqliteDatabase;
  /** Everything the channel and the hand-off logged so far. */
  readonly logLines: string[];
  /** Outbox items not yet delivered (posts, updates, relays). */
  pending(): number;
  /** A clean stop: the channel, then the outbox, then the database. */
  stop(): Promise<void>;
}

export async function startHandoffBot(options: {
  assistant: Assistant;
  fake: FakeTelegram;
  dir: string;
  board: HandoffBoard;
  config?: Partial<HandoffConfig>;
  channel?: TelegramChannelOptions;
  logLevel?: string;
}): Promise<HandoffBot> {
  const db = openDatabase({ dir: options.dir });
  const { logger, lines } = capturedLogger(options.logLevel ?? 'debug');
  const handoff = createHandoff({ db, config: { ...TEST_HANDOFF_CONFIG, ...options.config }, logger, idleMs: 20 });
  const bot = await startPollingBot(options.assistant, { ...options.channel, fake: options.fake, handoff, logLevel: options.logLevel ?? 'debug' });
  const channel = bot.channel as TelegramChannel;
  handoff.start({ board: options.board, chat: channel.handoffChat });
  let stopped = false;
  return {
    fake: options.fake,
    channel,
    handoff,
    db,
    get logLines() {
      return [...lines, ...bot.logLines];
    },
    pending: () => (db.prepare('SELECT count(*) AS n FROM handoff_outbox').get() as { n: number }).n,
    async stop() {
      if (stopped) return;
      stopped = true;
      await channel.stop();
      await handoff.stop();
      closeDatabase(db);
    },
  };
}

/** A data directory of its own, removed by `remove`. */
export function temporaryDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'telegram-handoff-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export { FakeBoard };
