import type { Role } from '../knowledge/schema.js';
import type { Locale } from '../message.js';

/** What a single entity answer is about. */
export type EntityFacet =
  | 'describe'
  | 'membership'
  | 'role'
  | 'rhythm'
  | 'when'
  | 'founded'
  | 'website'
  | 'contact'
  | 'phone'
  | 'email'
  | 'where'
  | 'address'
  | 'date'
  | 'lead'
  | 'organiser'
  | 'audience'
  | 'members'
  | 'events'
  | 'funders'
  | 'involve';

export type ProgrammeFacet = 'describe' | 'count' | 'joined' | 'applied' | 'topics' | 'goal' | 'website' | 'luebeck' | 'people';

export type ListName = 'local-partners' | 'actors' | 'sponsors' | 'further-partners' | 'events';

export type ContactFacet = 'all' | 'phone' | 'email' | 'person' | 'where';

export type SmalltalkKind = 'greeting' | 'thanks' | 'goodbye' | 'ack' | 'help' | 'start';

/**
 * The dialogue's decision, before any wording: what to answer. Kept in the conversation
 * so that follow-ups ("und die Webseite?") and a language switch can reuse it.
 */
export type Topic =
  | {
      kind: 'entity';
      id: string;
      facet: EntityFacet;
      /** For yes/no questions about a particular role ("… im Konsortium?"). */
      askedRole?: Role;
      /** For yes/no questions about a person whose claim the knowledge does not support. */
      denied?: boolean;
      /** The denied claim was about being the contact: name the real one. */
      pointToContact?: boolean;
      /** A yes/no question whose words the description bears out: open with yes. */
      confirmed?: boolean;
      /** Further organisations asked about in the same yes/no question. */
      also?: string[];
    }
  | {
      kind: 'programme';
      facet: ProgrammeFacet;
      /** Answers a yes/no question ("Ist Lübeck dabei?"): open with yes. */
      confirm?: boolean;
      /** The question got a fact wrong ("seit 2020?"): open with no. */
      denied?: boolean;
    }
  | { kind: 'list'; list: ListName }
  | {
      kind: 'contact';
      facet: ContactFacet;
      /** The user quoted a phone number or e-mail address back: is it the right one? */
      verdict?: 'yes' | 'no';
    }
  | {
      kind: 'involve';
      /** An organisation that fits what the user said about themselves ("mein Unternehmen"). */
      via?: string;
    }
  | { kind: 'not-listed'; name: string }
  | { kind: 'smalltalk'; what: SmalltalkKind }
  | { kind: 'language'; locale: Locale }
  | { kind: 'clarify'; ids: string[] }
  | { kind: 'unreadable'; reason: 'empty' | 'no-text' }
  | { kind: 'fallback' };

/** The intent name reported to channels, logs and the batch interface. */
export function intentName(topic: Topic): string | null {
  switch (topic.kind) {
    case 'entity':
      return `entity.${topic.facet}`;
    case 'programme':
      return `programme.${topic.facet}`;
    case 'list':
      return `list.${topic.list}`;
    case 'contact':
      return `contact.${topic.facet}`;
    case 'involve':
      return 'involve';
    case 'not-listed':
      return 'membership.not-listed';
    case 'smalltalk':
      return `smalltalk.${topic.what}`;
    case 'language':
      return 'language';
    case 'clarify':
      return 'clarify';
    case 'unreadable':
      return `input.${topic.reason}`;
    case 'fallback':
      return null;
  }
}

/** Choice ids: short, stable, and ≤ 64 bytes so they fit Telegram's callback_data. */
export function choiceIdFor(topic: Topic): string | undefined {
  switch (topic.kind) {
    case 'entity':
      return `e:${topic.id}:${topic.facet}`;
    case 'programme':
      return `p:${topic.facet}`;
    case 'list':
      return `l:${topic.list}`;
    case 'contact':
      return `c:${topic.facet}`;
    case 'involve':
      return 'i';
    case 'smalltalk':
      return `s:${topic.what}`;
    case 'language':
      return `lang:${topic.locale}`;
    default:
      return undefined;
  }
}

const ENTITY_FACETS = new Set<string>([
  'describe',
  'membership',
  'role',
  'rhythm',
  'when',
  'founded',
  'website',
  'contact',
  'phone',
  'email',
  'where',
  'address',
  'date',
  'lead',
  'organiser',
  'audience',
  'members',
  'events',
  'funders',
  'involve',
]);
const PROGRAMME_FACETS = new Set<string>(['describe', 'count', 'joined', 'applied', 'topics', 'goal', 'website', 'luebeck', 'people']);
const LISTS = new Set<string>(['local-partners', 'actors', 'sponsors', 'further-partners', 'events']);
const CONTACT_FACETS = new Set<string>(['all', 'phone', 'email', 'person', 'where']);
const SMALLTALK = new Set<string>(['greeting', 'thanks', 'goodbye', 'ack', 'help', 'start']);

/** The topic behind a choice id, or undefined for ids the core never issued. */
export function topicFromChoiceId(id: string): Topic | undefined {
  const [kind, first, second] = id.split(':');
  if (kind === 'e' && first && second && ENTITY_FACETS.has(second)) return { kind: 'entity', id: first, facet: second as EntityFacet };
  if (kind === 'p' && first && PROGRAMME_FACETS.has(first)) return { kind: 'programme', facet: first as ProgrammeFacet };
  if (kind === 'l' && first && LISTS.has(first)) return { kind: 'list', list: first as ListName };
  if (kind === 'c' && first && CONTACT_FACETS.has(first)) return { kind: 'contact', facet: first as ContactFacet };
  if (kind === 'i') return { kind: 'involve' };
  if (kind === 's' && first && SMALLTALK.has(first)) return { kind: 'smalltalk', what: first as SmalltalkKind };
  if (kind === 'lang' && (first === 'de' || first === 'en')) return { kind: 'language', locale: first };
  return undefined;
}
