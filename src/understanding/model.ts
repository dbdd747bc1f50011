import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { factOf, type Knowledge, type Subject } from '../knowledge/knowledge.js';
import type { FacetDeclaration, RoleDeclaration } from '../knowledge/schema.js';
import type { Locale } from '../message.js';
import { AdoptedAnswers } from './adopted.js';
import { featuresOf } from './features.js';
import { buildLexicon, type Lexicon } from './lexicon.js';
import { readModelFile } from './model-file.js';
import { NaiveBayes, type NaiveBayesCounts, type NaiveBayesParams, softmax } from './naive-bayes.js';
import { tokenize } from './normalise.js';
import { type Reading, readMessage, withoutVerbPrefix } from './read.js';
import { FeatureSpace, Softmax, type SoftmaxJson } from './softmax.js';
import { stem } from './stem.js';
import { ENGLISH_FUNCTION_WORDS, GERMAN_FUNCTION_WORDS } from './words.js';

/**
 * The weights of the one scoring function (see `dialogue/decide.ts`), fitted on the
 * training corpus by `npm run train` and stored with the counts in `model/understanding.json`.
 */
export interface ScorerParams {
  intents: NaiveBayesParams;
  /** Weight of a knowledge example question, and of a cue word, against one corpus question. */
  exampleWeight: number;
  cueWeight: number;
  /** Weight of each kind of evidence (`EVIDENCE` in dialogue/decide.ts). */
  weights: Record<string, number>;
  /** Answer at or above this confidence, decline below. */
  answer: number;
  /** Ask back between two subjects one word names when the second is at least this close to the first (0..1). */
  clarify: number;
}

export const DEFAULT_PARAMS: ScorerParams = {
  intents: { alpha: 20, weights: { w: 1, c: 0.1, b: 0.5, p: 0.5, m: 1 }, prior: 1 },
  exampleWeight: 4,
  cueWeight: 1,
  weights: {
    facet: 0.5,
    named: 3,
    related: 1,
    described: 1,
    context: 1.5,
    default: 0.5,
    sameFacet: 0.5,
    missing: -4,
    unsaid: 0,
    claim: 1,
    content: 2,
    unknown: 4,
    ignored: -2,
    unnamed: 1,
    subjectless: 1,
    decline: 0,
    list: 0,
    chat: 0,
    involve: 0,
  },
  answer: 0.1,
  clarify: 0.5,
};

