import type { Update } from 'grammy/types';
import { type IncomingMessage, type Locale, localeFromCode } from '../../src/message.js';
import { offerIdOf } from './handoff-render.js';

/** Who the bot is, as far as translating updates needs it (from `getMe`). */
export interface BotIdentity {
  id: number;
  username: string;
}

/** Why an update gets no answer; logged at debug level so group silence can be explained. */
export type IgnoreReason =
  | 'malformed-update'
  | 'unsupported-update'
  | 'edited-non-text'
  | 'from-bot'
  | 'channel-post'
  | 'group-not-addressed'
  | 'command-for-other-bot'
  | 'callback-without-chat';

/**
 * What to do with one update:
 * - `message`: ask the core and send its reply to `chatId`; `deepLink` marks `/start <payload>`
 *   from a `t.me/<bot>?start=<payload>` link, `callbackQueryId` a pressed button to acknowledge,
 *   `askTeam` a `/frage <text>` (or `/question`): the citizen wants the question passed on;
 * - `consent`: the citizen pressed the hand-off button carrying `offerId`;
 * - `non-text`: the user sent a sticker, photo, voice note …; send a short note that the bot reads text;
 * - `ignore`: say nothing.
 */
export type Translation = MessageTranslation | ConsentTranslation | NonTextTranslation | IgnoreTranslation;

export interface MessageTranslation {
  kind: 'message';
  chatId: number;
  message: IncomingMessage;
  /** The user's own message (absent for a button press). */
  messageId?: number;
  /** Only private chats get the hand-off: the answer would otherwise reach the whole group. */
  privateChat: boolean;
  replyToMessageId?: number;
  deepLink?: boolean;
  callbackQueryId?: string;
  /** `/frage <question>`: the question, trimmed; empty when the command came alone. */
  askTeam?: { question: string };
}

export interface ConsentTranslation {
  kind: 'consent';
  chatId: number;
  offerId: string;
  callbackQueryId: string;
  /** The message that carries the button, to take the button off it. */
  buttonMessageId: number | undefined;
  localeHint: Locale | undefined;
}

export interface NonTextTranslation {
  kind: 'non-text';
  chatId: number;
  locale: Locale | undefined;
  replyToMessageId?: number;
  callbackQueryId?: undefined;
}

export interface IgnoreTranslation {
  kind: 'ignore';
  reason: IgnoreReason;
  callbackQueryId?: string;
}

/** The commands with which a citizen asks for a person: `/frage <text>`, `/question <text>`. */
const ASK_TEAM_COMMANDS = new Set(['/frage', '/question']);

/**
 * Turns a Telegram update into a core message, or says why the bot stays silent.
 * Pure and total: no API calls, no clock, and any JSON at all gets a translation
 * (a malformed update is ignored, never a crash), so every rule is unit-tested.
 *
 * Private chats: everything is answered. Groups: only commands, mentions of the bot
 * and replies to the bot, so the bot does not chatter in other people's conversations.
 * A `@BotName` suffix on a command and the mention itself are stripped from the text,
 * because the core understands `/start kontakt`, not `/start@LuebeckBot kontakt`.
 * An edited message is read like a new one and its answer quotes it, so that the user
 * sees which version was answered.
 *
 * ```ts
 * const t = toMessage(update, { id: 42, username: 'LuebeckBot' });
 * if (t.kind === 'message') assistant.respond(t.message);
 * ```
 */
export function toMessage(update: Update, me: BotIdentity): Translation {
  const raw = update as unknown as Record<string, unknown>;
  if (raw.callback_query !== undefined) return fromCallbackQuery(update, raw.callback_query);
  if (raw.channel_post !== undefined || raw.edited_channel_post !== undefined) return ignore('channel-post');
  if (raw.edited_message !== undefined) return fromMessage(update, raw.edited_message, me, true);
  if (raw.message !== undefined) return fromMessage(update, raw.message, me, false);
  return ignore('unsupported-update');
}

/** The core keys its dialogue context by this; one context per Telegram chat. */
export function conversationIdOf(chatId: number): string {
  return `tg:${chatId}`;
}

/** Where an update belongs for queueing: its chat, and the message it carries or edits. */
export interface UpdateRoute {
  /** Updates with the same key are answered one after another, in order. */
  chatKey: string;
  messageId: number | undefined;
  edited: boolean;
}

/** Total, like {@link toMessage}: an update without a readable chat is queued on its own. */
export function routeOf(update: Update): UpdateRoute {
  const raw = update as unknown as Record<string, unknown>;
  const edited = raw.edited_message !== undefined;
  const message = readMessage(edited ? raw.edited_message : raw.message);
  if (message) return { chatKey: String(message.chatId), messageId: message.messageId, edited };
  const query = readCallbackQuery(raw.callback_query);
  if (query?.chatId !== undefined) return { chatKey: String(query.chatId), messageId: undefined, edited: false };
  return { chatKey: `update:${String(raw.update_id)}`, messageId: undefined, edited: false };
}

