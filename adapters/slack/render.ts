import type { types } from '@slack/bolt';
import type { Locale } from '../../src/message.js';
import { type Contact, type Reply, renderPlainText } from '../../src/reply.js';
import { escapeMrkdwn } from './slack-text.js';
import { CHOICE_ACTION_PREFIX } from './to-message.js';

/** Block Kit limits (docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  buttonsPerActions: 25,
  /** Notification fallback: Slack truncates long `text` anyway, keep it readable. */
  fallbackText: 3000,
} as const;

/** What chat.postMessage and response_url take: blocks plus the plain `text` for notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Bare web addresses; trailing punctuation belongs to the sentence, not the link. */
const URL_PATTERN = /https?:\/\/[^\s<>|"]+[^\s<>|".,;:!?)\]'»“”]/g;

/**
 * One whitespace-free piece of user-visible text as mrkdwn: escaped, with web
 * addresses turned into explicit links (we send `verbatim`, so Slack does not guess).
 */
function renderWord(word: string): string {
  let out = '';
  let last = 0;
  for (const match of word.matchAll(URL_PATTERN)) {
    out += `${escapeMrkdwn(word.slice(last, match.index))}<${escapeMrkdwn(match[0])}>`;
    last = match.index + match[0].length;
  }
  return out + escapeMrkdwn(word.slice(last));
}

/** Cuts an over-long word into escaped pieces that each fit, never inside an entity. */
function cutWord(word: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const char of word) {
    const escaped = escapeMrkdwn(char);
    if (current.length + escaped.length > max) {
      pieces.push(current);
      current = '';
    }
    current += escaped;
  }
  return current ? [...pieces, current] : pieces;
}

/** A paragraph or line as mrkdwn, whitespace kept as it is. */
function renderRun(text: string): string {
  return text
    .split(/(\s+)/)
    .map((part, i) => (i % 2 === 1 ? part : renderWord(part)))
    .join('');
}

/**
 * Plain text as mrkdwn pieces of at most `max` characters *after* escaping. Breaks
 * between paragraphs where possible, else between words, so no link or entity is cut.
 */
export function mrkdwnChunks(plain: string, max: number = LIMITS.sectionText): string[] {
  const chunks: string[] = [];
  let current = '';
  const add = (piece: string, separator: string) => {
    if (current && current.length + separator.length + piece.length <= max) {
      current += separator + piece;
      return;
    }
    if (current) chunks.push(current);
    current = piece;
  };
  for (const paragraph of plain.trim().split(/\n{2,}/)) {
    const whole = renderRun(paragraph);
    if (whole.length <= max) {
      add(whole, '\n\n');
      continue;
    }
    // Too long for one section: fall back to words, keeping the line breaks.
    let separator = '\n\n';
    for (const [, word = '', space = ''] of paragraph.matchAll(/(\S+)(\s*)/g)) {
      const rendered = renderWord(word);
      for (const piece of rendered.length <= max ? [rendered] : cutWord(word, max)) {
        add(piece, separator);
        separator = ' ';
      }
      separator = space.includes('\n') ? '\n' : ' ';
    }
  }
  if (current) chunks.push(current);
  return chunks.map((chunk) => chunk.trim()).filter(Boolean);
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });

/** Sections for a plain text, each within the 3000-character limit. */
export function textSections(plain: string): types.SectionBlock[] {
  return mrkdwnChunks(plain).map((text) => ({ type: 'section', text: mrkdwn(text) }));
}

const CONTACT_LABELS: Record<Locale, { phone: string; email: string }> = {
  de: { phone: 'Telefon', email: 'E-Mail' },
  en: { phone: 'Phone', email: 'Email' },
};

