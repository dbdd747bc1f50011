import type { Knowledge, Subject } from '../knowledge/knowledge.js';
import { WordCorrector } from './fuzzy.js';
import { toKey, tokenize } from './normalise.js';
import { stem } from './stem.js';
import {
  AUDIENCE_PREPOSITIONS,
  ENGLISH_FUNCTION_WORDS,
  ENGLISH_TELLING_WORDS,
  GERMAN_FUNCTION_WORDS,
  GERMAN_TELLING_WORDS,
  HONORIFICS,
  OPEN_QUESTION_WORDS,
  PERSON_NOUNS,
  PERSON_PRONOUNS,
  PLACE_WORDS,
  QUESTION_WORDS,
  wordList,
} from './words.js';

/**
 * Everything the reader looks words up in, built once per knowledge: the names of the
 * subjects (as phrases of stems, and glued together so "Energie Cluster" meets
 * "Bundes-Netzwerk"), single distinctive words of names ("Breuninger"), the words of the
 * domain, and a corrector for typos.
 */
export interface Lexicon {
  subjects: ReadonlyMap<string, Subject>;
  /** A name or alias as stems joined by " " → the subjects it names. */
  phrases: Map<string, string[]>;
  /** A name or alias glued without spaces → the subjects it names. */
  compact: Map<string, string[]>;
  /** The longest name, in words. */
  longestPhrase: number;
  /** Names of several words, as keys, for matching one misheard word ("Körper Stiftung"), by each of their words. */
  multiWord: Map<string, { keys: string[]; ids: string[] }[]>;
  /** One distinctive word of a name (as stem) → the subjects whose names have it. */
  partial: Map<string, string[]>;
  /** The beginning (at least six letters) of a distinctive word of a name → its subjects ("Bundesminis" → Bundesministerium). */
  prefixes: Map<string, string[]>;
  /** Stems of every word of every name, also the generic ones ("stiftung", "verein"). */
  nameStems: Set<string>;
  /** Closed-class words of both languages (keys). */
  functionWords: Set<string>;
  /** Question words of both languages (keys): "wer", "wann", "which" … */
  questionWords: Set<string>;
  /** The question words that do not say what kind of thing they ask for (keys): "wer", "what". */
  openQuestionWords: Set<string>;
  /** Words before a place that make it where something is (keys): "nur in …", "for people in …". */
  placeWords: Set<string>;
  /** Prepositions before a word that describes whom something is for (keys): "für Jugendliche". */
  audiencePrepositions: Set<string>;
  /** Verbs a question can hang from (keys), with their language: "sagen", "tell". */
  tellingWords: Map<string, 'de' | 'en'>;
  /** The city's town as a word (key): beside the programme it names the city's part of it. */
  townKey: string;
  /** Words of the knowledge itself (names, texts, cues, examples) and function words (keys). */
  domainWords: Set<string>;
  /** Forms of address and titles (keys): they stand before names but are none ("Herr", "Dr"). */
  honorifics: Set<string>;
  /** Nouns for a person (keys): "Mann", "woman". */
  personNouns: Set<string>;
  /** Pronouns only a person can be (keys): "he", "her". */
  personPronouns: Set<string>;
  /** Words a typo may be corrected to. */
  corrector: WordCorrector;
}

export interface LexiconOptions {
  /** Words of the training corpus (keys); known words, and targets for typo correction. */
  corpusWords?: Iterable<string>;
  /** Words of names that questions use in other senses too ("Verein", "Forum"): never a name alone. */
  genericNameWords?: Iterable<string>;
}

/** A word in this many names or more names nothing in particular. */
const MAX_PARTIAL_OWNERS = 2;
const MIN_PARTIAL_LENGTH = 4;
/** The shortest beginning of a name word that names it alone ("Handwe…"). */
export const MIN_PREFIX = 6;

