import type { BotCommand } from 'grammy/types';
import type { Assistant } from '../../src/assistant.js';
import type { Locale } from '../../src/message.js';

/**
 * The command menu Telegram shows next to the input field, per language. Every
 * command in both lists works for everyone (the core understands `/hilfe` and `/help`
 * alike); the lists only decide what each user is offered.
 */
export function commandsFor(assistant: Assistant, locale: Locale): BotCommand[] {
  const names: Record<Locale, string[]> = {
    de: ['start', 'hilfe', 'kontakt', 'partner', 'sprache'],
    en: ['start', 'help', 'contact', 'partner', 'language'],
  };
  const ids = [
    'telegram-command-start',
    'telegram-command-help',
    'telegram-command-contact',
    'telegram-command-partners',
    'telegram-command-language',
  ];
  return names[locale].map((command, i) => ({ command, description: assistant.say(locale, ids[i]!) }));
}
