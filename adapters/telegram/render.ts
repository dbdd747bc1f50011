import type { InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions } from 'grammy/types';
import type { Assistant } from '../../src/assistant.js';
import type { Choice, Reply } from '../../src/reply.js';
import { type ContactCard, toContactCard } from './contact-card.js';
import { escapeHtml, escapeHtmlAttribute } from './html.js';
import { MAX_MESSAGE_LENGTH, splitText } from './split-text.js';

/** One `sendMessage`: HTML text that is safe to send as is, and its options. */
export interface OutgoingText {
  text: string;
  options: {
    parse_mode: 'HTML';
    link_preview_options?: LinkPreviewOptions;
    reply_markup?: InlineKeyboardMarkup;
  };
}

/** A core reply in Telegram's terms: messages in order, then optionally a contact card. */
export interface RenderedReply {
  messages: OutgoingText[];
  contactCard?: ContactCard;
  /** Choices left out because their id does not fit `callback_data` (1–64 bytes); the core's bug, worth a warning. */
  skippedChoiceIds: string[];
}

const MAX_CALLBACK_DATA_BYTES = 64;
/** Labels up to this length fit two buttons side by side on a phone. */
const SHORT_LABEL = 16;
const MAX_LINK_LABEL = 200;

/**
 * Renders a core reply for Telegram's HTML parse mode. The core's text is plain and
 * may echo the user, so all of it is escaped; only the markup added here is markup.
 * Text over 4096 characters is split at paragraph, line, sentence or word boundaries;
 * choices become inline buttons under the last message (`callback_data` = choice id);
 * links not already in the text are listed as tappable links, with previews off;
 * a contact's phone and e-mail are written out (Telegram makes them tappable) unless
 * the text already has them, and a contact card comes with them (the core names a
 * contact only where it helps: contact questions and honest declines). The few words
 * the adapter adds ("Telefon:", "Bitte wählen Sie:") come from the message catalogue.
 *
 * ```ts
 * const { messages, contactCard } = render(reply, assistant.say);
 * for (const m of messages) await api.sendMessage(chatId, m.text, m.options);
 * ```
 */
export function render(reply: Reply, say: Assistant['say']): RenderedReply {
  const body = splitText(reply.text).map((chunk) => ({ html: escapeHtml(chunk), visible: chunk.length }));
  const footer = renderFooter(reply, say);
  const parts = attachFooter(body, footer);
  // Telegram refuses empty messages; buttons still need a line above them.
  if (parts.length === 0) parts.push(plainLine(reply.choices.length > 0 ? say(reply.locale, 'telegram-choose') : '…'));

  const hasLinks = reply.links.length > 0 || /https?:\/\//i.test(reply.text);
  const { keyboard, skippedChoiceIds } = inlineKeyboard(reply.choices);
  const messages = parts.map(
    (part, i): OutgoingText => ({
      text: part.html,
      options: {
        parse_mode: 'HTML',
        ...(hasLinks ? { link_preview_options: { is_disabled: true } } : {}),
        ...(keyboard && i === parts.length - 1 ? { reply_markup: keyboard } : {}),
      },
    }),
  );
  return {
    messages,
    ...(reply.contacts[0] ? { contactCard: toContactCard(reply.contacts[0]) } : {}),
    skippedChoiceIds,
  };
}

interface HtmlPart {
  html: string;
  /** Characters the user sees, which is what Telegram's 4096 limit counts. */
  visible: number;
}

/** Links and contact details the text does not already contain, as one HTML block. */
function renderFooter(reply: Reply, say: Assistant['say']): HtmlPart | undefined {
  const lines: HtmlPart[] = [];
  for (const link of reply.links.filter((l) => !reply.text.includes(l.url))) {
    const label = link.label.trim().slice(0, MAX_LINK_LABEL) || link.url;
    lines.push(
      /^https?:\/\//i.test(link.url)
        ? { html: `<a href="${escapeHtmlAttribute(link.url)}">${escapeHtml(label)}</a>`, visible: label.length }
        : plainLine(`${label}: ${link.url}`),
    );
  }
  const contact = reply.contacts[0];
  if (contact && !(reply.text.includes(contact.phone) && reply.text.includes(contact.email))) {
    if (lines.length > 0) lines.push(plainLine(''));
    lines.push({ html: `<b>${escapeHtml(contact.name)}</b>`, visible: contact.name.length });
    lines.push(plainLine([contact.office, contact.department].filter(Boolean).join(', ')));
    lines.push(plainLine(say(reply.locale, 'telegram-contact-phone', { phone: contact.phone })));
    lines.push(plainLine(say(reply.locale, 'telegram-contact-email', { email: contact.email })));
  }
  if (lines.length === 0) return undefined;
  return {
    html: lines.map((line) => line.html).join('\n'),
    visible: lines.reduce((sum, line) => sum + line.visible + 1, 0),
  };
}

function plainLine(text: string): HtmlPart {
  return { html: escapeHtml(text), visible: text.length };
}

/** The footer goes under the last text chunk if both fit one message, else on its own. */
function attachFooter(body: HtmlPart[], footer: HtmlPart | undefined): HtmlPart[] {
  if (!footer) return body;
  const last = body.at(-1);
  if (last && last.visible + 2 + footer.visible <= MAX_MESSAGE_LENGTH) {
    return [...body.slice(0, -1), { html: `${last.html}\n\n${footer.html}`, visible: last.visible + 2 + footer.visible }];
  }
  return [...body, footer];
}

function inlineKeyboard(choices: Choice[]): { keyboard?: InlineKeyboardMarkup; skippedChoiceIds: string[] } {
  const fits = (choice: Choice) => {
    const bytes = Buffer.byteLength(choice.id, 'utf8');
    return bytes >= 1 && bytes <= MAX_CALLBACK_DATA_BYTES && choice.label.trim() !== '';
  };
  const usable = choices.filter(fits);
  const skippedChoiceIds = choices.filter((choice) => !fits(choice)).map((choice) => choice.id);
  if (usable.length === 0) return { skippedChoiceIds };

  const buttons: InlineKeyboardButton[] = usable.map((choice) => ({ text: choice.label, callback_data: choice.id }));
  const perRow = usable.every((choice) => choice.label.length <= SHORT_LABEL) ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { keyboard: { inline_keyboard: rows }, skippedChoiceIds };
}
