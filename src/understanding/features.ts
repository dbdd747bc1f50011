import type { Subject } from '../knowledge/knowledge.js';
import type { Reading } from './read.js';
import { WordCache } from './word-cache.js';

/**
 * The evidence a question gives about what it asks, as feature strings, each in a group:
 *
 * - `w:` the stem of a word ("w:treff" for "treffen"),
 * - `c:` character n-grams of a word, so typos, compounds and inflections still share most
 *   of their evidence ("Bundesnetzwek" and "Bundesnetzwerk"),
 * - `b:` two neighbouring stems ("b:wie_oft"), so word pairs that mean more together count,
 * - `p:` the first word ("p:ist"), which tells a yes/no question from a question-word one,
 * - `x:` the facet of the previous question (added by the dialogue, see `contextFeature`),
 * - `m:` what stands in place of a name: "m:organisation", "m:person" … – names are masked,
 *   so what is learnt about "Wie oft trifft sich der Beirat?" holds for any
 *   organisation of any city; and "m:year", "m:number" for numbers.
 *
 * Word order matters only inside bigrams; inflection and typos matter little.
 */
export function featuresOf(reading: Reading, subjects: ReadonlyMap<string, Subject>): string[] {
  const features: string[] = [];
  const stems: string[] = [];
  let lastMention = -1;
  for (const token of reading.tokens) {
    if (token.mention !== undefined) {
      if (token.mention !== lastMention) {
        const mention = reading.mentions[token.mention]!;
        const kinds = new Set(mention.ids.map((id) => subjects.get(id)?.kind ?? 'unknown'));
        const symbol = `@${kinds.size === 1 ? [...kinds][0] : 'mixed'}`;
        features.push(`m:${symbol}`);
        stems.push(symbol);
        lastMention = token.mention;
      }
      continue;
    }
    lastMention = -1;
    if (/^\d+$/.test(token.key)) {
      const symbol = /^(19|20)\d\d$/.test(token.key) ? '#year' : '#number';
      features.push(`m:${symbol}`);
      stems.push(symbol);
      continue;
    }
    features.push(stemFeatures.get(token.stem));
    if (!token.domain) features.push('m:?unknown');
    stems.push(token.stem);
    for (const gram of gramFeatures.get(token.key)) features.push(gram);
  }
  for (let i = 0; i + 1 < stems.length; i++) features.push(`b:${stems[i]}_${stems[i + 1]}`);
  if (stems.length > 0) features.push(`p:${stems[0]}`);
  if (reading.text.trimEnd().endsWith('?')) features.push('m:?');
  if (stems.length <= 2) features.push('m:short');
  return features;
}

/**
 * The features of a word, made once per word: a feature string that already exists is no garbage
 * and has its hash computed, which is most of the cost of looking it up in the classifiers.
 */
// More than the corpus's whole vocabulary (about 4,000 words), few enough that a flood of made-up words costs little memory.
const FEATURE_WORDS = 5_000;
const stemFeatures = new WordCache((stem) => `w:${stem}`, FEATURE_WORDS);
const gramFeatures = new WordCache(gramsOf, FEATURE_WORDS);

/** Character 3- and 4-grams of the word with its edges marked ("^ab", "bc$"). */
function gramsOf(key: string): string[] {
  const padded = `^${key}$`;
  const grams: string[] = [];
  for (let n = 3; n <= 4; n++) {
    for (let i = 0; i + n <= padded.length; i++) grams.push(`c:${padded.slice(i, i + n)}`);
  }
  return grams;
}

/** The group of a feature: the part before the colon. */
export function groupOf(feature: string): string {
  return feature.slice(0, feature.indexOf(':'));
}

/**
 * The facet of the previous question, as a feature (group `x:`): what "und wie oft?" or
 * "who took it?" asks depends on what was asked before, and the classifier learns how.
 */
export function contextFeature(facet: string): string {
  return `x:${facet}`;
}
