import type { Knowledge } from '../knowledge/schema.js';
import type { Locale } from '../message.js';
import type { Ask } from '../understanding/cues.js';
import type { EntityRef, Lexicon } from '../understanding/lexicon.js';
import { toKey } from '../understanding/normalise.js';
import type { EntityMention, Parse } from '../understanding/parse.js';
import type { ConversationState } from './conversation.js';
import type { EntityFacet, ProgrammeFacet, Topic } from './topic.js';

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

/** Asks that need an entity; without one in the message they refer to the last one talked about. */
const FOLLOW_UP_ASKS: Ask[] = ['rhythm', 'when', 'founded', 'website', 'phone', 'email', 'contact', 'where', 'lead', 'organiser', 'audience', 'members', 'what', 'more', 'who', 'membership', 'events', 'funders'];

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
  const sure = (topic: Topic, confidence = 1): Decision => ({ topic, confidence, locale });

  if (parse.command) {
    const { name, argument } = parse.command;
    if (name === 'sprache' || name === 'language') {
      const wanted = toKey(argument).startsWith('en') ? 'en' : toKey(argument).startsWith('de') ? 'de' : undefined;
      const current = state.locale ?? 'de';
      return { topic: { kind: 'language', locale: wanted ?? (current === 'de' ? 'en' : 'de') }, confidence: 1, locale: undefined };
    }
    if (name === 'start' && argument === '') return { topic: { kind: 'smalltalk', what: 'start' }, confidence: 1, locale: undefined };
    const direct = COMMAND_TOPICS[name];
    if (direct && argument === '') return { topic: direct, confidence: 1, locale: undefined };
    if (name !== 'start' && !direct) return { topic: { kind: 'smalltalk', what: 'help' }, confidence: 1, locale: undefined };
    // "/start kontakt" (deep link) or "/kontakt telefon": read the argument like a question.
    const deepLink = COMMAND_TOPICS[toKey(argument)];
    if (deepLink) return { topic: deepLink, confidence: 1, locale: undefined };
  }

  const picked = pickByNumber(parse, state);
  if (picked) return sure(picked);

  if (parse.tokens.length === 0) return { topic: { kind: 'unreadable', reason: parse.text === '' ? 'empty' : 'no-text' }, confidence: 1, locale: undefined };

  const asks = parse.asks;
  const content = [...asks].filter((ask) => !CHATTER.has(ask));
  const mention = chooseMention(parse.mentions, state, lexicon);
  const unknownWeight = parse.unknown.reduce((sum, t) => sum + (t.key.length >= 6 ? 1.5 : 1), 0);

  if (asks.has('switch-en') || asks.has('switch-de')) {
    if (parse.mentions.length === 0 && content.length <= 2) {
      return { topic: { kind: 'language', locale: asks.has('switch-en') ? 'en' : 'de' }, confidence: 1, locale: undefined };
    }
  }

  if (parse.mentions.length === 0 && content.length === 0) {
    const chatter = SMALLTALK_ORDER.find((kind) => asks.has(kind));
    if (chatter && unknownWeight <= 1.5) return sure({ kind: 'smalltalk', what: chatter });
    if (asks.has('more') && state.lastTopic) return sure(state.lastTopic, 0.8);
    return sure({ kind: 'fallback' }, 0);
  }

  // Several entities fit the words equally well: ask instead of guessing.
  if (mention && mention.ids.length > 1) {
    const known = mention.ids.filter((id) => lexicon.entities.has(id));
    const fromContext = known.find((id) => id === state.lastEntityId);
    if (fromContext) return sure(entityTopic(lexicon.entities.get(fromContext)!, asks, parse.yesNo), 0.7);
    return sure({ kind: 'clarify', ids: known.slice(0, 4) }, 0.6);
  }

  const entity = mention ? lexicon.entities.get(mention.ids[0]!) : undefined;
  const evidence = (mention ? (mention.full ? 2 : 1.2) : 0) + Math.min(content.length, 3);
  const confidence = evidence / (evidence + unknownWeight);

  if (parse.yesNo && (asks.has('membership') || asks.has('partners') || asks.has('funders') || asks.has('actors'))) {
    if (entity && entity.kind !== 'programme') return { topic: { kind: 'entity', id: entity.id, facet: 'membership' }, confidence, locale };
    const stranger = unknownName(parse);
    if (stranger) return { topic: { kind: 'not-listed', name: stranger }, confidence: 0.9, locale };
    if (!entity || entity.kind === 'programme') return sure({ kind: 'programme', facet: 'joined' }, 0.8);
  }

  if (confidence < CONFIDENCE_THRESHOLD) return { topic: { kind: 'fallback' }, confidence, locale };

  if (entity && entity.kind !== 'programme') {
    // "Und die Handwerkskammer?" after "Wann wurde X gegründet?": same question, new subject.
    if (content.length === 0 && parse.followUp && state.lastTopic?.kind === 'entity') {
      return { topic: { kind: 'entity', id: entity.id, facet: state.lastTopic.facet }, confidence, locale };
    }
    return { topic: entityTopic(entity, asks, parse.yesNo), confidence, locale };
  }

  const general = generalTopic(asks, entity !== undefined);
  if (general) return { topic: general, confidence, locale };

  if (!entity && state.lastEntityId && lexicon.entities.has(state.lastEntityId) && FOLLOW_UP_ASKS.some((ask) => asks.has(ask))) {
    const last = lexicon.entities.get(state.lastEntityId)!;
    if (last.kind === 'programme') {
      const facet = programmeFacet(asks);
      if (facet) return { topic: { kind: 'programme', facet }, confidence: confidence * 0.9, locale };
    } else {
      return { topic: entityTopic(last, asks, parse.yesNo), confidence: confidence * 0.9, locale };
    }
  }

  if (entity) return { topic: { kind: 'programme', facet: programmeFacet(asks) ?? 'describe' }, confidence, locale };
  const facet = programmeFacet(asks);
  if (facet && facet !== 'describe' && facet !== 'website') return { topic: { kind: 'programme', facet }, confidence: confidence * 0.9, locale };
  void knowledge;
  return { topic: { kind: 'fallback' }, confidence: 0, locale };
}

