import { WordCache } from './word-cache.js';

/**
 * German-aware text normalisation. Everything the matcher compares goes through
 * `toKey`, so "Müller", "Mueller" and "Muller", or "Migrant:innen", "MigrantInnen" and
 * "Migrantinnen", end up as the same key.
 */

/** How much of a message is read at all; a question never needs more. */
export const MAX_READ_LENGTH = 1000;

/** One word of the user's message: as typed (for echoing) and as a matching key. */
export interface Token {
  surface: string;
  key: string;
}

// Control characters (incl. NUL), zero-width and bidi marks: never meaningful in a question.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
const HTML_TAG = /<\/?[a-z][^<>]{0,200}>/gi;
// Gender forms: "Migrant:innen", "Bürger*innen", "Nutzer_innen", "Lehrer/innen", "MigrantInnen".
const GENDER_MARK = /(\p{L})[:*_/·]in(?:nen)?\b/gu;
const GENDER_CAMEL = /(\p{Ll})In(?:nen)?\b/gu;

/** Strips what is never part of a question: invisible characters, HTML tags, excess length. */
export function cleanInput(text: string): string {
  return text
    .slice(0, MAX_READ_LENGTH * 2)
    .normalize('NFKC')
    .replace(INVISIBLE, ' ')
    .replace(HTML_TAG, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_READ_LENGTH);
}

// A letter typed three times or more is a word stretched for effect ("hiii", "dankeee"); German
// spelling has three in a row only at the seams of compounds, and the fold is the same on both sides.
const STRETCHED = /(\p{L})\1{2,}/gu;

/**
 * The matching key of a word: lower case; ä/ae → a, ö/oe → o, ü/ue → u, ß → ss; other
 * accents dropped; a stretched letter once. Folding "ae" as well as "ä" is what lets "Mueller" meet "Müller"
 * meet "Muller"; applied on both sides, the odd false fold ("neue" → "neu") is harmless.
 */
export function toKey(word: string): string {
  return keys.get(word);
}

/**
 * Keys made before: the same words come again and again (the knowledge's texts at start-up, the
 * questions after), and folding one takes a Unicode normalisation and seven replacements. Room for
 * the knowledge's and the corpus's words and then some; a flood of made-up words costs little memory.
 */
const keys = new WordCache(foldWord, 10_000);

function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(STRETCHED, '$1');
}

/**
 * "Wer steckt da hinter?", "Ist die Stadt da bei?": a pronominal adverb typed in two words at the end
 * of a sentence, where its verb's particle stands, is the one word ("dahinter", "dabei"); before a
 * vowel German puts an "r" between ("da an" → "daran"). Inside a sentence "da" is more often
 * "there" ("da mit dem Bus hin"), so only there.
 */
const SPLIT_ADVERB =
  /\b([Dd])a\s+(bei|durch|für|fur|gegen|hinter|mit|nach|neben|von|vor|zu|zwischen|an|auf|aus|in|über|uber|um|unter)(?=\s*(?:[?.!,;]|$))/gu;

function joinSplitAdverb(_: string, d: string, preposition: string): string {
  return `${d}a${/^[aeiouäöü]/i.test(preposition) ? 'r' : ''}${preposition}`;
}

/** Splits text into words (letters and digits), keeping each word's surface form. */
export function tokenize(text: string): Token[] {
  const prepared = text.replace(GENDER_CAMEL, '$1').replace(GENDER_MARK, '$1').replace(SPLIT_ADVERB, joinSplitAdverb);
  const words = prepared.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((surface) => ({ surface, key: toKey(surface) }));
}
