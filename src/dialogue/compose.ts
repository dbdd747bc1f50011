import { NameListValue, NameValue } from '../i18n/catalogue.js';
import { factOf, framesQuestions, isPartOf, type Knowledge, listMembers, type Subject } from '../knowledge/knowledge.js';
import type { AdoptedAnswer, FacetDeclaration } from '../knowledge/schema.js';
import type { Locale } from '../message.js';
import type { Choice, Contact, Link } from '../reply.js';
import { claimedRoles, functionsIn } from '../understanding/claims.js';
import type { Understanding } from '../understanding/model.js';
import { toKey, tokenize } from '../understanding/normalise.js';
import type { Reading } from '../understanding/read.js';
import { stem } from '../understanding/stem.js';
import { choiceId } from './choices.js';
import type { Candidate, Decision } from './decide.js';
import { holdersFitting } from './described-members.js';
import { type Say, subjectArgs, valueArgs } from './values.js';
import { placeInRow, positionVerdict, verdictOf } from './verdict.js';

/** A reply before it becomes a `Reply`: what to say, and what the conversation should remember. */
export interface Composed {
  text: string;
  intent: string | null;
  fallback: boolean;
  handoff: boolean;
  choices: Choice[];
  links: Link[];
  contacts: Contact[];
  remember?: { subject?: string; facet?: string; roles?: string[] };
  /** The reply's language when it is not the question's (a language switch; an adopted answer written in one language only). */
  locale?: Locale;
}

export interface ComposeContext {
  understanding: Understanding;
  locale: Locale;
  say: Say;
  /** Whether the catalogue has a message (for wording a facet may override: `answer-<facet>-<field>`). */
  has: (id: string) => boolean;
  reading: Reading;
  /** The kind of question asked before this one ("Ist Hessen auch einer davon?" after the list of sponsors). */
  previousFacet?: string;
  /** The subjects talked about so far, most recent first ("und wo steht sie auf dem Foto?"). */
  subjects?: readonly string[];
  /** The roles the question before claimed ("Ist X ein Programmträger?"), which "Und Y auch?" claims again. */
  previousRoles?: readonly string[];
}

/** A composed reply: the text, and nothing else unless `extra` says so. */
export const base = (text: string, intent: string | null, extra: Partial<Composed> = {}): Composed => ({
  text,
  intent,
  fallback: false,
  handoff: false,
  choices: [],
  links: [],
  contacts: [],
  ...extra,
});

export function compose(decision: Decision, context: ComposeContext): Composed {
  switch (decision.kind) {
    case 'answer':
      return composeCandidate(decision.candidate, context, decision);
    case 'clarify':
      return clarify(decision.options, context);
    case 'decline':
      return decline(context, decision.inScope, decision.subject);
  }
}

/** The answer to one candidate (also what a pressed button gets). */
export function composeCandidate(candidate: Candidate, context: ComposeContext, decision?: Extract<Decision, { kind: 'answer' }>): Composed {
  const { facet, subject } = candidate;
  const { knowledge } = context.understanding;
  if (candidate.unnamed) return notNamed(candidate.unnamed, facet, context, decision);
  if (decision?.yesNo && decision.unknownName && facet.kind === 'list' && facet.role) return notNamed(decision.unknownName, facet, context);
  switch (facet.kind) {
    case 'fact': {
      if (!subject) return decline(context, true);
      const first = fact(facet, subject, context, decision);
      return decision?.also.length ? withOthers(first, facet, decision, context) : first;
    }
    case 'list':
      return list(facet, context, subject);
    case 'involve':
      return involve(context, decision);
    case 'chat':
      return chat(facet.id, context);
    default:
      return decline(context, true, subject ?? knowledge.programme);
  }
}

