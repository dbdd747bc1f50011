import type { Knowledge, Role } from '../knowledge/schema.js';
import type { Locale } from '../message.js';
import type { Ask } from '../understanding/cues.js';
import type { EntityRef, Lexicon } from '../understanding/lexicon.js';
import { toKey } from '../understanding/normalise.js';
import type { EntityMention, Parse } from '../understanding/parse.js';
import { claimHolds, claimsFit, verifyContact } from './claims.js';
import { bestByContent, bestSubject, contentScores, contentTopic } from './content-match.js';
import type { ConversationState } from './conversation.js';
import type { EntityFacet, ListName, ProgrammeFacet, Topic } from './topic.js';

export interface Decision {
  topic: Topic;
  /** 0..1: how sure the matcher is. */
  confidence: number;
  /** The language the message is written in, when it tells. */
  locale: Locale | undefined;
}

/** Below this the bot admits it does not know rather than guess. */
export const CONFIDENCE_THRESHOLD = 0.5;

const SMALLTALK_ORDER = ['help', 'thanks', 'goodbye', 'greeting', 'ack'] as const;
const CHATTER = new Set<Ask>(['greeting', 'thanks', 'goodbye', 'ack', 'help', 'more']);
/** Asks too vague to be a question on their own ("was", "wer"). */
const WEAK = new Set<Ask>(['what', 'who', 'more', 'where']);
const MEMBERSHIP_ASKS: Ask[] = ['membership', 'partners', 'funders', 'actors', 'support'];
/** Asks that make a membership question something else (a count, a list, a description). */
const NOT_A_MEMBERSHIP_CHECK: Ask[] = ['count', 'further', 'what', 'topics', 'involve'];
/** … unless it is a yes/no question ("Is Caritas involved?"), which only these make something else. */
const NOT_A_YES_NO_MEMBERSHIP_CHECK: Ask[] = ['count', 'further', 'topics'];
/** Asks that need a subject; without one in the message they refer to the last one talked about. */
const FOLLOW_UP_ASKS: Ask[] = [
  'rhythm',
  'when',
  'founded',
  'joined',
  'website',
  'phone',
  'email',
  'contact',
  'where',
  'address',
  'lead',
  'organiser',
  'audience',
  'members',
  'what',
  'more',
  'who',
  'membership',
  'events',
  'funders',
  'role',
  'goal',
  'reach',
];
const QUESTION_WORDS = new Set(['wer', 'was', 'welche', 'welcher', 'welches', 'who', 'what', 'which', 'wem', 'wen']);
const HOW_WORDS = new Set(['wie', 'how', 'wo', 'where', 'unter']);
const LIST_WORDS = new Set(['welche', 'alle', 'wer', 'which', 'all', 'who', 'liste', 'list']);
const ALSO_WORDS = new Set(['auch', 'ebenfalls', 'too', 'also', 'either']);
const LIST_ASKS: Ask[] = ['actors', 'partners', 'funders', 'further', 'events'];
const PROGRAMME_ONLY = new Set<ProgrammeFacet>(['count', 'applied', 'topics', 'luebeck']);
/** Asks that an answer about one organisation, event or person can serve. */
const ENTITY_ASKS = new Set<Ask>([
  'luebeck',
  'involve',
  'what',
  'who',
  'when',
  'rhythm',
  'founded',
  'joined',
  'website',
  'contact',
  'phone',
  'email',
  'where',
  'address',
  'membership',
  'partners',
  'funders',
  'actors',
  'support',
  'organiser',
  'lead',
  'audience',
  'members',
  'events',
  'people',
  'role',
  'goal',
  'reach',
  'more',
  'programme',
]);
const FIRST_PERSON = new Set(['ich', 'wir', 'i', 'we', 'mich', 'me', 'uns', 'us']);
const CONTACT_ASKS: Ask[] = ['contact', 'phone', 'email'];
const CITY_WORDS = new Set(['verwaltung', 'stadtverwaltung', 'stadt', 'administration', 'city']);
const NEXT_WORDS = new Set(['nachste', 'nachsten', 'next', 'upcoming', 'demnachst', 'termin', 'datum', 'date']);

const ambiguous = (mention: EntityMention | undefined) => !!mention && mention.ids.length > 1 && !mention.full;

