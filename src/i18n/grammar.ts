import type { Locale } from '../message.js';

/**
 * What German needs to put a name into a sentence: its gender (for the article) and,
 * where the name does not stay as written after the article, its forms. "Deutscher
 * Städtetag" is "der Deutsche Städtetag", "dem Deutschen Städtetag"; "Forum Ehrenamt"
 * stays "das Forum Ehrenamt", "beim Forum Ehrenamt". English only needs to know
 * whether the name takes "the".
 */
export type Gender = 'm' | 'f' | 'n' | 'pl';
export type GrammaticalCase = 'nom' | 'acc' | 'dat' | 'gen';

export interface NameGrammar {
  /** The name as written, in each language (English may differ, e.g. a translation). */
  text: Record<Locale, string>;
  /** German gender; without it the name takes no article ("Musterstadt", "Dr. Erika Muster"). */
  gender?: Gender;
  /** German forms after the definite article, where they differ from `text.de`. */
  forms?: Partial<Record<GrammaticalCase, string>>;
  /** Whether English puts "the" before the name. */
  theInEnglish: boolean;
}

const ARTICLES: Record<Gender, Record<GrammaticalCase, string>> = {
  m: { nom: 'der', acc: 'den', dat: 'dem', gen: 'des' },
  f: { nom: 'die', acc: 'die', dat: 'der', gen: 'der' },
  n: { nom: 'das', acc: 'das', dat: 'dem', gen: 'des' },
  pl: { nom: 'die', acc: 'die', dat: 'den', gen: 'der' },
};

/** Prepositions and the case they govern (in/an: the place, "wo?"). */
const PREPOSITION_CASE: Record<string, GrammaticalCase> = {
  bei: 'dat',
  von: 'dat',
  zu: 'dat',
  mit: 'dat',
  aus: 'dat',
  nach: 'dat',
  seit: 'dat',
  in: 'dat',
  an: 'dat',
  für: 'acc',
  über: 'acc',
  durch: 'acc',
  gegen: 'acc',
  um: 'acc',
  ohne: 'acc',
};

/** Preposition + article that German always fuses ("bei dem" is "beim"). */
const CONTRACTIONS: Record<string, string> = {
  'bei dem': 'beim',
  'von dem': 'vom',
  'zu dem': 'zum',
  'zu der': 'zur',
  'in dem': 'im',
  'an dem': 'am',
};

export interface NameOptions {
  case?: GrammaticalCase;
  /** A preposition before the name; it sets the case unless `case` is given. */
  preposition?: string;
  /** Capitalise the first letter (sentence start). */
  capitalise?: boolean;
  /** Leave the article out even where the name takes one (e.g. after "kein"). */
  bare?: boolean;
}

/**
 * The name as it stands in a sentence: "die Körber-Stiftung",
 * `{ preposition: 'von' }` → "vom Bundesministerium für …", `{ preposition: 'bei' }` →
 * "beim Bundesnetzwerk"; in English "the Körber-Stiftung" or just "Musterverein e.V.".
 */
export function nameInSentence(name: NameGrammar, locale: Locale, options: NameOptions = {}): string {
  const phrase = locale === 'de' ? germanPhrase(name, options) : englishPhrase(name, options);
  return options.capitalise ? capitaliseFirst(phrase) : phrase;
}

function germanPhrase(name: NameGrammar, options: NameOptions): string {
  const preposition = options.preposition?.toLowerCase();
  const grammaticalCase = options.case ?? (preposition ? (PREPOSITION_CASE[preposition] ?? 'dat') : 'nom');
  if (!name.gender || options.bare) return [preposition, name.text.de].filter(Boolean).join(' ');
  const article = ARTICLES[name.gender][grammaticalCase];
  const form = name.forms?.[grammaticalCase] ?? name.text.de;
  if (!preposition) return `${article} ${form}`;
  const fused = CONTRACTIONS[`${preposition} ${article}`];
  return fused ? `${fused} ${form}` : `${preposition} ${article} ${form}`;
}

function englishPhrase(name: NameGrammar, options: NameOptions): string {
  const words = [options.preposition, name.theInEnglish && !options.bare ? 'the' : undefined, name.text.en];
  return words.filter(Boolean).join(' ');
}

export function capitaliseFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "A, B und C" / "A, B and C" (or "oder"/"or" with `disjunction`). */
export function joinList(items: readonly string[], locale: Locale, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  const key = `${locale}:${type}`;
  // One formatter per language and type: building one costs more than formatting.
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: 'long', type });
    listFormats.set(key, format);
  }
  return format.format(items);
}

const PRONOUNS: Record<Gender, string> = { m: 'er', f: 'sie', n: 'es', pl: 'sie' };

/** The nominative personal pronoun that stands for a name: "er", "sie", "es"; in English "it" or "they". */
export function pronounOf(name: NameGrammar, locale: Locale): string {
  if (locale === 'en') return name.gender === 'pl' ? 'they' : 'it';
  return name.gender ? PRONOUNS[name.gender] : 'sie';
}
