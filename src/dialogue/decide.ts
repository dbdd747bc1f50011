import { factOf, framesQuestions, isPartOf, type Knowledge, listMembers, relatedSubjects, type Subject } from '../knowledge/knowledge.js';
import type { FacetDeclaration } from '../knowledge/schema.js';
import { type Claims, claimedRoles, readClaims, writtenDetails } from '../understanding/claims.js';
import { contextFeature } from '../understanding/features.js';
import type { ScorerParams, Understanding } from '../understanding/model.js';
import { toKey, tokenize } from '../understanding/normalise.js';
import type { Reading } from '../understanding/read.js';
import type { ConversationState } from './conversation.js';
import { withoutRelativeClauses } from './parts.js';
import { personAt } from './verdict.js';

/** One possible answer: a kind of question, and for facts the subject it is about. */
export interface Candidate {
  facet: FacetDeclaration;
  subject?: Subject;
  /** The field that would answer (undefined: the subject lacks the facet, or the facet needs none). */
  field?: string;
  /** A name the knowledge does not have, as the subject ("Ist die AWO Partner?"). */
  unnamed?: string;
  score: number;
  /** How strongly the question uses the facet's cue words (the `cue` evidence), 0..1. */
  cue: number;
  /** The evidence the score adds up, by kind (see {@link EVIDENCE}); kept only when asked for (fitting, diagnostics). */
  evidence?: Float64Array;
}

/**
 * What to do with a message: answer a candidate, ask back between a few, or decline
 * honestly. `confidence` is the winner's share of the candidates' probability;
 * `candidates` are all of them, best first (for fitting the weights).
 */
