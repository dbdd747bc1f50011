import { performance } from 'node:perf_hooks';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createStoredIntake } from '../../../adapters/telegram/intake.js';
import { minimalUpdate, routeOf, toMessage } from '../../../adapters/telegram/to-message.js';
import type { IntakeStore } from '../../../src/storage/intake.js';
import { FAKE_BOT, FakeTelegram, UpdateBuilder } from '../../support/fake-telegram.js';
import { type RunningBot, scriptedAssistant, startPollingBot, temporaryIntake } from './harness.js';

const cleanups: (() => unknown)[] = [];
let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const failOnError = (error: unknown) => {
  throw error;
};
const echo = () => scriptedAssistant((m) => ({ text: `Antwort auf ${m.text}` }));

function intakeStore(): IntakeStore {
  const intake = temporaryIntake();
  cleanups.push(() => intake.close());
  return intake.store;
}

/** The store, noting when each update was recorded and marked done. */
function watched(store: IntakeStore): IntakeStore & { recordedAt: Map<string, number>; doneAt: Map<string, number> } {
  const recordedAt = new Map<string, number>();
  const doneAt = new Map<string, number>();
  return {
    ...store,
    recordedAt,
    doneAt,
    record(entry) {
      recordedAt.set(entry.key, performance.now());
      return store.record(entry);
    },
    recordMany(entries) {
      for (const entry of entries) recordedAt.set(entry.key, performance.now());
      return store.recordMany(entries);
    },
    markDone(channel, key) {
      doneAt.set(key, performance.now());
      return store.markDone(channel, key);
    },
    markDoneMany(channel, keys) {
      for (const key of keys) doneAt.set(key, performance.now());
      return store.markDoneMany(channel, keys);
    },
  };
}

describe('Telegram channel: durable intake in polling', () => {
  it('records every update before the getUpdates that confirms it, and marks it done after its answer', async () => {
    const intake = watched(intakeStore());
    bot = await startPollingBot(echo(), { intake });
    const { fake } = bot;
    const updates = Array.from({ length: 30 }, (_, i) => fake.updates.text(800 + (i % 5), `Frage ${i}`));
    for (const update of updates) fake.deliver(update);
    await fake.waitFor(() => fake.sentMessages().length >= 30, 'thirty answers');
    await bot.channel.stop();
    const polls = fake.callsOf('getUpdates');
    for (const update of updates) {
      const key = String(update.update_id);
      const confirming = polls.find((call) => Number(call.payload.offset) > update.update_id)!;
      expect(intake.recordedAt.get(key)).toBeLessThan(confirming.at);
      const answer = fake.sentMessages().find((call) => call.visibleText === `Antwort auf ${update.message!.text}`)!;
      expect(intake.doneAt.get(key)).toBeGreaterThan(answer.at);
    }
    expect(intake.countUnfinished({ channel: 'telegram' })).toBe(0);
  });

  it('at start, answers what the last run left unfinished, and a re-delivered update only once', async () => {
    const fake = await FakeTelegram.start();
    const store = intakeStore();
    const left: Update[] = [fake.updates.text(811, 'liegen geblieben 1'), fake.updates.text(812, 'liegen geblieben 2')];
    createStoredIntake(store, failOnError).record(left);
    // Telegram never got the confirmation for the first one, so it delivers it again.
    fake.deliver(left[0]!);
    fake.deliver(fake.updates.text(811, 'neu'));
    bot = await startPollingBot(echo(), { fake, intake: store });
    await fake.waitFor(() => fake.sentMessages(811).length >= 2 && fake.sentMessages(812)[0], 'three answers');
    await bot.channel.stop();
    expect(fake.sentMessages(811).map((call) => call.visibleText)).toEqual(['Antwort auf liegen geblieben 1', 'Antwort auf neu']);
    expect(fake.sentMessages(812).map((call) => call.visibleText)).toEqual(['Antwort auf liegen geblieben 2']);
    expect(store.countUnfinished()).toBe(0);
  });

  it('leaves an update whose answer could not be sent unfinished when it stops', async () => {
    const store = intakeStore();
    bot = await startPollingBot(echo(), { intake: store, retryPauseMs: 60_000 });
    const { fake } = bot;
    fake.failNext('sendMessage', { status: 'drop' }, 3);
    const update = fake.updates.text(813, 'Hallo');
    fake.deliver(update);
    await fake.waitFor(() => fake.callsOf('sendMessage').length >= 3, 'three failed attempts');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await bot.channel.stop();
    expect(
      createStoredIntake(store, failOnError)
        .unfinished()
        .map((u) => u.update_id),
    ).toEqual([update.update_id]);
  });
});

describe('minimalUpdate', () => {
  const me = { id: FAKE_BOT.id, username: FAKE_BOT.username };
  const updates = new UpdateBuilder(
    FAKE_BOT,
    (() => {
      let id = 1;
      return () => id++;
    })(),
  );
  const original = updates.text(-300, `@${FAKE_BOT.username} Wie ist die Telefonnummer?`, { from: { id: 4242, languageCode: 'en' } });
  const cases: Update[] = [
    updates.text(42, 'Hallo', { from: { id: 4242 } }),
    original,
    updates.edited(original, `@${FAKE_BOT.username} Und die E-Mail?`),
    updates.text(-300, 'Antwort?', { replyToBot: true }),
    updates.nonText(42, 'voice'),
    updates.nonText(-300, 'photo', { replyToBot: true }),
    updates.buttonPress(42, 'menu:contact'),
    updates.text(42, '/start kontakt'),
    updates.raw({ message: null }),
    updates.raw({ callback_query: { id: 'q' } }),
    updates.raw({ channel_post: { chat: { id: -1 } } }),
    updates.raw({ poll: { id: 'p' } }),
  ];

  it('translates exactly like the update it was cut from', () => {
    for (const update of cases) {
      const copy = JSON.parse(JSON.stringify(minimalUpdate(update))) as Update;
      const strip = (t: ReturnType<typeof toMessage>) => (t.kind === 'message' ? { ...t, message: { ...t.message, raw: undefined } } : t);
      expect(strip(toMessage(copy, me)), JSON.stringify(update)).toEqual(strip(toMessage(update, me)));
      expect(routeOf(copy)).toEqual(routeOf(update));
    }
  });

  it('keeps no names, usernames or titles', () => {
    const stored = JSON.stringify(cases.map(minimalUpdate));
    expect(stored).not.toContain('first_name');
    expect(stored).not.toContain('username');
    expect(stored).not.toContain('Nachbarschaft');
  });
});