/**
 * What the bot keeps of an update until it is answered (the durable intake): only what
 * {@link toMessage} and {@link routeOf} read, so the translation of the copy is the same,
 * and nothing else: no names, usernames, titles or photos. Broken parts stay broken.
 */
export function minimalUpdate(update: Update): Update {
  const raw = update as unknown as Record<string, unknown>;
  const copy: Record<string, unknown> = { update_id: raw.update_id };
  if (raw.message !== undefined) copy.message = minimalMessage(raw.message);
  if (raw.edited_message !== undefined) copy.edited_message = minimalMessage(raw.edited_message);
  if (raw.callback_query !== undefined) copy.callback_query = minimalCallbackQuery(raw.callback_query);
  if (raw.channel_post !== undefined || raw.edited_channel_post !== undefined) copy.channel_post = {};
  return copy as unknown as Update;
}

function minimalMessage(value: unknown): unknown {
  if (!isRecord(value)) return null;
  const chat = isRecord(value.chat) ? { id: value.chat.id, type: value.chat.type } : value.chat === undefined ? undefined : null;
  const entities = Array.isArray(value.entities)
    ? value.entities.map((entity: unknown) =>
        isRecord(entity)
          ? { type: entity.type, offset: entity.offset, length: entity.length, ...(isRecord(entity.user) ? { user: { id: entity.user.id } } : {}) }
          : null,
      )
    : undefined;
  const replyFrom = isRecord(value.reply_to_message) ? minimalSender(value.reply_to_message.from) : undefined;
  return {
    message_id: value.message_id,
    chat,
    from: minimalSender(value.from),
    text: value.text,
    entities,
    ...(replyFrom ? { reply_to_message: { from: replyFrom } } : {}),
  };
}

function minimalCallbackQuery(value: unknown): unknown {
  if (!isRecord(value)) return null;
  const message =
    isRecord(value.message) && isRecord(value.message.chat)
      ? { message_id: value.message.message_id, chat: { id: value.message.chat.id } }
      : undefined;
  return { id: value.id, from: minimalSender(value.from), data: value.data, message };
}

function minimalSender(value: unknown): unknown {
  return isRecord(value) ? { id: value.id, is_bot: value.is_bot, language_code: value.language_code } : undefined;
}

function fromCallbackQuery(update: Update, value: unknown): Translation {
  const query = readCallbackQuery(value);
  if (!query) return ignore('malformed-update');
  // Buttons on inline-mode messages carry no chat; there is nowhere to answer.
  if (query.chatId === undefined || query.data === undefined) return { ...ignore('callback-without-chat'), callbackQueryId: query.id };
  const offerId = offerIdOf(query.data);
  if (offerId !== undefined) {
    return {
      kind: 'consent',
      chatId: query.chatId,
      offerId,
      callbackQueryId: query.id,
      buttonMessageId: query.messageId,
      localeHint: localeFromCode(query.from.languageCode),
    };
  }
  return {
    kind: 'message',
    chatId: query.chatId,
    privateChat: query.chatId > 0,
    callbackQueryId: query.id,
    message: {
      channel: 'telegram',
      conversationId: conversationIdOf(query.chatId),
      userId: String(query.from.id),
      text: '',
      choiceId: query.data,
      localeHint: localeFromCode(query.from.languageCode),
      raw: update,
    },
  };
}

function fromMessage(update: Update, value: unknown, me: BotIdentity, edited: boolean): Translation {
  const message = readMessage(value);
  if (!message) return ignore('malformed-update');
  if (message.from?.isBot) return ignore('from-bot');
  const isGroup = message.chatType === 'group' || message.chatType === 'supergroup';
  const isReplyToBot = message.replyToUserId === me.id;
  // In groups the answer quotes the question, so that it is clear whom the bot answers;
  // an edit is quoted everywhere, since the question it answers may be far up the chat.
  const replyToMessageId = isGroup || edited ? message.messageId : undefined;
  const localeHint = localeFromCode(message.from?.languageCode);

  if (message.text === undefined) {
    // A changed photo caption is not a new question, and the note was given the first time.
    if (edited) return ignore('edited-non-text');
    if (isGroup && !isReplyToBot) return ignore('group-not-addressed');
    return { kind: 'non-text', chatId: message.chatId, locale: localeHint, replyToMessageId };
  }

  const original = message.text;
  const command = leadingCommand(original, message.entities);
  if (command?.addressee && command.addressee.toLowerCase() !== me.username.toLowerCase()) {
    return ignore('command-for-other-bot');
  }
  const mentions = message.entities.filter((entity) => mentionsBot(original, entity, me));
  if (isGroup && !command && mentions.length === 0 && !isReplyToBot) return ignore('group-not-addressed');

  const text = command ? command.name + original.slice(command.end) : removeRanges(original, mentions).trim();
  const deepLink = command?.name === '/start' && DEEP_LINK_PAYLOAD.test(original.slice(command.end).trim());
  const askTeam = command && ASK_TEAM_COMMANDS.has(command.name.toLowerCase()) ? { question: original.slice(command.end).trim() } : undefined;

  return {
    kind: 'message',
    chatId: message.chatId,
    messageId: message.messageId,
    // Private chats have the user's (positive) id; groups and channels negative ones.
    privateChat: message.chatType === 'private' && message.chatId > 0,
    replyToMessageId,
    ...(deepLink ? { deepLink } : {}),
    ...(askTeam ? { askTeam } : {}),
    message: {
      channel: 'telegram',
      conversationId: conversationIdOf(message.chatId),
      userId: message.from ? String(message.from.id) : undefined,
      text,
      localeHint,
      raw: update,
    },
  };
}

