import { afterEach, describe, expect, it } from 'vitest';
import { realAssistant } from '../../support/assistant.js';
import { FAKE_TOKEN, type RecordedCall } from '../../support/fake-telegram.js';
import { type RunningBot, recording, scriptedAssistant, startPollingBot } from './harness.js';

let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const keyboardOf = (call: RecordedCall) =>
  (call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard;

/** A contact as the core gives it, for the contact-card tests. */
const CONTACT = {
  name: 'Engagierte Stadt Lübeck',
  office: 'Hansestadt Lübeck',
  department: 'Bürgerschaftliches Engagement',
  phone: '0451 122 2029',
  email: 'engagement@luebeck.de',
  text: 'Engagierte Stadt Lübeck, Telefon 0451 122 2029',
};

describe('Telegram channel, long polling against the fake Bot API', () => {
  it('registers command menu, description and short description in German, English and by default, from the catalogue', async () => {
    const assistant = realAssistant();
    bot = await startPollingBot(assistant);
    const byLanguage = (method: string) =>
      Object.fromEntries(bot!.fake.callsOf(method).map((call) => [String(call.payload.language_code ?? 'default'), call.payload]));
    const commands = byLanguage('setMyCommands');
    const names = (language: string) => (commands[language]!.commands as { command: string }[]).map((c) => c.command);
    expect(names('de')).toEqual(['start', 'hilfe', 'kontakt', 'partner', 'sprache']);
    expect(names('default')).toEqual(names('de'));
    expect(names('en')).toEqual(['start', 'help', 'contact', 'partner', 'language']);
    expect((commands.en!.commands as { description: string }[])[1]!.description).toBe(assistant.say('en', 'telegram-command-help'));
    expect(byLanguage('setMyDescription')).toEqual({
      default: { description: assistant.say('de', 'telegram-description') },
      de: { description: assistant.say('de', 'telegram-description'), language_code: 'de' },
      en: { description: assistant.say('en', 'telegram-description'), language_code: 'en' },
    });
    expect(byLanguage('setMyShortDescription').en).toEqual({
      short_description: assistant.say('en', 'telegram-short-description'),
      language_code: 'en',
    });
    expect(bot.fake.rejectedCalls()).toEqual([]);
    expect(bot.fake.callsOf('deleteWebhook')).toHaveLength(1);
  });

  it('answers a plain question with one Bot API call: no "typing" for an answer that is ready at once', async () => {
    bot = await startPollingBot(realAssistant());
    const { fake } = bot;
    const before = fake.calls.length;
    fake.deliver(fake.updates.text(101, 'Was ist die Engagierte Stadt?'));
    await fake.waitFor(() => fake.sentMessages(101)[0], 'an answer');
    await bot.channel.stop();
    const calls = fake.calls.slice(before).filter((call) => call.method !== 'getUpdates');
    expect(calls.map((call) => call.method)).toEqual(['sendMessage']);
  });

  it('shows "typing" once when the answer is late (here: Telegram slow to take it)', async () => {
    bot = await startPollingBot(
      scriptedAssistant(() => ({ text: 'Antwort' })),
      { typingAfterMs: 100 },
    );
    const { fake } = bot;
    fake.failNext('sendMessage', { status: 'hang' });
    fake.deliver(fake.updates.text(112, 'Hallo'));
    const answer = await fake.waitFor(() => fake.sentMessages(112)[0], 'the answer after the hung attempt');
    const typing = fake.callsOf('sendChatAction');
    expect(typing.map((call) => [call.payload.chat_id, call.payload.action])).toEqual([[112, 'typing']]);
    expect(fake.calls.indexOf(typing[0]!)).toBeLessThan(fake.calls.indexOf(answer));
  });

  it('shows the menu as buttons on /start, and answers a button press', async () => {
    const assistant = recording(realAssistant());
    bot = await startPollingBot(assistant);
    const { fake } = bot;
    fake.deliver(fake.updates.text(102, '/start'));
    const menu = await fake.waitFor(() => fake.sentMessages(102).find((call) => keyboardOf(call)?.length), 'a menu');
    const firstButton = keyboardOf(menu)![0]![0]!;

    const press = fake.updates.buttonPress(102, firstButton.callback_data);
    fake.deliver(press);
    await fake.waitFor(() => fake.sentMessages(102).length >= 2, 'an answer to the button');
    expect(fake.callsOf('answerCallbackQuery').map((call) => call.payload.callback_query_id)).toEqual([press.callback_query!.id]);
    expect(assistant.received.at(-1)).toMatchObject({ conversationId: 'tg:102', choiceId: firstButton.callback_data });
    expect(fake.rejectedCalls()).toEqual([]);
  });

  it('opens the topic of a deep link (/start kontakt)', async () => {
    const assistant = recording(realAssistant());
    bot = await startPollingBot(assistant);
    bot.fake.deliver(bot.fake.updates.text(103, '/start kontakt'));
    await bot.fake.waitFor(() => bot!.fake.sentMessages(103).find((call) => call.visibleText?.includes('0451 122 2029')), 'the contact topic');
    expect(assistant.received.map((m) => m.text)).toEqual(['/start kontakt']);
  });

  it('welcomes a deep link it does not know (/start flyer2024) instead of saying it does not know', async () => {
    bot = await startPollingBot(realAssistant());
    const { fake } = bot;
    fake.deliver(fake.updates.text(113, '/start'));
    fake.deliver(fake.updates.text(114, '/start flyer2024'));
    await fake.waitFor(() => fake.sentMessages(113)[0] && fake.sentMessages(114)[0], 'two answers');
    expect(fake.sentMessages(114).map((call) => call.visibleText)).toEqual(fake.sentMessages(113).map((call) => call.visibleText));
    expect(keyboardOf(fake.sentMessages(114)[0]!)).toEqual(keyboardOf(fake.sentMessages(113)[0]!));
  });

  it('tells users who send a sticker, photo or voice message that it reads text', async () => {
    const assistant = recording(realAssistant());
    bot = await startPollingBot(assistant);
    const { fake } = bot;
    fake.deliver(fake.updates.nonText(104, 'sticker'));
    fake.deliver(fake.updates.nonText(105, 'voice', { from: { languageCode: 'en' } }));
    await fake.waitFor(() => fake.sentMessages(104)[0] && fake.sentMessages(105)[0], 'two notes');
    expect(fake.sentMessages(104)[0]!.visibleText).toContain('nur Textnachrichten');
    expect(fake.sentMessages(105)[0]!.visibleText).toContain('only read text');
    expect(assistant.received).toEqual([]);
  });

  it('answers a fixed typo (an edited message) once more, following the earlier answer and quoting the edit', async () => {
    const assistant = recording(scriptedAssistant((m) => ({ text: `Antwort auf ${m.text}` })));
    bot = await startPollingBot(assistant);
    const { fake } = bot;
    const original = fake.updates.text(106, 'Wer ist Ansprechpartnr?');
    fake.deliver(original);
    await fake.waitFor(() => fake.sentMessages(106)[0], 'the first answer');
    fake.deliver(fake.updates.edited(original, 'Wer ist Ansprechpartner?'));
    const second = await fake.waitFor(() => fake.sentMessages(106)[1], 'the answer to the edit');
    expect(second.visibleText).toBe('Antwort auf Wer ist Ansprechpartner?');
    expect(second.payload.reply_parameters).toMatchObject({ message_id: original.message!.message_id });
    expect(bot.fake.callsOf('editMessageText')).toEqual([]);
  });

  it('answers only the edit when the original was still waiting for its turn', async () => {
    const assistant = recording(scriptedAssistant((m) => ({ text: `Antwort auf ${m.text}` })));
    bot = await startPollingBot(assistant);
    const { fake } = bot;
    // The first answer is held up (rate limit), so the second message is still waiting when its edit arrives.
    fake.failNext('sendMessage', { status: 429, retryAfter: 1 });
    fake.deliver(fake.updates.text(115, 'eins'));
    await fake.waitFor(() => fake.callsOf('sendMessage')[0], 'the rate-limited first answer');
    const typo = fake.updates.text(115, 'Telefonumer?');
    fake.deliver(typo);
    fake.deliver(fake.updates.edited(typo, 'Telefonnummer?'));
    await fake.waitFor(() => fake.sentMessages(115)[1], 'two answers');
    await bot.channel.stop();
    expect(fake.sentMessages(115).map((call) => call.visibleText)).toEqual(['Antwort auf eins', 'Antwort auf Telefonnummer?']);
    expect(assistant.received.map((m) => m.text)).toEqual(['eins', 'Telefonnummer?']);
  });

  it('in groups answers only commands, mentions and replies to it, quoting the question', async () => {
    const assistant = recording(realAssistant());
    bot = await startPollingBot(assistant);
    const { fake } = bot;
    const group = -200;
    const mention = fake.updates.text(group, `@${fake.botInfo.username} Wie ist die Telefonnummer?`);
    fake.deliver(fake.updates.text(group, 'Hallo zusammen, wer kommt heute?'));
    fake.deliver(fake.updates.nonText(group, 'photo'));
    fake.deliver(fake.updates.text(group, '/kontakt@SomeOtherBot'));
    fake.deliver(mention);
    fake.deliver(fake.updates.text(group, `/kontakt@${fake.botInfo.username}`));
    const lastQuestion = fake.updates.text(group, 'Und die E-Mail?', { replyToBot: true });
    fake.deliver(lastQuestion);
    // One chat is handled in order: once the last question is answered, all before it were seen.
    const quotes = (call: RecordedCall) => (call.payload.reply_parameters as { message_id?: number } | undefined)?.message_id;
    await fake.waitFor(
      () => fake.sentMessages(group).find((call) => quotes(call) === lastQuestion.message!.message_id),
      'the answer to the last question',
    );

    expect(assistant.received.map((m) => m.text)).toEqual(['Wie ist die Telefonnummer?', '/kontakt', 'Und die E-Mail?']);
    const firstAnswer = fake.sentMessages(group)[0]!;
    expect(quotes(firstAnswer)).toBe(mention.message!.message_id);
    expect(fake.sentMessages(group).some((call) => call.visibleText?.includes('nur Textnachrichten'))).toBe(false);
  });

  it('splits a long answer into messages Telegram accepts', async () => {
    const paragraph = 'Die Engagierte Stadt Lübeck bringt Vereine, Initiativen, Verwaltung und Stiftungen zusammen. '.repeat(12);
    const longText = Array.from({ length: 10 }, () => paragraph.trim()).join('\n\n');
    bot = await startPollingBot(scriptedAssistant(() => ({ text: longText, choices: [{ id: 'more', label: 'Mehr' }] })));
    const { fake } = bot;
    fake.deliver(fake.updates.text(107, 'Erzähl mir alles'));
    await fake.waitFor(() => fake.sentMessages(107).some((call) => keyboardOf(call)), 'the last part with its button');
    const parts = fake.sentMessages(107);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.every((call) => call.visibleText!.length <= 4096)).toBe(true);
    expect(parts.map((call) => call.visibleText).join('\n\n')).toBe(longText);
    expect(fake.rejectedCalls()).toEqual([]);
  });

  it('escapes hostile text echoed by the core, so Telegram shows it literally', async () => {
    const hostile = '<script>alert("x")</script> & <b>fett</b>';
    bot = await startPollingBot(scriptedAssistant((m) => ({ text: `Sie schrieben: ${m.text}` })));
    const { fake } = bot;
    fake.deliver(fake.updates.text(108, hostile));
    const answer = await fake.waitFor(() => fake.sentMessages(108)[0], 'an answer');
    expect(answer.visibleText).toBe(`Sie schrieben: ${hostile}`);
    expect(fake.rejectedCalls()).toEqual([]);
  });

  it('answers hostile text from the real core with a message Telegram accepts', async () => {
    bot = await startPollingBot(realAssistant());
    const { fake } = bot;
    fake.deliver(fake.updates.text(109, '<script>alert(1)</script> & Co <b>'));
    await fake.waitFor(() => fake.sentMessages(109)[0], 'an answer');
    expect(fake.rejectedCalls()).toEqual([]);
  });

  it('does not send the same contact card twice in a row', async () => {
    bot = await startPollingBot(
      scriptedAssistant((m) => (m.text === 'Was ist das?' ? { text: 'Ein Programm.' } : { text: 'Kontakt:', contacts: [CONTACT] })),
    );
    const { fake } = bot;
    for (const text of ['Telefon?', 'Und die E-Mail?', 'Was ist das?', 'Telefon?']) fake.deliver(fake.updates.text(116, text));
    await fake.waitFor(() => fake.sentMessages(116).length >= 4, 'four answers');
    await bot.channel.stop();
    // The card comes with the first and the fourth answer; the second would repeat the card just above it.
    const order = fake.calls.filter((call) => call.payload.chat_id === 116).map((call) => call.method);
    expect(order).toEqual(['sendMessage', 'sendContact', 'sendMessage', 'sendMessage', 'sendMessage', 'sendContact']);
  });

  it('sends a contact card with contact answers', async () => {
    bot = await startPollingBot(scriptedAssistant(() => ({ text: 'So erreichen Sie uns:', contacts: [CONTACT] })));
    const { fake } = bot;
    fake.deliver(fake.updates.text(110, '/kontakt'));
    const card = await fake.waitFor(() => fake.callsOf('sendContact')[0], 'a contact card');
    expect(card.payload).toMatchObject({ chat_id: 110, phone_number: '+494511222029', first_name: 'Engagierte Stadt Lübeck' });
    expect(fake.sentMessages(110)[0]!.visibleText).toContain('engagement@luebeck.de');
  });

  it('keeps each chat in order while chats run concurrently', async () => {
    bot = await startPollingBot(scriptedAssistant((m) => ({ text: `Antwort ${m.text}` })));
    const { fake } = bot;
    for (let round = 1; round <= 5; round++) {
      for (let chat = 301; chat <= 310; chat++) fake.deliver(fake.updates.text(chat, `${round}`));
    }
    await fake.waitFor(() => fake.sentMessages().length >= 50, 'fifty answers');
    for (let chat = 301; chat <= 310; chat++) {
      expect(fake.sentMessages(chat).map((call) => call.visibleText)).toEqual(['Antwort 1', 'Antwort 2', 'Antwort 3', 'Antwort 4', 'Antwort 5']);
    }
  });

  it('confirms handled updates on stop, so a restart does not answer them again', async () => {
    bot = await startPollingBot(scriptedAssistant((m) => ({ text: `Antwort ${m.text}` })));
    const fake = bot.fake;
    fake.deliver(fake.updates.text(111, 'eins'));
    await fake.waitFor(() => fake.sentMessages(111)[0], 'the first answer');
    await bot.channel.stop();

    bot = await startPollingBot(
      scriptedAssistant((m) => ({ text: `Antwort ${m.text}` })),
      { fake },
    );
    fake.deliver(fake.updates.text(111, 'zwei'));
    await fake.waitFor(() => fake.sentMessages(111)[1], 'the second answer');
    expect(fake.sentMessages(111).map((call) => call.visibleText)).toEqual(['Antwort eins', 'Antwort zwei']);
  });

  it('at info, logs one summary of what was handled instead of a line per answer', async () => {
    bot = await startPollingBot(
      scriptedAssistant((m) => ({ text: 'ok', fallback: m.text === '?' })),
      { logLevel: 'info' },
    );
    const { fake } = bot;
    for (const text of ['eins', 'zwei', '?']) fake.deliver(fake.updates.text(117, text));
    fake.deliver(fake.updates.nonText(117, 'sticker'));
    await fake.waitFor(() => fake.sentMessages(117).length >= 4, 'four answers');
    await bot.channel.stop();
    const entries = bot.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.filter((entry) => entry.msg === 'answered')).toEqual([]);
    expect(entries.filter((entry) => entry.msg === 'updates handled')).toMatchObject([
      { answered: 3, fallbacks: 1, nonText: 1, declined: 0, failed: 0 },
    ]);
  });

  it.each(['info', 'debug'])('logs at %s neither the token, nor raw user or chat ids, nor message text', async (logLevel) => {
    const user = 987_654_321;
    const group = -1_001_234_567_890;
    bot = await startPollingBot(
      scriptedAssistant((m) => {
        if (m.text === 'kaputt') throw new Error('core fault');
        return { text: 'ok' };
      }),
      { logLevel },
    );
    const { fake } = bot;
    fake.failNext('sendMessage', { status: 403, description: 'bot was blocked by the user' });
    fake.deliver(fake.updates.text(user, 'Meine geheime Frage', { from: { id: user } }));
    fake.deliver(fake.updates.text(user, 'kaputt', { from: { id: user } }));
    fake.deliver(fake.updates.buttonPress(user, 'menu:contact', { from: { id: user } }));
    fake.deliver(fake.updates.nonText(user, 'voice', { from: { id: user } }));
    fake.deliver(fake.updates.text(group, 'Geplauder unter Nachbarn', { from: { id: user } }));
    fake.deliver(fake.updates.text(group, `@${fake.botInfo.username} Geheimnis in der Gruppe`, { from: { id: user } }));
    await fake.waitFor(() => fake.sentMessages(user).length >= 3 && fake.sentMessages(group)[0], 'the answers');
    await bot.channel.stop(); // waits for the answers in flight, and writes the summary
    const log = bot.logLines.join('');
    expect(log).toContain('"channel":"telegram"');
    if (logLevel === 'debug') expect(log).toContain('"msg":"answered"');
    expect(log).toContain('Forbidden: bot was blocked by the user');
    expect(log).not.toContain(FAKE_TOKEN);
    expect(log).not.toContain(String(user));
    expect(log).not.toContain(String(group).slice(1));
    for (const text of ['Meine geheime Frage', 'Geplauder', 'Geheimnis', 'menu:contact']) expect(log).not.toContain(text);
  });
});
