import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/storage/database.js';
import { createIntakeStore } from '../../../src/storage/intake.js';
import { realAssistant } from '../../support/assistant.js';
import { FAKE_TOKEN, FakeTelegram, type RecordedCall } from '../../support/fake-telegram.js';
import { type MainProcess, startMain, waitForStatus } from '../../support/main-process.js';

/**
 * The real process (`src/main.ts`, as `npm start` runs it) against the fake Bot API,
 * stopped the hard way in the middle of answering: killed with SIGKILL, or stopped with
 * SIGTERM but given less time than its answers need (SHUTDOWN_TIMEOUT_MS). A second
 * process on the same data directory must then answer everything that was left, and
 * nothing twice, except what the contract allows: a `sendMessage` whose reply was lost
 * (Telegram sent the message, the process died before hearing so) may be sent again.
 * From outside, a reply is known to have arrived when the process went on to the next
 * message of that chat (a chat's answers go one after another, each marked done before
 * the next); so only the last message each chat got before the stop may repeat.
 *
 * Every question is asked in a group and mentions the bot, so each answer quotes its
 * question (`reply_parameters`) and can be matched to it; the questions are ones whose
 * answers come without a contact card, so that every answer is one `sendMessage`.
 */

/** Three questions whose answers come without a contact card, asked of the same core the process runs. */
const QUESTIONS = (() => {
  const core = realAssistant();
  const candidates = [
    'Was ist die Engagierte Stadt?',
    'Wie kann meine Organisation Partner werden?',
    'Gibt es Förderung für Vereine?',
    'Was macht das Forum Ehrenamt?',
    'Wann trifft sich das Netzwerk?',
    'Wer sind die Partner?',
  ];
  const plain = candidates.filter((text) => core.respond({ channel: 'telegram', conversationId: text, text }).contacts.length === 0);
  if (plain.length < 3) throw new Error(`only ${plain.length} of the candidate questions are answered without a contact card`);
  return plain.slice(0, 3);
})();
const SECRET = 'TEST-process-webhook-secret';
const HOOK_PATH = '/telegram/hook-test';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Mode = 'polling' | 'webhook';

/** How updates reach the bot: the fake's getUpdates, or POSTs to the webhook as Telegram makes them. */
interface Delivery {
  deliver(update: Update): void;
  /** After a restart: what Telegram would deliver again (webhook: every update that did not get a 200). */
  redeliver(): Promise<void>;
}

function pollingDelivery(fake: FakeTelegram): Delivery {
  // Unconfirmed updates stay in the fake's queue, as on Telegram.
  return { deliver: (update) => fake.deliver(update), redeliver: async () => {} };
}