const COMMAND_TOPICS: Record<string, Topic> = {
  hilfe: { kind: 'smalltalk', what: 'help' },
  help: { kind: 'smalltalk', what: 'help' },
  kontakt: { kind: 'contact', facet: 'all' },
  contact: { kind: 'contact', facet: 'all' },
  partner: { kind: 'list', list: 'local-partners' },
  partners: { kind: 'list', list: 'local-partners' },
  akteure: { kind: 'list', list: 'actors' },
  actors: { kind: 'list', list: 'actors' },
  programm: { kind: 'programme', facet: 'describe' },
  programme: { kind: 'programme', facet: 'describe' },
  program: { kind: 'programme', facet: 'describe' },
  foerderer: { kind: 'list', list: 'sponsors' },
  funders: { kind: 'list', list: 'sponsors' },
  mitmachen: { kind: 'involve' },
  volunteer: { kind: 'involve' },
};

/**
 * Decides what to answer: reads the parse against the knowledge and the conversation so
 * far. Pure; the wording is done elsewhere. "Nothing fits" is the `fallback` topic.
 */
export function decide(parse: Parse, state: ConversationState, lexicon: Lexicon, knowledge: Knowledge): Decision {
  const locale = parse.language.en > parse.language.de ? 'en' : parse.language.de > parse.language.en ? 'de' : undefined;
  const result = (topic: Topic, confidence: number): Decision => ({ topic, confidence, locale });

  if (parse.command) {
    const fromCommand = commandTopic(parse.command, state);
    if (fromCommand) return { topic: fromCommand, confidence: 1, locale: undefined };
  }
  const picked = pickByNumber(parse, state);
  if (picked) return result(picked, 1);
  if (parse.tokens.length === 0) {
    return { topic: { kind: 'unreadable', reason: parse.text === '' ? 'empty' : 'no-text' }, confidence: 1, locale: undefined };
  }

  const asks = new Set(parse.asks);
  const asked = asks.size;
  // "Wie viel Geld …?": an amount, which the knowledge never has.
  if (asks.has('count') && asks.has('funders')) asks.add('amount');
  // Both phone and e-mail asked for: the whole contact.
  if (asks.has('phone') && asks.has('email')) {
    asks.delete('phone');
    asks.delete('email');
    asks.add('contact');
  }
  if (asks.has('reach')) asks.add(parse.tokens.some((t) => HOW_WORDS.has(t.key)) ? 'contact' : 'goal');
  const has = (word: Set<string>) => parse.tokens.some((t) => word.has(t.key));
  const content = [...asks].filter((ask) => !CHATTER.has(ask));
  // Merged asks ("phone and e-mail" → contact) still count as what they were.
  const strong = content.filter((ask) => !WEAK.has(ask));
  const strongCount = strong.length + Math.max(0, asked - asks.size);
  // Which knowledge texts the words fit: computed once, used for ties, topics and pointers.
  const scores = contentScores(parse, lexicon);

  if ((asks.has('switch-en') || asks.has('switch-de')) && parse.mentions.length === 0 && strong.length <= 2) {
    return { topic: { kind: 'language', locale: asks.has('switch-en') ? 'en' : 'de' }, confidence: 1, locale: undefined };
  }

  const found = chooseMention(parse.mentions, state, lexicon);
  const verified = verifyContact(parse, knowledge);
  if (verified) return result(verified, 1);
  // Amounts of money are nowhere in the knowledge: say so rather than list the sponsors.
  if (asks.has('amount') && !found) return result({ kind: 'fallback' }, 0.2);
  const chatter = SMALLTALK_ORDER.find((kind) => asks.has(kind));
  if (!found && strong.length === 0 && chatter && parse.unknownWeight <= 1.5) return result({ kind: 'smalltalk', what: chatter }, 1);

  // "Welche Gremien gibt es für bürgerschaftliches Engagement?" asks for a list, not for one of two names.
  const asksForList = LIST_ASKS.some((ask) => asks.has(ask)) && has(LIST_WORDS);
  const mention = ambiguous(found) && asksForList ? undefined : found;
  // Several entities fit the words equally well: let the other words or the context decide, else ask.
  if (mention && mention.ids.length > 1) {
    const chosen = mention.ids.find((id) => id === state.lastEntityId) ?? bestByContent(scores, mention.ids);
    if (!chosen) return result({ kind: 'clarify', ids: mention.ids.filter((id) => lexicon.entities.has(id)).slice(0, 4) }, 0.6);
    mention.ids = [chosen];
  }
  const entity = mention ? lexicon.entities.get(mention.ids[0]!) : undefined;
  const specific = entity && entity.kind !== 'programme' ? entity : undefined;
  const mentionsProgramme = entity?.kind === 'programme' || asks.has('programme');
  const byContent = mention ? undefined : contentTopic(scores, parse, lexicon);
  const evidence =
    (mention ? (mention.full ? 2.5 : 1.5) : 0) + Math.min(strongCount, 3) + (content.length > strong.length ? 0.5 : 0) + (byContent ? 1 : 0);
  const confidence = evidence === 0 ? 0 : evidence / (evidence + parse.unknownWeight);

  // Yes/no questions about membership: yes with the role, or no for what is not listed.
  const aboutMembership = MEMBERSHIP_ASKS.some((ask) => asks.has(ask));
  // "Kann ich da mitmachen?" is about the asker joining in, not about who is a member.
  const aboutAsker = asks.has('involve') && has(FIRST_PERSON);
  const blockers = parse.yesNo && !aboutAsker ? NOT_A_YES_NO_MEMBERSHIP_CHECK : NOT_A_MEMBERSHIP_CHECK;
  const membershipCheck = aboutMembership && !blockers.some((ask) => asks.has(ask)) && !has(LIST_WORDS);
  if (membershipCheck && !specific) {
    const stranger = unknownName(parse);
    if (stranger && (parse.yesNo || parse.tokens.length <= 7)) return result({ kind: 'not-listed', name: stranger }, 0.9);
    if (parse.yesNo && !stranger) return result({ ...programmeTopic('joined', parse, scores, knowledge), confirm: true }, 0.8);
  }
  // "Ist Kiel auch eine Engagierte Stadt?": other cities are not in the knowledge.
  const properNoun = parse.tokens.slice(1).some((t) => t.role === 'unknown' && /^\p{Lu}/u.test(t.surface));
  if (parse.yesNo && !specific && mentionsProgramme && strong.length === 0 && properNoun) return result({ kind: 'fallback' }, 0.3);
  if (!specific && parse.followUp && parse.unknown.length > 0 && parse.unknown.length <= 3 && strong.length === 0) {
    const last = state.lastTopic;
    if (last?.kind === 'not-listed' || (last?.kind === 'entity' && last.facet === 'membership')) {
      return result({ kind: 'not-listed', name: unknownName(parse) ?? parse.unknown[0]!.surface }, 0.8);
    }
  }

  // A tie between what we know and what we do not is not good enough to answer.
  if (confidence <= CONFIDENCE_THRESHOLD) return result({ kind: 'fallback' }, confidence);

  // "… bei der Stadt / in der Verwaltung" with a contact question: the city's contact, whoever asks.
  if (specific && CONTACT_ASKS.some((ask) => asks.has(ask)) && has(CITY_WORDS)) {
    return result({ kind: 'contact', facet: asks.has('phone') ? 'phone' : asks.has('email') ? 'email' : 'all' }, confidence);
  }
  if (specific) {
    // "Und die Handwerkskammer?" after "Wann wurde X gegründet?": same question, new subject.
    if (strong.length === 0 && parse.followUp && state.lastTopic?.kind === 'entity') {
      return result({ ...state.lastTopic, id: specific.id, denied: false }, confidence);
    }
    // "Joachim Herz Stiftung auch?" / "und die IHK?" after a yes/no question: the same yes/no question.
    if (strong.length === 0 && parse.followUp && (state.lastTopic?.kind === 'not-listed' || has(ALSO_WORDS))) {
      return result({ kind: 'entity', id: specific.id, facet: 'membership' }, confidence);
    }
    const topic = entityTopic(specific, asks, parse, knowledge, otherMentions(parse, specific.id, lexicon));
    // "Wie beantrage ich die Ehrenamtskarte in Schleswig-Holstein?": the name is there, but the
    // question is about something we do not know.
    const offTopic = (strong.some((ask) => !ENTITY_ASKS.has(ask)) || content.length === 0) && parse.unknownWeight >= 1;
    if (topic.kind === 'entity' && topic.facet === 'describe' && offTopic) return result({ kind: 'fallback' }, 0.4);
    return result(topic, confidence);
  }

  // "und wer gehört dazu?" after talking about the Tandem: about the Tandem, not the whole programme.
  const lastSpecific = state.lastEntityId ? lexicon.entities.get(state.lastEntityId) : undefined;
  if (!entity && parse.followUp && lastSpecific && lastSpecific.kind !== 'programme' && FOLLOW_UP_ASKS.some((ask) => asks.has(ask))) {
    return result(entityTopic(lastSpecific, asks, parse, knowledge), confidence * 0.9);
  }

  const general = generalTopic(asks, mentionsProgramme, has(QUESTION_WORDS) || parse.yesNo || parse.tokens.length <= 3);
  if (general?.kind === 'involve') {
    // "Mein Unternehmen möchte sich engagieren": point to whoever the other words fit.
    const fitting = bestSubject(scores, lexicon);
    return result(fitting ? { kind: 'involve', via: fitting } : general, confidence);
  }
  if (general) return result(general, confidence);

  // Questions only the programme answers (how many cities, who applied) need no subject.
  const facet = programmeFacet(asks);
  const aboutLuebeck = parse.tokens.some((t) => t.key === 'lubeck');
  const defaultsToProgramme = facet === 'joined' || facet === 'goal';
  if (facet && (PROGRAMME_ONLY.has(facet) || (defaultsToProgramme && (aboutLuebeck || !state.lastEntityId)))) {
    return result(programmeTopic(facet, parse, scores, knowledge), confidence);
  }

  if (!entity && state.lastEntityId && lexicon.entities.has(state.lastEntityId) && FOLLOW_UP_ASKS.some((ask) => asks.has(ask))) {
    const last = lexicon.entities.get(state.lastEntityId)!;
    if (last.kind !== 'programme') return result(entityTopic(last, asks, parse, knowledge), confidence * 0.9);
    const facet = programmeFacet(asks);
    if (facet) return result(programmeTopic(facet, parse, scores, knowledge), confidence * 0.9);
  }

  if (mentionsProgramme) return result(programmeTopic(facet ?? 'describe', parse, scores, knowledge), confidence);
  if (byContent) return result(byContent, Math.min(confidence, 0.8));
  // A bare programme ask ("wann …?") with words we do not know is about something else.
  if (facet && facet !== 'describe' && facet !== 'website' && parse.unknownWeight === 0) {
    return result(programmeTopic(facet, parse, scores, knowledge), confidence * 0.9);
  }
  return result({ kind: 'fallback' }, 0);
}

