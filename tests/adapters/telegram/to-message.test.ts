import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { minimalUpdate, routeOf, toMessage } from '../../../adapters/telegram/to-message.js';
import { FAKE_BOT, UpdateBuilder } from '../../support/fake-telegram.js';

const me = { id: FAKE_BOT.id, username: FAKE_BOT.username };
const updates = new UpdateBuilder(
  FAKE_BOT,
  (() => {
    let id = 1;
    return () => id++;
  })(),
);

function messageOf(update: Update) {
  const translation = toMessage(update, me);
  if (translation.kind !== 'message') throw new Error(`expected a message, got ${JSON.stringify(translation)}`);
  return translation;
}

describe('toMessage in private chats', () => {
  it('turns text into a core message keyed by chat, with the language hint', () => {
    const update = updates.text(42, 'Wie ist die Telefonnummer?', { from: { id: 7, languageCode: 'en-GB' } });
    const { chatId, message, replyToMessageId } = messageOf(update);
    expect(chatId).toBe(42);
    expect(replyToMessageId).toBeUndefined();
    expect(message).toMatchObject({
      channel: 'telegram',
      conversationId: 'tg:42',
      userId: '7',
      text: 'Wie ist die Telefonnummer?',
      localeHint: 'en',
    });
    expect(message.raw).toBe(update);
  });

  it('leaves the language hint out for languages the core does not speak', () => {
    expect(messageOf(updates.text(42, 'Bonjour', { from: { languageCode: 'fr' } })).message.localeHint).toBeUndefined();
  });

  it('passes commands and deep-link payloads through as text', () => {
    expect(messageOf(updates.text(42, '/start')).message.text).toBe('/start');
    expect(messageOf(updates.text(42, '/start kontakt')).message.text).toBe('/start kontakt');
    expect(messageOf(updates.text(42, '/sprache')).message.text).toBe('/sprache');
  });

  it('marks /start with a payload a t.me link can carry as a deep link, and nothing else', () => {
    expect(messageOf(updates.text(42, '/start kontakt')).deepLink).toBe(true);
    expect(messageOf(updates.text(42, '/start flyer_2024-Herbst')).deepLink).toBe(true);
    expect(messageOf(updates.text(42, '/start')).deepLink).toBeUndefined();
    expect(messageOf(updates.text(42, '/start Wer ist Ansprechpartner?')).deepLink).toBeUndefined();
    expect(messageOf(updates.text(42, '/hilfe kontakt')).deepLink).toBeUndefined();
  });

  it('strips its own @name from a command', () => {
    expect(messageOf(updates.text(42, `/start@${FAKE_BOT.username} partner`)).message.text).toBe('/start partner');
  });

  it('turns a button press into a choice id with empty text', () => {
    const { chatId, message } = messageOf(updates.buttonPress(42, 'menu:contact', { from: { languageCode: 'de' } }));
    expect(chatId).toBe(42);
    expect(message).toMatchObject({ conversationId: 'tg:42', text: '', choiceId: 'menu:contact', localeHint: 'de' });
  });

  it('asks for a text note on stickers, photos, voice, locations and documents', () => {
    for (const kind of ['sticker', 'photo', 'voice', 'location', 'document'] as const) {
      expect(toMessage(updates.nonText(42, kind, { from: { languageCode: 'en' } }), me)).toEqual({
        kind: 'non-text',
        chatId: 42,
        locale: 'en',
        replyToMessageId: undefined,
      });
    }
  });

  it('reads an edited message like a new one, quoting it so the user sees which version is answered', () => {
    const original = updates.text(42, 'Wie ist die Telefonumer?');
    const edit = updates.edited(original, 'Wie ist die Telefonnummer?');
    const translation = messageOf(edit);
    expect(translation.message.text).toBe('Wie ist die Telefonnummer?');
    expect(translation.replyToMessageId).toBe(original.message!.message_id);
    expect(routeOf(edit)).toEqual({ chatKey: '42', messageId: original.message!.message_id, edited: true });
  });

  it('ignores an edited caption: the note about text was given the first time', () => {
    const photo = updates.nonText(42, 'photo');
    const edit = { update_id: 9, edited_message: { ...photo.message, caption: 'neu' } } as unknown as Update;
    expect(toMessage(edit, me)).toEqual({ kind: 'ignore', reason: 'edited-non-text' });
  });

  it('ignores other bots and updates it does not handle', () => {
    expect(toMessage(updates.text(42, 'hi', { from: { isBot: true } }), me)).toMatchObject({ reason: 'from-bot' });
    expect(toMessage({ update_id: 1, poll: {} } as unknown as Update, me)).toMatchObject({ reason: 'unsupported-update' });
  });
});

