import { factOf, relatedSubjects, type Subject } from '../knowledge/knowledge.js';
import type { FacetDeclaration } from '../knowledge/schema.js';
import { type Claims, readClaims } from '../understanding/claims.js';
import type { Understanding } from '../understanding/model.js';
import { softmax } from '../understanding/naive-bayes.js';
import { contextFeature } from '../understanding/features.js';
import { tokenize } from '../understanding/normalise.js';
import { stem } from '../understanding/stem.js';
import type { Reading } from '../understanding/read.js';
import type { ConversationState } from './conversation.js';

/** One possible answer: a kind of question, and for facts the subject it is about. */
export interface Candidate {
  facet: FacetDeclaration;
  subject?: Subject;
  /** A name the knowledge does not have, as the subject ("Ist die AWO Partner?"). */
  unnamed?: string;
  score: number;
  /** The evidence the score adds up, by kind (see {@link EVIDENCE}). */
  evidence?: Float64Array;
}

/**
 * What to do with a message: answer a candidate, ask back between a few, or decline
 * honestly. `confidence` is the winner's share of the candidates' probability;
 * `candidates` are all of them, best first (for fitting the weights).
 */
export type Decision = (
  | { kind: 'answer'; candidate: Candidate; confidence: number; yesNo: boolean; claims: Claims; unknownName?: string }
  | { kind: 'clarify'; options: Candidate[]; confidence: number }
  | { kind: 'decline'; confidence: number; subject?: Subject; inScope: boolean }
) & { candidates: Candidate[] };

/**
 * The kinds of evidence a candidate's score adds up, each with a weight fitted on the
 * corpus by `npm run train` (`ScorerParams.weights`):
 *
 * - `facet`: log P(facet | the question's words), from the classifier;
 * - `named`: how strongly the question names the subject (a whole name, one word of it);
 * - `related`: named through a related subject (the contact of a named office);
 * - `context`: the subject talked about last, when the question names none;
 * - `default`: the facet's default subject (the contact for "Telefonnummer?");
 * - `sameFacet`: the kind of question asked last ("und die Handwerkskammer?");
 * - `missing`: the subject has no field for the facet, though others have;
 * - `unsaid`: a kind of fact the knowledge never gives (an address, a date);
 * - `claim`: a yes/no question whose claim fits the facet's type (a year for "founded");
 * - `content`: how much of the question's words the subject's text for the facet contains;
 * - `unknown`: for declining, the share of the question's words no question in scope uses;
 * - `ignored`: for answers without a subject, how strongly the question names one;
 * - `unnamed`: a name the knowledge does not have, as the subject of a question about roles;
 * - `decline`, `list`, `chat`, `involve`: a constant per kind of answer.
 *
 * An explicit mention always beats the conversation: context subjects are candidates
 * only when the message names none.
 */
export const EVIDENCE = [
  'facet',
  'named',
  'related',
  'context',
  'default',
  'sameFacet',
  'missing',
  'unsaid',
  'claim',
  'content',
  'unknown',
  'ignored',
  'unnamed',
  'decline',
  'list',
  'chat',
  'involve',
] as const;
export type EvidenceKind = (typeof EVIDENCE)[number];
const at = Object.fromEntries(EVIDENCE.map((name, i) => [name, i])) as Record<EvidenceKind, number>;

/** The classifier's log probability is floored: "very unlikely" is all it needs to say. */
const FACET_FLOOR = -20;