function commandTopic(command: { name: string; argument: string }, state: ConversationState): Topic | undefined {
  const { name, argument } = command;
  if (name === 'sprache' || name === 'language') {
    const wanted = toKey(argument).startsWith('en') ? 'en' : toKey(argument).startsWith('de') ? 'de' : undefined;
    return { kind: 'language', locale: wanted ?? ((state.locale ?? 'de') === 'de' ? 'en' : 'de') };
  }
  if (name === 'start' && argument === '') return { kind: 'smalltalk', what: 'start' };
  const direct = COMMAND_TOPICS[name];
  if (direct && argument === '') return direct;
  if (name !== 'start' && !direct) return { kind: 'smalltalk', what: 'help' };
  // "/start kontakt" (deep link): a known payload, else read the argument like a question.
  return COMMAND_TOPICS[toKey(argument)];
}

function pickByNumber(parse: Parse, state: ConversationState): Topic | undefined {
  const match = /^\s*(\d)\s*[.)]?\s*$/.exec(parse.text);
  if (!match) return undefined;
  // A number with nothing to pick from: show the numbered menu rather than "I don't know".
  return state.lastChoices[Number(match[1]) - 1] ?? { kind: 'smalltalk', what: 'help' };
}

/** The entity the message is about: a named organisation, event or person before the programme. */
function chooseMention(mentions: EntityMention[], state: ConversationState, lexicon: Lexicon): EntityMention | undefined {
  const specific = mentions.filter((m) => m.ids.some((id) => lexicon.entities.get(id)?.kind !== 'programme'));
  const candidates = specific.length > 0 ? specific : mentions;
  const pick =
    candidates.find((m) => m.ids.length === 1 && m.full) ??
    candidates.find((m) => m.ids.length === 1) ??
    candidates.find((m) => m.ids.includes(state.lastEntityId ?? '')) ??
    candidates[0];
  return pick ? { ...pick, ids: [...pick.ids] } : undefined;
}

