import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { createTelegramChannel, type TelegramChannelOptions } from '../../../adapters/telegram/channel.js';
import type { Assistant } from '../../../src/assistant.js';
import type { Channel } from '../../../src/channel.js';
import type { TelegramConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import type { IncomingMessage } from '../../../src/message.js';
import type { Reply } from '../../../src/reply.js';
import { closeDatabase, openDatabase } from '../../../src/storage/database.js';
import { createIntakeStore, type IntakeStore } from '../../../src/storage/intake.js';
import { replyOf } from '../../support/assistant.js';
import { FAKE_TOKEN, FakeTelegram } from '../../support/fake-telegram.js';
import { say } from '../../support/say.js';

/** An assistant that remembers every message it was asked, to assert what reached the core. */
export interface RecordingAssistant extends Assistant {
  readonly received: IncomingMessage[];
}

export function recording(inner: Assistant): RecordingAssistant {
  const received: IncomingMessage[] = [];
  return {
    received,
    respond(message) {
      received.push(message);
      return inner.respond(message);
    },
    say: (locale, id, args) => inner.say(locale, id, args),
  };
}

/** A stand-in core for adapter behaviour the real core cannot be made to show on demand (huge answers, faults). */
export function scriptedAssistant(answer: (message: IncomingMessage) => Partial<Reply>): Assistant {
  return {
    say,
    respond: (message) => replyOf({ intent: 'scripted', ...answer(message) }),
  };
}

/** Log lines as written, so tests can check that nothing secret or personal is in them. */
export function capturedLogger(level = 'debug') {
  const lines: string[] = [];
  const destination = { write: (line: string) => lines.push(line) } as unknown as Writable;
  return { lines, logger: createLogger({ level, pretty: false, destination: destination as never }) };
}

export interface RunningBot {
  fake: FakeTelegram;
  channel: Channel;
  logLines: string[];
  /** Stops the channel and the fake. */
  close(): Promise<void>;
}

/**
 * Quicker than production so that fault tests take milliseconds: retries of network
 * failures after 0.1 s and 0.2 s, attempts cut after 2 s, failed updates tried again
 * after 0.3 s. The production defaults are exercised by the tests of the real process.
 */
export const TEST_TIMINGS: TelegramChannelOptions = {
  callPolicy: { networkRetryDelaysMs: [100, 200], callTimeoutMs: 2000 },
  retryPauseMs: 300,
};

/** The real channel, polling the fake Bot API over 127.0.0.1. */
export async function startPollingBot(
  assistant: Assistant,
  options: TelegramChannelOptions & { fake?: FakeTelegram; logLevel?: string } = {},
): Promise<RunningBot> {
  const fake = options.fake ?? (await FakeTelegram.start());
  const config: TelegramConfig = { token: FAKE_TOKEN, apiRoot: fake.apiRoot, webhook: undefined };
  const { lines, logger } = capturedLogger(options.logLevel);
  const channel = createTelegramChannel(config, assistant, logger, {
    ...TEST_TIMINGS,
    ...options,
    callPolicy: { ...TEST_TIMINGS.callPolicy, ...options.callPolicy },
  });
  await channel.start();
  return {
    fake,
    channel,
    logLines: lines,
    async close() {
      await channel.stop(); // harmless if the test stopped it already
      await fake.close();
    },
  };
}

/** The bot's real intake store on a database in a fresh temporary directory. */
export function temporaryIntake(): { store: IntakeStore; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'telegram-intake-'));
  const db = openDatabase({ dir });
  return {
    store: createIntakeStore(db),
    close() {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
