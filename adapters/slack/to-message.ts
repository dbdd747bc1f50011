import type { IncomingMessage, Locale } from '../../src/message.js';
import { plainTextFromSlack } from './slack-text.js';

/**
 * Pure translation of Slack payloads into core messages, plus where the answer belongs.
 * Total: any shape (a field missing, a number where text belongs) is either translated
 * or skipped with a reason, never thrown on. Only the fields read here are typed, so
 * the functions take Bolt's payloads as well as hand-written test fixtures.
 */

/**
 * Where a reply goes: a channel or DM (optionally a thread), or back through a command's
 * response_url. `after` is the ts of what is being answered: a reply posted for it is
 * newer, which is how a restart finds out whether the answer already went out.
 */
export type ReplyTarget = { kind: 'post'; channel: string; threadTs?: string; after?: string } | { kind: 'ephemeral'; responseUrl: string };

/** A payload worth answering, or the reason it is left alone (for debug logs and tests). */
export type Translation = { answer: true; message: IncomingMessage; target: ReplyTarget } | { answer: false; reason: string };

/** A translation that is answered. */
export type Answerable = Extract<Translation, { answer: true }>;

/** The parts of an `app_mention` or `message` event the adapter reads. */
export interface SlackEventFields {
  type?: unknown;
  subtype?: unknown;
  channel?: unknown;
  channel_type?: unknown;
  user?: unknown;
  bot_id?: unknown;
  text?: unknown;
  ts?: unknown;
  thread_ts?: unknown;
}

/** The parts of a slash command payload the adapter reads. */
export interface SlackCommandFields {
  command?: unknown;
  text?: unknown;
  channel_id?: unknown;
  user_id?: unknown;
  response_url?: unknown;
}

/** The parts of a `block_actions` payload the adapter reads. */
export interface SlackActionFields {
  type?: unknown;
  user?: { id?: unknown };
  channel?: { id?: unknown };
  container?: { type?: unknown; channel_id?: unknown; thread_ts?: unknown; is_ephemeral?: unknown };
  message?: { ts?: unknown; thread_ts?: unknown };
  view?: { type?: unknown; private_metadata?: unknown };
  response_url?: unknown;
  actions?: unknown;
}

/** What the translation needs to know besides the payload. */
export interface TranslationContext {
  /** The bot's own user id: its mention is removed, its messages skipped. */
  botUserId?: string;
  /** Whether the bot takes part in a channel thread (answered there before): follow-ups need no mention. */
  isBotThread?: (channel: string, threadTs: string) => boolean;
  /** A response_url is used only if this says so (Slack's own host); a forged one is never posted to. */
  acceptsResponseUrl?: (url: string) => boolean;
  /** The user's language where Slack told it (users.info), used until they write. */
  localeOf?: (userId: string) => Locale | undefined;
}

/** The skip reason for a response_url that does not point to Slack: worth a warning, unlike the other reasons. */
export const FOREIGN_RESPONSE_URL = 'response_url outside Slack';

/** action_id prefix of the suggestion buttons rendered by `render.ts` and `app-home.ts`. */
export const CHOICE_ACTION_PREFIX = 'choice:';

/** The core's help command: what an empty question means. */
const HELP = '/help';

/** Message subtypes that are still a person writing; everything else (edits, deletions, joins, bots) is skipped. */
const HUMAN_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

const skip = (reason: string): Translation => ({ answer: false, reason });
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function message(fields: Omit<IncomingMessage, 'channel' | 'localeHint'>, context: TranslationContext): IncomingMessage {
  const localeHint = fields.userId ? context.localeOf?.(fields.userId) : undefined;
  return { channel: 'slack', ...fields, ...(localeHint ? { localeHint } : {}) };
}

/** What the user typed, as they saw it, without the bot's mention; the help when nothing is left. */
function questionText(wire: string, botUserId: string | undefined): string {
  return plainTextFromSlack(wire, botUserId).trim() || HELP;
}

/** A mention's text: the bot's own mention removed (the first one, while the bot does not know its id yet). */
function mentionText(wire: string, botUserId: string | undefined): string {
  return questionText(botUserId === undefined ? wire.replace(/^\s*<@[^>]+>/, '') : wire, botUserId);
}

/**
 * An `app_mention` (answered in the thread of the mention), a direct `message`
 * (answered in the DM, in its thread if it was in one), or a reply in a channel thread
 * the bot takes part in (answered there, no mention needed). Bots, the bot itself and
 * edits/deletions are skipped, so the bot never answers itself or a change twice.
 */
