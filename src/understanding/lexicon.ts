import type { Knowledge } from '../knowledge/schema.js';
import { ASK_CUES, type Ask } from './cues.js';
import { WordCorrector } from './fuzzy.js';
import { inflectionVariants, phraseKeys } from './normalise.js';
import { ENGLISH_WORDS, GERMAN_WORDS, NEUTRAL_WORDS, wordList } from './words.js';

export type EntityKind = 'programme' | 'organisation' | 'event' | 'person';

export interface EntityRef {
  id: string;
  kind: EntityKind;
}

interface CuePhrase {
  keys: string[];
  asks: Ask[];
  lang: 'de' | 'en';
}

/**
 * Everything the matcher looks words up in, built once per knowledge base: entity
 * names and aliases (as phrases and glued together, so "Energie Cluster" meets
 * "EnergieCluster"), distinctive single words of names ("Breuninger"), cue words for
 * what is asked, function words, and the word corrector for typos.
 */
export interface Lexicon {
  entities: Map<string, EntityRef>;
  /** Alias phrase (keys joined by " ") → entities. */
  aliasPhrases: Map<string, string[]>;
  /** Alias glued without spaces ("energiecluster") → entities; catches split or joined compounds. */
  aliasCompact: Map<string, string[]>;
  longestAlias: number;
  /** A single word that names one entity (or a few: then it is ambiguous). */
  partialWords: Map<string, string[]>;
  /** Cue phrases by their first word, longest first, so a message is scanned once. */
  cuePhrases: Map<string, CuePhrase[]>;
  cuePrefixes: Map<string, { asks: Ask[]; lang: 'de' | 'en' }[]>;
  stopWords: Set<string>;
  germanWords: Set<string>;
  englishWords: Set<string>;
  neutralWords: Set<string>;
  /** Words of the domain (names, descriptions): in scope even when not a cue or alias. */
  domainWords: Set<string>;
  /**
   * Which texts of the knowledge a word occurs in, as "id|facet" targets with a weight
   * (1 / number of targets): lets "gehts auch um Demokratie?" find the programme text.
   */
  contentIndex: Map<string, { target: string; weight: number }[]>;
  /** Words a typo may be corrected to, and words inflections are reduced to. */
  entityWords: Set<string>;
  cueWords: Set<string>;
  corrector: WordCorrector;
}

/** Words that occur in so many names that alone they point at nothing in particular. */
const MAX_PARTIAL_OWNERS = 3;

/**
 * Words of names that are too common in questions to stand for one name on their own:
 * "Städte" must not mean the Deutscher Städte- und Gemeindebund.
 */
const GENERIC_NAME_WORDS = new Set(
  [
    'stadt',
    'städte',
    'lübeck',
    'hansestadt',
    'deutsche',
    'deutscher',
    'deutschen',
    'verein',
    'stiftung',
    'bund',
    'netzwerk',
    'engagement',
    'ehrenamt',
    'programm',
    'partner',
    'bereich',
    'organisation',
    'strategie',
    'kinder',
    'jugend',
    'frauen',
    'familie',
    'senioren',
    'land',
    'lokale',
    'internationaler',
    'woche',
    'office',
    'city',
    'foundation',
    'association',
    'state',
    'network',
    'group',
    'national',
    'german',
    'federal',
    'ministry',
    'day',
    'week',
    'fair',
    'migration',
    'wirtschaft',
    'soziales',
    'digitalisierung',
    'herr',
    'frau',
    'lübecker',
    'ehrenamts',
    'ehrenamtes',
    'cities',
    'towns',
    'municipalities',
    'states',
    'women',
    'youth',
    'family',
    'participation',
    'culture',
    'cultures',
    'house',
    'region',
    'metropolitan',
    'volunteer',
    'volunteering',
    'engagement',
    'civic',
    'social',
    'staff',
    'unit',
    'economy',
    'affairs',
    'department',
  ].map((w) => phraseKeys(w)[0]!),
);