/** Further unambiguous organisations named in the same question ("Sind A und B dabei?"). */
function otherMentions(parse: Parse, first: string, lexicon: Lexicon): string[] {
  return parse.mentions
    .filter((m) => m.ids.length === 1 && m.ids[0] !== first && lexicon.entities.get(m.ids[0]!)?.kind === 'organisation')
    .map((m) => m.ids[0]!)
    .slice(0, 3);
}

function entityTopic(entity: EntityRef, asks: Set<Ask>, parse: Parse, knowledge: Knowledge, others: string[] = []): Topic {
  if (entity.kind === 'programme') return { kind: 'programme', facet: programmeFacet(asks) ?? 'describe' };
  const whereAsked = parse.tokens.slice(0, 3).some((t) => t.key === 'wo' || t.key === 'where') || parse.followUp;
  let facet = entityFacet(entity, asks, parse.yesNo, whereAsked);
  // "Wann ist die nächste …?" asks for a date, which the knowledge never has.
  if ((facet === 'when' || facet === 'rhythm') && parse.tokens.some((t) => NEXT_WORDS.has(t.key))) facet = 'date';
  // "Welche Stellen der Stadtverwaltung sind Partner?": the parts of an organisation that take part.
  if (entity.kind === 'organisation' && parse.tokens.some((t) => LIST_WORDS.has(t.key)) && (asks.has('partners') || asks.has('membership')))
    facet = 'members';
  // "Körber-Stiftung Träger?": asking whether a sponsor funds the programme is asking about its role.
  const roles = knowledge.organisations.find((o) => o.id === entity.id)?.roles ?? [];
  if (facet === 'funders' && roles.some((r) => r === 'programme-sponsor' || r === 'programme-partner')) facet = 'membership';
  // "Wer steckt hinter dem Tandem?": who forms it.
  if (facet === 'funders' && knowledge.organisations.find((o) => o.id === entity.id)?.members) facet = 'members';
  // "Ist die Steuerungsgruppe ein Gremium?": a yes/no question the description answers.
  if (facet === 'describe' && parse.yesNo && claimsFit(parse, entity.id, knowledge)) return { kind: 'entity', id: entity.id, facet, confirmed: true };
  if (facet !== 'membership') return { kind: 'entity', id: entity.id, facet };
  if (entity.kind === 'person') {
    const denied = !claimHolds(parse, entity.id, knowledge);
    // "Ist X der Ansprechpartner?" answered no: say who is.
    const pointToContact = denied && asks.has('contact') && entity.id !== knowledge.contact.person;
    return { kind: 'entity', id: entity.id, facet, denied, ...(pointToContact ? { pointToContact } : {}) };
  }
  const askedRole = askedRoleOf(asks, parse);
  return { kind: 'entity', id: entity.id, facet, ...(askedRole ? { askedRole } : {}), ...(others.length > 0 ? { also: others } : {}) };
}