export function translateEvent(event: SlackEventFields, context: TranslationContext = {}): Translation {
  const { botUserId } = context;
  if (event.type !== 'app_mention' && event.type !== 'message') return skip(`event type ${String(event.type)}`);
  if (event.bot_id !== undefined || event.subtype === 'bot_message') return skip('from a bot');
  if (event.subtype !== undefined && !(typeof event.subtype === 'string' && HUMAN_SUBTYPES.has(event.subtype))) {
    return skip(`subtype ${String(event.subtype)}`);
  }
  const channel = text(event.channel);
  const ts = text(event.ts);
  const user = text(event.user);
  if (!channel || !ts || !user) return skip('missing channel, ts or user');
  if (botUserId !== undefined && user === botUserId) return skip('from the bot itself');
  const wire = typeof event.text === 'string' ? event.text : '';
  const threadTs = text(event.thread_ts);

  let replyThread: string | undefined;
  if (event.type === 'app_mention') {
    // A DM is answered through its `message` event; should Slack also send a mention there, it is not answered twice.
    if (channel.startsWith('D')) return skip('mention in a DM');
    replyThread = threadTs ?? ts;
  } else if (event.channel_type === 'im') {
    replyThread = threadTs;
  } else if (event.channel_type === 'channel' || event.channel_type === 'group') {
    if (!threadTs || threadTs === ts) return skip('channel message outside a thread');
    if (!context.isBotThread?.(channel, threadTs)) return skip('thread without the bot');
    // A reply that mentions the bot also arrives as app_mention, which answers it.
    if (botUserId !== undefined && wire.includes(`<@${botUserId}`)) return skip('mention, answered as app_mention');
    replyThread = threadTs;
  } else {
    return skip(`message in a ${String(event.channel_type)}`);
  }

  const conversationId = replyThread ? `slack:${channel}:${replyThread}` : `slack:${channel}`;
  return {
    answer: true,
    message: message({ conversationId, userId: user, text: mentionText(wire, botUserId) }, context),
    target: { kind: 'post', channel, after: ts, ...(replyThread ? { threadTs: replyThread } : {}) },
  };
}

/**
 * `/engagiert <frage>`: answered ephemerally to the asker through the response_url.
 * The context is per person and channel, because nobody else sees these answers.
 */
export function translateCommand(command: SlackCommandFields, context: TranslationContext = {}): Translation {
  const channel = text(command.channel_id);
  const user = text(command.user_id);
  const responseUrl = text(command.response_url);
  if (!channel || !user || !responseUrl) return skip('missing channel, user or response_url');
  if (!context.acceptsResponseUrl?.(responseUrl)) return skip(FOREIGN_RESPONSE_URL);
  const wire = typeof command.text === 'string' ? command.text : '';
  return {
    answer: true,
    message: message({ conversationId: `slack:${channel}:${user}`, userId: user, text: questionText(wire, undefined) }, context),
    target: { kind: 'ephemeral', responseUrl },
  };
}

/** A Slack DM's id; anything else in a home view's metadata is not posted to. */
const DM_CHANNEL = /^D[A-Z0-9]{2,}$/;

/**
 * A suggestion button: the button's value is the core's choice id, answered in the
 * conversation the button was shown in, so the core finds its context again. A button
 * on the App Home answers in the user's DM with the bot.
 */
export function translateAction(body: SlackActionFields, context: TranslationContext = {}): Translation {
  if (body.type !== 'block_actions') return skip(`payload type ${String(body.type)}`);
  const action = Array.isArray(body.actions) ? (body.actions[0] as { action_id?: unknown; value?: unknown; action_ts?: unknown }) : undefined;
  const actionId = text(action?.action_id);
  const choiceId = text(action?.value);
  if (!actionId?.startsWith(CHOICE_ACTION_PREFIX) || !choiceId) return skip('not a suggestion button');
  const user = text(body.user?.id);
  if (!user) return skip('missing user');
  const base = { userId: user, text: '', choiceId };
  const pressedAt = text(action?.action_ts);
  const after = pressedAt ? { after: pressedAt } : {};

  if (body.container?.type === 'view') {
    if (body.view?.type !== 'home') return skip('button in a modal');
    const metadata = text(body.view.private_metadata);
    // The DM id was put into the home view when it was published; without it, Slack opens the DM by user id.
    const dm = metadata && DM_CHANNEL.test(metadata) ? metadata : user;
    return { answer: true, message: message({ ...base, conversationId: `slack:${dm}` }, context), target: { kind: 'post', channel: dm, ...after } };
  }
  const channel = text(body.container?.channel_id) ?? text(body.channel?.id);
  if (!channel) return skip('missing channel');
  if (body.container?.is_ephemeral === true) {
    const responseUrl = text(body.response_url);
    if (!responseUrl) return skip('ephemeral message without response_url');
    if (!context.acceptsResponseUrl?.(responseUrl)) return skip(FOREIGN_RESPONSE_URL);
    return {
      answer: true,
      message: message({ ...base, conversationId: `slack:${channel}:${user}` }, context),
      target: { kind: 'ephemeral', responseUrl },
    };
  }
  if (body.container?.type !== 'message') return skip(`button in a ${String(body.container?.type ?? 'unknown')} container`);
  const threadTs = text(body.message?.thread_ts) ?? text(body.container.thread_ts);
  return {
    answer: true,
    message: message({ ...base, conversationId: threadTs ? `slack:${channel}:${threadTs}` : `slack:${channel}` }, context),
    target: { kind: 'post', channel, ...after, ...(threadTs ? { threadTs } : {}) },
  };
}

/**
 * Any request body (Events API envelope, command or interaction): used by the error
 * handler to find out where an apology goes, and by the intake to decide what is worth
 * keeping.
 */
export function translateBody(body: unknown, context: TranslationContext = {}): Translation {
  if (typeof body !== 'object' || body === null) return skip('no body');
  const fields = body as Record<string, unknown>;
  if (fields.type === 'event_callback' && typeof fields.event === 'object' && fields.event !== null) {
    return translateEvent(fields.event as SlackEventFields, context);
  }
  if (typeof fields.command === 'string') return translateCommand(fields as SlackCommandFields, context);
  if (fields.type === 'block_actions') return translateAction(fields as SlackActionFields, context);
  return skip(`unknown body type ${String(fields.type)}`);
}

/** Accepts a response_url only on one origin (Slack's `https://hooks.slack.com`, or a fake in tests). */
export function responseUrlOn(origin: string): (url: string) => boolean {
  return (url) => {
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };
}