export function buildLexicon(knowledge: Knowledge): Lexicon {
  const stopWords = new Set([...wordList(GERMAN_WORDS), ...wordList(ENGLISH_WORDS)].flatMap(phraseKeys));
  const entities = new Map<string, EntityRef>();
  const names = new Map<string, string[]>(); // entity id → every name and alias

  const add = (id: string, kind: EntityKind, all: string[]) => {
    entities.set(id, { id, kind });
    names.set(id, all);
  };
  add(knowledge.programme.id, 'programme', [knowledge.programme.name, ...knowledge.programme.aliases]);
  for (const org of knowledge.organisations) add(org.id, 'organisation', [org.name, ...org.aliases]);
  for (const event of knowledge.events) add(event.id, 'event', [event.name, ...event.aliases]);
  for (const person of knowledge.people) {
    const full = person.title ? [`${person.title} ${person.name}`] : [];
    add(person.id, 'person', [person.name, ...full, ...person.aliases]);
  }

  const aliasPhrases = new Map<string, string[]>();
  const aliasCompact = new Map<string, string[]>();
  const wordOwners = new Map<string, Set<string>>();
  const entityWords = new Set<string>();
  let longestAlias = 1;
  const push = (map: Map<string, string[]>, key: string, id: string) => {
    const owners = map.get(key) ?? [];
    if (!owners.includes(id)) owners.push(id);
    map.set(key, owners);
  };
  for (const [id, all] of names) {
    for (const alias of all) {
      const keys = phraseKeys(alias);
      if (keys.length === 0) continue;
      longestAlias = Math.max(longestAlias, keys.length);
      push(aliasPhrases, keys.join(' '), id);
      if (keys.length > 1) push(aliasCompact, keys.join(''), id);
      else push(aliasCompact, keys[0]!, id);
      for (const key of keys) {
        entityWords.add(key);
        if (!stopWords.has(key) && !GENERIC_NAME_WORDS.has(key) && key.length >= 4) {
          const owners = wordOwners.get(key) ?? new Set<string>();
          owners.add(id);
          wordOwners.set(key, owners);
        }
      }
      if (keys.length > 1) entityWords.add(keys.join(''));
    }
  }
  const partialWords = new Map<string, string[]>();
  for (const [word, owners] of wordOwners) {
    if (owners.size <= MAX_PARTIAL_OWNERS && !aliasPhrases.has(word)) partialWords.set(word, [...owners]);
  }

  const cuePhrases: CuePhrase[] = [];
  const cuePrefixes = new Map<string, { asks: Ask[]; lang: 'de' | 'en' }[]>();
  const cueWords = new Set<string>();
  const germanWords = new Set(wordList(GERMAN_WORDS).flatMap(phraseKeys));
  const englishWords = new Set(wordList(ENGLISH_WORDS).flatMap(phraseKeys));
  for (const [ask, byLang] of Object.entries(ASK_CUES) as [Ask, { de: string[]; en: string[] }][]) {
    for (const lang of ['de', 'en'] as const) {
      for (const cue of byLang[lang]) {
        const isPrefix = cue.endsWith('*');
        const keys = phraseKeys(isPrefix ? cue.slice(0, -1) : cue);
        if (keys.length === 0) continue;
        if (isPrefix && keys.length === 1) {
          const list = cuePrefixes.get(keys[0]!) ?? [];
          list.push({ asks: [ask], lang });
          cuePrefixes.set(keys[0]!, list);
        } else {
          cuePhrases.push({ keys, asks: [ask], lang });
        }
        for (const key of keys) {
          cueWords.add(key);
          if (key.length > 2) (lang === 'de' ? germanWords : englishWords).add(key);
        }
      }
    }
  }
  // Longest phrases first, so "wie oft" wins over "oft".
  cuePhrases.sort((a, b) => b.keys.length - a.keys.length);
  const phrasesByFirstWord = new Map<string, CuePhrase[]>();
  for (const phrase of cuePhrases) {
    const list = phrasesByFirstWord.get(phrase.keys[0]!) ?? [];
    list.push(phrase);
    phrasesByFirstWord.set(phrase.keys[0]!, list);
  }

  const domainWords = new Set<string>();
  const targetsOf = new Map<string, Set<string>>();
  const addText = (target: string, ...texts: (string | undefined)[]) => {
    for (const text of texts) {
      if (!text) continue;
      for (const key of phraseKeys(text)) {
        if (stopWords.has(key) || key.length < 4) continue;
        domainWords.add(key);
        for (const form of [key, ...inflectionVariants(key)]) {
          const targets = targetsOf.get(form) ?? new Set<string>();
          targets.add(target);
          targetsOf.set(form, targets);
        }
      }
    }
  };
  const p = knowledge.programme;
  addText(`${p.id}|describe`, p.description.de, p.description.en);
  addText(`${p.id}|luebeck`, p.luebeck.de, p.luebeck.en);
  addText(`${p.id}|topics`, ...p.topics.flatMap((t) => [t.de, t.en]));
  addText('list|local-partners', p.applicationSupport.de, p.applicationSupport.en);
  for (const org of knowledge.organisations) {
    addText(`${org.id}|describe`, org.description.de, org.description.en);
    addText(`${org.id}|audience`, org.audience?.de, org.audience?.en);
    addText(`${org.id}|events`, org.activities?.de, org.activities?.en);
  }
  for (const event of knowledge.events) addText(`${event.id}|describe`, event.description.de, event.description.en);
  for (const person of knowledge.people) addText(`${person.id}|describe`, person.role.de, person.role.en);
  const contentIndex = new Map<string, { target: string; weight: number }[]>();
  for (const [word, targets] of targetsOf) {
    contentIndex.set(
      word,
      [...targets].map((target) => ({ target, weight: 1 / targets.size })),
    );
  }

  // German and English markers must be exclusive to decide a language.
  for (const word of [...germanWords]) {
    if (englishWords.has(word)) {
      germanWords.delete(word);
      englishWords.delete(word);
    }
  }

  // Short cue words ("weiter", "träger") are too close to everyday words ("Wetter", "Dräger")
  // to correct typos towards; names and longer cue words are distinctive enough.
  const correctable = [...entityWords, ...[...cueWords].filter((w) => w.length >= 7)].filter((w) => !stopWords.has(w));
  const swappable = [...entityWords, ...cueWords].filter((w) => w.length >= 4 && w.length < 7);
  return {
    entities,
    aliasPhrases,
    aliasCompact,
    longestAlias,
    partialWords,
    cuePhrases: phrasesByFirstWord,
    cuePrefixes,
    stopWords,
    germanWords,
    englishWords,
    neutralWords: new Set([...NEUTRAL_WORDS].flatMap(phraseKeys)),
    domainWords,
    contentIndex,
    entityWords,
    cueWords,
    corrector: new WordCorrector(correctable, swappable),
  };
}