export function buildLexicon(knowledge: Knowledge, options: LexiconOptions = {}): Lexicon {
  const functionWords = new Set(
    [...wordList(GERMAN_FUNCTION_WORDS), ...wordList(ENGLISH_FUNCTION_WORDS)].flatMap((w) => tokenize(w).map((t) => t.key)),
  );
  const honorifics = new Set(wordList(HONORIFICS).map(toKey));
  const phrases = new Map<string, string[]>();
  const compact = new Map<string, string[]>();
  const owners = new Map<string, Set<string>>();
  const multiWord = new Map<string, { keys: string[]; ids: string[] }>();
  let longestPhrase = 1;
  const addTo = (map: Map<string, string[]>, key: string, id: string) => {
    const ids = map.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    map.set(key, ids);
  };

  for (const subject of knowledge.subjects.values()) {
    if (subject.kind === 'contact') continue;
    const names = [subject.name.text.de, subject.name.text.en, subject.facts.name as string, ...subject.aliases];
    for (const name of names) {
      const keys = tokenize(name).map((t) => t.key);
      if (keys.length === 0) continue;
      addTo(phrases, keys.map(stem).join(' '), subject.id);
      if (keys.length > 1) {
        addTo(compact, keys.join(''), subject.id);
        const entry = multiWord.get(keys.join(' ')) ?? { keys, ids: [] };
        if (!entry.ids.includes(subject.id)) entry.ids.push(subject.id);
        multiWord.set(keys.join(' '), entry);
      }
      longestPhrase = Math.max(longestPhrase, keys.length);
      for (const key of keys) {
        if (key.length < MIN_PARTIAL_LENGTH || functionWords.has(key) || honorifics.has(key)) continue;
        const set = owners.get(stem(key)) ?? new Set<string>();
        set.add(subject.id);
        owners.set(stem(key), set);
      }
    }
  }
  const generic = new Set([...(options.genericNameWords ?? [])].map(stem));
  const partial = new Map<string, string[]>();
  for (const [word, ids] of owners) {
    if (ids.size <= MAX_PARTIAL_OWNERS && !generic.has(word)) partial.set(word, [...ids]);
  }

  const prefixes = new Map<string, string[]>();
  for (const [word, ids] of partial) {
    for (let length = MIN_PREFIX; length < word.length; length++) {
      const prefix = word.slice(0, length);
      const known = prefixes.get(prefix);
      prefixes.set(prefix, known ? [...new Set([...known, ...ids])] : ids);
    }
  }

  const domainWords = new Set(functionWords);
  const addText = (text: string | undefined) => {
    for (const token of tokenize(text ?? '')) domainWords.add(token.key);
  };
  for (const subject of knowledge.subjects.values()) {
    addText(subject.name.text.de);
    addText(subject.name.text.en);
    for (const alias of subject.aliases) addText(alias);
    addText(JSON.stringify(subject.facts));
  }
  // Examples of questions the bot declines are not words of its domain.
  for (const facet of knowledge.facets.filter((f) => f.kind !== 'decline')) {
    for (const text of [...facet.cues.de, ...facet.cues.en, ...facet.examples.de, ...facet.examples.en]) addText(text);
  }
  for (const role of knowledge.roles) for (const text of [...role.cues.de, ...role.cues.en, role.name.de, role.name.en]) addText(text);
  // Questions answered in the hand-off and taken over are the knowledge's own questions too.
  for (const answer of knowledge.answers) for (const text of [...answer.questions.de, ...answer.questions.en]) addText(text);

  const correctable = new Set([...domainWords, ...(options.corpusWords ?? [])]);
  return {
    subjects: knowledge.subjects,
    phrases,
    compact,
    longestPhrase,
    multiWord: byWord([...multiWord.values()]),
    partial,
    prefixes,
    nameStems: new Set(owners.keys()),
    functionWords,
    questionWords: new Set(wordList(QUESTION_WORDS).flatMap((w) => tokenize(w).map((t) => t.key))),
    openQuestionWords: new Set(wordList(OPEN_QUESTION_WORDS).flatMap((w) => tokenize(w).map((t) => t.key))),
    placeWords: new Set(wordList(PLACE_WORDS).map(toKey)),
    audiencePrepositions: new Set(wordList(AUDIENCE_PREPOSITIONS).map(toKey)),
    tellingWords: new Map([
      ...wordList(GERMAN_TELLING_WORDS).map((w) => [toKey(w), 'de'] as const),
      ...wordList(ENGLISH_TELLING_WORDS).map((w) => [toKey(w), 'en'] as const),
    ]),
    townKey: toKey(knowledge.town),
    domainWords,
    honorifics,
    personNouns: new Set(wordList(PERSON_NOUNS).map(toKey)),
    personPronouns: new Set(wordList(PERSON_PRONOUNS).map(toKey)),
    corrector: new WordCorrector(correctable, correctable, domainWords),
  };
}

/** Each multi-word name under each of its words, so only names sharing a word with the question are tried. */
function byWord(names: { keys: string[]; ids: string[] }[]): Map<string, { keys: string[]; ids: string[] }[]> {
  const index = new Map<string, { keys: string[]; ids: string[] }[]>();
  for (const name of names) {
    for (const key of new Set(name.keys)) {
      const list = index.get(key) ?? [];
      list.push(name);
      index.set(key, list);
    }
  }
  return index;
}
