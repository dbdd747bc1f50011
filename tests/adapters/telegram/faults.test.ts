import { afterEach, describe, expect, it } from 'vitest';
import { realAssistant } from '../../support/assistant.js';
import { type RunningBot, scriptedAssistant, startPollingBot } from './harness.js';

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
    bot = await startPollingBot(realAssistant());
    const { fake } = bot;
    fake.failNext('sendChatAction', { status: 429, retryAfter: 30 });
    fake.deliver(fake.updates.text(407, 'Hallo'));
    await fake.waitFor(() => fake.sentMessages(407)[0], 'the answer');
    expect(fake.callsOf('sendChatAction').map((call) => call.status)).toEqual([429]);
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
