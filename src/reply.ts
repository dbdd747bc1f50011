import type { Locale } from './message.js';

/**
 * A button the user can press instead of typing. `id` is short (≤ 64 bytes, so it fits
 * Telegram's `callback_data`) and means something only to the core: send it back as
 * `IncomingMessage.choiceId`. `label` is what the button shows.
 */
export interface Choice {
  id: string;
  label: string;
}

export interface Link {
  label: string;
  url: string;
}

/** The office to turn to; channels may render it as a contact card or tappable links. */
export interface Contact {
  name: string;
  office: string;
  /** Empty when the knowledge names none. */
  department: string;
  phone: string;
  email: string;
  /** The whole card as plain text in the reply's language, for channels without cards. */
  text: string;
}

/**
 * What the core answers. `text` is plain text (paragraphs and "• " bullets, no markup):
 * channels escape it for their own format, so echoed user text can never inject markup.
 */
export interface Reply {
  text: string;
  locale: Locale;
  /** Name of the intent that produced the answer, or null when nothing matched. */
  intent: string | null;
  /** 0..1: how sure the core is that it understood. */
  confidence: number;
  /** True exactly when the core did not find an answer ("I don't know"). */
  fallback: boolean;
  /** Suggestions or "did you mean" options, at most a handful. */
  choices: Choice[];
  links: Link[];
  /**
   * Whom to turn to, where it helps: for contact questions and honest declines, not
   * after every answer. A city may have several contacts.
   */
  contacts: Contact[];
  /**
   * True when the bot declined a real question that a person could answer: channels
   * with a hand-off to the network team offer it. Never true for greetings, empty or
   * unreadable input.
   */
  handoff: boolean;
}

/**
 * The reply as one plain-text message, for channels without buttons (terminal, batch)
 * and as the notification fallback of richer ones. Links already named in the text
 * are not repeated; choices become a numbered list.
 */
export function renderPlainText(reply: Reply): string {
  const parts = [reply.text.trim(), ...reply.contacts.map((contact) => contact.text)];
  const extraLinks = reply.links.filter((link) => !reply.text.includes(link.url));
  if (extraLinks.length > 0) parts.push(extraLinks.map((link) => `${link.label}: ${link.url}`).join('\n'));
  if (reply.choices.length > 0) {
    parts.push(reply.choices.map((choice, i) => `${i + 1}. ${choice.label}`).join('\n'));
  }
  return parts.join('\n\n');
}