function fact(facet: FacetDeclaration, subject: Subject, context: ComposeContext, decision?: Extract<Decision, { kind: 'answer' }>): Composed {
  const { understanding, locale, say } = context;
  const { knowledge } = understanding;
  const field = facet.fields.find((f) => factOf(subject, f.name) !== undefined);
  const remember: NonNullable<Composed['remember']> = { subject: subject.id, facet: facet.id };
  const args = subjectArgs(subject, knowledge, locale, say);
  if (!field) {
    return base(say(`missing-${facet.id}`, args), `${facet.id}.missing`, { fallback: true, handoff: true, contacts: contactsOf(context), remember });
  }
  const value = subject.facts[field.name];
  // A facet may word a field its own way ("Wann ist das Forum?" answered by its rhythm says that no date is given).
  const own = `answer-${facet.id}-${field.name}`;
  let text = say(context.has(own) ? own : `answer-${field.name}`, { ...args, ...valueArgs(field.type, value, knowledge, locale, say) });
  const pictured = field.type === 'photo' ? (decision?.placed ?? personPictured(value as { people: string[] }, context)) : undefined;
  if (pictured) {
    text = `${say('photo-place', { name: pictured.name.text[locale], place: placeInRow(value as { people: string[] }, pictured.id) })} ${text}`;
    remember.subject = pictured.id;
  }
  if (decision?.yesNo) {
    const claimed = subject.kind === 'person' && field.name === 'role' ? functionClaim(subject, context) : undefined;
    // "Ist die Frau links auf dem Foto die Bürgermeisterin?": the function is part of the claim too; the photo's list says who is what.
    const pictureClaim = pictured ? functionClaim(pictured, context)?.verdict : undefined;
    const claim = claimContext(decision, subject, context);
    if (claim.roles.length > 0) remember.roles = claim.roles;
    // "Gibt es eine Messe?" naming a subject the knowledge has, and claiming nothing more of it (no "monatlich", no year): it exists.
    const { claims } = decision;
    const claimsMore =
      claims.perYear !== undefined ||
      claims.years.length > 0 ||
      claims.numbers.length > 0 ||
      claims.sole ||
      claims.restricted ||
      claims.position !== undefined;
    const exists =
      claims.exists && !claimsMore && claim.contentStems.length === 0 && context.reading.mentions.some((m) => m.full && m.ids.includes(subject.id));
    // The claim is checked against every fact of the facet the subject has: "Ist X ein Partner?" against its roles, even where a text describes its role.
    const checked = facet.fields
      .filter((f) => factOf(subject, f.name) !== undefined)
      .map((f) => verdictOf(f.type, subject.facts[f.name], claim, knowledge, locale))
      .find((v) => v !== undefined);
    // "Steht sie ganz links?" about the person last talked about (not when the place is how the question
    // refers to the person: "und rechts?" claims nothing).
    const placed =
      pictured && !decision.placed && claims.position ? positionVerdict(value as { people: string[] }, [pictured], claims.position) : undefined;
    const photoVerdict = checked ?? placed;
    const verdict = claimed?.verdict ?? (pictureClaim === 'no' || photoVerdict === 'no' ? 'no' : (photoVerdict ?? (exists ? 'yes' : undefined)));
    if (verdict) text = say('answer-with-verdict', { verdict: say(`verdict-${verdict}`), answer: text });
    // "Ist Frau X die Ansprechpartnerin?": no, and who is.
    for (const holder of claimed?.heldBy ?? []) text += ` ${fact(facet, holder, context).text}`;
  }
  const isContactFacet = facet.default === 'contact' && subject.kind === 'contact';
  // A field that answers only in part ("seit vielen Jahren" for a year) says so: honest, but not knowing.
  // It is no answer to a question for the very value it lacks ("In welchem Jahr …?"), but one to "Seit wann …?".
  const lacksWhatIsAsked = () => facet.fields[0]?.type !== 'year' || context.reading.tokens.some((t) => /jahr|year/.test(t.key));
  if (field.partial && lacksWhatIsAsked()) {
    return base(text, `${facet.id}.partial`, { fallback: true, handoff: true, contacts: contactsOf(context), remember });
  }
  return base(text, `${facet.id}`, {
    remember,
    ...(isContactFacet ? { contacts: contactsOf(context) } : {}),
    ...(field.type === 'url' ? { links: [{ label: subject.name.text[locale], url: String(value) }] } : {}),
  });
}

/**
 * A yes/no question that gives a person a function ("Ist Frau X die Bürgermeisterin?"): the
 * knowledge says what each person is, so a function their role does not have is a "no" –
 * and the people whose role has it are named.
 */