/** What `t.me/<bot>?start=<payload>` can carry: 1–64 of A-Z, a-z, 0-9, _ and -. */
const DEEP_LINK_PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

interface Entity {
  type: string;
  offset: number;
  length: number;
  userId?: number;
}

/** The fields of a message the bot uses, each checked; undefined if the message is unusable. */
interface MessageFields {
  chatId: number;
  chatType: string;
  messageId: number;
  text: string | undefined;
  entities: Entity[];
  from: Sender | undefined;
  replyToUserId: number | undefined;
}

interface Sender {
  id: number;
  isBot: boolean;
  languageCode: string | undefined;
}

function readMessage(value: unknown): MessageFields | undefined {
  if (!isRecord(value) || !isRecord(value.chat) || !Number.isSafeInteger(value.chat.id)) return undefined;
  const text = typeof value.text === 'string' ? value.text : undefined;
  const replyTo = isRecord(value.reply_to_message) ? readSender(value.reply_to_message.from) : undefined;
  return {
    chatId: value.chat.id as number,
    chatType: typeof value.chat.type === 'string' ? value.chat.type : 'private',
    messageId: Number.isSafeInteger(value.message_id) ? (value.message_id as number) : 0,
    text,
    entities: text === undefined ? [] : readEntities(value.entities, text.length),
    from: readSender(value.from),
    replyToUserId: replyTo?.id,
  };
}

interface CallbackQueryFields {
  id: string;
  chatId: number | undefined;
  messageId: number | undefined;
  data: string | undefined;
  from: Sender;
}

function readCallbackQuery(value: unknown): CallbackQueryFields | undefined {
  if (!isRecord(value) || typeof value.id !== 'string') return undefined;
  const from = readSender(value.from);
  if (!from) return undefined;
  const message = isRecord(value.message) ? value.message : undefined;
  const chatId = message && isRecord(message.chat) ? message.chat.id : undefined;
  return {
    id: value.id,
    chatId: Number.isSafeInteger(chatId) ? (chatId as number) : undefined,
    messageId: Number.isSafeInteger(message?.message_id) ? (message?.message_id as number) : undefined,
    data: typeof value.data === 'string' ? value.data : undefined,
    from,
  };
}

function readSender(value: unknown): Sender | undefined {
  if (!isRecord(value) || !Number.isSafeInteger(value.id)) return undefined;
  return {
    id: value.id as number,
    isBot: value.is_bot === true,
    languageCode: typeof value.language_code === 'string' ? value.language_code : undefined,
  };
}

/** Entities that point inside the text; anything else is dropped rather than trusted. */
function readEntities(value: unknown, textLength: number): Entity[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entity: unknown): Entity[] => {
    if (!isRecord(entity) || typeof entity.type !== 'string') return [];
    const { offset, length } = entity;
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) return [];
    if ((offset as number) < 0 || (length as number) <= 0 || (offset as number) + (length as number) > textLength) return [];
    const user = isRecord(entity.user) && Number.isSafeInteger(entity.user.id) ? (entity.user.id as number) : undefined;
    return [{ type: entity.type, offset: offset as number, length: length as number, ...(user === undefined ? {} : { userId: user }) }];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface LeadingCommand {
  /** `/start`, without any `@BotName`. */
  name: string;
  /** The `BotName` of `/start@BotName`, if given. */
  addressee: string | undefined;
  /** Index just after the command entity. */
  end: number;
}

function leadingCommand(text: string, entities: Entity[]): LeadingCommand | undefined {
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

function mentionsBot(text: string, entity: Entity, me: BotIdentity): boolean {
  if (entity.type === 'text_mention') return entity.userId === me.id;
  if (entity.type !== 'mention') return false;
  return text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === `@${me.username.toLowerCase()}`;
}

/** Cuts the given entities out of the text (back to front, so earlier offsets stay valid). */
function removeRanges(text: string, entities: Entity[]): string {
  let result = text;
  for (const entity of [...entities].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, entity.offset) + result.slice(entity.offset + entity.length);
  }
  return result;
}

function ignore(reason: IgnoreReason): { kind: 'ignore'; reason: IgnoreReason } {
  return { kind: 'ignore', reason };
}
