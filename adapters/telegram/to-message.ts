import type { CallbackQuery, Message, MessageEntity, Update } from 'grammy/types';
import { type IncomingMessage, type Locale, localeFromCode } from '../../src/message.js';

/** Who the bot is, as far as translating updates needs it (from `getMe`). */
export interface BotIdentity {
  id: number;
  username: string;
}

/** Why an update gets no answer; logged at debug level so group silence can be explained. */
export type IgnoreReason =
  | 'edited-message'
  | 'unsupported-update'
  | 'from-bot'
  | 'channel-post'
  | 'group-not-addressed'
  | 'command-for-other-bot'
  | 'callback-without-chat';

/**
 * What to do with one update:
 * - `message`: ask the core and send its reply to `chatId`;
 * - `non-text`: the user sent a sticker, photo, voice note …; send a short note that the bot reads text;
 * - `ignore`: say nothing.
 */
export type Translation =
  | { kind: 'message'; chatId: number; message: IncomingMessage; replyToMessageId?: number }
  | { kind: 'non-text'; chatId: number; locale: Locale | undefined; replyToMessageId?: number }
  | { kind: 'ignore'; reason: IgnoreReason };

/**
 * Turns a Telegram update into a core message, or says why the bot stays silent.
 * Pure: no API calls, no clock, so every rule is unit-tested.
 *
 * Private chats: everything is answered. Groups: only commands, mentions of the bot
 * and replies to the bot, so the bot does not chatter in other people's conversations.
 * A `@BotName` suffix on a command and the mention itself are stripped from the text,
 * because the core understands `/start kontakt`, not `/start@LuebeckBot kontakt`.
 *
 * ```ts
 * const t = toMessage(update, { id: 42, username: 'LuebeckBot' });
 * if (t.kind === 'message') assistant.respond(t.message);
 * ```
 */
export function toMessage(update: Update, me: BotIdentity): Translation {
  if (update.callback_query) return fromCallbackQuery(update, update.callback_query);
  if (update.edited_message || update.edited_channel_post) return ignore('edited-message');
  if (update.channel_post) return ignore('channel-post');
  if (update.message) return fromMessage(update, update.message, me);
  return ignore('unsupported-update');
}

function fromCallbackQuery(update: Update, query: CallbackQuery): Translation {
  const chat = query.message?.chat;
  // Buttons on inline-mode messages carry no chat; there is nowhere to answer.
  if (!chat || query.data === undefined) return ignore('callback-without-chat');
  return {
    kind: 'message',
    chatId: chat.id,
    message: {
      channel: 'telegram',
      conversationId: conversationIdOf(chat.id),
      userId: String(query.from.id),
      text: '',
      choiceId: query.data,
      localeHint: localeFromCode(query.from.language_code),
      raw: update,
    },
  };
}

function fromMessage(update: Update, message: Message, me: BotIdentity): Translation {
  if (message.from?.is_bot) return ignore('from-bot');
  const isGroup = message.chat.type === 'group' || message.chat.type === 'supergroup';
  const isReplyToBot = message.reply_to_message?.from?.id === me.id;
  // In groups the answer quotes the question, so that it is clear whom the bot answers.
  const replyToMessageId = isGroup ? message.message_id : undefined;

  if (message.text === undefined) {
    if (isGroup && !isReplyToBot) return ignore('group-not-addressed');
    return {
      kind: 'non-text',
      chatId: message.chat.id,
      locale: localeFromCode(message.from?.language_code),
      replyToMessageId,
    };
  }

  const original = message.text;
  const entities = message.entities ?? [];
  const command = leadingCommand(original, entities);
  if (command?.addressee && command.addressee.toLowerCase() !== me.username.toLowerCase()) {
    return ignore('command-for-other-bot');
  }
  const mentions = entities.filter((entity) => mentionsBot(original, entity, me));
  if (isGroup && !command && mentions.length === 0 && !isReplyToBot) return ignore('group-not-addressed');

  const text = command ? command.name + original.slice(command.end) : removeRanges(original, mentions);

  return {
    kind: 'message',
    chatId: message.chat.id,
    replyToMessageId,
    message: {
      channel: 'telegram',
      conversationId: conversationIdOf(message.chat.id),
      userId: message.from ? String(message.from.id) : undefined,
      text: command ? text : text.trim(),
      localeHint: localeFromCode(message.from?.language_code),
      raw: update,
    },
  };
}

/** The core keys its dialogue context by this; one context per Telegram chat. */
export function conversationIdOf(chatId: number): string {
  return `tg:${chatId}`;
}

interface LeadingCommand {
  /** `/start`, without any `@BotName`. */
  name: string;
  /** The `BotName` of `/start@BotName`, if given. */
  addressee: string | undefined;
  /** Index just after the command entity. */
  end: number;
}

function leadingCommand(text: string, entities: MessageEntity[]): LeadingCommand | undefined {
  const entity = entities.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!entity) return undefined;
  const raw = text.slice(0, entity.length);
  const at = raw.indexOf('@');
  return {
    name: at === -1 ? raw : raw.slice(0, at),
    addressee: at === -1 ? undefined : raw.slice(at + 1),
    end: entity.length,
  };
}

function mentionsBot(text: string, entity: MessageEntity, me: BotIdentity): boolean {
  if (entity.type === 'text_mention') return entity.user.id === me.id;
  if (entity.type !== 'mention') return false;
  return text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === `@${me.username.toLowerCase()}`;
}

/** Cuts the given entities out of the text (back to front, so earlier offsets stay valid). */
function removeRanges(text: string, entities: MessageEntity[]): string {
  let result = text;
  for (const entity of [...entities].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, entity.offset) + result.slice(entity.offset + entity.length);
  }
  return result;
}

function ignore(reason: IgnoreReason): Translation {
  return { kind: 'ignore', reason };
}