function entityFacet(entity: EntityRef, asks: Set<Ask>, yesNo: boolean, whereAsked: boolean): EntityFacet {
  if (asks.has('phone')) return 'phone';
  if (asks.has('email')) return 'email';
  if (asks.has('website')) return 'website';
  if (asks.has('founded') || (asks.has('joined') && !asks.has('membership'))) return 'founded';
  if (asks.has('rhythm')) return 'rhythm';
  if (asks.has('events') && entity.kind === 'organisation') return 'events';
  if (asks.has('organiser')) return 'organiser';
  if (asks.has('audience')) return 'audience';
  if (asks.has('members')) return 'members';
  if (asks.has('lead')) return 'lead';
  if (yesNo && entity.kind === 'person') return 'membership';
  if (asks.has('contact')) return 'contact';
  if (asks.has('address')) return 'address';
  // "wo" as a question ("Wo ist die AG angesiedelt?"), not as a relative ("eine Messe, wo ich …").
  if (asks.has('where') && whereAsked) return 'where';
  if (asks.has('when')) return 'when';
  if (yesNo && (entity.kind === 'person' || MEMBERSHIP_ASKS.some((ask) => asks.has(ask)))) return 'membership';
  if (asks.has('role')) return 'describe';
  if (asks.has('events')) return 'events';
  if (asks.has('funders')) return 'funders';
  if (asks.has('membership') && !asks.has('what')) return 'membership';
  if (asks.has('involve')) return 'involve';
  return 'describe';
}

/** Which role a yes/no question asks about, if it names one ("… im Konsortium?", "… lokaler Partner?"). */
function askedRoleOf(asks: Set<Ask>, parse: Parse): Role | undefined {
  if (parse.tokens.some((t) => t.key.startsWith('lokal') || t.key === 'local')) return 'local-partner';
  if (asks.has('funders')) return 'programme-sponsor';
  if (asks.has('actors')) return 'actor';
  return undefined;
}