function functionClaim(person: Subject, context: ComposeContext): { verdict: 'yes' | 'no'; heldBy: Subject[] } | undefined {
  const claimed = functionsIn(context.reading.tokens.filter((t) => t.mention === undefined).map((t) => t.key));
  if (claimed.size === 0) return undefined;
  const functionsOf = (subject: Subject) => {
    const role = subject.facts.role as Record<Locale, string> | undefined;
    return functionsIn(tokenize(`${role?.de ?? ''} ${role?.en ?? ''}`).map((t) => t.key));
  };
  const own = functionsOf(person);
  const missing = [...claimed].filter((fn) => !own.has(fn));
  // "… die Chefin vom Verein?": the function where the question says, when it names where.
  const { subjects } = context.understanding.knowledge;
  const { tokens } = context.reading;
  // Each place named, with the words it was named by ("Social Smart City" may be the words of the function itself).
  const where = context.reading.mentions.flatMap((m) =>
    m.ids
      .filter((id) => id !== person.id && subjects.get(id)?.kind !== 'person')
      .map((id) => ({ id, words: tokens.slice(m.start, m.end).map((t) => t.stem) })),
  );
  const stemsOf = (text: string) => tokenize(text).map((t) => stem(t.key));
  const worksThere = (holder: Subject) => {
    const text = holder.facts.role as Record<Locale, string> | undefined;
    const role = stemsOf(`${text?.de ?? ''} ${text?.en ?? ''}`);
    return where.some(({ id, words }) => {
      const place = subjects.get(id);
      if (!place) return false;
      const lead = place.facts.lead as string | { id: string } | undefined;
      return (
        holder.facts.organisation === id ||
        (typeof lead === 'string' ? lead : lead?.id) === holder.id ||
        stemsOf(place.name.text.de).every((s) => role.includes(s)) ||
        words.every((s) => role.includes(s))
      );
    });
  };
  // Held, but somewhere else than the question says ("Ist die Senatorin die Chefin vom Verein?"): no.
  if (missing.length === 0) return { verdict: where.length === 0 || worksThere(person) ? 'yes' : 'no', heldBy: [] };
  const others = [...context.understanding.knowledge.subjects.values()].filter((s) => s.kind === 'person' && s.id !== person.id);
  const holders = others.filter((other) => missing.some((fn) => functionsOf(other).has(fn)));
  return { verdict: 'no', heldBy: where.length === 0 ? holders : holders.filter(worksThere) };
}

/** Longer than this, an answer about several subjects keeps to the first. */
const SEVERAL_MAX = 600;

/** "Sind A und B dabei?": the same answer for each subject the question names, one after another. */
function withOthers(first: Composed, facet: FacetDeclaration, decision: Extract<Decision, { kind: 'answer' }>, context: ComposeContext): Composed {
  const others = decision.also.map((subject) => fact(facet, subject, context, { ...decision, also: [] }));
  if (others.some((o) => o.fallback) || [first, ...others].reduce((n, c) => n + c.text.length, 0) > SEVERAL_MAX) return first;
  return { ...first, text: [first, ...others].map((c) => c.text).join(' ') };
}

/**
 * The one person on a photo the question is about (unless it refers to one by a place, see `placed`): named
 * in it, or, when it names no one, the person last talked about ("und wo steht sie auf dem Foto?").
 * Their place is said before the whole row.
 */
function personPictured(photo: { people: string[] }, context: ComposeContext): Subject | undefined {
  const { reading, understanding } = context;
  const named = reading.mentions.flatMap((m) => (m.ids.length === 1 ? m.ids : []));
  const onPhoto = named.filter((id) => photo.people.includes(id));
  const recent = context.subjects?.[0];
  const id = onPhoto.length === 1 ? onPhoto[0] : named.length === 0 && recent && photo.people.includes(recent) ? recent : undefined;
  return id ? understanding.knowledge.subjects.get(id) : undefined;
}

