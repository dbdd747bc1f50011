import type { types } from '@slack/bolt';
import type { Locale } from '../../src/message.js';
import { type Choice, type Contact, type Reply, renderPlainText } from '../../src/reply.js';
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

/**
 * What chat.postMessage and response_url take: mrkdwn `text` alone for a plain answer,
 * or blocks plus the escaped plain `text` for notifications.
 */
export interface SlackMessage {
  text: string;
  blocks?: types.KnownBlock[];
}

/**
 * Bare web and e-mail addresses; trailing punctuation belongs to the sentence, not the
 * link. Neither contains whitespace, so a whole paragraph can be scanned at once.
 */
const URL_SOURCE = String.raw`https?:\/\/[^\s<>|"]+[^\s<>|".,;:!?)\]'»“”]`;
const EMAIL_SOURCE = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phone number as a tappable `tel:` link, its digits as the target and its written form as the label. */
export function phoneLink(phone: string): string {
  const dial = phone.replace(/[^\d+]/g, '');
  return dial.length >= 3 ? `<tel:${dial}|${escapeMrkdwn(phone)}>` : escapeMrkdwn(phone);
}

/** Link patterns by phone numbers: the contacts are the same few in every answer, so each is built once. */
const linkPatterns = new Map<string, RegExp>();
const MAX_LINK_PATTERNS = 64;

/**
 * One pattern for everything that becomes a link: the given phone numbers as written
 * (longest first, so that a number is never linked by a shorter one it contains), web
 * addresses and e-mail addresses. Group 1 is a phone, 2 a web address, 3 an e-mail.
 */
function linkPattern(phones: readonly string[]): RegExp {
  const known = [...new Set(phones.map((phone) => phone.trim()).filter((phone) => /\d/.test(phone)))].sort((a, b) => b.length - a.length);
  const key = known.join('\n');
  let pattern = linkPatterns.get(key);
  if (!pattern) {
    const phoneSource = known.length > 0 ? known.map(escapeRegExp).join('|') : '(?!)';
    pattern = new RegExp(`(${phoneSource})|(${URL_SOURCE})|(${EMAIL_SOURCE})`, 'g');
    if (linkPatterns.size >= MAX_LINK_PATTERNS) linkPatterns.clear();
    linkPatterns.set(key, pattern);
  }
  return pattern;
}

/** Text as mrkdwn: escaped, with phone numbers, web and e-mail addresses as explicit links (we send `verbatim`, so Slack does not guess). */
function renderRun(text: string, pattern: RegExp): string {
  let out = '';
  let last = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const [found, phone, url] = match;
    const escaped = escapeMrkdwn(found);
    out += escapeMrkdwn(text.slice(last, match.index));
    out += phone ? phoneLink(found) : url ? `<${escaped}>` : `<mailto:${escaped}|${escaped}>`;
    last = match.index + found.length;
  }
  return out + escapeMrkdwn(text.slice(last));
}

/**
 * Escaped mrkdwn pieces of at most `max` characters each (after escaping), cut between code
 * points and never inside an entity: an over-long word, or a question shown verbatim.
 */
export function escapedPieces(text: string, max: number = LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const char of text) {
    const escaped = escapeMrkdwn(char);
    if (current.length + escaped.length > max) {
      pieces.push(current);
      current = '';
    }
    current += escaped;
  }
  return current ? [...pieces, current] : pieces;
}

/**
 * Plain text as mrkdwn pieces of at most `max` characters *after* escaping. Breaks
 * between paragraphs where possible, else between words, so no link or entity is cut.
 * The `phones` given are linked where they appear (not inside an over-long paragraph,
 * which is cut word by word).
 */
