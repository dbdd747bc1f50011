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

describe('Telegram channel, long polling against the fake Bot API', () => {
  it('registers the command menu for German and English and clears any webhook', async () => {
    bot = await startPollingBot(realAssistant());
    const registered = bot.fake.callsOf('setMyCommands').map((call) => ({
      language: call.payload.language_code ?? 'default',
      commands: (call.payload.commands as { command: string }[]).map((c) => c.command),
    }));
    expect(registered).toEqual(
      expect.arrayContaining([
        { language: 'de', commands: ['start', 'hilfe', 'kontakt', 'partner', 'sprache'] },
        { language: 'en', commands: ['start', 'help', 'contact', 'partner', 'language'] },
      ]),
    );
    expect(bot.fake.callsOf('deleteWebhook')).toHaveLength(1);
  });

  it('answers a question, showing "typing" first', async () => {
    bot = await startPollingBot(realAssistant());
    const { fake } = bot;
    fake.deliver(fake.updates.text(101, 'Wie ist die Telefonnummer?'));
    const answer = await fake.waitFor(
      () => fake.sentMessages(101).find((call) => call.visibleText?.includes('0451 122 2029')),
      'an answer with the phone number',
    );
    const typing = fake.callsOf('sendChatAction').find((call) => call.payload.chat_id === 101);
    expect(typing?.payload.action).toBe('typing');
    expect(fake.calls.indexOf(typing!)).toBeLessThan(fake.calls.indexOf(answer));
    expect(fake.rejectedCalls()).toEqual([]);
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

  it('does not answer an edited message a second time', async () => {
    const assistant = recording(scriptedAssistant((m) => ({ text: `Antwort auf ${m.text}` })));
    bot = await startPollingBot(assistant);
    const { fake } = bot;
    fake.deliver(fake.updates.text(106, 'Wer ist Ansprechpartner?'));
    fake.deliver(fake.updates.editedText(106, 'Wer ist die Ansprechpartnerin?'));
    // Updates of one chat are handled in order, so once this one is answered the edit has been seen.
    fake.deliver(fake.updates.text(106, 'Danke'));
    await fake.waitFor(() => fake.sentMessages(106).length >= 2, 'two answers');
    expect(fake.sentMessages(106).map((call) => call.visibleText)).toEqual(['Antwort auf Wer ist Ansprechpartner?', 'Antwort auf Danke']);
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

  it('sends a contact card with contact answers', async () => {
    const contact = {
      name: 'Engagierte Stadt Lübeck',
      office: 'Hansestadt Lübeck',
      department: 'Bürgerschaftliches Engagement',
      phone: '0451 122 2029',
      email: 'engagement@luebeck.de',
      text: 'Engagierte Stadt Lübeck',
    };
    bot = await startPollingBot(scriptedAssistant(() => ({ text: 'So erreichen Sie uns:', contacts: [contact] })));
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

  it('logs neither the token, nor raw user ids, nor message text', async () => {
    bot = await startPollingBot(scriptedAssistant(() => ({ text: 'ok' })));
    const { fake } = bot;
    fake.deliver(fake.updates.text(987654321, 'Meine geheime Frage', { from: { id: 987654321 } }));
    await fake.waitFor(() => fake.sentMessages(987654321)[0], 'an answer');
    await bot.channel.stop(); // waits for the answer in flight, which logs last
    const log = bot.logLines.join('');
    expect(log).toContain('"channel":"telegram"');
    expect(log).toContain('"msg":"answered"');
    expect(log).not.toContain(FAKE_TOKEN);
    expect(log).not.toContain('987654321');
    expect(log).not.toContain('Meine geheime Frage');
  });
});