function claimContext(decision: Extract<Decision, { kind: 'answer' }>, subject: Subject, context: ComposeContext) {
  const { understanding, reading } = context;
  const { knowledge } = understanding;
  const named = reading.mentions
    .flatMap((mention) => (mention.ids.length === 1 ? mention.ids : []))
    .filter((id) => id !== subject.id)
    .map((id) => knowledge.subjects.get(id)!)
    .filter(Boolean);
  // The programme and the city frame most questions ("… der richtige Kontakt für die Engagierte Stadt?"): they are
  // the claimed value only when nothing else is named.
  const framing = (other: Subject) => framesQuestions(other, knowledge);
  const others = named.some((other) => !framing(other)) ? named.filter((other) => !framing(other)) : named;
  // "Ist Hessen auch einer davon?" after the list of sponsors claims the role of that list; "Ist die
  // Musterkammer ein Partner?" uses a word of taking part in general, and claims no role of a list.
  const previous = context.previousFacet ? understanding.facets.get(context.previousFacet) : undefined;
  const claimed = claimedRoles(context.reading.tokens, context.understanding.roleCues);
  const generic = decision.candidate.cue > 0;
  const carried = previous?.kind === 'list' && previous.role ? [previous.role] : [...(context.previousRoles ?? [])];
  const roles = claimed.length === 0 && !generic ? carried : claimed;
  const contentStems = reading.tokens
    .filter(
      (t) =>
        t.mention === undefined && !understanding.lexicon.functionWords.has(t.key) && !understanding.cueStems.has(t.stem) && !/^\d+$/.test(t.key),
    )
    .map((t) => t.stem);
  // A question that uses another kind of fact's own cue ("Is the office open on Saturdays?") claims that fact, not taking part.
  const facet = decision.candidate.facet;
  const ownStems = reading.tokens.filter((t) => t.mention === undefined).map((t) => t.stem);
  const otherClaim = [...understanding.cueSpecificities(ownStems, false)].some(
    ([id, specificity]) => id !== facet.id && specificity >= 1 && understanding.facets.get(id)?.kind === 'fact',
  );
  return {
    claims: decision.claims,
    roles,
    others,
    contentStems,
    asksTakingPart: generic || claimed.length > 0 || !otherClaim,
    claimsOtherFact: otherClaim,
    asksWhoTookIt: reading.tokens.some((t) => TAKING_A_PHOTO.has(t.key)),
  };
}

/** Words for taking a photo (keys): a claim about its credit, not about who is on it. */
const TAKING_A_PHOTO = new Set(
  [
    'gemacht',
    'aufgenommen',
    'fotografiert',
    'geknipst',
    'fotograf',
    'fotografin',
    'take',
    'took',
    'taken',
    'shot',
    'photographer',
    'photographed',
  ].map(toKey),
);

function notNamed(name: string, facet: FacetDeclaration, context: ComposeContext, decision?: Extract<Decision, { kind: 'answer' }>): Composed {
  const { understanding, say } = context;
  const { knowledge } = understanding;
  // The role asked about: of the list asked for, named in the question, asked before, or the list the question fits best.
  const previous = context.previousFacet ? understanding.facets.get(context.previousFacet) : undefined;
  const likeliestList = decision?.candidates.find((c) => c.facet.kind === 'list' && c.facet.role)?.facet.role;
  const claimedRole = claimedRoles(context.reading.tokens, context.understanding.roleCues)[0] ?? context.previousRoles?.[0];
  const roleId = facet.role ?? claimedRole ?? (previous?.kind === 'list' ? previous.role : undefined) ?? likeliestList;
  const role = knowledge.roles.find((r) => r.id === roleId);
  if (!role) return base(say('not-named-any', { name }), 'role.not-named');
  const holders = [...knowledge.subjects.values()].filter((s) => s.roles.includes(role.id));
  // "Is there a migrant organisation among them?": not by that name, but one of them is. Only a description in the
  // knowledge's own words, not a name of someone else's ("Metropolregion Hamburg").
  const nameWords = new Set(name.split(/\s+/));
  const typed = context.reading.tokens.filter((t) => nameWords.has(t.surface));
  const described = typed.length > 0 && typed.every((t) => t.domain || t.compound);
  const fitting = described ? holdersFitting(name, holders, knowledge, understanding.lexicon.functionWords) : [];
  if (fitting.length > 0 && fitting.length < holders.length) {
    const fittingArgs = { name, role: say(`role-${role.id}-among`), names: new NameListValue(fitting.map((s) => s.name)) };
    return base(say('not-named-fitting', fittingArgs), `${role.id}.not-named`, { remember: { facet: facet.id, subject: fitting[0]!.id } });
  }
  const args = { name, role: say(`role-${role.id}-among`), names: new NameListValue(holders.map((s) => s.name)) };
  const remember = { facet: facet.id, ...(claimedRole === role.id ? { roles: [role.id] } : {}) };
  return base(say(role.complete ? 'not-named-closed' : 'not-named-open', args), `${role.id}.not-named`, { remember });
}