export function mrkdwnChunks(plain: string, max: number = LIMITS.sectionText, phones: readonly string[] = []): string[] {
  const links = linkPattern(phones);
  const wordLinks = linkPattern([]);
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
    const whole = renderRun(paragraph, links);
    if (whole.length <= max) {
      add(whole, '\n\n');
      continue;
    }
    // Too long for one section: fall back to words, keeping the line breaks.
    let separator = '\n\n';
    for (const [, word = '', space = ''] of paragraph.matchAll(/(\S+)(\s*)/g)) {
      const rendered = renderRun(word, wordLinks);
      for (const piece of rendered.length <= max ? [rendered] : escapedPieces(word, max)) {
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

/** Sections for a plain text, each within the 3000-character limit; the given phone numbers become links. */
export function textSections(plain: string, phones: readonly string[] = []): types.SectionBlock[] {
  return mrkdwnChunks(plain, LIMITS.sectionText, phones).map((text) => ({ type: 'section', text: mrkdwn(text) }));
}

/** What the adapter says itself, from the message catalogue (`assistant.say`). */
export type Say = (locale: Locale, id: string, args?: Record<string, string | number>) => string;

/** The contact office as a card: name and office on top, phone and e-mail side by side, both tappable. */
export function contactSection(contact: Contact, locale: Locale, say: Say): types.SectionBlock {
  const where = [contact.office, contact.department].filter(Boolean).map(escapeMrkdwn).join(' · ');
  const email = escapeMrkdwn(contact.email);
  return {
    type: 'section',
    text: mrkdwn(`*${escapeMrkdwn(contact.name)}*${where ? `\n${where}` : ''}`),
    fields: [
      mrkdwn(`*${escapeMrkdwn(say(locale, 'slack-contact-phone'))}*\n${phoneLink(contact.phone)}`),
      mrkdwn(`*${escapeMrkdwn(say(locale, 'slack-contact-email'))}*\n<mailto:${email}|${email}>`),
    ],
  };
}

/** A contact the text already gives (its phone or e-mail is in it) is not shown again as a card. */
function contactsNotInText(reply: Reply): Contact[] {
  return reply.contacts.filter((contact) => !(reply.text.includes(contact.phone) || reply.text.includes(contact.email)));
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

/** Shortens to `max` characters (code points), marking the cut with an ellipsis. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Suggestion buttons; `action_id` is `choice:<index>`, unique across the message or view. */
export function choiceBlocks(choices: readonly Choice[]): types.KnownBlock[] {
  const usable = choices.filter((choice) => choice.id.length <= LIMITS.buttonValue);
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
 * A core reply as a Slack message. A plain answer (one section's worth of text, nothing
 * else) is one escaped mrkdwn `text`, as a person would write it. Otherwise blocks:
 * escaped mrkdwn sections for the text, the links, the contact card where the text does
 * not already give the contact, and suggestion buttons, within Block Kit's limits, with
 * the escaped plain rendering as `text` for notifications. Web and e-mail addresses and
 * the contacts' phone numbers are links either way.
 *
 * ```ts
 * await client.chat.postMessage({ channel, thread_ts, ...renderReply(reply, assistant.say) });
 * ```
 */
export function renderReply(reply: Reply, say: Say): SlackMessage {
  const tail: types.KnownBlock[] = [
    ...linkSections(reply),
    ...contactsNotInText(reply).map((contact) => contactSection(contact, reply.locale, say)),
    ...choiceBlocks(reply.choices),
  ].slice(0, LIMITS.blocksPerMessage - 1);
  const phones = reply.contacts.map((contact) => contact.phone);
  if (tail.length === 0) {
    const chunks = mrkdwnChunks(reply.text, LIMITS.sectionText, phones);
    if (chunks.length === 1) return { text: chunks[0] as string };
  }
  let body = textSections(reply.text, phones);
  const room = LIMITS.blocksPerMessage - tail.length;
  if (body.length > room) {
    // Only a runaway text gets here; say that it was cut rather than fail to send.
    body = [...body.slice(0, room - 1), { type: 'section', text: mrkdwn(escapeMrkdwn(say(reply.locale, 'slack-shortened'))) }];
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
  return { text: escapeMrkdwn(text) };
}
