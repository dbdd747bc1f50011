import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../../adapters/telegram/channel.js';
import { FAKE_BOT, FAKE_TOKEN, FakeTelegram } from '../../support/fake-telegram.js';
import { capturedLogger, type RunningBot, scriptedAssistant, startPollingBot } from './harness.js';

let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const echo = () => scriptedAssistant((m) => ({ text: `Antwort auf ${m.text}` }));

describe('Telegram channel when Telegram or the core fails', () => {
  it('waits out a 429 retry_after and loses no answer', async () => {
    bot = await startPollingBot(echo());
    const { fake } = bot;
    fake.failNext('sendMessage', { status: 429, retryAfter: 1 });
    for (let chat = 401; chat <= 405; chat++) fake.deliver(fake.updates.text(chat, `Frage ${chat}`));
    await fake.waitFor(() => fake.sentMessages().length >= 5, 'five answers');

    const attempts = fake.callsOf('sendMessage');
    const limited = attempts.find((call) => call.status === 429)!;
    const retried = attempts.find((call) => call.status === 200 && call.payload.chat_id === limited.payload.chat_id)!;
    // A floor, not a ceiling: the retry must not come before Telegram allowed it.
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(950);
    for (let chat = 401; chat <= 405; chat++) {
      expect(fake.sentMessages(chat).map((call) => call.visibleText)).toEqual([`Antwort auf Frage ${chat}`]);
    }
  });

  it('retries a 500 and answers once', async () => {
    bot = await startPollingBot(echo());
    const { fake } = bot;
    fake.failNext('sendMessage', { status: 500 });
    fake.deliver(fake.updates.text(406, 'Hallo'));
    await fake.waitFor(() => fake.sentMessages(406)[0], 'the answer after the retry');
    expect(fake.callsOf('sendMessage').map((call) => call.status)).toEqual([500, 200]);
    expect(fake.sentMessages(406)).toHaveLength(1);
  });

  it('retries after a network error (connection cut) and answers once', async () => {
    bot = await startPollingBot(echo());
    const { fake } = bot;
    fake.failNext('sendMessage', { status: 'drop' });
    fake.deliver(fake.updates.text(412, 'Hallo'));
    await fake.waitFor(() => fake.sentMessages(412)[0], 'the answer after the retry');
    expect(fake.callsOf('sendMessage').map((call) => call.status)).toEqual([0, 200]);
  });

  it('answers even when the typing action is rate-limited (no retry for it)', async () => {
    bot = await startPollingBot(echo(), { typingAfterMs: 20, callPolicy: { callTimeoutMs: 300 } });
    const { fake } = bot;
    fake.failNext('sendMessage', { status: 'hang' });
    fake.failNext('sendChatAction', { status: 429, retryAfter: 30 });
    fake.deliver(fake.updates.text(407, 'Hallo'));
    await fake.waitFor(() => fake.sentMessages(407)[0], 'the answer');
    expect(fake.callsOf('sendChatAction').map((call) => call.status)).toEqual([429]);
  });

  it('does not let a sendMessage that never returns hold its chat: the attempt is cut and retried, in order', async () => {
    bot = await startPollingBot(echo(), { callPolicy: { callTimeoutMs: 300 } });
    const { fake } = bot;
    fake.failNext('sendMessage', { status: 'hang' });
    fake.deliver(fake.updates.text(415, 'eins'));
    await fake.waitFor(() => fake.callsOf('sendMessage')[0], 'the hanging attempt');
    fake.deliver(fake.updates.text(415, 'zwei'));
    fake.deliver(fake.updates.text(416, 'anderer Chat'));
    await fake.waitFor(() => fake.sentMessages(415).length >= 2, 'both answers');
    expect(fake.sentMessages(415).map((call) => call.visibleText)).toEqual(['Antwort auf eins', 'Antwort auf zwei']);
    expect(fake.sentMessages(416).map((call) => call.visibleText)).toEqual(['Antwort auf anderer Chat']);
    // The other chat did not wait for the hung call.
    expect(fake.sentMessages(416)[0]!.at).toBeLessThan(fake.sentMessages(415)[0]!.at);
  });

  it('answers later, once, when Telegram stays unreachable for longer than the retries', async () => {
    bot = await startPollingBot(echo(), { retryPauseMs: 200 });
    const { fake } = bot;
    // Three cut connections: the first attempt and both retries (after 0.1 s and 0.2 s) fail.
    fake.failNext('sendMessage', { status: 'drop' }, 3);
    fake.deliver(fake.updates.text(417, 'Hallo'));
    await fake.waitFor(() => fake.sentMessages(417)[0], 'the answer on the second round');
    await bot.channel.stop();
    expect(fake.callsOf('sendMessage').map((call) => call.status)).toEqual([0, 0, 0, 200]);
    const log = bot.logLines.join('');
    expect(log).toContain('answer not sent, trying again later');
    expect(log).not.toContain('Entschuldigung');
  });

  it('logs a refused send by method and description only: no chat id, no text', async () => {
    bot = await startPollingBot(scriptedAssistant(() => ({ text: 'Geheime Antwort' })));
    const { fake } = bot;
    fake.failNext('sendMessage', { status: 403, description: 'bot was blocked by the user' }, 2);
    fake.deliver(fake.updates.text(734_512_987, 'Meine private Frage', { from: { id: 734_512_987 } }));
    await fake.waitFor(() => fake.callsOf('sendMessage').length >= 2, 'the answer and the apology, both refused');
    await bot.channel.stop();
    const log = bot.logLines.join('');
    expect(log).toContain('"method":"sendMessage"');
    expect(log).toContain('"description":"Forbidden: bot was blocked by the user"');
    expect(log).not.toContain('734512987');
    expect(log).not.toContain('Geheime Antwort');
    expect(log).not.toContain('Meine private Frage');
  });

  it('apologises when the core throws, and still stops the button spinner', async () => {
    bot = await startPollingBot(
      scriptedAssistant(() => {
        throw new Error('knowledge base unavailable');
      }),
    );
    const { fake } = bot;
    fake.deliver(fake.updates.text(408, 'Hallo'));
    const press = fake.updates.buttonPress(409, 'menu:contact', { from: { languageCode: 'en' } });
    fake.deliver(press);
    await fake.waitFor(() => fake.sentMessages(408)[0] && fake.sentMessages(409)[0], 'two apologies');
    expect(fake.sentMessages(408)[0]!.visibleText).toContain('Entschuldigung');
    expect(fake.sentMessages(409)[0]!.visibleText).toContain('Sorry');
    expect(fake.callsOf('answerCallbackQuery').map((call) => call.payload.callback_query_id)).toEqual([press.callback_query!.id]);
    await bot.channel.stop();
    expect(bot.logLines.join('')).toContain('knowledge base unavailable');
  });

  it('apologises in plain text when Telegram refuses the answer', async () => {
    bot = await startPollingBot(echo());
    const { fake } = bot;
    fake.failNext('sendMessage', { status: 400, description: 'something Telegram did not like' });
    fake.deliver(fake.updates.text(410, 'Hallo'));
    const apology = await fake.waitFor(() => fake.sentMessages(410)[0], 'an apology');
    expect(apology.visibleText).toContain('Entschuldigung');
    expect(apology.payload.parse_mode).toBeUndefined();
  });

  it('finishes answers and apologies in flight before stop resolves', async () => {
    bot = await startPollingBot(
      scriptedAssistant((m) => {
        if (m.text === 'kaputt') throw new Error('core fault');
        return { text: `Antwort auf ${m.text}` };
      }),
    );
    const { fake } = bot;
    // Both replies are held up by a rate limit, so they are still in flight when stop is called.
    fake.failNext('sendMessage', { status: 429, retryAfter: 1 }, 2);
    fake.deliver(fake.updates.text(413, 'Hallo'));
    fake.deliver(fake.updates.text(414, 'kaputt'));
    await fake.waitFor(() => fake.callsOf('sendMessage').length >= 2, 'two rate-limited attempts');
    await bot.channel.stop();
    expect(fake.sentMessages(413).map((call) => call.visibleText)).toEqual(['Antwort auf Hallo']);
    expect(fake.sentMessages(414)[0]?.visibleText).toContain('Entschuldigung');
  });

  it('stops even when Telegram has become unreachable (the offset is then confirmed by the next start)', async () => {
    bot = await startPollingBot(echo());
    const { fake } = bot;
    fake.deliver(fake.updates.text(418, 'Hallo'));
    await fake.waitFor(() => fake.sentMessages(418)[0], 'the answer');
    await fake.close();
    await bot.channel.stop();
    expect(bot.logLines.join('')).toContain('Telegram channel stopped');
  });

  it('keeps polling after a failed update', async () => {
    let calls = 0;
    bot = await startPollingBot(
      scriptedAssistant((m) => {
        calls += 1;
        if (calls === 1) throw new Error('first one fails');
        return { text: `Antwort auf ${m.text}` };
      }),
    );
    const { fake } = bot;
    fake.deliver(fake.updates.text(411, 'eins'));
    await fake.waitFor(() => fake.sentMessages(411)[0], 'an apology');
    fake.deliver(fake.updates.text(411, 'zwei'));
    await fake.waitFor(() => fake.sentMessages(411)[1], 'the next answer');
    expect(fake.sentMessages(411)[1]!.visibleText).toBe('Antwort auf zwei');
  });
});