/** What `npm run train` writes (`model-file.ts` tells how). */
export interface UnderstandingModel {
  version: 2;
  params: ScorerParams;
  /** What kind of question (facet), whether it is a yes/no question, which language. */
  intents?: SoftmaxJson;
  yesNo?: SoftmaxJson;
  /** Word counts per language (de, en) of the corpus questions. */
  language?: NaiveBayesCounts;
  /** Words of the corpus (keys): known words, and targets of typo correction. */
  corpusWords: string[];
  /** Words of names that questions mostly use in other senses ("Verein", "Stadt"). */
  genericNameWords: string[];
  /** Words (keys) of the corpus questions the bot answers, as opposed to those it declines. */
  scopeWords: string[];
  /** Words people type often and in lower case ("stimmt", "richtig"): never a name the knowledge lacks. */
  everydayWords?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
/** `model/understanding.json` at the top of the project: two levels up from src/understanding and from the build's dist/app/chunks, three from dist/src/understanding. */
export const MODEL_PATH =
  [resolve(here, '..', '..', 'model', 'understanding.json'), resolve(here, '..', '..', '..', 'model', 'understanding.json')].find((path) =>
    existsSync(path),
  ) ?? resolve(here, '..', '..', 'model', 'understanding.json');

/** The fitted model, or an empty one (knowledge examples only) when none was trained. */
export function loadModel(path = MODEL_PATH): UnderstandingModel {
  if (!existsSync(path)) return emptyModel();
  const model = readModelFile<UnderstandingModel>(path);
  if (model.version !== 2) return emptyModel();
  // Weights added since the model was fitted start from their defaults.
  return {
    ...model,
    params: {
      ...DEFAULT_PARAMS,
      ...model.params,
      intents: { ...DEFAULT_PARAMS.intents, ...model.params.intents },
      weights: { ...DEFAULT_PARAMS.weights, ...model.params.weights },
    },
  };
}

export function emptyModel(params: ScorerParams = DEFAULT_PARAMS): UnderstandingModel {
  return { version: 2, params, corpusWords: [], genericNameWords: [], scopeWords: [] };
}

/** Everything the bot needs to read questions against one knowledge, built when it loads. */
export interface Understanding {
  knowledge: Knowledge;
  lexicon: Lexicon;
  params: ScorerParams;
  /** Log probability of each facet for a question's features. */
  facetLogProbabilities(features: readonly string[]): Map<string, number>;
  /** Probability that the question is a yes/no question. */
  yesNoProbability(features: readonly string[]): number;
  /** The language the question is written in, when its words tell. */
  languageOf(reading: Reading): Locale | undefined;
  facets: ReadonlyMap<string, FacetDeclaration>;
  /** Facets that at least one subject can answer (the others always say that the page does not say). */
  answerable: ReadonlySet<string>;
  /** Each role's cue words, as stem phrases. */
  roleCues: ReadonlyMap<string, string[][]>;
  /**
   * How specifically a message's own words (stems, names left out) use each facet's cue words:
   * facet id → the specificity of its most specific cue found (1 / the number of facets that
   * have the cue: "contact person" says more than "who is"). A one-word cue counts inside a
   * compound too ("Mailadresse") unless `compounds` is false; a list of a role has the role's cues ("Paten").
   * With the words' keys beside their stems, a cue typed as it is written counts as specific as its very
   * words are ("link" is the website's word, though "links" and "linked" share its stem).
   */
  cueSpecificities(stems: readonly string[], compounds?: boolean, keys?: readonly string[]): Map<string, number>;
  /** The stems of each text fact ("<subject>|<field>" → stems, both languages), and how rare each stem is among them. */
  texts: ReadonlyMap<string, ReadonlySet<string>>;
  rarity: ReadonlyMap<string, number>;
  /** All text stems of each subject together (for questions that describe a subject instead of naming it). */
  textsOfSubject: ReadonlyMap<string, ReadonlySet<string>>;
  /** How rare each stem is among the subjects (not the texts: a subject that says a word twice makes it no commoner). */
  subjectRarity: ReadonlyMap<string, number>;
  /** Single words that claim a role or taking part ("Partner", "Träger", "dabei"), as stems. */
  claimWords: ReadonlySet<string>;
  /** Stems of the cue words of every facet (except declining) and role: what the bot's questions are about. */
  cueStems: ReadonlySet<string>;
  /** Words the bot's own questions use: the knowledge's words and those of the corpus questions in scope. */
  scopeWords: ReadonlySet<string>;
  /** Answers taken over from the hand-off (`answers:` in the knowledge), by similar questions. */
  adopted: AdoptedAnswers;
  read(text: string): Reading;
  features(reading: Reading): string[];
}

export function prepareUnderstanding(knowledge: Knowledge, model: UnderstandingModel): Understanding {
  const corpusWords = new Set(model.corpusWords);
  const lexicon = buildLexicon(knowledge, { corpusWords, genericNameWords: model.genericNameWords });
  const params = model.params;
  const roleCues = new Map(knowledge.roles.map((role) => [role.id, [...role.cues.de, ...role.cues.en].map(stemsOf)]));
  const cueStems = new Set<string>();
  for (const phrases of roleCues.values()) for (const phrase of phrases) for (const s of phrase) cueStems.add(s);
  for (const facet of knowledge.facets.filter((f) => f.kind !== 'decline' && f.kind !== 'chat')) {
    for (const cue of [...facet.cues.de, ...facet.cues.en]) for (const s of stemsOf(cue)) cueStems.add(s);
  }
  const preambles = knowledge.facets
    .filter((facet) => facet.preamble)
    .flatMap((facet) => [...facet.cues.de, ...facet.cues.en])
    .map((cue) => tokenize(cue).map((t) => t.key))
    .sort((a, b) => b.length - a.length);
  const readerOptions = { cueStems, corpusWords, preambles, everydayWords: new Set(model.everydayWords ?? []) };
  const read = (text: string) => readMessage(text, lexicon, readerOptions);
  // The language and the kind of question both read a message's features: compute them once.
  const featureCache = new WeakMap<Reading, string[]>();
  const features = (reading: Reading) => {
    let cached = featureCache.get(reading);
    if (!cached) {
      cached = featuresOf(reading, knowledge.subjects as ReadonlyMap<string, Subject>);
      featureCache.set(reading, cached);
    }
    return cached;
  };

  const { intents: fitted, yesNo: fittedYesNo } = classifiersOf(model);
  const newFacets = knowledge.facets.map((f) => f.id).filter((id) => !fitted?.classes.includes(id));

  // The knowledge's own examples, in a classifier of their own: it knows facets the fitted model does
  // not (one added to the knowledge after the last `npm run train`), and tells how likely those are.
  // Reading every example costs start-up time, so only when it is needed: for a new facet, without a
  // fitted model, or without fitted word counts per language.
  const examples = new NaiveBayes(params.intents);
  const language = new NaiveBayes(LANGUAGE_PARAMS);
  if (model.language) language.addCounts(model.language);
  const needExamples = !fitted || newFacets.length > 0;
  if (needExamples || !model.language) {
    for (const facet of knowledge.facets) {
      for (const locale of ['de', 'en'] as const) {
        for (const example of facet.examples[locale]) {
          const f = features(read(example));
          if (needExamples) examples.add(facet.id, f, params.exampleWeight);
          if (!model.language) language.add(locale, wordsOf(f));
        }
        if (needExamples) for (const cue of facet.cues[locale]) examples.add(facet.id, features(read(cue)), params.cueWeight);
      }
    }
    if (needExamples) examples.prepare();
  }
  language.prepare();

  const facetLogProbabilities = (f: readonly string[]) => {
    const fromExamples = () => new Map([...softmax(examples.scores(f))].map(([k, p]) => [k, Math.log(p)]));
    if (!fitted) return fromExamples();
    const result = fitted.logProbabilities(f);
    if (newFacets.length === 0) return result;
    const byExamples = softmax(examples.scores(f));
    const shareOfNew = Math.min(
      0.99,
      newFacets.reduce((sum, id) => sum + (byExamples.get(id) ?? 0), 0),
    );
    for (const [id, logp] of result) result.set(id, logp + Math.log(1 - shareOfNew));
    for (const id of newFacets) result.set(id, Math.log(Math.max(1e-12, byExamples.get(id) ?? 0)));
    return result;
  };
  const yesNoProbability = (f: readonly string[]) => Math.exp(fittedYesNo?.logProbabilities(f).get('yes') ?? Number.NEGATIVE_INFINITY);
  const counted = (stem: string) => language.knows(`w:${stem}`);
  const languageOf = (reading: Reading): Locale | undefined => {
    const votes = functionWordVotes(reading, lexicon, counted);
    if (votes !== 0) return votes > 0 ? 'en' : 'de';
    // A word read as a typo of another says little about the language it was typed in ("numer" is no English "number").
    const words = reading.tokens.filter((t) => t.mention === undefined && !t.corrected && !/^\d+$/.test(t.key)).map((t) => `w:${t.stem}`);
    if (words.length === 0) return undefined;
    const en = softmax(language.scores(words)).get('en') ?? 0.5;
    // One word is little evidence ("hi" is typed in both languages): it must be surer.
    const sure = words.length === 1 ? SURE_OF_ONE_WORD : SURE_OF_WORDS;
    return en >= sure ? 'en' : en <= 1 - sure ? 'de' : undefined;
  };
  const { texts, rarity } = indexTexts(knowledge);
  const textsOfSubject = textsBySubject(texts);

  return {
    knowledge,
    lexicon,
    params,
    facetLogProbabilities,
    yesNoProbability,
    languageOf,
    facets: new Map(knowledge.facets.map((facet) => [facet.id, facet])),
    roleCues,
    cueSpecificities: cueIndexOf(knowledge, roleCues, lexicon),
    answerable: new Set(
      knowledge.facets
        .filter((facet) => [...knowledge.subjects.values()].some((s) => facet.fields.some((f) => factOf(s, f.name) !== undefined)))
        .map((f) => f.id),
    ),
    texts,
    rarity,
    textsOfSubject,
    subjectRarity: rarityOf(textsOfSubject),
    cueStems,
    claimWords: claimWordsOf(knowledge, roleCues),
    scopeWords: new Set([...lexicon.domainWords, ...(model.scopeWords ?? [])]),
    adopted: new AdoptedAnswers(
      knowledge.answers,
      read,
      lexicon,
      knowledge.facets.flatMap((facet) => [...facet.examples.de, ...facet.examples.en]),
    ),
    read,
    features,
  };
}

/** The model's classifiers over one feature space, built once per model (a reload of the knowledge keeps them). */
function classifiersOf(model: UnderstandingModel): { intents?: Softmax; yesNo?: Softmax } {
  const key = model.intents ?? model.yesNo;
  if (!key) return {};
  const cached = classifiers.get(key);
  if (cached && cached.yesNoJson === model.yesNo) return cached;
  const space = new FeatureSpace();
  const built = {
    yesNoJson: model.yesNo,
    ...(model.intents ? { intents: new Softmax(model.intents, space) } : {}),
    ...(model.yesNo ? { yesNo: new Softmax(model.yesNo, space) } : {}),
  };
  classifiers.set(key, built);
  return built;
}

const classifiers = new WeakMap<SoftmaxJson, { yesNoJson: SoftmaxJson | undefined; intents?: Softmax; yesNo?: Softmax }>();

function stemsOf(phrase: string): string[] {
  return tokenize(phrase).map((token) => stem(token.key));
}

/** The role declarations of the knowledge by id. */
export function rolesById(knowledge: Knowledge): Map<string, RoleDeclaration> {
  return new Map(knowledge.roles.map((role) => [role.id, role]));
}

/** Stems of every text fact, for matching a question's words against what the knowledge says. */
/** All text stems of each subject together. */
function textsBySubject(texts: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  const bySubject = new Map<string, Set<string>>();
  for (const [key, stems] of texts) {
    const id = key.slice(0, key.indexOf('|'));
    const all = bySubject.get(id) ?? new Set<string>();
    for (const s of stems) all.add(s);
    bySubject.set(id, all);
  }
  return bySubject;
}

function indexTexts(knowledge: Knowledge): { texts: Map<string, Set<string>>; rarity: Map<string, number> } {
  const textTypes = new Set(['text', 'texts', 'rhythm']);
  const fields = new Set(knowledge.facets.flatMap((facet) => facet.fields.filter((f) => textTypes.has(f.type)).map((f) => f.name)));
  const texts = new Map<string, Set<string>>();
  for (const subject of knowledge.subjects.values()) {
    for (const field of fields) {
      const value = subject.facts[field];
      if (value === undefined) continue;
      texts.set(`${subject.id}|${field}`, new Set(tokenize(JSON.stringify(value)).flatMap((t) => withoutVerbPrefix(t.key).map(stem))));
    }
  }
  return { texts, rarity: rarityOf(texts) };
}

/** log((n + 1) / the number of the n sets that hold a stem), per stem. */
function rarityOf(sets: ReadonlyMap<string, ReadonlySet<string>>): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const stems of sets.values()) for (const s of stems) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  const rarity = new Map<string, number>();
  for (const [s, count] of frequency) rarity.set(s, Math.log((sets.size + 1) / count));
  return rarity;
}

