/**
 * `npm run train`: fits the understanding on the training corpus and writes
 * `model/understanding.json` (and its weights, `model/understanding.f32`) – the counts of the classifiers (what kind of question,
 * yes/no, which language), the corpus vocabulary, the name words that questions mostly
 * use in other senses, and the weights and thresholds of the one scoring function.
 *
 *   npm run train                 fit the weights (cross-validated by voice) and write the model
 *   npm run train -- --no-search  keep the weights of the current model, refit the counts only
 *
 * Deterministic: the same corpus and knowledge give the same model.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { factOf, type Knowledge, relatedSubjects } from '../src/knowledge/knowledge.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { contextFeature } from '../src/understanding/features.js';
import { editDistance } from '../src/understanding/fuzzy.js';
import {
  DEFAULT_PARAMS,
  emptyModel,
  LANGUAGE_PARAMS,
  loadModel,
  MODEL_PATH,
  prepareUnderstanding,
  type ScorerParams,
  type UnderstandingModel,
  wordsOf,
} from '../src/understanding/model.js';
import { writeModelFile } from '../src/understanding/model-file.js';
import { NaiveBayes } from '../src/understanding/naive-bayes.js';
import { tokenize } from '../src/understanding/normalise.js';
import type { Reading } from '../src/understanding/read.js';
import { Softmax } from '../src/understanding/softmax.js';
import { fitParams } from './fit.js';
import { type TrainingRow, trainSoftmax } from './softmax-train.js';
import { type Label, labelOf, readTrainingSet, type TrainingItem } from './training-data.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the model from corpus items: vocabulary, generic name words, and the three
 * softmax classifiers, fitted on the corpus questions and the knowledge's examples.
 * Memoised by the exact items, so that trying thresholds does not refit the classifiers.
 */
export function buildModel(items: TrainingItem[], knowledgeDir: string, params: ScorerParams): UnderstandingModel {
  const key = `${knowledgeDir}|${items.map((item) => item.id).join(',')}|${JSON.stringify([params.exampleWeight, params.cueWeight])}`;
  const cached = built.get(key);
  if (cached) return { ...cached, params };
  const knowledge = loadKnowledge(knowledgeDir);
  const typos = corpusTypos(items, knowledge);
  const corpusWords = [...new Set(items.flatMap((item) => tokenize(item.q).map((t) => t.key)))].filter((w) => !typos.has(w)).sort();
  const genericNameWords = findGenericNameWords(items, knowledgeDir);
  const scopeWords = [...new Set(items.filter((item) => item.want !== 'decline').flatMap((item) => tokenize(item.q).map((t) => t.key)))]
    .filter((w) => !typos.has(w))
    .sort();
  const everydayWords = findEverydayWords(items).filter((w) => !typos.has(w));
  const base: UnderstandingModel = { ...emptyModel(params), corpusWords, genericNameWords, scopeWords, everydayWords };
  // Read the corpus with the lexicon the bot will have, so the features match.
  const reader = prepareUnderstanding(knowledge, base);
  // What the conversation asked before, as the bot will know it: the previous question's facet.
  const previous = new Map<string, string>();
  const readings: { item: TrainingItem; label: Label; reading: Reading; features: string[] }[] = [];
  for (const item of items) {
    const label = labelOf(item.want, knowledge);
    if (!label) continue;
    const reading = reader.read(item.q);
    const features = reader.features(reading);
    const before = item.conv ? previous.get(item.conv) : undefined;
    if (item.conv) previous.set(item.conv, label.intent);
    readings.push({ item, label, reading, features: before ? [...features, contextFeature(before)] : features });
  }
  const examples: TrainingRow[] = [];
  for (const facet of knowledge.facets) {
    for (const locale of ['de', 'en'] as const) {
      for (const example of facet.examples[locale])
        examples.push({ cls: facet.id, features: reader.features(reader.read(example)), weight: params.exampleWeight });
      for (const cue of facet.cues[locale]) examples.push({ cls: facet.id, features: reader.features(reader.read(cue)), weight: params.cueWeight });
    }
  }
  relabelMissingFacts(readings, examples, knowledge);
  const intents: TrainingRow[] = [...readings.map((r) => ({ cls: r.label.intent, features: r.features })), ...examples];
  const yesNo: TrainingRow[] = readings.map((r) => ({ cls: r.item.yn ? 'yes' : 'open', features: r.features }));
  const language = new NaiveBayes(LANGUAGE_PARAMS);
  for (const r of readings) language.add(r.item.lang, wordsOf(r.features));
  const model = { ...base, intents: trainSoftmax(intents), yesNo: trainSoftmax(yesNo), language: language.toCounts(2) };
  built.set(key, model);
  return model;
}

