import { plainTextFromSlack } from './slack-text.js';
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
const unsafeInLabel = /[<>|]/g;

/**
 * The reply as the citizen reads it: plain text, mentions as `@name` (names from
 * `nameOf`, else `someone`), links as their label, `&lt; &gt; &amp;` decoded, the
 * bot's own mention removed. Escaping for Telegram is the Telegram side's business.
 *
 * ```ts
 * await readableReply('Frag <@U1> oder <https://x.de|hier> &amp; dort', { nameOf: async () => 'Ana', someone: 'jemand' });
 * // 'Frag @Ana oder hier & dort'
 * ```
 */
export async function readableReply(
  wire: string,
  options: { nameOf(userId: string): Promise<string | undefined>; someone: string; botUserId?: string | undefined },
): Promise<string> {
  const ids = [...new Set(Array.from(wire.matchAll(BARE_MENTION), (match) => match[1] as string))].filter((id) => id !== options.botUserId);
  const names = new Map(await Promise.all(ids.map(async (id) => [id, await options.nameOf(id).catch(() => undefined)] as const)));
  const labelled = wire.replace(BARE_MENTION, (token, id: string) => {
    if (id === options.botUserId) return token;
    const name = (names.get(id) || options.someone).replace(unsafeInLabel, '');
    return `<@${id}|${name}>`;
  });
  return plainTextFromSlack(labelled, options.botUserId).trim();
}