/** The contact office as a card: name and office on top, phone and email side by side. */
export function contactSection(contact: Contact, locale: Locale): types.SectionBlock {
  const labels = CONTACT_LABELS[locale];
  const where = [contact.office, contact.department].filter(Boolean).map(escapeMrkdwn).join(' · ');
  const email = escapeMrkdwn(contact.email);
  return {
    type: 'section',
    text: mrkdwn(`*${escapeMrkdwn(contact.name)}*${where ? `\n${where}` : ''}`),
    fields: [mrkdwn(`*${labels.phone}*\n${escapeMrkdwn(contact.phone)}`), mrkdwn(`*${labels.email}*\n<mailto:${email}|${email}>`)],
  };
}

/** Links the text does not already show, one per line. */
function linkSections(reply: Reply): types.SectionBlock[] {
  const extra = reply.links.filter((link) => !reply.text.includes(link.url));
  if (extra.length === 0) return [];
  const lines = extra.map((link) => `• <${escapeMrkdwn(link.url)}|${escapeMrkdwn(link.label.replace(/[|]/g, '/'))}>`);
  const sections: types.SectionBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > LIMITS.sectionText) {
      sections.push({ type: 'section', text: mrkdwn(current) });
      current = '';
    }
    current = current ? `${current}\n${line}` : line.slice(0, LIMITS.sectionText);
  }
  return [...sections, { type: 'section', text: mrkdwn(current) }];
}

const SHORTENED: Record<Locale, string> = { de: '… (gekürzt)', en: '… (shortened)' };

/** Shortens to `max` characters (code points), marking the cut with an ellipsis. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Suggestion buttons; `action_id` is `choice:<index>`, unique across the message. */
function choiceBlocks(reply: Reply): types.KnownBlock[] {
  const usable = reply.choices.filter((choice) => choice.id.length <= LIMITS.buttonValue);
  const blocks: types.KnownBlock[] = [];
  for (let start = 0; start < usable.length; start += LIMITS.buttonsPerActions) {
    blocks.push({
      type: 'actions',
      elements: usable.slice(start, start + LIMITS.buttonsPerActions).map((choice, offset) => ({
        type: 'button',
        action_id: `${CHOICE_ACTION_PREFIX}${start + offset}`,
        value: choice.id,
        text: { type: 'plain_text', text: shorten(choice.label, LIMITS.buttonText), emoji: true },
      })),
    });
  }
  return blocks;
}

/**
 * A core reply as a Slack message: escaped mrkdwn sections for the text, the links,
 * a contact card and suggestion buttons, within Block Kit's limits; `text` is the
 * escaped plain rendering for notifications and clients without blocks.
 *
 * ```ts
 * await client.chat.postMessage({ channel, thread_ts, ...renderReply(reply) });
 * ```
 */
export function renderReply(reply: Reply): SlackMessage {
  const tail: types.KnownBlock[] = [
    ...linkSections(reply),
    ...reply.contacts.map((contact) => contactSection(contact, reply.locale)),
    ...choiceBlocks(reply),
  ].slice(0, LIMITS.blocksPerMessage - 1);
  let body = textSections(reply.text);
  const room = LIMITS.blocksPerMessage - tail.length;
  if (body.length > room) {
    // Only a runaway text gets here; say that it was cut rather than fail to send.
    body = [...body.slice(0, room - 1), { type: 'section', text: mrkdwn(SHORTENED[reply.locale]) }];
  }
  return { text: fallbackText(reply), blocks: [...body, ...tail] };
}

/** The plain rendering, escaped and cut to a readable notification length. */
function fallbackText(reply: Reply): string {
  const plain = shorten(renderPlainText(reply), LIMITS.fallbackText);
  const escaped = escapeMrkdwn(plain);
  return escaped.length <= LIMITS.fallbackText ? escaped : (mrkdwnChunks(plain, LIMITS.fallbackText)[0] ?? '');
}

/** A short plain-text message without blocks, e.g. the apology after a fault. */
export function renderNotice(text: string): SlackMessage {
  return { text: escapeMrkdwn(text), blocks: textSections(text) };
}