const built = new Map<string, UnderstandingModel>();

/**
 * The corpus calls "decline" both what is out of scope and a known kind of question whose
 * answer the page lacks ("Telefonnummer vom Frauenbüro?"). The bot tells these apart
 * itself – a facet whose subject lacks the field says so honestly – so such a question
 * is relabelled with its facet: the one a classifier fitted on the other questions gives
 * it (with at least even odds), when the subject it names lacks that facet's fields.
 */
function relabelMissingFacts(
  readings: { label: Label; reading: Reading; features: string[] }[],
  examples: TrainingRow[],
  knowledge: Knowledge,
): void {
  const candidates = readings.filter((r) => r.label.intent === 'decline' && r.reading.mentions.length > 0);
  if (candidates.length === 0) return;
  const others = readings.filter((r) => r.label.intent !== 'decline').map((r) => ({ cls: r.label.intent, features: r.features }));
  const classifier = new Softmax(trainSoftmax([...others, ...examples]));
  for (const r of candidates) {
    const [best, logp] = [...classifier.logProbabilities(r.features)].sort((a, b) => b[1] - a[1])[0]!;
    const facet = knowledge.facets.find((f) => f.id === best);
    if (facet?.kind !== 'fact' || Math.exp(logp) < 0.5) continue;
    const subjects = r.reading.mentions.flatMap((m) => m.ids.map((id) => knowledge.subjects.get(id)!));
    if (subjects.every((subject) => facet.fields.every((field) => factOf(subject, field.name) === undefined))) r.label = { intent: facet.id };
  }
}

/** Words shorter than this are too often one letter from another real word to be taken for typos. */
const MIN_TYPO_LENGTH = 5;
/** From this length on, a word two slips away from a known one can be a typo of it. */
const LONG_TYPO_LENGTH = 9;

/**
 * The corpus is typed as people type ("lübek", "bertelsman", "emial"): a word one letter
 * away from a word of a name or a cue word is a typo of it when most questions that use it
 * are about a subject of that name or ask the facet of that cue – "schule" is one letter
 * from "Schulz" too, but questions with it are not about Felix Schulz von Thun. A typo
 * must not join the vocabulary: known words are never corrected.
 */
export function corpusTypos(items: TrainingItem[], knowledge: Knowledge): Set<string> {
  // word → the subjects whose names and the facets whose cues have it
  const owners = new Map<string, Set<string>>();
  const own = (text: string, owner: string) => {
    for (const { key } of tokenize(text)) {
      if (key.length < MIN_TYPO_LENGTH || /^\d+$/.test(key)) continue;
      owners.set(key, (owners.get(key) ?? new Set()).add(owner));
    }
  };
  for (const subject of knowledge.subjects.values()) {
    for (const name of [subject.name.text.de, subject.name.text.en, ...subject.aliases]) own(name, subject.id);
  }
  for (const facet of knowledge.facets) for (const cue of [...facet.cues.de, ...facet.cues.en]) own(cue, `facet:${facet.id}`);
  const uses = new Map<string, { total: number; about: string[] }>();
  for (const item of items) {
    const label = labelOf(item.want, knowledge);
    const about = label ? [`facet:${label.intent}`, ...(label.subject ? [label.subject] : [])] : [];
    for (const key of new Set(tokenize(item.q).map((t) => t.key))) {
      const use = uses.get(key) ?? { total: 0, about: [] };
      use.total++;
      use.about.push(about.join(' '));
      uses.set(key, use);
    }
  }
  const typos = new Set<string>();
  for (const [word, use] of uses) {
    if (word.length < MIN_TYPO_LENGTH || owners.has(word) || /^\d+$/.test(word)) continue;
    for (const [known, ids] of owners) {
      // Long words bear two slips ("energiclsuter"), short ones one.
      const slips = word.length >= LONG_TYPO_LENGTH ? 2 : 1;
      if (Math.abs(known.length - word.length) > slips || editDistance(word, known, slips) > slips) continue;
      const matching = use.about.filter((about) =>
        about.split(' ').some((id) => ids.has(id) || [...ids].some((owner) => relatedTo(owner, id, knowledge))),
      ).length;
      if (matching * 2 >= use.total) typos.add(word);
    }
  }
  return typos;
}