function webhookDelivery(port: () => Promise<number>): Delivery {
  const unacknowledged = new Map<number, Update>();
  const post = async (update: Update) => {
    unacknowledged.set(update.update_id, update);
    try {
      const response = await fetch(`http://127.0.0.1:${await port()}${HOOK_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
      });
      if (response.status === 200) unacknowledged.delete(update.update_id);
    } catch {
      // The process died mid-request: Telegram keeps the update and tries again.
    }
  };
  return {
    deliver: (update) => void post(update),
    async redeliver() {
      await Promise.all([...unacknowledged.values()].map(post));
    },
  };
}

function environment(mode: Mode, fake: FakeTelegram, dataDir: string, shutdownTimeoutMs: number): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    KNOWLEDGE_RELOAD: 'false',
    SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
    ...(mode === 'webhook' ? { TELEGRAM_WEBHOOK_URL: `https://bot.example.org${HOOK_PATH}`, TELEGRAM_WEBHOOK_SECRET: SECRET } : {}),
  };
}

async function startReady(env: Record<string, string>): Promise<MainProcess> {
  const main = startMain(env);
  cleanups.push(() => main.child.exitCode === null && main.child.signalCode === null && main.child.kill('SIGKILL'));
  await waitForStatus(`http://127.0.0.1:${await main.port}/readyz`, 200);
  return main;
}

function unfinishedIn(dataDir: string): number {
  const db = openDatabase({ dir: dataDir, readonly: true });
  try {
    return createIntakeStore(db).countUnfinished({ channel: 'telegram' });
  } finally {
    closeDatabase(db);
  }
}

/** The answers to each question, matched by the message they quote. */
function answersTo(fake: FakeTelegram, updates: Update[]): Map<number, RecordedCall[]> {
  const byMessage = new Map(updates.map((update) => [update.message!.message_id, [] as RecordedCall[]]));
  for (const call of fake.sentMessages()) {
    const quoted = (call.payload.reply_parameters as { message_id?: number } | undefined)?.message_id;
    if (quoted !== undefined) byMessage.get(quoted)?.push(call);
  }
  return byMessage;
}

describe.each<[Mode, 'SIGKILL' | 'past its timeout']>([
  ['polling', 'SIGKILL'],
  ['polling', 'past its timeout'],
  ['webhook', 'SIGKILL'],
  ['webhook', 'past its timeout'],
])('npm start with Telegram (%s), stopped %s mid-load', (mode, how) => {
  it('a restart answers what was left: nothing lost, nothing doubled but sends whose reply was lost', async () => {
    const fake = await FakeTelegram.start();
    cleanups.push(() => fake.close());
    // Telegram takes its time to confirm, so that answers are in flight when the process stops.
    fake.slowDown('sendMessage', how === 'SIGKILL' ? 150 : 3000);
    const dataDir = join(mkdtempSync(join(tmpdir(), 'telegram-process-')), 'data');
    cleanups.push(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));
    const env = environment(mode, fake, dataDir, how === 'SIGKILL' ? 10_000 : 300);

    let main = await startReady(env);
    const delivery = mode === 'polling' ? pollingDelivery(fake) : webhookDelivery(() => main.port);
    const groups = [-7001, -7002, -7003, -7004, -7005, -7006];
    const updates = groups.flatMap((group) =>
      QUESTIONS.map((question) => fake.updates.text(group, `@${fake.botInfo.username} ${question}`, { chatType: 'supergroup' })),
    );
    for (const update of updates) delivery.deliver(update);

    if (how === 'SIGKILL') {
      // Some answers done (their replies arrived), the next ones in flight.
      await fake.waitFor(() => fake.sentMessages().length >= groups.length + 3, 'answers done and under way');
      main.child.kill('SIGKILL');
      expect((await main.exit).signal).toBe('SIGKILL');
    } else {
      await fake.waitFor(() => fake.sentMessages().length >= groups.length, 'an answer in flight in every group');
      main.child.kill('SIGTERM');
      // Out of time: it gives up with exit code 1 and leaves the rest in the database.
      expect((await main.exit).code).toBe(1);
      expect(main.stderr()).toContain('shutdown took too long');
      expect(unfinishedIn(dataDir)).toBeGreaterThan(0);
      fake.slowDown('sendMessage', 150);
    }

    // Everything the first process sent has reached the fake by now; the second one has not started.
    const restartedAt = performance.now();
    main = await startReady(env);
    await delivery.redeliver();
    const answers = () => answersTo(fake, updates);
    await fake.waitFor(() => [...answers().values()].every((calls) => calls.length > 0), 'an answer to every question', 30_000);
    main.child.kill('SIGTERM');
    expect((await main.exit).code).toBe(0);

    const lastBeforeStop = new Map<unknown, RecordedCall>();
    for (const call of fake.sentMessages()) if (call.at < restartedAt) lastBeforeStop.set(call.payload.chat_id, call);
    const mayRepeat = new Set(lastBeforeStop.values());
    for (const [messageId, calls] of answers()) {
      expect(calls.length, `question ${messageId}`).toBeGreaterThan(0);
      // A second answer only where the first may have had its reply lost.
      if (calls.length > 1)
        expect({ messageId, repeats: calls.length, firstMayRepeat: mayRepeat.has(calls[0]!) }).toEqual({
          messageId,
          repeats: 2,
          firstMayRepeat: true,
        });
    }
    // And the case was met: answers finished before the stop were not sent again.
    if (how === 'SIGKILL') expect([...answers().values()].some((calls) => calls.length === 1 && calls[0]!.at < restartedAt)).toBe(true);
    expect(fake.callsOf('sendContact')).toEqual([]);
    expect(fake.rejectedCalls()).toEqual([]);
    expect(unfinishedIn(dataDir)).toBe(0);
  }, 60_000);
});