export function decide(reading: Reading, understanding: Understanding, state: ConversationState): Decision {
  const { params, knowledge } = understanding;
  const features = understanding.features(reading);
  const logProbabilities = understanding.facetLogProbabilities(state.facet ? [...features, contextFeature(state.facet)] : features);
  const yesNo = understanding.yesNoProbability(features) > 0.5 || isEllipticalClaim(reading, understanding);
  const claims = readClaims(reading.tokens, reading.text);
  const mentioned = mentionedSubjects(reading, understanding);
  const contextSubject = state.subject ? knowledge.subjects.get(state.subject) : undefined;
  const strongest = Math.max(0, ...mentioned.map((m) => m.strength));
  const content = contentStems(reading, understanding);
  const words = reading.tokens.filter((t) => t.mention === undefined && !/^\d+$/.test(t.key));
  const unknownShare = words.length === 0 ? 0 : words.filter((t) => !understanding.scopeWords.has(t.key)).length / words.length;
  const weights = Float64Array.from(EVIDENCE, (name) => params.weights[name] ?? 0);

  const candidates: Candidate[] = [];
  const add = (facet: FacetDeclaration, subject: Subject | undefined, set: (e: Float64Array) => void, unnamed?: string) => {
    const evidence = new Float64Array(EVIDENCE.length);
    evidence[at.facet] = Math.max(FACET_FLOOR, logProbabilities.get(facet.id) ?? FACET_FLOOR);
    if (state.facet === facet.id) evidence[at.sameFacet] = 1;
    set(evidence);
    let score = 0;
    for (let i = 0; i < evidence.length; i++) score += weights[i]! * evidence[i]!;
    candidates.push({ facet, ...(subject ? { subject } : {}), ...(unnamed ? { unnamed } : {}), score, evidence });
  };
  for (const facet of understanding.facets.values()) {
    if (facet.kind === 'decline') {
      add(facet, undefined, (e) => {
        e[at.decline] = 1;
        e[at.unknown] = unknownShare;
      });
    } else if (facet.kind !== 'fact') {
      add(facet, undefined, (e) => {
        e[at[facet.kind as 'list' | 'chat' | 'involve']] = 1;
        e[at.ignored] = strongest;
      });
    } else {
      if (reading.unknownName && facet.fields.some((f) => f.type === 'roles')) {
        add(facet, undefined, (e) => (e[at.unnamed] = 1), reading.unknownName);
      }
      for (const option of subjectsFor(facet, mentioned, contextSubject, understanding)) {
        const field = facet.fields.find((f) => factOf(option.subject, f.name) !== undefined);
        add(facet, option.subject, (e) => {
          e[at[option.how]] = option.strength;
          if (!field) e[understanding.answerable.has(facet.id) ? at.missing : at.unsaid] = 1;
          if (yesNo && claimFits(facet, claims)) e[at.claim] = 1;
          if (field) e[at.content] = contentOverlap(content, understanding, option.subject, field.name);
        });
      }
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const shares = softmax(new Map(candidates.map((c, i) => [String(i), c.score])));
  const share = (i: number) => shares.get(String(i)) ?? 0;
  const best = candidates[0]!;
  // Candidates that would give the same answer (about and role of a person) support each other.
  const answerOf = (c: Candidate) => `${c.subject?.id ?? c.unnamed ?? c.facet.id}|${c.subject ? (c.facet.fields.find((f) => factOf(c.subject!, f.name) !== undefined)?.name ?? c.facet.id) : ''}`;
  const confidence = candidates.reduce((sum, c, i) => sum + (answerOf(c) === answerOf(best) ? share(i) : 0), 0);
  const inScope = mentioned.length > 0 || reading.tokens.some((t) => t.domain && !understanding.lexicon.functionWords.has(t.key));
  const declined = (): Decision => ({ kind: 'decline', confidence, ...(mentioned[0] ? { subject: mentioned[0].subject } : {}), inScope, candidates });
  if (best.facet.kind === 'decline') return declined();
  // One word that names several subjects ("Forum"), and the question fits each about as well: ask which.
  const rival = candidates.find((c, i) => i > 0 && c.facet.id === best.facet.id && c.subject && c.subject !== best.subject && share(i) >= params.clarify * share(0));
  const ambiguous = rival && reading.mentions.some((m) => m.ids.length > 1 && m.ids.includes(best.subject?.id ?? '') && m.ids.includes(rival.subject!.id));
  if (ambiguous) return { kind: 'clarify', options: [best, rival], confidence, candidates };
  if (confidence >= params.answer) {
    return { kind: 'answer', candidate: best, confidence, yesNo, claims, ...(reading.unknownName ? { unknownName: reading.unknownName } : {}), candidates };
  }
  return declined();
}

/**
 * The subjects a fact question may be about, and how: named in the question, related to
 * a named one (the contact of a named office), and – only when none is named, so that
 * an explicit mention always wins – the one talked about last and the facet's default.
 */
function subjectsFor(facet: FacetDeclaration, mentioned: MentionedSubject[], contextSubject: Subject | undefined, understanding: Understanding) {
  const { knowledge } = understanding;
  const found = new Map<string, { subject: Subject; how: EvidenceKind; strength: number }>();
  const offer = (subject: Subject, how: EvidenceKind, strength: number) => {
    if (!found.has(subject.id)) found.set(subject.id, { subject, how, strength });
  };
  for (const m of mentioned) offer(m.subject, 'named', m.strength);
  for (const m of mentioned) for (const related of relatedSubjects(m.subject, knowledge)) offer(related, 'related', m.strength);
  const fallback = defaultSubjectOf(facet, understanding);
  if (mentioned.length > 0) {
    // "Hat der ePunkt die Bewerbung eingereicht?": a named subject may be the claimed value of the default's fact.
    if (fallback && facet.fields.some((f) => f.type === 'ref' || f.type === 'refs')) offer(fallback, 'default', 1);
    return [...found.values()];
  }
  if (contextSubject) offer(contextSubject, 'context', 1);
  // "seit wann?" after the ePunkt is about the ePunkt: the default only where the subject of the conversation cannot answer.
  const contextAnswers = contextSubject !== undefined && facet.fields.some((f) => factOf(contextSubject, f.name) !== undefined);
  if (fallback && !contextAnswers) offer(fallback, 'default', 1);
  return [...found.values()];
}

/** The question's own words (stems): not names, not function words, not numbers. */
function contentStems(reading: Reading, understanding: Understanding): string[] {
  return reading.tokens.filter((t) => t.mention === undefined && !understanding.lexicon.functionWords.has(t.key) && !/^\d+$/.test(t.key)).map((t) => t.stem);
}

/** How much of the question's words (weighted by rarity) a text fact contains, 0..1. */
function contentOverlap(stems: string[], understanding: Understanding, subject: Subject, field: string): number {
  const text = understanding.texts.get(`${subject.id}|${field}`);
  if (!text || stems.length === 0) return 0;
  let matched = 0;
  let total = 0;
  for (const s of stems) {
    const weight = understanding.rarity.get(s) ?? 0;
    total += weight || 1;
    if (text.has(s)) matched += weight;
  }
  return total === 0 ? 0 : matched / total;
}

interface MentionedSubject {
  subject: Subject;
  /** 0..1: a full name counts most, one word of a name shared by several subjects least. */
  strength: number;
}

/** How much a mention by one word of a name counts against a whole name. */
const PARTIAL = 0.5;

function mentionedSubjects(reading: Reading, understanding: Understanding): MentionedSubject[] {
  const found = new Map<string, MentionedSubject>();
  for (const mention of reading.mentions) {
    const strength = (mention.full ? 1 : PARTIAL) * (mention.corrected ? 0.9 : 1) * (1 / mention.ids.length);
    for (const id of mention.ids) {
      const subject = understanding.knowledge.subjects.get(id);
      if (!subject) continue;
      const earlier = found.get(id);
      if (!earlier || earlier.strength < strength) found.set(id, { subject, strength });
    }
  }
  return [...found.values()];
}

function defaultSubjectOf(facet: FacetDeclaration, understanding: Understanding): Subject | undefined {
  const { knowledge } = understanding;
  if (facet.default === 'programme') return knowledge.programme;
  if (facet.default === 'city') return knowledge.city;
  if (facet.default === 'contact') return knowledge.contacts[0];
  return undefined;
}

/**
 * "bbe partner?", "Joachim Herz Stiftung auch?": no question word, a name, and a word of
 * taking part (the cues of roles and of the role facet) or a question mark – in a chat
 * that asks whether the claim holds, as much as "Ist die BBE Partner?" does.
 */
function isEllipticalClaim(reading: Reading, understanding: Understanding): boolean {
  if (reading.tokens.some((t) => understanding.lexicon.questionWords.has(t.key))) return false;
  if (reading.mentions.length === 0 && !reading.unknownName) return false;
  const stems = reading.tokens.filter((t) => t.mention === undefined).map((t) => t.stem);
  const role = understanding.facets.get('role');
  const participation = [...(role?.cues.de ?? []), ...(role?.cues.en ?? [])].map((cue) => tokenize(cue).map((t) => stem(t.key)));
  const claims = [...understanding.roleCues.values()].flat().concat(participation);
  return reading.text.trimEnd().endsWith('?') || claims.some((phrase) => phrase.length === 1 && stems.includes(phrase[0]!));
}

/** Whether a yes/no question claims a value of the kind the facet's fields hold. */
function claimFits(facet: FacetDeclaration, claims: Claims): boolean {
  return facet.fields.some(
    ({ type }) =>
      ((type === 'year' || type === 'count') && (claims.years.length > 0 || claims.numbers.length > 0)) || (type === 'rhythm' && claims.perYear !== undefined),
  );
}

