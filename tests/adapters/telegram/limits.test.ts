import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../../adapters/telegram/channel.js';

import type { Channel } from '../../../src/channel.js';
import { type RunningHttpServer, startHttpServer } from '../../../src/http-server.js';
import { FAKE_TOKEN, FakeTelegram } from '../../support/fake-telegram.js';
import { say } from '../../support/say.js';
import { capturedLogger, type RunningBot, scriptedAssistant, startPollingBot, TEST_TIMINGS, temporaryIntake } from './harness.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const echo = () => scriptedAssistant((m) => ({ text: `Antwort auf ${m.text}` }));

async function polling(options: Parameters<typeof startPollingBot>[1]): Promise<RunningBot> {
  const bot = await startPollingBot(echo(), options);
  cleanups.push(() => bot.close());
  return bot;
}

describe('Telegram channel under a flood', () => {
  it('answers other chats in their own turn while one chat floods (Telegram pacing that chat at one message a second)', async () => {
    const fake = await FakeTelegram.start({ perChatIntervalMs: 1000 });
    const intake = temporaryIntake();
    cleanups.push(async () => intake.close());
    const bot = await polling({ fake, intake: intake.store, limits: { perChat: 3 } });
    const flood = 900;
    for (let i = 0; i < 500; i++) fake.deliver(fake.updates.text(flood, `Flut ${i}`));
    const others = Array.from({ length: 20 }, (_, i) => 901 + i);
    for (const chat of others) fake.deliver(fake.updates.text(chat, `Frage ${chat}`));

    await fake.waitFor(() => others.every((chat) => fake.sentMessages(chat)[0]), 'an answer in every other chat', 10_000);
    const floodAnswers = await fake.waitFor(
      () => (fake.sentMessages(flood).length >= 2 ? fake.sentMessages(flood) : undefined),
      'two messages to the flooding chat',
    );
    // Measured: every other chat had its answer before the flooding chat's second message,
    // which Telegram lets through only a second after the first.
    const lastOther = Math.max(...others.map((chat) => fake.sentMessages(chat)[0]!.at));
    expect(lastOther).toBeLessThan(floodAnswers[1]!.at);

    await bot.channel.stop();
    const texts = fake.sentMessages(flood).map((call) => call.visibleText);
    // What fitted the chat's queue (three at a time, more as answers went out) in order, and
    // one note for everything else: not 500 answers an hour late, not a note per message.
    const answered = texts.filter((text) => text?.startsWith('Antwort auf Flut')).map((text) => Number(text!.split(' ').at(-1)));
    expect(answered.slice(0, 3)).toEqual([0, 1, 2]);
    expect(answered).toEqual([...answered].sort((a, b) => a - b));
    expect(answered.length).toBeLessThan(10);
    expect(texts.filter((text) => text === say('de', 'telegram-too-many'))).toHaveLength(1);
    expect(texts).toHaveLength(answered.length + 1);
    expect(intake.store.countUnfinished()).toBe(0);
  }, 20_000);

  it('in polling, asks Telegram only for as many updates as there is room: the rest wait there, unrefused', async () => {
    const fake = await FakeTelegram.start();
    const bot = await polling({ fake, limits: { total: 2 }, callPolicy: { callTimeoutMs: 400 } });
    fake.failNext('sendMessage', { status: 'hang' }, 2);
    for (let chat = 601; chat <= 605; chat++) fake.deliver(fake.updates.text(chat, `Frage ${chat}`));
    await fake.waitFor(() => fake.sentMessages().length >= 5, 'five answers');
    const limits = fake.callsOf('getUpdates').map((call) => Number(call.payload.limit));
    expect(Math.min(...limits)).toBeLessThanOrEqual(2);
    await bot.channel.stop();
    expect(fake.sentMessages().some((call) => call.visibleText === say('de', 'telegram-busy'))).toBe(false);
  });
});

describe('Telegram webhook under a flood', () => {
  it('answers an update beyond the total limit with the busy note instead of silence', async () => {
    const fake = await FakeTelegram.start();
    const webhook = { url: 'https://bot.example.org/tg', path: '/tg', secret: 'TEST-secret' };
    const channel: Channel = createTelegramChannel({ token: FAKE_TOKEN, apiRoot: fake.apiRoot, webhook }, echo(), capturedLogger().logger, {
      ...TEST_TIMINGS,
      limits: { total: 2 },
      callPolicy: { callTimeoutMs: 400, networkRetryDelaysMs: [] },
    });
    const server: RunningHttpServer = await startHttpServer(channel.routes, { host: '127.0.0.1', port: 0 });
    cleanups.push(
      () => fake.close(),
      () => server.close(),
      () => channel.stop(),
    );
    await channel.start();
    fake.failNext('sendMessage', { status: 'hang' }, 2);
    const post = (chat: number) =>
      fetch(`http://127.0.0.1:${server.port}/tg`, {
        method: 'POST',
        headers: { 'x-telegram-bot-api-secret-token': webhook.secret },
        body: JSON.stringify(fake.updates.text(chat, `Frage ${chat}`, { from: { languageCode: 'en' } })),
      });
    await post(701);
    await post(702);
    await fake.waitFor(() => fake.callsOf('sendMessage').length >= 2, 'two hanging answers');
    expect((await post(703)).status).toBe(200);
    const note = await fake.waitFor(() => fake.sentMessages(703)[0], 'the note');
    expect(note.visibleText).toBe(say('en', 'telegram-busy'));
    // The two that were accepted are answered once Telegram takes them.
    await fake.waitFor(() => fake.sentMessages(701)[0] && fake.sentMessages(702)[0], 'the two answers');
  });
});