describe('Telegram channel when it cannot start', () => {
  it.each([
    ['getMe', {}],
    ['setMyCommands (getMe skipped)', { botInfo: FAKE_BOT }],
  ])('does not start on a refused token (401), whichever call meets it first: %s', async (_, options) => {
    const fake = await FakeTelegram.start({ token: '999:another-token-that-the-fake-expects-xxxx' });
    const channel = createTelegramChannel({ token: FAKE_TOKEN, apiRoot: fake.apiRoot, webhook: undefined }, echo(), capturedLogger().logger, options);
    try {
      // The entry point turns this into "TELEGRAM_BOT_TOKEN was refused …" (see the process tests).
      await expect(channel.start()).rejects.toMatchObject({ error_code: 401 });
      expect(fake.callsOf('getUpdates')).toEqual([]);
    } finally {
      await channel.stop();
      await fake.close();
    }
  });

  it('logs one line per retry with its pause, without a stack trace, while the Bot API is unreachable', async () => {
    const { lines, logger } = capturedLogger('info');
    // Nothing listens on port 9 (discard): every connection is refused.
    const channel = createTelegramChannel({ token: FAKE_TOKEN, apiRoot: 'http://127.0.0.1:9', webhook: undefined }, echo(), logger, {
      callPolicy: { networkRetryDelaysMs: [50] },
    });
    const starting = channel.start().catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await channel.stop();
    await starting;
    const retries = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === 'Bot API unreachable, retrying');
    expect(retries.length).toBeGreaterThanOrEqual(3);
    expect(retries.slice(0, 3).map((entry) => entry.retryInSeconds)).toEqual([0.05, 0.1, 0.2]);
    expect(retries[0]).toMatchObject({ method: 'getMe', err: { type: 'HttpError', cause: { code: 'ECONNREFUSED' } } });
    expect(lines.join('')).not.toContain('"stack"');
  });
});