export type Decision = (
  | {
      kind: 'answer';
      candidate: Candidate;
      confidence: number;
      yesNo: boolean;
      claims: Claims;
      unknownName?: string;
      /** Further subjects the question names in full, for the same kind of question ("Sind A und B dabei?"). */
      also: Subject[];
      /** The person the question refers to by a place on a photo ("der Mann rechts"). */
      placed?: Subject;
    }
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
 * - `described`: not named, but described by words only its texts use ("Wo tauscht man sich über
 *   Zukunftsfragen des Ehrenamts aus?" describes the forum that does that), by how well;
 * - `context`: the subject talked about last, when the question names none;
 * - `default`: the facet's default subject (the contact for "Telefonnummer?");
 * - `sameFacet`: the kind of question asked last ("und die Körber-Stiftung?");
 * - `missing`: the subject has no field for the facet, though others have;
 * - `unsaid`: a kind of fact the knowledge never gives (an address, a date);
 * - `cue`: the question uses one of the facet's cue words, alone or as a part of a compound
 *   ("Mailadresse"): the classifier's view of the whole message can drown in chatter, a cue cannot;
 *   a cue that several facets share counts for less ("wer ist" against "Ansprechpartner");
 * - `claim`: a yes/no question whose claim fits the facet's type (a year for "founded");
 * - `content`: how much of the question's words the subject's text for the facet contains;
 * - `unknown`: for declining, the share of the question's own words no question in scope uses;
 * - `foreign`: for declining, the share of the question's own words the knowledge never uses
 *   ("Hauptstadt", "spät"): questions in scope use the knowledge's words, other questions do not;
 * - `ignored`: for answers without a subject, how strongly the question names one;
 * - `narrowed`: a list of only those of its members that are part of a named subject ("Welche Stellen der
 *   Stadtverwaltung sind Partner?"), by how strongly it is named;
 * - `declineNamed`: for declining, how strongly the question names a subject of the knowledge
 *   ("Kannst du mir was zum Musterforum erzählen?" is chatty, but about something known);
 * - `unnamed`: a name the knowledge does not have, as the subject of a question about roles;
 * - `subjectless`: for declining, when the question names no subject and none was talked about, the
 *   probability that it asks a kind of fact that needs one ("Wie oft trifft die sich?" out of the blue);
 * - `decline`, `list`, `chat`, `involve`: a constant per kind of answer.
 *
 * An explicit mention always beats the conversation: context subjects are candidates
 * only when the message names none.
 */
export const EVIDENCE = [
  'facet',
  'named',
  'related',
  'described',
  'context',
  'default',
  'sameFacet',
  'missing',
  'unsaid',
  'cue',
  'claim',
  'content',
  'unknown',
  'foreign',
  'ignored',
  'narrowed',
  'declineNamed',
  'unnamed',
  'subjectless',
  'decline',
  'list',
  'chat',
  'involve',
] as const;
export type EvidenceKind = (typeof EVIDENCE)[number];
const at = Object.fromEntries(EVIDENCE.map((name, i) => [name, i])) as Record<EvidenceKind, number>;

/** The classifier's log probability is floored: "very unlikely" is all it needs to say. */
const FACET_FLOOR = -20;
/** Candidates that cannot come within this much of the best score are not made at all (each would hold a share below e^-10). */
const SLACK = 10;

/**
 * The evidence of the candidate being scored. One array for all: a small typed array per candidate
 * cost a tenth of the whole answer's time, and `decide` never runs inside itself.
 */
const scratch = new Float64Array(EVIDENCE.length);

export function decide(reading: Reading, understanding: Understanding, state: ConversationState, keepEvidence = false): Decision {
  const { params, knowledge } = understanding;
  const features = understanding.features(reading);
  const withContext = (f: string[]) => (state.facet ? [...f, contextFeature(state.facet)] : f);
  // People put their question among other sentences ("Presseanfrage: Wer …?", "Ich bin neu hier. Wen …?"),
  // and describe a noun in a relative clause ("…, das das Programm trägt?"): the kind of question may be
  // read from the whole message, from the question sentence alone, or from it without the description.
  // A question sentence that only asks for an answer to the one before ("Würden Sie mir das erklären?")
  // gives way to it.
  const { questionWords, functionWords } = understanding.lexicon;
  const sentence = questionSentence(reading.text, questionWords);
  const indirect = sentence === undefined ? undefined : indirectQuestionBefore(reading.text, sentence, questionWords, functionWords);
  const focus = indirect?.question ?? sentence;
  const logProbabilities = understanding.facetLogProbabilities(
    withContext(indirect ? understanding.features(understanding.read(indirect.before)) : features),
  );
  // Only a message with a verb of telling can hang a question on it: most messages never look for one.
  const { tellingWords, openQuestionWords } = understanding.lexicon;
  const embedded = reading.tokens.some((t) => tellingWords.has(t.key)) ? embeddedQuestion(focus ?? reading.text, understanding.lexicon) : undefined;
  const mainClause = withoutRelativeClauses(focus ?? reading.text);
  const mainFeatures = mainClause === undefined ? undefined : understanding.features(understanding.read(mainClause));
  const embeddedFeatures = embedded === undefined ? undefined : understanding.features(understanding.read(embedded));
  // A question hung on a request says what it asks in its own words ("…, seit wann das so ist?"): the kind of question is
  // read from it alone, unless it says no more than "who" or "what" ("…, wer das ist?" leaves it to the sentences before).
  const saysWhatItAsks =
    embedded !== undefined && tokenize(embedded).some((t) => (questionWords.has(t.key) ? !openQuestionWords.has(t.key) : !functionWords.has(t.key)));
  const views = saysWhatItAsks ? [] : [focus && understanding.features(understanding.read(focus)), mainFeatures, embeddedFeatures];
  if (saysWhatItAsks) {
    for (const [id, value] of understanding.facetLogProbabilities(withContext(embeddedFeatures!))) {
      if (id !== DECLINE) logProbabilities.set(id, value);
    }
  }
  for (const focused of views) {
    if (!focused) continue;
    for (const [id, value] of understanding.facetLogProbabilities(withContext(focused))) {
      if (id !== DECLINE && value > (logProbabilities.get(id) ?? Number.NEGATIVE_INFINITY)) logProbabilities.set(id, value);
    }
  }
  // A relative pronoun can look like a question word ("…, which runs it?"): when a relative clause holds the message's only
  // question words, whether it asks yes or no is read without the clause. ("Gibt es ein Gremium, das …?" stays as it is.)
  const asksWith = (text: string) => tokenize(text).some((t) => questionWords.has(t.key));
  const questionWordOnlyInClause = mainClause !== undefined && !asksWith(mainClause) && asksWith(sentence ?? reading.text);
  const yesNo =
    understanding.yesNoProbability((questionWordOnlyInClause && mainFeatures) || features) > 0.5 || isEllipticalClaim(reading, understanding);
  const claims = readClaims(reading.tokens, reading.text);
  const roleClaimed = claimedRoles(reading.tokens, understanding.roleCues).length > 0;
  // "Ist die Sparkasse ein Partner?" after a question about another organisation names a new one:
  // a name the knowledge lacks is a mention too, and the conversation must not answer for it.
  // Only a name in the sentence that asks is claimed: "Ich habe zwei Kinder im Teenageralter. Ist bei den Partnern etwas
  // für Jugendliche dabei?" claims nothing of "Teenageralter"; "Für die LN: Ist die Stiftung X Partner?" claims X.
  // A question sentence that only asks whether the one before holds ("… unterstützt. Stimmt's?", "True?") leaves the claim to
  // the message. A name the knowledge lacks is claimed only where the asking part names no other subject.
  const asking = sentence !== undefined && asksOfItself(sentence, questionWords, functionWords) ? sentence : undefined;
  const askingReading = asking === undefined || reading.unknownName === undefined ? reading : understanding.read(asking);
  const unknownName =
    reading.unknownName === undefined || asking === undefined || inSentence(reading.unknownName, asking)
      ? reading.unknownName
      : askingReading.unknownName;
  const namesOther = namesOtherThanFrame(askingReading, knowledge);
  const claimsUnnamed = yesNo && unknownName !== undefined && !namesOther;
  const contextSubjects = state.subjects.map((id) => knowledge.subjects.get(id)).filter((s): s is Subject => s !== undefined);
  const placed = placedOnPhoto(reading, claims, understanding, contextSubjects[0], yesNo);
  const mentioned = mentionedSubjects(reading, understanding, contextSubjects[0]);
  if (placed && !mentioned.some((m) => m.subject.kind === 'person')) mentioned.push(placed);
  const strongest = Math.max(0, ...mentioned.map((m) => m.strength));
  // The programme and the city frame many questions. A list ignores no name but theirs ("Wer ist im Konsortium
  // des Programms?"); beside the subject a question asks which one of ("Welches Ministerium ist beim Programm
  // dabei?") they are only its context.
  const framing = (m: MentionedSubject) => framesQuestions(m.subject, knowledge);
  const strongestUnframed = Math.max(0, ...mentioned.filter((m) => !framing(m)).map((m) => m.strength));
  if (mentioned.some((m) => m.asked && !framing(m))) for (const m of mentioned) if (framing(m)) m.context = true;
  const content = contentStems(reading, understanding);
  const described = mentioned.length === 0 && !claimsUnnamed ? describedSubject(content, understanding) : undefined;
  // A form of address without a name ("der Herr", "die Frau Doktor") refers to a person of the conversation.
  const { honorifics, personNouns, personPronouns } = understanding.lexicon;
  const personReferred = reading.tokens.some(
    (t) => t.mention === undefined && (honorifics.has(t.key) || personNouns.has(t.key) || personPronouns.has(t.key)),
  );
  // The question's own words, without names, numbers and function words: what it is about.
  const words = reading.tokens.filter((t) => t.mention === undefined && !/^\d+$/.test(t.key) && !understanding.lexicon.functionWords.has(t.key));
  const shareOf = (test: (t: (typeof words)[number]) => boolean) => (words.length === 0 ? 0 : words.filter(test).length / words.length);
  const unknownShare = shareOf((t) => !understanding.scopeWords.has(t.key));
  const foreignShare = shareOf((t) => !t.domain);
  const weights = weightsOf(params);
  const own = reading.tokens.filter((t) => t.mention === undefined);
  const ownStems = own.map((t) => t.stem);
  const cues = understanding.cueSpecificities(
    ownStems,
    true,
    own.map((t) => t.key),
  );
  // A written-out e-mail address, web address or phone number says what is asked as plainly as the word for it.
  const written: readonly string[] = writtenDetails(claims);
  const holdsWritten = (facet: FacetDeclaration) => written.length > 0 && facet.fields.some((f) => written.includes(f.type));
  const cueOf = (facet: FacetDeclaration) => (holdsWritten(facet) ? 1 : (cues.get(facet.id) ?? 0));
  const candidates: Candidate[] = [];
  let bestScore = Number.NEGATIVE_INFINITY;
  const add = (facet: FacetDeclaration, subject: Subject | undefined, set: (e: Float64Array) => void, unnamed?: string, field?: string) => {
    const evidence = scratch.fill(0);
    evidence[at.facet] = Math.max(FACET_FLOOR, logProbabilities.get(facet.id) ?? FACET_FLOOR);
    if (state.facet === facet.id) evidence[at.sameFacet] = 1;
    evidence[at.cue] = cueOf(facet);
    set(evidence);
    let score = 0;
    for (let i = 0; i < evidence.length; i++) score += weights[i]! * evidence[i]!;
    if (score > bestScore) bestScore = score;
    const candidate: Candidate = { facet, score, cue: evidence[at.cue]! };
    if (keepEvidence) candidate.evidence = evidence.slice();
    if (subject) candidate.subject = subject;
    if (unnamed) candidate.unnamed = unnamed;
    if (field) candidate.field = field;
    candidates.push(candidate);
  };
  // Facets from the likeliest down, until even the best of all other evidence could not lift one
  // near the best score so far: the rest cannot win, nor change the shares by more than e^-SLACK each.
  const lp = (facet: FacetDeclaration) => Math.max(FACET_FLOOR, logProbabilities.get(facet.id) ?? FACET_FLOOR);
  // The decline first: it is always a candidate.
  const byLikelihood = [...understanding.facets.values()]
    .map((facet) => ({ facet, log: facet.kind === 'decline' ? Number.POSITIVE_INFINITY : lp(facet) }))
    .sort((a, b) => b.log - a.log);
  const others = optimisticOthers(weights);
  // Without any subject (named, described or talked about), fact facets without a default subject have no candidate at
  // all; how likely the question is one of those is evidence for the decline ("Wie oft trifft die sich?" out of the blue).
  let subjectless = 0;
  if (mentioned.length === 0 && !described && contextSubjects.length === 0 && !claimsUnnamed) {
    for (const { facet, log } of byLikelihood) if (facet.kind === 'fact' && !defaultSubjectOf(facet, understanding)) subjectless += Math.exp(log);
  }
  for (const { facet, log } of byLikelihood) {
    if (facet.kind !== 'decline' && weights[at.facet]! * log + others < bestScore - SLACK) break;
    if (facet.kind === 'decline') {
      add(facet, undefined, (e) => {
        e[at.decline] = 1;
        e[at.subjectless] = subjectless;
        e[at.unknown] = unknownShare;
        e[at.foreign] = foreignShare;
        e[at.declineNamed] = strongest;
      });
    } else if (facet.kind !== 'fact') {
      add(facet, undefined, (e) => {
        e[at[facet.kind as 'list' | 'chat' | 'involve']] = 1;
        e[at.ignored] = facet.kind === 'list' ? strongestUnframed : strongest;
      });
      if (facet.kind === 'list' && facet.role) {
        for (const m of mentioned) {
          if (!listMembers(facet, knowledge).some((member) => isPartOf(member, m.subject, knowledge))) continue;
          add(facet, m.subject, (e) => {
            e[at.list] = 1;
            e[at.narrowed] = m.strength;
          });
        }
      }
    } else {
      // Only a yes/no question makes a name the knowledge lacks its subject ("Ist die AWO dabei?"), not "Welche Sektoren …?",
      // and not when the question names a subject the knowledge has ("… z. B. der Städtetag?").
      if (claimsUnnamed && facet.fields.some((f) => f.type === 'roles')) {
        add(facet, undefined, (e) => (e[at.unnamed] = 1), unknownName);
      }
      for (const option of subjectsFor(facet, mentioned, claimsUnnamed ? [] : contextSubjects, understanding, described, personReferred)) {
        const field = facet.fields.find((f) => factOf(option.subject, f.name) !== undefined);
        add(
          facet,
          option.subject,
          (e) => {
            e[at[option.how]] = option.strength;
            if (!field) e[understanding.answerable.has(facet.id) ? at.missing : at.unsaid] = 1;
            if (yesNo) e[at.claim] = claimFits(facet, claims, roleClaimed) || holdsWritten(facet) ? 1 : written.length > 0 ? -1 : 0;
            if (field) e[at.content] = contentOverlap(content, understanding, option.subject, field.name);
          },
          undefined,
          field?.name,
        );
      }
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const shares = sharesOf(candidates);
  const share = (i: number) => shares[i] ?? 0;
  const best = candidates[0]!;
  // Candidates that would give the same answer (about and role of a person) support each other.
  const sameAnswer = (c: Candidate) =>
    c.subject === best.subject &&
    c.unnamed === best.unnamed &&
    (c.subject ? (c.field ?? c.facet.id) === (best.field ?? best.facet.id) : c.facet === best.facet);
  let confidence = 0;
  candidates.forEach((c, i) => {
    if (sameAnswer(c)) confidence += share(i);
  });
  // In scope: it names a subject, or speaks of what the bot's kinds of question are about ("Geld", "Termin").
  const inScope =
    mentioned.length > 0 || reading.tokens.some((t) => understanding.cueStems.has(t.stem) && !understanding.lexicon.functionWords.has(t.key));
  const declined = (): Decision => ({ kind: 'decline', confidence, ...(mentioned[0] ? { subject: mentioned[0].subject } : {}), inScope, candidates });
  if (best.facet.kind === 'decline') return declined();
  // One word that names several subjects of one kind ("Forum"), and the question fits each about as well: ask which.
  const rival = candidates.find(
    (c, i) =>
      i > 0 &&
      c.facet.id === best.facet.id &&
      c.subject &&
      c.subject !== best.subject &&
      c.subject.kind === best.subject?.kind &&
      share(i) >= params.clarify * share(0),
  );
  const ambiguous =
    rival && reading.mentions.some((m) => m.ids.length > 1 && m.ids.includes(best.subject?.id ?? '') && m.ids.includes(rival.subject!.id));
  if (ambiguous) return { kind: 'clarify', options: [best, rival], confidence, candidates };
  if (confidence >= params.answer) {
    const also = best.subject ? alsoNamed(best, candidates, reading) : [];
    return {
      kind: 'answer',
      candidate: best,
      confidence,
      yesNo,
      claims,
      also,
      // "My flatmate swears the Musterverein supported it. True?" claims the Musterverein, not "flatmate".
      ...(unknownName && !namesOther ? { unknownName } : {}),
      ...(placed ? { placed: placed.subject } : {}),
      candidates,
    };
  }
  return declined();
}

/**
 * The most all evidence but the classifier's can add to a score: every other kind of evidence
 * lies between 0 and 1, so only positive weights can raise it.
 */
function optimisticOthers(weights: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) if (i !== at.facet && weights[i]! > 0) sum += weights[i]!;
  return sum;
}

const weightCache = new WeakMap<ScorerParams, Float64Array>();

/** The evidence weights in the order of {@link EVIDENCE}, made once per fitted model. */
function weightsOf(params: ScorerParams): Float64Array {
  let weights = weightCache.get(params);
  if (!weights) {
    weights = Float64Array.from(EVIDENCE, (name) => params.weights[name] ?? 0);
    weightCache.set(params, weights);
  }
  return weights;
}

/** Each candidate's share of the probability (softmax of the scores), in the candidates' order. */
function sharesOf(candidates: Candidate[]): number[] {
  const max = candidates.reduce((m, c) => Math.max(m, c.score), Number.NEGATIVE_INFINITY);
  const exp = candidates.map((c) => Math.exp(c.score - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}

/**
 * Other subjects the question names in full (one name, one subject) that can answer the same
 * facet, and are of the same kind: in "Ist Frau X die Chefin vom Verein?" the club is where she works, not a second question.
 */
function alsoNamed(best: Candidate, candidates: Candidate[], reading: Reading): Subject[] {
  const named = new Set(reading.mentions.filter((m) => m.full && m.ids.length === 1).map((m) => m.ids[0]!));
  return candidates
    .filter((c) => c.facet === best.facet && c.subject && c.subject !== best.subject && named.has(c.subject.id))
    .filter((c) => c.subject!.kind === best.subject!.kind)
    .filter((c) => c.facet.fields.some((f) => factOf(c.subject!, f.name) !== undefined))
    .map((c) => c.subject!)
    .slice(0, 2);
}

/**
 * The subjects a fact question may be about, and how: named in the question, related to
 * a named one (the contact of a named office), and – only when none is named, so that
 * an explicit mention always wins – the one talked about last and the facet's default.
 */
function subjectsFor(
  facet: FacetDeclaration,
  mentioned: MentionedSubject[],
  contextSubjects: Subject[],
  understanding: Understanding,
  described: MentionedSubject | undefined,
  personReferred: boolean,
) {
  const { knowledge } = understanding;
  const found = new Map<string, { subject: Subject; how: EvidenceKind; strength: number }>();
  const offer = (subject: Subject, how: EvidenceKind, strength: number) => {
    if (!found.has(subject.id)) found.set(subject.id, { subject, how, strength });
  };
  const answers = (subject: Subject) => facet.fields.some((f) => factOf(subject, f.name) !== undefined);
  for (const m of mentioned) offer(m.subject, m.context ? 'related' : 'named', m.strength);
  for (const m of mentioned) for (const related of relatedSubjects(m.subject, knowledge)) offer(related, 'related', m.strength);
  const fallback = defaultSubjectOf(facet, understanding);
  if (mentioned.length > 0) {
    // "Hat der Verein die Bewerbung eingereicht?", "Ist die Senatorin auf dem Foto?": a named subject may be
    // the claimed value of the default subject's fact.
    if (fallback && facet.fields.some((f) => REFERRING.has(f.type))) offer(fallback, 'default', 1);
    return [...found.values()];
  }
  if (described) offer(described.subject, 'described', described.strength);
  // The subjects of the conversation, the latest counting most: "haben die auch eine Webseite?" may
  // mean the one before the last, when only that one has a website.
  for (const [i, subject] of contextSubjects.entries()) offer(subject, 'context', 1 / 2 ** i);
  // "Wie heißt der Herr?" after the contact: a person referred to by a form of address is the person a subject of the conversation names.
  if (personReferred) {
    for (const [i, subject] of contextSubjects.entries())
      for (const person of peopleNamedBy(subject, knowledge)) offer(person, 'context', 1 / 2 ** i);
  }
  // "seit wann?" after a question about a club is about that club: the default only where no subject of the conversation can answer.
  if (fallback && !contextSubjects.some(answers)) offer(fallback, 'default', 1);
  return [...found.values()];
}

/**
 * "die Frau in der Mitte", "the man on the left": a noun for a person with a place in a row names the
 * person standing there on a photo the knowledge has, when exactly one does. So does a place alone
 * while that photo or its people are talked about ("und die in der Mitte?") – though in a yes/no question
 * about a person on it, the place is a claim about that person ("Steht sie links?").
 */
function placedOnPhoto(
  reading: Reading,
  claims: Claims,
  understanding: Understanding,
  talkedAbout: Subject | undefined,
  yesNo: boolean,
): MentionedSubject | undefined {
  const { position } = claims;
  if (!position) return undefined;
  const byNoun = reading.tokens.some((t) => t.mention === undefined && understanding.lexicon.personNouns.has(t.key));
  const ids = new Set<string>();
  for (const subject of understanding.knowledge.subjects.values()) {
    const photo = subject.facts.photo as { people: string[] } | undefined;
    const talkedOf = talkedAbout && (talkedAbout.id === subject.id || (!yesNo && photo?.people.includes(talkedAbout.id)));
    const id = photo && (byNoun || talkedOf) ? personAt(photo, position) : undefined;
    if (id) ids.add(id);
  }
  const subject = ids.size === 1 ? understanding.knowledge.subjects.get([...ids][0]!) : undefined;
  return subject ? { subject, strength: 1 } : undefined;
}

/** The people a subject's facts name (the contact's person). */
function peopleNamedBy(subject: Subject, knowledge: Knowledge): Subject[] {
  return Object.values(subject.facts)
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .map((value) => (typeof value === 'string' ? knowledge.subjects.get(value) : undefined))
    .filter((s): s is Subject => s?.kind === 'person');
}

/** Field types whose value names other subjects. */
const REFERRING = new Set(['ref', 'refs', 'photo', 'strategy']);

/** The question's own words (stems): not names, not function words, not numbers. */
function contentStems(reading: Reading, understanding: Understanding): string[] {
  return reading.tokens
    .filter((t) => t.mention === undefined && !understanding.lexicon.functionWords.has(t.key) && !/^\d+$/.test(t.key))
    .map((t) => t.stem);
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

/** A description must match at least this much rarity (a word used by at most a few texts) … */
const DESCRIBED_MIN_RARITY = 2.5;
/** … and be this much better than the next subject's. */
const DESCRIBED_MARGIN = 1.5;

/**
 * The one subject the question's own words describe, when it names none: the rarity-weighted share
 * of its words that the subject's texts use, provided rare words match and no other subject comes close.
 */
function describedSubject(content: string[], understanding: Understanding): MentionedSubject | undefined {
  const { subjectRarity: rarity, textsOfSubject, knowledge, cueStems } = understanding;
  // What kind of question it is ("Wie oft trifft … sich?") describes no subject; the other words may.
  const stems = content.filter((s) => !cueStems.has(s));
  if (stems.length < 2) return undefined;
  let total = 0;
  for (const s of stems) total += rarity.get(s) ?? 1;
  let best: { id: string; matched: number; words: number } | undefined;
  let second = 0;
  for (const [id, text] of textsOfSubject) {
    let matched = 0;
    let words = 0;
    for (const s of stems) {
      if (!text.has(s)) continue;
      matched += rarity.get(s) ?? 0;
      words++;
    }
    if (!best || matched > best.matched) {
      second = best?.matched ?? 0;
      best = { id, matched, words };
    } else if (matched > second) second = matched;
  }
  // One word in common is a coincidence ("zusammenarbeiten"); a description takes two.
  if (!best || best.words < 2 || best.matched < DESCRIBED_MIN_RARITY || best.matched < DESCRIBED_MARGIN * second) return undefined;
  const subject = knowledge.subjects.get(best.id);
  return subject ? { subject, strength: best.matched / total } : undefined;
}

interface MentionedSubject {
  subject: Subject;
  /** 0..1: a full name counts most, one word of a name shared by several subjects least. */
  strength: number;
  /** Named right after "welche"/"which": the one the question asks for ("Welches Ministerium …?"). */
  asked?: boolean;
  /** Named only as the context of the subject asked for (the programme beside "welches Ministerium"). */
  context?: boolean;
}

/** Question words that ask which one of a kind: the name after them is what is asked for. */
const WHICH = new Set(['welche', 'welcher', 'welches', 'welchem', 'welchen', 'which', 'what']);

/**
 * Whether the name at `start` follows a question word that asks which one of a kind, directly or after
 * one word that describes the kind ("welches Ministerium", "welches zuständige Ministerium", "which federal ministry").
 */
function askedWhich(reading: Reading, start: number, functionWords: ReadonlySet<string>): boolean {
  const before = reading.tokens[start - 1];
  if (!before) return false;
  if (WHICH.has(before.key)) return true;
  // The word between describes the kind when it is typed in lower case; a capitalised one is the kind itself
  // ("Welche Bereiche arbeiten …?" asks for the Bereiche).
  return (
    before.mention === undefined &&
    !functionWords.has(before.key) &&
    !/^\p{Lu}/u.test(before.surface) &&
    WHICH.has(reading.tokens[start - 2]?.key ?? '')
  );
}

/** How much a mention by one word of a name counts against a whole name. */
const PARTIAL = 0.5;

/**
 * The subjects the message names, each with how strongly. A word several names share ("working
 * group") means, in a conversation, the one that belongs with the subject talked about last
 * ("which working group did they set up?" after a question about the association).
 */
function mentionedSubjects(reading: Reading, understanding: Understanding, talkedAbout?: Subject): MentionedSubject[] {
  const { knowledge } = understanding;
  const found = new Map<string, MentionedSubject>();
  const belongsWith = (id: string) => {
    const subject = knowledge.subjects.get(id);
    return (
      subject !== undefined && talkedAbout !== undefined && (isPartOf(subject, talkedAbout, knowledge) || isPartOf(talkedAbout, subject, knowledge))
    );
  };
  for (const mention of reading.mentions) {
    const near = mention.ids.length > 1 ? mention.ids.filter(belongsWith) : [];
    const ids = near.length > 0 ? near : mention.ids;
    const strength = (mention.full ? 1 : PARTIAL) * (mention.corrected ? 0.9 : 1) * (1 / ids.length);
    const asked = askedWhich(reading, mention.start, understanding.lexicon.functionWords);
    for (const id of ids) {
      const subject = understanding.knowledge.subjects.get(id);
      if (!subject) continue;
      const earlier = found.get(id);
      if (!earlier || earlier.strength < strength) found.set(id, { subject, strength, ...(asked ? { asked } : {}) });
    }
  }
  // The town beside the programme names the city's part of it ("Ist Musterstadt eine Engagierte Stadt?"), unless
  // it only says where ("nur in Musterstadt?", "for people in Musterstadt").
  const { townKey, placeWords } = understanding.lexicon;
  const saysWhere = (at: number) => placeWords.has(reading.tokens[at - 1]?.key ?? '') || placeWords.has(reading.tokens[at - 2]?.key ?? '');
  const namesTown = (t: Reading['tokens'][number], i: number) => t.mention === undefined && t.key === townKey && !saysWhere(i);
  // So does the city as an organisation ("Ist die Stadtverwaltung eine Engagierte Stadt?").
  const organisation = knowledge.city.facts.organisation;
  const namesCity = (m: Reading['mentions'][number]) => m.full && m.ids.length === 1 && m.ids[0] === organisation && !saysWhere(m.start);
  if (found.has(knowledge.programme.id) && !found.has(knowledge.city.id) && (reading.tokens.some(namesTown) || reading.mentions.some(namesCity))) {
    found.set(knowledge.city.id, { subject: knowledge.city, strength: 1 });
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
 * "körber partner?", "Joachim Herz Stiftung auch?": no question word, a name, and a word of
 * taking part (the cues of roles and of the role facet) or a question mark – in a chat
 * that asks whether the claim holds, as much as "Ist die Körber-Stiftung Partner?" does.
 */
function isEllipticalClaim(reading: Reading, understanding: Understanding): boolean {
  if (reading.tokens.some((t) => understanding.lexicon.questionWords.has(t.key))) return false;
  if (reading.mentions.length === 0 && !reading.unknownName) return false;
  return reading.text.trimEnd().endsWith('?') || reading.tokens.some((t) => t.mention === undefined && understanding.claimWords.has(t.stem));
}

/**
 * Whether the message names, in full, a subject other than the programme or the city: those two
 * are the frame of a question ("Ist das Jobcenter Partner der Engagierten Stadt?"), not its subject.
 */
function namesOtherThanFrame(reading: Reading, knowledge: Knowledge): boolean {
  return reading.mentions.some((m) => m.full && m.ids.some((id) => id !== knowledge.programme.id && id !== knowledge.city.id));
}

/** Whether a question sentence asks something of itself: a question word, or two words of its own ("True?" has one). */
function asksOfItself(sentence: string, questionWords: ReadonlySet<string>, functionWords: ReadonlySet<string>): boolean {
  const tokens = tokenize(sentence);
  return tokens.some((t) => questionWords.has(t.key)) || tokens.filter((t) => !functionWords.has(t.key)).length > 1;
}

/** Whether all words of a name are words of the sentence. */
function inSentence(name: string, sentence: string): boolean {
  const keys = new Set(tokenize(sentence).map((t) => t.key));
  return tokenize(name).every((t) => keys.has(t.key));
}

/** The facet of an honest decline: never made likelier by reading a part of the message. */
const DECLINE = 'decline';
/**
 * Abbreviations end in a period without ending a sentence ("Dr. Muster", "e.V. Musterstadt", "St. Georg"):
 * a short capitalised word, or letters with periods between. A short word in lower case ends a
 * sentence ("… Mitglied ist. seit wann?").
 */
const ABBREVIATION = /(?:^|\s)(?:\p{Lu}\p{Ll}{0,2}|\p{L}\.\p{L})\.$/u;

/**
 * The one sentence of a message of several that asks, if there is exactly one: the one ending in a
 * question mark ("Ich bin neu bei X. Wie beschreibt die Stadt die Zusammenarbeit?" asks the second),
 * or, when none has one, the last sentence if it has a question word.
 */
export function questionSentence(text: string, questionWords: ReadonlySet<string>): string | undefined {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?:;]+(?=\s)/g)) {
    const end = match.index + match[0].length;
    const sentence = text.slice(start, end).trim();
    if (match[0].endsWith('.') && ABBREVIATION.test(sentence)) continue;
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  if (sentences.length < 2) return undefined;
  const questions = sentences.filter((s) => s.endsWith('?'));
  // Typed fast, the question mark is often left out: then a last sentence with a question word asks
  // ("Ich habe gelesen … . seit wann ist das so"), not one that only ends a list ("… inkl. Mailadresse.").
  if (questions.length === 0) {
    const last = sentences.at(-1)!;
    return tokenize(last).some((t) => questionWords.has(t.key)) ? last : undefined;
  }
  return questions.length === 1 ? questions[0] : undefined;
}

/**
 * The sentence before a question that only asks for it to be answered: "Ich frage mich, wer hinter dem
 * Programm steht. Würden Sie mir das erklären?" asks who is behind it. Undefined unless the question
 * sentence has no question word and at most one word of its own (the verb of asking: "erklären",
 * "sagen"), and the one before it has a question word. `before`: the message up to the question sentence.
 */
export function indirectQuestionBefore(
  text: string,
  sentence: string,
  questionWords: ReadonlySet<string>,
  functionWords: ReadonlySet<string>,
): { question: string; before: string } | undefined {
  if (asksOfItself(sentence, questionWords, functionWords)) return undefined;
  const before = text.slice(0, text.lastIndexOf(sentence)).trim();
  const question = before.split(/(?<=[.!?:;])\s+/).at(-1);
  return question && tokenize(question).some((t) => questionWords.has(t.key)) ? { question, before } : undefined;
}

/** Prepositions that open a question with its question word ("seit wann", "an wen", "mit welchen …"). */
const QUESTION_PREPOSITIONS = /^(seit|bis|ab|an|mit|bei|fur|von|zu|uber|um|since|until|to|with|from|for|about)$/;
/** Question words that take the noun after them into the question ("welche Stellen", "wie viele Städte"). */
const QUESTION_PHRASE = /^(welch|welche|welcher|welches|welchem|welchen|which|wieviele|wieviel)$/;

/**
 * The question a request hangs on a verb of telling or asking: "Können Sie mir bitte sagen, wer den
 * Verein leitet?" asks who leads it, "Ich wollte fragen, seit wann …" since when, "Could you tell me
 * who …?" who. From the first question word after such a verb (a word or two may come between:
 * "sagen Sie mir, wer", "tell me who") to the end; undefined when the message begins with a question
 * word (it asks directly) or has no such verb before one. A German clause of this kind has its verb at
 * the end; it is put back after the question word, in the order the question would be asked in
 * ("wer leitet den Verein"), since that is the order people ask in, and the classifier learnt from.
 */
export function embeddedQuestion(
  text: string,
  lexicon: { questionWords: ReadonlySet<string>; functionWords: ReadonlySet<string>; tellingWords: ReadonlyMap<string, 'de' | 'en'> },
): string | undefined {
  const tokens = tokenize(text);
  if (tokens.length < 3 || lexicon.questionWords.has(tokens[0]!.key)) return undefined;
  const asking = tokens.findIndex((t) => lexicon.tellingWords.has(t.key));
  if (asking < 0) return undefined;
  for (let i = asking + 1; i < tokens.length && i <= asking + 4; i++) {
    if (!lexicon.questionWords.has(tokens[i]!.key)) continue;
    // "seit wann", "an wen", "mit welchen Stellen", "wie oft": the preposition before and the word after belong to the question word.
    const from = i > asking + 1 && QUESTION_PREPOSITIONS.test(tokens[i - 1]!.key) ? i - 1 : i;
    const clause = tokens.slice(from).map((t) => t.surface);
    if (clause.length < 2) return undefined;
    const head = i - from + 1 + (QUESTION_PHRASE.test(tokens[i]!.key) || /^(oft|viel|viele|lange|genau)$/.test(tokens[i + 1]?.key ?? '') ? 1 : 0);
    // The clause's subject comes first (an article, a pronoun, a name: "…, wer den Verein leitet"); a word in
    // lower case there is the verb of a question asked directly ("Eine Frage, wer hilft mir?"), already in order.
    const next = clause[head];
    const verbLast = next !== undefined && (lexicon.functionWords.has(toKey(next)) || /^\p{Lu}/u.test(next));
    if (lexicon.tellingWords.get(tokens[asking]!.key) !== 'de' || clause.length < 3 || !verbLast) return clause.join(' ');
    return [...clause.slice(0, head), clause.at(-1)!, ...clause.slice(head, -1)].join(' ');
  }
  return undefined;
}

/**
 * Whether a yes/no question claims a value of the kind the facet's fields hold ("seit 2020?" a year,
 * "ein Pate?" a role). A written-out contact detail is the claim of the facet that holds its kind
 * and counts against every other (an e-mail address is no phone number, and no person): see `claim` in `decide`.
 */
function claimFits(facet: FacetDeclaration, claims: Claims, roleClaimed: boolean): boolean {
  return facet.fields.some(
    ({ type }) =>
      ((type === 'year' || type === 'count') && (claims.years.length > 0 || claims.numbers.length > 0)) ||
      (type === 'count' && claims.sole) ||
      (type === 'rhythm' && claims.perYear !== undefined) ||
      (type === 'roles' && roleClaimed),
  );
}