const LONG_LIST = 5;

/** A list; `within`: only the members that are part of that subject ("die Partner aus der Stadtverwaltung"). */
function list(facet: FacetDeclaration, context: ComposeContext, within?: Subject): Composed {
  const { understanding, say, locale } = context;
  const { knowledge } = understanding;
  const all = listMembers(facet, knowledge);
  if (within) {
    const members = all.filter((member) => isPartOf(member, within, knowledge));
    const among = say(`role-${facet.role}-among`);
    const lead = say('list-within', { within: new NameValue(within.name), count: members.length, among });
    const items = members.map((m) => `• ${m.name.text[locale]}`).join('\n');
    const choices = members.length <= LONG_LIST ? members.map((m) => choiceFor(understanding.facets.get('about'), m, context)).filter(isChoice) : [];
    return base(`${lead}\n${items}`, `list.${facet.id}.within`, { choices, remember: { facet: facet.id, subject: within.id } });
  }
  const members = all;
  const organisers = new Set(members.map((m) => m.facts.organiser as string | undefined));
  const organiser = organisers.size === 1 ? knowledge.subjects.get([...organisers][0] ?? '') : undefined;
  const args = {
    ...subjectArgs(knowledge.programme, knowledge, locale),
    names: new NameListValue(members.map((m) => m.name)),
    count: String(members.length),
    level: (knowledge.programme.facts['sponsors-level'] as Record<Locale, string> | undefined)?.[locale] ?? '',
    ...(organiser ? { organiser: new NameValue(organiser.name) } : {}),
  };
  const id = facet.of === 'event' && !organiser ? 'list-events-mixed' : `list-${facet.id}`;
  let text = say(id, args);
  if (text.trimEnd().endsWith(':')) {
    const items = members.map((m) =>
      m.kind === 'person'
        ? say('list-item-person', { name: m.name.text[locale], role: (m.facts.role as Record<Locale, string>)[locale] })
        : m.name.text[locale],
    );
    text = `${text}\n${items.map((item) => `• ${item}`).join('\n')}`;
  }
  const choices = members.length <= LONG_LIST ? members.map((m) => choiceFor(understanding.facets.get('about'), m, context)).filter(isChoice) : [];
  return base(text, `list.${facet.id}`, { choices, remember: { facet: facet.id } });
}

