import type { BotCommand } from 'grammy/types';

/**
 * The command menu Telegram shows next to the input field, per language. Every
 * command in both lists works for everyone (the core understands `/hilfe` and `/help`
 * alike); the lists only decide what each user is offered.
 */
export const COMMANDS: { de: BotCommand[]; en: BotCommand[] } = {
  de: [
    { command: 'start', description: 'Start und Hauptmenü' },
    { command: 'hilfe', description: 'Was ich beantworten kann' },
    { command: 'kontakt', description: 'Ansprechpartner und Kontakt' },
    { command: 'partner', description: 'Partner der Engagierten Stadt Lübeck' },
    { command: 'sprache', description: 'Sprache wechseln (Deutsch/Englisch)' },
  ],
  en: [
    { command: 'start', description: 'Start and main menu' },
    { command: 'help', description: 'What I can answer' },
    { command: 'contact', description: 'Contact person and office' },
    { command: 'partner', description: 'Partners of Engagierte Stadt Lübeck' },
    { command: 'language', description: 'Switch language (German/English)' },
  ],
};
