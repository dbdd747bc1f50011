import type { Assistant } from '../../src/assistant.js';
import type { Locale } from '../../src/message.js';
import { escapeHtml } from './html.js';
import type { OutgoingText } from './render.js';
import { splitText } from './split-text.js';

/**
 * What the hand-off to the network team looks like on Telegram, as pure functions: the
 * consent button and the sentence above it, the replies to a refused offer, and the
 * team's answer relayed into the chat. Every sentence comes from the catalogue
 * (`handoff-telegram-*`).
 */

/**
 * `callback_data` of the consent button: a prefix that no core choice id has (those are
 * `f:…`) and the offer id, nothing else – no question, no chat. The core's offer ids are
 * 12 characters, so this is 20 bytes of Telegram's 64.
 */
const CONSENT_PREFIX = 'handoff:';

export function consentData(offerId: string): string {
  return `${CONSENT_PREFIX}${offerId}`;
}

/** The offer id of a consent button's data, or undefined for any other button. */
export function offerIdOf(data: string): string | undefined {
  return data.startsWith(CONSENT_PREFIX) ? data.slice(CONSENT_PREFIX.length) : undefined;
}

/**
 * The consent message: what is shared (the question text only) and where the answer
 * comes (this chat), a note when the question will be cut, and one button whose label
 * names the team. Pressing it is the consent.
 *
 * ```ts
 * const offer = handoff.offer({ chatId, question, locale });
 * if (offer.status === 'offered') {
 *   const consent = renderConsent(offer, locale, say);
 *   await api.sendMessage(chatId, consent.text, consent.options);
 * }
 * ```
 */
export function renderConsent(offer: { offerId: string; truncated: boolean }, locale: Locale, say: Assistant['say']): OutgoingText {
  const sentences = [say(locale, 'handoff-telegram-offer'), ...(offer.truncated ? [say(locale, 'handoff-telegram-offer-truncated')] : [])];
  return {
    text: escapeHtml(sentences.join('\n\n')),
    options: {
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: say(locale, 'handoff-telegram-button'), callback_data: consentData(offer.offerId) }]] },
    },
  };
}

/** Why the hand-off is refused, as the core says it (an offer or a press over a limit). */
export type Refusal = { status: 'too-many-open' | 'daily-cap'; limit: number };

/** The reply to a refusal: how many are allowed, and when the citizen can ask again. */
export function refusalText(refusal: Refusal, locale: Locale, say: Assistant['say']): string {
  return say(locale, refusal.status === 'too-many-open' ? 'handoff-telegram-too-many-open' : 'handoff-telegram-daily-cap', {
    limit: refusal.limit,
  });
}

/** The ticket number as the team sees it, `#12`: a string, so the catalogue does not write "1.234". */
export function ticketArgs(number: number): { number: string } {
  return { number: String(number) };
}

/**
 * The team's answer as Telegram messages: a bold header that says it comes from the
 * network team and names the ticket ("Antwort aus dem Netzwerk (#12):"), then the answer
 * as plain text ({@link slackToPlainText}), split at 4,096 characters at paragraph, line,
 * sentence or word boundaries, and escaped for Telegram's HTML after splitting, so that
 * no cut falls inside an `&amp;`. Link previews are off, as for the bot's own answers.
 *
 * ```ts
 * for (const part of renderRelay({ ticketNumber: 12, text: 'Ja, samstags &amp; sonntags.', locale: 'de' }, say)) {
 *   await api.sendMessage(chatId, part.text, part.options);
 * }
 * ```
 */
export function renderRelay(answer: { ticketNumber: number; text: string; locale: Locale }, say: Assistant['say']): OutgoingText[] {
  const header = say(answer.locale, 'handoff-telegram-relay', ticketArgs(answer.ticketNumber));
  const body = slackToPlainText(answer.text, say(answer.locale, 'handoff-telegram-someone'));
  const chunks = splitText(body === '' ? header : `${header}\n\n${body}`);
  return chunks.map((chunk, i) => ({
    // The header is short, so it always sits whole at the start of the first chunk.
    text: i === 0 && chunk.startsWith(header) ? `<b>${escapeHtml(header)}</b>${escapeHtml(chunk.slice(header.length))}` : escapeHtml(chunk),
    options: { parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  }));
}

/**
 * Slack's message text as plain text for a citizen. Slack escapes `&`, `<` and `>` typed
 * by a member as `&amp;`, `&lt;` and `&gt;`, and writes its own markup in angle brackets:
 * links `<https://…|label>`, e-mail `<mailto:…|label>`, mentions `<@U…>`, channels
 * `<#C…|name>`, `<!here>`, user groups `<!subteam^S…|@name>`, dates `<!date^…|fallback>`.
 * Links become "label (url)" (just the url when the label is the url; Telegram makes it
 * tappable); a mention without a readable name becomes `someone`, a channel without one
 * nothing (no Slack id reaches the citizen); anything else in brackets stays as written. The entities are decoded
 * last, and only in the text, so `&amp;lt;` stays `&lt;` as the member typed it.
 */
export function slackToPlainText(text: string, someone: string): string {
  // `split` with a capture group alternates: text, bracket content, text, …
  const parts = text.split(/<([^<>\n]*)>/);
  return parts
    .map((part, i) => (i % 2 === 0 ? decodeSlackEntities(part) : fromSlackMarkup(part, someone)))
    .join('')
    .trim();
}

function fromSlackMarkup(inner: string, someone: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? '' : decodeSlackEntities(inner.slice(bar + 1)).trim();
  if (/^https?:\/\//i.test(target)) {
    const url = decodeSlackEntities(target);
    return label === '' || label === url || `https://${label}` === url || `http://${label}` === url ? url : `${label} (${url})`;
  }
  if (/^mailto:/i.test(target)) {
    const address = decodeSlackEntities(target.slice('mailto:'.length));
    return label === '' || label === address ? address : `${label} (${address})`;
  }
  if (/^@[UW][A-Z0-9]+$/.test(target)) return label === '' ? someone : `@${label.replace(/^@/, '')}`;
  if (/^#C[A-Z0-9]+$/.test(target)) return label === '' ? '' : `#${label}`;
  if (/^!(here|channel|everyone)$/.test(target)) return `@${target.slice(1)}`;
  if (/^!(subteam|date)\^/.test(target)) return label;
  return `<${decodeSlackEntities(inner)}>`;
}

/** Slack's three entities, in one pass (so `&amp;lt;` becomes `&lt;`, not `<`). */
function decodeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}