describe('toMessage on broken updates', () => {
  const broken: Record<string, unknown>[] = [
    { message: null },
    { message: 'text' },
    { message: [] },
    { message: {} },
    { message: { chat: { id: 'x' }, text: 'Hallo' } },
    { message: { chat: { id: 1.5 }, text: 'Hallo' } },
    { edited_message: { chat: null } },
    { callback_query: null },
    { callback_query: { id: 7, from: { id: 1 } } },
    { callback_query: { id: 'q', from: null, data: 'x' } },
  ];

  it('ignores every shape it cannot read, and routes each on its own', () => {
    for (const content of broken) {
      const update = { update_id: 77, ...content } as unknown as Update;
      expect(toMessage(update, me), JSON.stringify(content)).toEqual({ kind: 'ignore', reason: 'malformed-update' });
      expect(routeOf(update).chatKey).toBe('update:77');
    }
  });

  it('answers a message whose optional parts are broken, trusting none of them', () => {
    const update = {
      update_id: 78,
      message: {
        message_id: 'nine',
        chat: { id: 42 },
        from: { id: 'me', language_code: 5 },
        text: '/kontakt bitte',
        entities: [null, { type: 'bot_command', offset: 0, length: 8 }, { type: 'mention', offset: 50, length: 9 }, 'x'],
        reply_to_message: { from: 'bot' },
      },
    } as unknown as Update;
    const translation = messageOf(update);
    expect(translation.message).toMatchObject({ text: '/kontakt bitte', userId: undefined, localeHint: undefined });
  });

  it('does not treat entities that point outside the text as a command or mention', () => {
    const update = {
      update_id: 79,
      message: { message_id: 1, chat: { id: -5, type: 'group' }, text: 'hi', entities: [{ type: 'bot_command', offset: 0, length: 99 }] },
    } as unknown as Update;
    expect(toMessage(update, me)).toEqual({ kind: 'ignore', reason: 'group-not-addressed' });
  });
});

describe('toMessage in groups', () => {
  it('ignores chatter that is not addressed to the bot', () => {
    expect(toMessage(updates.text(-100, 'Hallo zusammen, wer kommt heute?'), me)).toMatchObject({ reason: 'group-not-addressed' });
    expect(toMessage(updates.nonText(-100, 'sticker'), me)).toMatchObject({ reason: 'group-not-addressed' });
  });

  it('answers commands, quoting the question', () => {
    const update = updates.text(-100, `/kontakt@${FAKE_BOT.username}`, { chatType: 'supergroup' });
    const translation = messageOf(update);
    expect(translation.message.text).toBe('/kontakt');
    expect(translation.message.conversationId).toBe('tg:-100');
    expect(translation.replyToMessageId).toBe((update.message as { message_id: number }).message_id);
  });

  it('ignores commands meant for another bot', () => {
    expect(toMessage(updates.text(-100, '/start@SomeOtherBot'), me)).toMatchObject({ reason: 'command-for-other-bot' });
  });

  it('answers mentions, without the mention in the text', () => {
    const text = `@${FAKE_BOT.username} Wie ist die Telefonnummer?`;
    expect(messageOf(updates.text(-100, text)).message.text).toBe('Wie ist die Telefonnummer?');
    expect(messageOf(updates.text(-100, `Was macht @${FAKE_BOT.username.toLowerCase()} eigentlich?`)).message.text).toBe('Was macht  eigentlich?');
  });

  it('does not take a mention of someone else as addressed to it', () => {
    expect(toMessage(updates.text(-100, '@jemand_anderes weißt du das?'), me)).toMatchObject({ reason: 'group-not-addressed' });
  });

  it('answers replies to its own messages, also with a note for non-text', () => {
    expect(messageOf(updates.text(-100, 'Und die E-Mail?', { replyToBot: true })).message.text).toBe('Und die E-Mail?');
    expect(toMessage(updates.nonText(-100, 'photo', { replyToBot: true }), me)).toMatchObject({ kind: 'non-text', chatId: -100 });
  });

  it('answers button presses in groups', () => {
    expect(messageOf(updates.buttonPress(-100, 'menu:partner')).message.choiceId).toBe('menu:partner');
  });
});

describe('toMessage for the hand-off', () => {
  it('marks /frage and /question with the question after the command, also addressed to the bot', () => {
    expect(messageOf(updates.text(42, '/frage  Gibt es Parkplätze? ')).askTeam).toEqual({ question: 'Gibt es Parkplätze?' });
    expect(messageOf(updates.text(42, `/frage@${FAKE_BOT.username} Gibt es Parkplätze?`)).askTeam).toEqual({ question: 'Gibt es Parkplätze?' });
    expect(messageOf(updates.text(42, '/question Is there parking?')).askTeam).toEqual({ question: 'Is there parking?' });
    expect(messageOf(updates.text(42, '/frage')).askTeam).toEqual({ question: '' });
    expect(messageOf(updates.text(42, 'frage: Gibt es Parkplätze?')).askTeam).toBeUndefined();
    expect(messageOf(updates.text(42, '/hilfe frage')).askTeam).toBeUndefined();
  });

  it('tells private chats from groups, and keeps the message id the offer quotes', () => {
    const update = updates.text(42, 'Gibt es Parkplätze?');
    expect(messageOf(update)).toMatchObject({ privateChat: true, messageId: update.message!.message_id });
    expect(messageOf(updates.text(-100, '/frage Gibt es Parkplätze?')).privateChat).toBe(false);
    expect(messageOf(updates.text(-100, '/frage x', { chatType: 'supergroup' })).privateChat).toBe(false);
  });

  it('reads a press of the consent button as a consent with the offer id, and keeps what it needs in the intake copy', () => {
    const press = updates.buttonPress(42, 'handoff:AbC_-123xyz0', { from: { languageCode: 'en' }, messageId: 77 });
    expect(toMessage(press, me)).toEqual({
      kind: 'consent',
      chatId: 42,
      offerId: 'AbC_-123xyz0',
      callbackQueryId: press.callback_query!.id,
      buttonMessageId: 77,
      localeHint: 'en',
    });
    expect(toMessage(minimalUpdate(press), me)).toEqual(toMessage(press, me));
    expect(routeOf(press).chatKey).toBe('42');
  });
});