function involve(context: ComposeContext, decision?: Extract<Decision, { kind: 'answer' }>): Composed {
  const { understanding, say } = context;
  const { knowledge } = understanding;
  // "Wie werde ich Mitglied im Beirat?": joining that one is not among the ways the knowledge gives.
  const named = context.reading.mentions.filter((m) => m.full && m.ids.length === 1).map((m) => knowledge.subjects.get(m.ids[0]!)!);
  // Whom a named group is for says who can take part in it ("Kann ich beim Forum mitreden?").
  const audience = decision ? facetWithField(understanding, 'audience') : undefined;
  // (Not the programme or the city, which frame such questions: "Can I take part in the network?")
  const framing = (s: Subject) => framesQuestions(s, knowledge);
  const open = audience && named.find((s) => !framing(s) && factOf(s, 'audience') !== undefined);
  if (audience && open) return { ...fact(audience, open, context), contacts: contactsOf(context), remember: { subject: open.id, facet: 'involve' } };
  const elsewhere = named.find((s) => (s.kind === 'organisation' || s.kind === 'event') && !knowledge.involvement.some((way) => way.via === s.id));
  if (elsewhere && decision) {
    // The page does not say how to join that one; who can help does.
    return base(say('missing-involve', { subject: new NameValue(elsewhere.name) }), 'involve.missing', {
      handoff: true,
      contacts: contactsOf(context),
      remember: { subject: elsewhere.id, facet: 'involve' },
    });
  }
  const stems = new Set(context.reading.tokens.map((t) => t.stem));
  const fitOf = (cues: string[]) => cues.filter((cue) => cue.split(/\s+/).every((w) => stems.has(stem(w.toLowerCase())))).length;
  const ranked = knowledge.involvement
    .map((way, order) => ({ way, order, fit: fitOf([...(way.for?.de ?? []), ...(way.for?.en ?? [])]) }))
    .sort((a, b) => b.fit - a.fit || a.order - b.order);
  // The best fitting ways, and always the general first step (the first way of the knowledge).
  const chosen = [...ranked.filter((r) => r.fit > 0).slice(0, 2), ranked.find((r) => r.order === 0)!]
    .filter((r, i, all) => r && all.indexOf(r) === i)
    .slice(0, 3);
  if (chosen.length < 2) for (const r of ranked) if (!chosen.includes(r) && chosen.length < 3 && r.way.for === undefined) chosen.push(r);
  const lines = chosen.map(({ way }) => {
    const via = knowledge.subjects.get(way.via)!;
    return `• ${say('involve-way', { via: new NameValue(via.name), text: way.text[context.locale] })}`;
  });
  return base(`${say('involve-intro')}\n${lines.join('\n')}\n\n${say('involve-more')}`, 'involve', {
    remember: { facet: 'involve' },
    contacts: contactsOf(context),
  });
}

/** The fact facet that a field answers first (the knowledge's own facet for it, whatever its id). */
function facetWithField(understanding: ComposeContext['understanding'], field: string): FacetDeclaration | undefined {
  return [...understanding.facets.values()].find((f) => f.kind === 'fact' && f.fields[0]?.name === field);
}

function chat(kind: string, context: ComposeContext): Composed {
  const { say } = context;
  if (kind === 'language') {
    const target = requestedLanguage(context);
    return base('', 'chat.language', { locale: target });
  }
  const menu = kind === 'help' || kind === 'greeting' ? menuChoices(context) : [];
  return base(say(`chat-${kind}`), `chat.${kind}`, { choices: menu });
}

/** "in English please" → en; "I don't speak German" → en; else the language the message is in. */
function requestedLanguage(context: ComposeContext): Locale {
  const keys = context.reading.tokens.map((t) => t.key);
  const named = keys.findIndex((k) => LANGUAGE_NAMES.has(k));
  if (named < 0) return context.locale;
  const language = LANGUAGE_NAMES.get(keys[named]!)!;
  const negated = keys.slice(Math.max(0, named - 4), named).some((k) => NEGATIONS.has(k));
  return negated ? (language === 'en' ? 'de' : 'en') : language;
}

/**
 * "Kannst du mir auf Englisch erklären, …?", "Kontakt bitte auf Englisch": the language the answer of a
 * question is asked for, with a word of asking for an answer ("Is the forum held in German?" asks about the forum).
 */
export function languageAskedFor(reading: Reading): Locale | undefined {
  const { tokens } = reading;
  if (!tokens.some((t) => ASKING_FOR_AN_ANSWER.has(t.key))) return undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const language = tokens[i]!.key === 'auf' || tokens[i]!.key === 'in' ? LANGUAGE_NAMES.get(tokens[i + 1]!.key) : undefined;
    if (language) return language;
  }
  return undefined;
}

const LANGUAGE_NAMES = new Map<string, Locale>([
  ['englisch', 'en'],
  ['english', 'en'],
  ['englisc', 'en'],
  ['deutsch', 'de'],
  ['german', 'de'],
  ['germany', 'de'],
]);

// Compared as keys, which fold "oe" as in "Koerber": "doesn't" arrives as "dosn", "t". ("don't", "can't": "don", "can", "t".)
const NEGATIONS = new Set(['nicht', 'kein', 'keine', 'not', 'don', 'dont', 'doesn', 'doesnt', 'didn', 'no', 'never', 'cannot'].map(toKey));

