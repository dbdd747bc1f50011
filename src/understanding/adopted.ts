import type { AdoptedAnswer } from '../knowledge/schema.js';
import type { Lexicon } from './lexicon.js';
import type { Reading } from './read.js';

/** The best adopted answer for a question, and how similar the question is to one of its questions (0..1). */
export interface AdoptedMatch {
  answer: AdoptedAnswer;
  similarity: number;
}

/**
 * Answers taken over from the hand-off, found again by similar questions. A question is
 * compared with each adopted question by its own words (as stems) and their character
 * n-grams, so inflection, word order and typos matter little, while function words and
 * names count for nothing. Names decide instead: a question about another subject is
 * another question ("Parkplätze beim Forum?" is not "Parkplätze beim Verein?"), whatever
 * name or alias it uses.
 */
export class AdoptedAnswers {
  private readonly entries: { answer: AdoptedAnswer; vector: Map<string, number>; norm: number; names: Set<string> }[] = [];

  /** How much each stem says, 0..1: words that many of the knowledge's example questions use ("gibt") say little. */
  private readonly weightOf: (stem: string) => number;

  constructor(
    answers: readonly AdoptedAnswer[],
    read: (text: string) => Reading,
    private readonly lexicon: Lexicon,
    /** Questions of the bot's own kinds (the facets' examples): they tell how common a word is in questions. */
    exampleQuestions: readonly string[],
  ) {
    this.weightOf =
      answers.length === 0
        ? () => 1
        : specificity(
            exampleQuestions.map((q) => read(q)),
            lexicon,
          );
    for (const answer of answers) {
      for (const question of [...answer.questions.de, ...answer.questions.en]) {
        const reading = read(question);
        const vector = this.vectorOf(reading);
        if (vector.size > 0) this.entries.push({ answer, vector, norm: normOf(vector), names: namesOf(reading) });
      }
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** The most similar adopted question's answer, or undefined when there are none or nothing is shared. */
  match(reading: Reading): AdoptedMatch | undefined {
    if (this.entries.length === 0) return undefined;
    const vector = this.vectorOf(reading);
    if (vector.size === 0) return undefined;
    const norm = normOf(vector);
    const names = namesOf(reading);
    let best: AdoptedMatch | undefined;
    for (const entry of this.entries) {
      // Parking at one venue is not parking at another: a question about other subjects is another question.
      if (names.size > 0 && entry.names.size > 0 && ![...names].some((id) => entry.names.has(id))) continue;
      let dot = 0;
      for (const [feature, weight] of vector) dot += weight * (entry.vector.get(feature) ?? 0);
      // Without the subject the adopted question names, the question may be about another one.
      const similarity = (dot / (norm * entry.norm)) * (entry.names.size > 0 && names.size === 0 ? UNNAMED : 1);
      if (similarity > 0 && (!best || similarity > best.similarity)) best = { answer: entry.answer, similarity };
    }
    return best;
  }

  private vectorOf(reading: Reading): Map<string, number> {
    const vector = new Map<string, number>();
    const add = (feature: string, weight: number) => vector.set(feature, (vector.get(feature) ?? 0) + weight);
    for (const token of reading.tokens) {
      if (token.mention !== undefined || this.lexicon.functionWords.has(token.key)) continue;
      const weight = this.weightOf(token.stem);
      add(`w:${token.stem}`, WORD_WEIGHT * weight);
      const padded = `^${token.stem}`;
      for (let i = 0; i + GRAM <= padded.length; i++) add(`c:${padded.slice(i, i + GRAM)}`, GRAM_WEIGHT * weight);
    }
    return vector;
  }
}

/** A word counts more than each of its n-grams; a question without the adopted one's subject counts less. */
const UNNAMED = 0.8;
const WORD_WEIGHT = 1;
const GRAM_WEIGHT = 0.35;
const GRAM = 4;

/** Inverse document frequency over the example questions, scaled to 0..1 (a word no example uses: 1). */
function specificity(examples: Reading[], lexicon: Lexicon): (stem: string) => number {
  const frequency = new Map<string, number>();
  for (const reading of examples) {
    for (const stem of new Set(reading.tokens.filter((t) => !lexicon.functionWords.has(t.key)).map((t) => t.stem))) {
      frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
    }
  }
  const most = Math.log(examples.length + 1);
  return (stem) => (most === 0 ? 1 : Math.log((examples.length + 1) / ((frequency.get(stem) ?? 0) + 1)) / most);
}

function namesOf(reading: Reading): Set<string> {
  return new Set(reading.mentions.flatMap((mention) => mention.ids));
}

function normOf(vector: Map<string, number>): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}
