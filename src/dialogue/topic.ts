import type { Role } from '../knowledge/schema.js';
import type { Locale } from '../message.js';

// Each kind of answer once, as a list: the types come from the lists, and choice ids are
// checked against the same lists when a button comes back.
const ENTITY_FACETS = [
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
] as const;
const PROGRAMME_FACETS = ['describe', 'count', 'joined', 'applied', 'topics', 'goal', 'website', 'luebeck', 'people'] as const;
const LISTS = ['local-partners', 'actors', 'sponsors', 'further-partners', 'events'] as const;
const CONTACT_FACETS = ['all', 'phone', 'email', 'person', 'where'] as const;
const SMALLTALK = ['greeting', 'thanks', 'goodbye', 'ack', 'help', 'start'] as const;

/** What a single entity answer is about. */
export type EntityFacet = (typeof ENTITY_FACETS)[number];
export type ProgrammeFacet = (typeof PROGRAMME_FACETS)[number];
export type ListName = (typeof LISTS)[number];
export type ContactFacet = (typeof CONTACT_FACETS)[number];
export type SmalltalkKind = (typeof SMALLTALK)[number];

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T => list.includes(value as T);

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

/** The topic behind a choice id, or undefined for ids the core never issued. */
export function topicFromChoiceId(id: string): Topic | undefined {
  const [kind, first, second] = id.split(':');
  if (kind === 'e' && first && oneOf(ENTITY_FACETS, second)) return { kind: 'entity', id: first, facet: second };
  if (kind === 'p' && oneOf(PROGRAMME_FACETS, first)) return { kind: 'programme', facet: first };
  if (kind === 'l' && oneOf(LISTS, first)) return { kind: 'list', list: first };
  if (kind === 'c' && oneOf(CONTACT_FACETS, first)) return { kind: 'contact', facet: first };
  if (kind === 'i') return { kind: 'involve' };
  if (kind === 's' && oneOf(SMALLTALK, first)) return { kind: 'smalltalk', what: first };
  if (kind === 'lang' && (first === 'de' || first === 'en')) return { kind: 'language', locale: first };
  return undefined;
}