function programmeFacet(asks: Set<Ask>): ProgrammeFacet | undefined {
  if (asks.has('count')) return 'count';
  if (asks.has('applied') && !asks.has('support')) return 'applied';
  if (asks.has('joined') || asks.has('founded') || (asks.has('when') && !asks.has('rhythm'))) return 'joined';
  if (asks.has('topics')) return 'topics';
  if (asks.has('website')) return 'website';
  if (asks.has('people')) return 'people';
  if (asks.has('luebeck')) return 'luebeck';
  if (asks.has('goal')) return 'goal';
  if (asks.has('what') || asks.has('programme')) return 'describe';
  return undefined;
}

/** Questions about the programme's lists, the contact or getting involved, without a named entity. */
function generalTopic(asks: Set<Ask>, mentionsProgramme: boolean, asksWho: boolean): Topic | undefined {
  const list = (name: ListName): Topic => ({ kind: 'list', list: name });
  if (asks.has('further')) return list('further-partners');
  // "Bekommen Ehrenamtliche Geld?" is not a question about who funds the programme.
  if (asks.has('luebeck') && (asks.has('partners') || asks.has('actors'))) return { kind: 'programme', facet: 'luebeck' };
  if (asks.has('funders') && (asksWho || mentionsProgramme)) return list('sponsors');
  if (asks.has('support') && (asks.has('applied') || asks.has('partners') || mentionsProgramme || asksWho)) return list('local-partners');
  if (asks.has('phone')) return { kind: 'contact', facet: 'phone' };
  if (asks.has('email')) return { kind: 'contact', facet: 'email' };
  if (asks.has('contact')) return { kind: 'contact', facet: 'all' };
  if (asks.has('address') && !asks.has('website') && !mentionsProgramme) return { kind: 'contact', facet: 'where' };
  if (asks.has('involve') && !asks.has('membership')) return { kind: 'involve' };
  if (asks.has('website') && mentionsProgramme) return { kind: 'programme', facet: 'website' };
  if (asks.has('partners')) return list('local-partners');
  if (asks.has('actors')) return list('actors');
  if (asks.has('events')) return list('events');
  if (asks.has('involve')) return { kind: 'involve' };
  if (asks.has('people') && !mentionsProgramme) return { kind: 'programme', facet: 'people' };
  return undefined;
}

/** The words of a membership question that name something we do not know ("die IHK"). */
function unknownName(parse: Parse): string | undefined {
  const words = parse.tokens.filter(
    (t) => t.role === 'unknown' || (t.head && t.role !== 'entity') || (t.role === 'stop' && t.key.length <= 3 && /^\p{Lu}{2,3}$/u.test(t.surface)),
  );
  if (words.length === 0 || words.length > 4) return undefined;
  return words.map((t) => t.surface).join(' ');
}

/**
 * A question about the programme as a whole. Its own words can pick the text ("Spielt
 * Demokratie eine Rolle?" → the description, not the topic list), and a yes/no question
 * gets yes or no: a year that is not the year Lübeck joined is corrected.
 */
function programmeTopic(
  facet: ProgrammeFacet,
  parse: Parse,
  scores: Map<string, number>,
  knowledge: Knowledge,
): Extract<Topic, { kind: 'programme' }> {
  const year = parse.tokens.find((t) => /^(19|20)\d\d$/.test(t.key))?.key;
  if (year && (facet === 'joined' || facet === 'describe')) {
    const right = Number(year) === knowledge.programme.joined.year;
    return { kind: 'programme', facet: 'joined', ...(right ? { confirm: parse.yesNo } : { denied: true }) };
  }
  let chosen = facet;
  if (facet === 'describe' || facet === 'topics' || facet === 'goal') {
    const programme = knowledge.programme.id;
    const best = (['describe', 'topics', 'luebeck'] as const)
      .map((f) => ({ f, score: scores.get(`${programme}|${f}`) ?? 0 }))
      .sort((a, b) => b.score - a.score)[0]!;
    if (best.score >= 0.5) chosen = best.f;
  }
  // Yes only when every word of the claim is known: "ein reines Lübecker Projekt?" is not a yes.
  const confirm = parse.yesNo && parse.unknownWeight === 0;
  return { kind: 'programme', facet: chosen, ...(confirm ? { confirm } : {}) };
}
