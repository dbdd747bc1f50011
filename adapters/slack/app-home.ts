import type { types } from '@slack/bolt';
import type { Assistant } from '../../src/assistant.js';
import type { IncomingMessage, Locale } from '../../src/message.js';
import { choiceBlocks, contactSection, textSections } from './render.js';
import { escapeMrkdwn } from './slack-text.js';

/** A home view holds at most 100 blocks. */
const MAX_HOME_BLOCKS = 100;

const ask = (assistant: Assistant, text: string, locale: Locale): ReturnType<Assistant['respond']> => {
  // Home is nobody's conversation: one user-free key per language keeps the core's context store clean.
  const message: IncomingMessage = { channel: 'slack', conversationId: `slack:app-home:${locale}`, text, localeHint: locale };
  return assistant.respond(message);
};

const heading = (text: string): types.SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: `*${escapeMrkdwn(text)}*`, verbatim: true },
});

export interface HomeViewOptions {
  /** The user's language (users.info); German by default. */
  locale?: Locale;
  /** The user's DM with the bot (from `app_home_opened`): where the topic buttons answer. */
  dmChannel?: string;
}

/**
 * The App Home tab in the user's language: the core's own help text, a button for each
 * of its main topics (answered in the user's DM with the bot) and the contact office,
 * asked from the core each time so the tab always matches the knowledge. Every text is
 * escaped, the catalogue's included.
 *
 * ```ts
 * await client.views.publish({ user_id: event.user, view: buildHomeView(assistant, { locale: 'en', dmChannel: event.channel }) });
 * ```
 */
export function buildHomeView(assistant: Assistant, { locale = 'de', dmChannel }: HomeViewOptions = {}): types.HomeView {
  const say = (id: string) => assistant.say(locale, id);
  const help = ask(assistant, '/help', locale);
  const contact = help.contacts[0] ?? ask(assistant, '/kontakt', locale).contacts[0];
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: say('slack-home-title'), emoji: true } },
    ...textSections(help.text),
  ];
  if (help.choices.length > 0) blocks.push(heading(say('slack-home-topics')), ...choiceBlocks(help.choices));
  if (contact) blocks.push({ type: 'divider' }, heading(say('slack-home-contact')), contactSection(contact, locale, assistant.say));
  blocks.push({ type: 'divider' }, { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(say('slack-home-how-to')), verbatim: true }] });
  return { type: 'home', blocks: blocks.slice(0, MAX_HOME_BLOCKS), ...(dmChannel ? { private_metadata: dmChannel } : {}) };
}
