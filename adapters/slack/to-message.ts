import type { IncomingMessage } from '../../src/message.js';
import { plainTextFromSlack } from './slack-text.js';

/**
 * Pure translation of Slack payloads into core messages, plus where the answer belongs.
 * Only the fields read here are typed, so the functions take Bolt's payloads as well as
 * hand-written test fixtures.
 */

/** Where a reply goes: a channel or DM (optionally a thread), or back through a command's response_url. */
export type ReplyTarget = { kind: 'post'; channel: string; threadTs?: string } | { kind: 'ephemeral'; responseUrl: string };

/** A payload worth answering, or the reason it is left alone (for debug logs and tests). */
export type Translation = { answer: true; message: IncomingMessage; target: ReplyTarget } | { answer: false; reason: string };

/** The parts of an `app_mention` or `message` event the adapter reads. */
export interface SlackEventFields {
  type: string;
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
}

/** The parts of a slash command payload the adapter reads. */
export interface SlackCommandFields {
  command: string;
  text?: string;
  channel_id: string;
  user_id: string;
  response_url: string;
}

/** The parts of a `block_actions` payload the adapter reads. */
export interface SlackActionFields {
  type: string;
  user?: { id: string };
  channel?: { id: string };
  container?: { type?: string; channel_id?: string; thread_ts?: string; is_ephemeral?: boolean };
  message?: { ts?: string; thread_ts?: string };
  response_url?: string;
  actions?: Array<{ action_id?: string; value?: string }>;
}

/** action_id prefix of the suggestion buttons rendered by `render.ts`. */
export const CHOICE_ACTION_PREFIX = 'choice:';

/** The core's help command: what an empty question means. */
const HELP = '/help';

/** Message subtypes that are still a person writing; everything else (edits, deletions, joins, bots) is skipped. */
const HUMAN_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

const skip = (reason: string): Translation => ({ answer: false, reason });

/**
 * An `app_mention` (answered in the thread of the mention) or a direct `message`
 * (answered in the DM, in its thread if it was in one). Bots, the bot itself and
 * edits/deletions are skipped, so the bot never answers itself or a change twice.
 */
export function translateEvent(event: SlackEventFields, botUserId?: string): Translation {
  if (event.type !== 'app_mention' && event.type !== 'message') return skip(`event type ${event.type}`);
  if (event.bot_id !== undefined || event.subtype === 'bot_message') return skip('from a bot');
  if (event.subtype !== undefined && !HUMAN_SUBTYPES.has(event.subtype)) return skip(`subtype ${event.subtype}`);
  if (!event.channel || !event.ts || !event.user) return skip('missing channel, ts or user');
  if (botUserId !== undefined && event.user === botUserId) return skip('from the bot itself');

  const isDirect = event.type === 'message';
  if (isDirect && event.channel_type !== 'im') return skip('message outside a DM');

  // Mentions always open a thread; DMs only stay in one if the user wrote in one.
  const threadTs = isDirect ? event.thread_ts : (event.thread_ts ?? event.ts);
  const conversationId = threadTs ? `slack:${event.channel}:${threadTs}` : `slack:${event.channel}`;
  const wire = botUserId === undefined ? (event.text ?? '').replace(/^\s*<@[^>]+>/, '') : (event.text ?? '');
  const text = plainTextFromSlack(wire, botUserId).trim();
  return {
    answer: true,
    message: { channel: 'slack', conversationId, userId: event.user, text: text || HELP, raw: event },
    target: threadTs ? { kind: 'post', channel: event.channel, threadTs } : { kind: 'post', channel: event.channel },
  };
}

/**
 * `/engagiert <frage>`: answered ephemerally to the asker through the response_url.
 * The context is per person and channel, because nobody else sees these answers.
 */
export function translateCommand(command: SlackCommandFields): Translation {
  const text = plainTextFromSlack(command.text ?? '').trim();
  return {
    answer: true,
    message: {
      channel: 'slack',
      conversationId: `slack:${command.channel_id}:${command.user_id}`,
      userId: command.user_id,
      text: text || HELP,
      raw: command,
    },
    target: { kind: 'ephemeral', responseUrl: command.response_url },
  };
}

/**
 * A suggestion button: the button's value is the core's choice id, answered in the
 * conversation the button was shown in, so the core finds its context again.
 */
export function translateAction(body: SlackActionFields): Translation {
  if (body.type !== 'block_actions') return skip(`payload type ${body.type}`);
  const action = body.actions?.[0];
  if (!action?.action_id?.startsWith(CHOICE_ACTION_PREFIX) || !action.value) return skip('not a suggestion button');
  const user = body.user?.id;
  const channel = body.container?.channel_id ?? body.channel?.id;
  if (!user || !channel) return skip('missing user or channel');
  const base = { channel: 'slack' as const, userId: user, text: '', choiceId: action.value, raw: body };

  if (body.container?.is_ephemeral) {
    if (!body.response_url) return skip('ephemeral message without response_url');
    return {
      answer: true,
      message: { ...base, conversationId: `slack:${channel}:${user}` },
      target: { kind: 'ephemeral', responseUrl: body.response_url },
    };
  }
  if (body.container?.type !== 'message') return skip(`button in a ${body.container?.type ?? 'unknown'} container`);
  const threadTs = body.message?.thread_ts ?? body.container.thread_ts;
  return {
    answer: true,
    message: { ...base, conversationId: threadTs ? `slack:${channel}:${threadTs}` : `slack:${channel}` },
    target: threadTs ? { kind: 'post', channel, threadTs } : { kind: 'post', channel },
  };
}

/**
 * Any request body Bolt hands over (Events API envelope, command or interaction),
 * used by the error handler to find out where an apology goes.
 */
export function translateBody(body: unknown, botUserId?: string): Translation {
  if (typeof body !== 'object' || body === null) return skip('no body');
  const fields = body as Record<string, unknown>;
  if (fields.type === 'event_callback' && typeof fields.event === 'object' && fields.event !== null) {
    return translateEvent(fields.event as SlackEventFields, botUserId);
  }
  if (typeof fields.command === 'string') return translateCommand(body as SlackCommandFields);
  if (fields.type === 'block_actions') return translateAction(body as SlackActionFields);
  return skip(`unknown body type ${String(fields.type)}`);
}
