import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Assistant } from '../../src/assistant.js';
import type { Locale } from '../../src/message.js';
import { apiSignal } from './api-transformers.js';

/**
 * The command menu per language: command names (which the core understands in both
 * languages) with the catalogue id of their description. Every command in both lists
 * works for everyone; the lists only decide what each user is offered.
 */
const COMMANDS: Record<Locale, [command: string, messageId: string][]> = {
  de: [
    ['start', 'telegram-command-start'],
    ['hilfe', 'telegram-command-help'],
    ['kontakt', 'telegram-command-contact'],
    ['partner', 'telegram-command-partners'],
    ['sprache', 'telegram-command-language'],
  ],
  en: [
    ['start', 'telegram-command-start'],
    ['help', 'telegram-command-help'],
    ['contact', 'telegram-command-contact'],
    ['partner', 'telegram-command-partners'],
    ['language', 'telegram-command-language'],
  ],
};

/** Offered when the hand-off to the network team is on (`/frage <text>`). */
const ASK_TEAM_COMMAND: Record<Locale, [command: string, messageId: string]> = {
  de: ['frage', 'handoff-telegram-command'],
  en: ['question', 'handoff-telegram-command'],
};

/** What the menu offers beyond the core's commands. */
export interface ProfileOptions {
  /** The hand-off is on: `/frage` (`/question`) is in the menu. */
  askTeam: boolean;
}

/** Telegram's limits: description up to 512 characters, short description up to 120. */
export const MAX_DESCRIPTION = 512;
export const MAX_SHORT_DESCRIPTION = 120;

/** What users see of the bot before and around a chat, in one language. */
export interface BotProfile {
  commands: BotCommand[];
  /** Shown in an empty chat, above the Start button. */
  description: string;
  /** Shown on the bot's profile page and in shared links. */
  shortDescription: string;
}

/** The profile in one language, every text from the message catalogue. */
export function botProfile(say: Assistant['say'], locale: Locale, options: ProfileOptions = { askTeam: false }): BotProfile {
  const commands = options.askTeam ? [...COMMANDS[locale], ASK_TEAM_COMMAND[locale]] : COMMANDS[locale];
  return {
    commands: commands.map(([command, id]) => ({ command, description: say(locale, id) })),
    description: say(locale, 'telegram-description').slice(0, MAX_DESCRIPTION),
    shortDescription: say(locale, 'telegram-short-description').slice(0, MAX_SHORT_DESCRIPTION),
  };
}

/**
 * Sets the command menu, description and short description for German and English
 * users, and German for everyone else (the city's language): nine calls, in parallel.
 *
 * ```ts
 * await publishProfile(bot.api, assistant.say, { askTeam: true }, signal);
 * ```
 */
export async function publishProfile(api: Api, say: Assistant['say'], options: ProfileOptions, signal?: AbortSignal): Promise<void> {
  const targets: [Locale, { language_code?: Locale }][] = [
    ['de', {}],
    ['de', { language_code: 'de' }],
    ['en', { language_code: 'en' }],
  ];
  const abortable = apiSignal(signal);
  await Promise.all(
    targets.flatMap(([locale, language]) => {
      const profile = botProfile(say, locale, options);
      return [
        api.setMyCommands(profile.commands, language, abortable),
        api.setMyDescription(profile.description, language, abortable),
        api.setMyShortDescription(profile.shortDescription, language, abortable),
      ];
    }),
  );
}
