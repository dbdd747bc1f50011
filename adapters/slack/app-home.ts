import type { types } from '@slack/bolt';
import type { Assistant } from '../../src/assistant.js';
import type { IncomingMessage, Locale } from '../../src/message.js';
import { contactSection, textSections } from './render.js';
import { escapeMrkdwn } from './slack-text.js';

const COPY: Record<Locale, { title: string; topics: string; contact: string; howTo: string }> = {
  de: {
    title: '',
    topics: 'Dazu weiß ich etwas',
    contact: 'Ansprechpartner',
    howTo: 'Schreib mir im Tab *Nachrichten*, erwähne mich in einem Kanal oder nutze `/engagiert <Frage>`: die Antwort siehst nur du.',
  },
  en: {
    title: '',
    topics: 'What I know about',
    contact: 'Contact',
    howTo: 'Write to me in the *Messages* tab, mention me in a channel or use `/engagiert <question>` (only you see the answer).',
  },
};

/** Home is not a conversation of anyone; one shared, user-free key keeps the core's context store clean. */
const HOME_CONVERSATION = 'slack:app-home';

const ask = (assistant: Assistant, text: string, locale: Locale): ReturnType<Assistant['respond']> => {
  const message: IncomingMessage = { channel: 'slack', conversationId: HOME_CONVERSATION, text, localeHint: locale };
  return assistant.respond(message);
};

/**
 * The App Home tab: the core's own help text, its suggested topics and the contact
 * office, asked from the core each time so the tab always matches the knowledge.
 *
 * ```ts
 * await client.views.publish({ user_id: event.user, view: buildHomeView(assistant) });
 * ```
 */
export function buildHomeView(assistant: Assistant, locale: Locale = 'de'): types.HomeView {
  const copy = COPY[locale];
  const help = ask(assistant, '/help', locale);
  const contact = help.contacts[0] ?? ask(assistant, '/kontakt', locale).contacts[0];
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: assistant.say(locale, 'slack-home-title'), emoji: true } },
    ...textSections(help.text),
  ];
  if (help.choices.length > 0) {
    const topics = help.choices.map((choice) => `• ${choice.label}`).join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${copy.topics}*`, verbatim: true } });
    blocks.push(...textSections(topics));
  }
  if (contact) {
    blocks.push({ type: 'divider' });
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(copy.contact)}*`, verbatim: true } });
    blocks.push(contactSection(contact, locale));
  }
  blocks.push({ type: 'divider' }, { type: 'context', elements: [{ type: 'mrkdwn', text: copy.howTo, verbatim: true }] });
  // A home view holds at most 100 blocks; the help text never comes near, but stay safe.
  return { type: 'home', blocks: blocks.slice(0, 100) };
}