/** How sure the word counts must be of a language to decide it, from several words and from one. */
const SURE_OF_WORDS = 0.9;
const SURE_OF_ONE_WORD = 0.95;

/** The classifier of languages counts whole words only: names are masked, n-grams would blur it. */
export const LANGUAGE_PARAMS: NaiveBayesParams = { alpha: 5, weights: { w: 1 }, prior: 0 };

/** The word features of a question (for the language classifier). */
export function wordsOf(features: readonly string[]): string[] {
  return features.filter((f) => f.startsWith('w:'));
}

const germanOnly = new Set(tokenize(GERMAN_FUNCTION_WORDS).map((t) => t.key));
const englishOnly = new Set(tokenize(ENGLISH_FUNCTION_WORDS).map((t) => t.key));
for (const key of [...germanOnly]) {
  if (englishOnly.has(key)) {
    germanOnly.delete(key);
    englishOnly.delete(key);
  }
}

/**
 * Closed-class words tell the language best: "who", "is", "the" against "wer", "ist",
 * "der" (words both languages have, like "was" or "in", say nothing); umlauts and ß are
 * German. Positive: English.
 */
function functionWordVotes(reading: Reading, lexicon: Lexicon, counted: (stem: string) => boolean): number {
  let votes = 0;
  for (const token of reading.tokens) {
    if (token.mention !== undefined) continue;
    if (englishOnly.has(token.key)) votes++;
    // An umlaut is German, except in a word of a name, which English speakers write too ("Zürich", "Göttingen"),
    // and in a word the word counts know: they tell whether it is typed in English questions too (a place: "in Musterhöfen").
    else if (germanOnly.has(token.key) || (/[äöüß]/i.test(token.surface) && !lexicon.nameStems.has(token.stem) && !counted(token.stem))) votes--;
  }
  return votes;
}