function pickByNumber(parse: Parse, state: ConversationState): Topic | undefined {
  const match = /^\s*(\d)\s*[.)]?\s*$/.exec(parse.text);
  if (!match || state.lastChoices.length === 0) return undefined;
  return state.lastChoices[Number(match[1]) - 1];
}

/** The entity the message is about: a named organisation, event or person before the programme. */
function chooseMention(mentions: EntityMention[], state: ConversationState, lexicon: Lexicon): EntityMention | undefined {
  const specific = mentions.filter((m) => m.ids.some((id) => lexicon.entities.get(id)?.kind !== 'programme'));
  const candidates = specific.length > 0 ? specific : mentions;
  // Prefer an unambiguous mention; among equals, a full name over one word of a name.
  return (
    candidates.find((m) => m.ids.length === 1 && m.full) ??
    candidates.find((m) => m.ids.length === 1) ??
    candidates.find((m) => m.ids.includes(state.lastEntityId ?? '')) ??
    candidates[0]
  );
}

function entityTopic(entity: EntityRef, asks: Set<Ask>, yesNo: boolean): Topic {
  if (entity.kind === 'programme') return { kind: 'programme', facet: programmeFacet(asks) ?? 'describe' };
  return { kind: 'entity', id: entity.id, facet: entityFacet(entity, asks, yesNo) };
}

function entityFacet(entity: EntityRef, asks: Set<Ask>, yesNo: boolean): EntityFacet {
  if (asks.has('phone')) return 'phone';
  if (asks.has('email')) return 'email';
  if (asks.has('website')) return 'website';
  if (asks.has('founded') || (asks.has('joined') && !asks.has('membership'))) return 'founded';
  if (asks.has('rhythm')) return 'rhythm';
  if (asks.has('organiser')) return 'organiser';
  if (asks.has('audience')) return 'audience';
  if (asks.has('members')) return 'members';
  if (asks.has('lead')) return 'lead';
  if (asks.has('where')) return 'where';
  if (asks.has('when')) return 'when';
  if (asks.has('contact') && entity.kind !== 'person') return 'contact';
  if (asks.has('contact')) return 'contact';
  if (asks.has('events')) return 'events';
  if (asks.has('funders') && !yesNo) return 'funders';
  if (yesNo && (asks.has('membership') || asks.has('partners') || asks.has('funders'))) return 'membership';
  if (asks.has('membership') && !asks.has('what')) return 'membership';
  return 'describe';
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

/** Questions about the programme as a whole or its lists, without a named entity. */
function generalTopic(asks: Set<Ask>, mentionsProgramme: boolean): Topic | undefined {
  if (asks.has('further')) return { kind: 'list', list: 'further-partners' };
  if (asks.has('funders')) return { kind: 'list', list: 'sponsors' };
  if (asks.has('applied') && asks.has('support')) return { kind: 'list', list: 'local-partners' };
  if (asks.has('support') && asks.has('partners')) return { kind: 'list', list: 'local-partners' };
  if (asks.has('phone')) return { kind: 'contact', facet: 'phone' };
  if (asks.has('email')) return { kind: 'contact', facet: 'email' };
  if (asks.has('contact')) return { kind: 'contact', facet: 'all' };
  if (asks.has('where') && !mentionsProgramme) return { kind: 'contact', facet: 'where' };
  if (asks.has('involve') && !asks.has('membership')) return { kind: 'involve' };
  if (asks.has('partners')) return { kind: 'list', list: 'local-partners' };
  if (asks.has('actors')) return { kind: 'list', list: 'actors' };
  if (asks.has('events')) return { kind: 'list', list: 'events' };
  if (asks.has('involve')) return { kind: 'involve' };
  if (asks.has('people') && !mentionsProgramme) return { kind: 'programme', facet: 'people' };
  return undefined;
}

/** The words of a yes/no question that name something we do not know ("die IHK"). */
function unknownName(parse: Parse): string | undefined {
  const words = parse.unknown.map((t) => t.surface);
  if (words.length === 0 || words.length > 4) return undefined;
  return words.join(' ');
}
