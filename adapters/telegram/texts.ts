import type { Locale } from '../../src/message.js';

/**
 * The few sentences the adapter says itself, because they are about Telegram and
 * its faults rather than about the programme (the core does not see these cases).
 */
const TEXTS = {
  nonText: {
    de: 'Ich kann leider nur Textnachrichten lesen. Schreiben Sie mir Ihre Frage bitte als Text – oder tippen Sie /hilfe.',
    en: 'Sorry, I can only read text messages. Please type your question – or send /help.',
  },
  apology: {
    de: 'Entschuldigung, da ist bei mir etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.',
    en: 'Sorry, something went wrong on my side. Please try again in a moment.',
  },
} as const;

/** The note for stickers, photos, voice messages and other things that are not text. */
export function nonTextNote(locale: Locale | undefined): string {
  return TEXTS.nonText[locale ?? 'de'];
}

/** What the user reads when answering failed; German unless Telegram says otherwise. */
export function apology(locale: Locale | undefined): string {
  return TEXTS.apology[locale ?? 'de'];
}
