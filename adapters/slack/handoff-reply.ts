import { escapeMrkdwn } from './slack-text.js';
import type { SlackEventFields } from './to-message.js';

/**
 * A member's reply in a ticket's thread, as the hand-off takes it: pure and total on
 * any event shape, like to-message.ts.
 */

/** A person's reply in a thread of the hand-off channel (whether the thread is a ticket, the hand-off decides). */
export interface HandoffReply {
  channel: string;
  /** The thread's root: the ticket message. */
  threadTs: string;
  ts: string;
  user: string;
  /** Slack's wire text (entities escaped, mentions and links as `<…>`). */
  wire: string;
  /** A file came with it, which is not passed on. */
  withFiles: boolean;
}

/** Still a person writing; edits (`message_changed`), deletions, joins and bots are not replies. */
const HUMAN_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The reply in `event`, if it is a person's message in a thread of `handoffChannel`;
 * the bot's own messages, other bots', edits and messages outside a thread are not.
 *
 * ```ts
 * handoffReplyOf({ type: 'message', channel: 'C1', user: 'U1', text: 'Ja', ts: '2.0', thread_ts: '1.0' }, { handoffChannel: 'C1' });
 * // { channel: 'C1', threadTs: '1.0', ts: '2.0', user: 'U1', wire: 'Ja', withFiles: false }
 * ```
 */
export function handoffReplyOf(
  event: SlackEventFields,
  context: { handoffChannel: string; botUserId?: string | undefined },
): HandoffReply | undefined {
  if (event.type !== 'message' || event.bot_id !== undefined) return undefined;
  if (event.subtype !== undefined && !(typeof event.subtype === 'string' && HUMAN_SUBTYPES.has(event.subtype))) return undefined;
  const channel = text(event.channel);
  const ts = text(event.ts);
  const threadTs = text(event.thread_ts);
  const user = text(event.user);
  if (channel !== context.handoffChannel || !ts || !threadTs || threadTs === ts || !user || user === context.botUserId) return undefined;
  const withFiles = event.subtype === 'file_share' || Array.isArray((event as { files?: unknown }).files);
  return { channel, threadTs, ts, user, wire: typeof event.text === 'string' ? event.text : '', withFiles };
}

/** A bare user mention as Slack sends it today: `<@U0123>`, without a label. */
const BARE_MENTION = /<@([UW][A-Z0-9]+)>/g;

/** Characters that would end a `<…|label>` token early. */
const UNSAFE_IN_LABEL = /[<>|]/g;

/**
 * The reply as it is handed to the hand-off: still Slack's wire text (the Telegram side
 * turns it into plain text for the citizen, see `HandoffChat.relayAnswer`), with bare
 * mentions given the member's name as their label (`<@U1>` → `<@U1|Ana>`, so that the
 * citizen reads "@Ana", not an id), and the bot's own mention removed. A name that
 * cannot be found leaves the mention bare ("someone from the team" on the other side).
 *
 * ```ts
 * await labelMentions('<@UBOT> Fragen Sie <@U1> &amp; Co.', { nameOf: async () => 'Ana', botUserId: 'UBOT' });
 * // 'Fragen Sie <@U1|Ana> &amp; Co.'
 * ```
 */
export async function labelMentions(
  wire: string,
  options: { nameOf(userId: string): Promise<string | undefined>; botUserId?: string | undefined },
): Promise<string> {
  const ids = [...new Set(Array.from(wire.matchAll(BARE_MENTION), (match) => match[1] as string))].filter((id) => id !== options.botUserId);
  const names = new Map(await Promise.all(ids.map(async (id) => [id, await options.nameOf(id).catch(() => undefined)] as const)));
  return wire
    .replace(BARE_MENTION, (token, id: string) => {
      if (id === options.botUserId) return '';
      const name = names.get(id)?.replace(UNSAFE_IN_LABEL, '').trim();
      return name ? `<@${id}|${name}>` : token;
    })
    .trim();
}

/** What a member typed into the modal (raw text) in Slack's wire form, like a thread reply: `&`, `<`, `>` escaped. */
export const wireFromTyped = escapeMrkdwn;

/** A Slack `<…>` token: its target and optional label. */
const TOKEN = /<([^<>|\n]*)(?:\|([^<>\n]*))?>/g;
const decode = (text: string) => text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));

/**
 * An answer in Slack's wire form as plain text for the knowledge ("Als Antwort
 * übernehmen"): links as "label (url)" so that the address is kept, mentions as
 * `@name` (or `someone`), channels as `#name`, entities decoded once.
 *
 * ```ts
 * plainAnswer('Siehe <https://x.de|hier> &amp; <@U1|Ana>', 'jemand'); // 'Siehe hier (https://x.de) & @Ana'
 * ```
 */
export function plainAnswer(wire: string, someone: string): string {
  let out = '';
  let last = 0;
  for (const match of wire.matchAll(TOKEN)) {
    const [token, target = '', rawLabel] = match;
    out += decode(wire.slice(last, match.index));
    last = match.index + token.length;
    const label = rawLabel === undefined ? '' : decode(rawLabel).trim();
    if (target.startsWith('@')) out += label ? `@${label.replace(/^@/, '')}` : `@${someone}`;
    else if (target.startsWith('#')) out += label ? `#${label}` : '';
    else if (target.startsWith('!')) out += label || `@${target.slice(1).split('^')[0]}`;
    else {
      const address = decode(target).replace(/^mailto:/, '');
      out += label && label !== address ? `${label} (${address})` : address;
    }
  }
  return (out + decode(wire.slice(last))).trim();
}
