import { toKey, tokenize } from '../understanding/normalise.js';

/**
 * People ask two things at once: "Wie viele Städte sind dabei, und seit wann ist die Stadt
 * Mitglied?", "Was macht der Verein? Und wie erreiche ich ihn?". A message splits into its
 * questions where a new question starts:
 *
 * - after a sentence that ends with a question mark, when another question follows;
 * - at "und"/"and" (after a comma or not) followed by a question word, perhaps behind one
 *   preposition ("und seit wann", "and since when"), or by the word that starts an indirect
 *   yes/no question ("… und ob die Stadt schon lange dabei ist", "and whether …").
 *
 * Each part must have at least two words of its own, so "Wer und was steckt dahinter?" stays
 * one question. Sentences that ask nothing (a greeting, "Für einen Artikel:") are left out.
 * One part (or none) means: answer the message as a whole.
 */
export function questionParts(text: string, questionWords: ReadonlySet<string>): string[] {
  const parts = questionSentences(text).flatMap((sentence) => splitAtConjunction(sentence, questionWords));
  return parts.length >= 2 && parts.every((part) => wordsIn(part) >= MIN_WORDS) ? parts : [];
}

const MIN_WORDS = 2;

// Not German "also" ("so"), which goes on with the same question.
const CONJUNCTIONS = new Set(['und', 'and', 'sowie', 'ausserdem']);
// Not English "if", which as often starts a condition ("and if I have questions, whom do I call?").
const INDIRECT_YES_NO = new Set(['ob', 'whether']);

const wordsIn = (text: string) => tokenize(text).length;

/** The sentences that ask (end with "?"), or the whole text when fewer than two do. */
function questionSentences(text: string): string[] {
  const sentences = text
    .split(/(?<=\?)\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const questions = sentences.filter((s) => s.endsWith('?'));
  if (questions.length < 2) return [text];
  // A statement in front of a question belongs to it ("Ich bin neu hier. Wie …?"), after the last one it is dropped.
  return questions;
}

/** "A …, und seit wann B?" → ["A …", "seit wann B?"]. */
function splitAtConjunction(sentence: string, questionWords: ReadonlySet<string>): string[] {
  const tokens = [...sentence.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ key: toKey(m[0]), offset: m.index }));
  const cuts: number[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!CONJUNCTIONS.has(tokens[i]!.key)) continue;
    const next = tokens[i + 1]!.key;
    const afterNext = tokens[i + 2]?.key;
    if (questionWords.has(next) || INDIRECT_YES_NO.has(next) || (afterNext !== undefined && PREPOSITIONS.has(next) && questionWords.has(afterNext)))
      cuts.push(i);
  }
  if (cuts.length === 0) return [sentence];
  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    const conjunction = tokens[cut]!;
    pieces.push(sentence.slice(from, conjunction.offset).replace(/[\s,;]+$/, ''));
    from = tokens[cut + 1]!.offset;
  }
  pieces.push(sentence.slice(from));
  return pieces.map((p) => p.trim()).filter(Boolean);
}

const PREPOSITIONS = new Set([
  'seit',
  'ab',
  'bis',
  'mit',
  'an',
  'bei',
  'in',
  'fur',
  'von',
  'zu',
  'since',
  'from',
  'for',
  'to',
  'with',
  'at',
  'by',
  'on',
]);

// Relative pronouns, compared after `toKey`. Not English "that", which as often starts a clause that says what is asked ("is it true that …").
const RELATIVE_PRONOUNS = new Set([
  'der',
  'die',
  'das',
  'dem',
  'den',
  'denen',
  'deren',
  'dessen',
  'welche',
  'welcher',
  'welches',
  'welchem',
  'welchen',
  'which',
  'who',
  'whom',
  'whose',
]);

/**
 * The sentence without the relative clauses that describe one of its nouns: "Gehört X zum
 * Konsortium, das das Programm trägt?" asks whether X belongs, not who carries the programme.
 * A clause starts at a comma followed by a relative pronoun (perhaps behind a preposition:
 * ", bei dem", ", with whom") and runs to the next comma or the end of the sentence. Undefined when
 * there is none, or too little but the clause would be left.
 */
export function withoutRelativeClauses(sentence: string): string | undefined {
  let changed = false;
  const kept = sentence.replace(/,\s*([\p{L}]+)(?:\s+([\p{L}]+))?\b[^,.;:!?]*(?=[,.;:!?]|$)/gu, (clause, first: string, second?: string) => {
    const a = toKey(first);
    const relative = RELATIVE_PRONOUNS.has(a) || (PREPOSITIONS.has(a) && second !== undefined && RELATIVE_PRONOUNS.has(toKey(second)));
    if (!relative || wordsIn(clause) < 3) return clause;
    changed = true;
    return '';
  });
  return changed && wordsIn(kept) >= MIN_WORDS ? kept.trim() : undefined;
}