function relatedTo(a: string, b: string, knowledge: Knowledge): boolean {
  const subject = knowledge.subjects.get(a);
  return subject !== undefined && relatedSubjects(subject, knowledge).some((s) => s.id === b);
}

/** How often a word must occur inside questions, and how rarely capitalised there, to count as an everyday word. */
const EVERYDAY_MIN_USES = 3;
const EVERYDAY_MAX_CAPITALISED = 0.2;

/**
 * Everyday words: words people type often and in lower case where no sentence starts ("stimmt",
 * "richtig", "eigentlich"). Names are written capitalised ("IHK", "Caritas", "Kiel") and so never
 * are; German nouns are capitalised too, and stay out. Such a word is never read as a name.
 */
function findEverydayWords(items: TrainingItem[]): string[] {
  const uses = new Map<string, { inside: number; capitalised: number }>();
  for (const item of items) {
    // Words that start the message or a sentence are capitalised anyway: only the others tell.
    for (const match of item.q.matchAll(/(?<![.!?:]\s*|^\s*)(?<=\s)([\p{L}]+)/gu)) {
      const word = match[1]!;
      const key = tokenize(word)[0]?.key;
      if (!key) continue;
      const use = uses.get(key) ?? { inside: 0, capitalised: 0 };
      use.inside++;
      if (/^\p{Lu}/u.test(word)) use.capitalised++;
      uses.set(key, use);
    }
  }
  return [...uses]
    .filter(([, use]) => use.inside >= EVERYDAY_MIN_USES && use.capitalised / use.inside <= EVERYDAY_MAX_CAPITALISED)
    .map(([key]) => key)
    .sort();
}

/**
 * Words of names that questions mostly use in another sense: a word of a name counts as
 * generic when, standing alone (not inside the whole name), it is mostly not about a
 * subject that has it in its name ("Verein", "Strategie", "Forum" in "Forum für …").
 */
function findGenericNameWords(items: TrainingItem[], knowledgeDir: string): string[] {
  const knowledge = loadKnowledge(knowledgeDir);
  const reader = prepareUnderstanding(knowledge, {
    ...emptyModel(),
    corpusWords: [...new Set(items.flatMap((i) => tokenize(i.q).map((t) => t.key)))],
  });
  const uses = new Map<string, { total: number; about: number }>();
  for (const item of items) {
    const label = labelOf(item.want, knowledge);
    const subject = label?.subject ? knowledge.subjects.get(label.subject) : undefined;
    const reading = reader.read(item.q);
    for (const mention of reading.mentions) {
      if (mention.full) continue;
      const word = reading.tokens[mention.start]!.stem;
      const use = uses.get(word) ?? { total: 0, about: 0 };
      use.total++;
      const owners = mention.ids.map((id) => knowledge.subjects.get(id)!);
      const about =
        subject !== undefined &&
        owners.some(
          (owner) => owner === subject || relatedSubjects(owner, knowledge).includes(subject) || relatedSubjects(subject, knowledge).includes(owner),
        );
      if (about) use.about++;
      uses.set(word, use);
    }
  }
  return [...uses]
    .filter(([, use]) => use.total >= 2 && use.about / use.total < 0.5)
    .map(([word]) => word)
    .sort();
}

async function main(): Promise<void> {
  const search = !process.argv.includes('--no-search');
  const items = readTrainingSet(path.join(repoRoot, 'training'));
  const knowledgeDir = path.join(repoRoot, 'knowledge');
  const params = search ? await fitParams(items, knowledgeDir, buildModel, loadModel().params ?? DEFAULT_PARAMS) : loadModel().params;
  const model = buildModel(items, knowledgeDir, params);
  writeModelFile(MODEL_PATH, model);
  console.log(`wrote ${path.relative(process.cwd(), MODEL_PATH)}: ${items.length} questions, ${model.corpusWords.length} words`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) void main();