/** Shortest cue that counts inside a compound: "mail" in "mailadresse", not "amt" in "ehrenamt". */
const MIN_COMPOUND_CUE = 4;

interface IndexedCue {
  facet: string;
  stems: string[];
  specificity: number;
  /** The cue's words as written (keys), and how specific they are as such: see `cueIndexOf`. */
  keys?: string[];
  formSpecificity?: number;
  /** Made of question and function words only ("wer ist", "what is"): the frame of a question, not what it asks for. */
  frame: boolean;
}

/**
 * The cue phrases by their first stem, once at load time, so that a message is read for cues in one pass.
 * A frame cue ("Wer ist …?", only open question words and function words) tells the kind of question only
 * when nothing more telling does: in "Wer ist der Vorsitzende von X?" the question asks for the chair, not
 * what X is. "Seit wann" is no frame: "wann" says what is asked.
 */
function cueIndexOf(knowledge: Knowledge, roleCues: ReadonlyMap<string, string[][]>, lexicon: Lexicon) {
  const { openQuestionWords, questionWords, functionWords } = lexicon;
  const isFrame = (cue: string) =>
    tokenize(cue).every((t) => openQuestionWords.has(t.key) || (functionWords.has(t.key) && !questionWords.has(t.key)));
  const phrasesOf = (facet: Knowledge['facets'][number]) =>
    [
      ...[...facet.cues.de, ...facet.cues.en].map((cue) => ({
        stems: stemsOf(cue),
        keys: tokenize(cue).map((t) => t.key) as string[] | undefined,
        frame: isFrame(cue),
      })),
      ...(facet.role ? (roleCues.get(facet.role) ?? []) : []).map((stems) => ({ stems, keys: undefined, frame: false })),
    ].filter((p) => p.stems.length > 0);
  // How many facets a cue's stems belong to, and how many its very words: "link" shares its stem with "links"
  // (left) and "linked", but as typed it is only the website's word.
  const owners = new Map<string, Set<string>>();
  const formOwners = new Map<string, Set<string>>();
  const own = (map: Map<string, Set<string>>, key: string, facet: string) => map.set(key, (map.get(key) ?? new Set()).add(facet));
  for (const facet of knowledge.facets) {
    for (const { stems, keys } of phrasesOf(facet)) {
      own(owners, stems.join(' '), facet.id);
      if (keys) own(formOwners, keys.join(' '), facet.id);
    }
  }
  const byFirst = new Map<string, IndexedCue[]>();
  const words = new Map<string, IndexedCue[]>();
  for (const facet of knowledge.facets) {
    for (const { stems, keys, frame } of phrasesOf(facet)) {
      const cue: IndexedCue = { facet: facet.id, stems, specificity: 1 / owners.get(stems.join(' '))!.size, frame };
      if (keys) {
        cue.keys = keys;
        cue.formSpecificity = 1 / formOwners.get(keys.join(' '))!.size;
      }
      byFirst.set(stems[0]!, [...(byFirst.get(stems[0]!) ?? []), cue]);
      if (stems.length === 1 && stems[0]!.length >= MIN_COMPOUND_CUE) words.set(stems[0]!, [...(words.get(stems[0]!) ?? []), cue]);
    }
  }
  return (stems: readonly string[], compounds = true, keys?: readonly string[]) => {
    const found = new Map<string, number>();
    const framed = new Map<string, number>();
    const note = (cue: IndexedCue, specificity = cue.specificity) => {
      const into = cue.frame ? framed : found;
      if ((into.get(cue.facet) ?? 0) < specificity) into.set(cue.facet, specificity);
    };
    for (let i = 0; i < stems.length; i++) {
      const stem = stems[i]!;
      for (const cue of byFirst.get(stem) ?? []) {
        if (!cue.stems.every((s, k) => stems[i + k] === s)) continue;
        const asWritten = keys && cue.keys?.every((key, k) => keys[i + k] === key);
        note(cue, asWritten ? Math.max(cue.specificity, cue.formSpecificity!) : cue.specificity);
      }
      // The one-word cues at the start or the end of a compound.
      for (let length = MIN_COMPOUND_CUE; compounds && length < stem.length; length++) {
        for (const cue of words.get(stem.slice(0, length)) ?? []) note(cue);
        for (const cue of words.get(stem.slice(stem.length - length)) ?? []) note(cue);
      }
    }
    if (found.size === 0) return framed;
    for (const [facet, specificity] of framed) if (found.has(facet) && found.get(facet)! < specificity) found.set(facet, specificity);
    return found;
  };
}

/** Role cues and the cues of the facet that asks for roles, where they are one word. */
function claimWordsOf(knowledge: Knowledge, roleCues: ReadonlyMap<string, string[][]>): Set<string> {
  const roleFacets = knowledge.facets.filter((facet) => facet.fields.some((f) => f.type === 'roles'));
  const phrases = [...[...roleCues.values()].flat(), ...roleFacets.flatMap((facet) => [...facet.cues.de, ...facet.cues.en].map(stemsOf))];
  return new Set(phrases.filter((phrase) => phrase.length === 1).map((phrase) => phrase[0]!));
}