const ASKING_FOR_AN_ANSWER = new Set(
  [
    'bitte',
    'erklären',
    'erkläre',
    'erklärst',
    'sagen',
    'sag',
    'antworten',
    'antworte',
    'schreiben',
    'schreib',
    'please',
    'explain',
    'tell',
    'answer',
    'reply',
    'write',
  ].map(toKey),
);

function clarify(options: Candidate[], context: ComposeContext): Composed {
  const { say } = context;
  // Ask between subjects for one kind of question ("Forum" → which forum?); anything else is no real choice.
  const facet = options[0]!.facet;
  const subjects = options.filter((o) => o.facet.id === facet.id && o.subject).map((o) => o.subject!);
  if (subjects.length < 2) return decline(context, true, options[0]!.subject);
  const choices = subjects.map((subject) => ({ id: choiceId(facet, subject), label: say('ask-about', { subject: new NameValue(subject.name) }) }));
  return base(say('clarify', { options: new NameListValue(subjects.map((s) => s.name)) }), 'clarify', { choices });
}

function decline(context: ComposeContext, inScope: boolean, subject?: Subject): Composed {
  const { say } = context;
  if (!inScope) return base(say('decline-other'), null, { fallback: true, handoff: true, choices: menuChoices(context) });
  const text = subject ? say('decline-near-subject', { subject: new NameValue(subject.name) }) : say('decline-near');
  const choices = subject ? [choiceFor(context.understanding.facets.get('about'), subject, context)].filter(isChoice) : [];
  // The conversation is about the subject named, even when this question about it could not be answered ("… und wer leitet das?").
  return base(text, null, {
    fallback: true,
    handoff: true,
    contacts: contactsOf(context),
    choices,
    ...(subject ? { remember: { subject: subject.id } } : {}),
  });
}

/** The main topics as buttons: for the welcome, help and honest declines. */
export function menuChoices(context: ComposeContext): Choice[] {
  const { understanding, say } = context;
  const { knowledge } = understanding;
  const menu: [string, string, Subject | undefined][] = [
    ['about', 'choice-programme', knowledge.programme],
    ['local-partners', 'choice-partners', undefined],
    ['sponsors', 'choice-sponsors', undefined],
    ['involve', 'choice-involve', undefined],
    ['person', 'choice-contact', knowledge.contacts[0]],
  ];
  return menu.flatMap(([facetId, label, subject]) => {
    const facet = understanding.facets.get(facetId);
    if (!facet || (facet.kind === 'fact' && !subject)) return [];
    return [{ id: choiceId(facet, subject), label: say(label) }];
  });
}

function choiceFor(facet: FacetDeclaration | undefined, subject: Subject | undefined, context: ComposeContext): Choice | undefined {
  if (!facet) return undefined;
  const label = subject ? context.say('ask-about', { subject: new NameValue(subject.name) }) : context.say(`choice-${facet.id}`);
  return { id: choiceId(facet, subject), label };
}

const isChoice = (choice: Choice | undefined): choice is Choice => choice !== undefined;

/** The city's contacts, for contact questions and honest declines. */
export function contactsOf(context: ComposeContext): Contact[] {
  const { knowledge } = context.understanding;
  return knowledge.contacts.map((contact) => toContact(contact, knowledge, context));
}

function toContact(contact: Subject, knowledge: Knowledge, context: ComposeContext): Contact {
  const { locale, say } = context;
  const name = (id: unknown) => (typeof id === 'string' ? (knowledge.subjects.get(id)?.name.text[locale] ?? '') : '');
  const fields = {
    name: contact.name.text[locale],
    office: name(contact.facts.office),
    department: name(contact.facts.department),
    phone: String(contact.facts.phone),
    email: String(contact.facts.email),
  };
  return { ...fields, text: say('contact-card', { ...fields, 'has-department': fields.department ? 'yes' : 'no' }) };
}

/** An answer a member of the network gave in the hand-off, taken over into the knowledge. */
export function adoptedReply(answer: AdoptedAnswer, context: ComposeContext): Composed {
  const text = answer.answer[context.locale] ?? answer.answer.de ?? answer.answer.en ?? '';
  const locale = answer.answer[context.locale] ? context.locale : answer.answer.de ? 'de' : 'en';
  return base(text, `adopted.${answer.id}`, { locale });
}
