import type { Knowledge, KnowledgeEvent, LocalizedText, Organisation, Person, Role } from '../knowledge/schema.js';
import type { Locale } from '../message.js';
import type { Contact } from '../reply.js';

/**
 * Read-side helpers over the knowledge: look-ups by id and the small phrases that every
 * answer shares (a person's full name, an organisation's roles, the contact).
 */
export class KnowledgeView {
  readonly organisations = new Map<string, Organisation>();
  readonly events = new Map<string, KnowledgeEvent>();
  readonly people = new Map<string, Person>();

  constructor(readonly knowledge: Knowledge) {
    for (const org of knowledge.organisations) this.organisations.set(org.id, org);
    for (const event of knowledge.events) this.events.set(event.id, event);
    for (const person of knowledge.people) this.people.set(person.id, person);
  }

  nameOf(id: string): string {
    if (id === this.knowledge.programme.id) return this.knowledge.programme.name;
    return this.organisations.get(id)?.name ?? this.events.get(id)?.name ?? (this.people.has(id) ? this.fullName(this.people.get(id)!) : id);
  }

  fullName(person: Person): string {
    return person.title ? `${person.title} ${person.name}` : person.name;
  }

  withRole(role: Role): Organisation[] {
    return this.knowledge.organisations.filter((org) => org.roles.includes(role));
  }

  contactPerson(): Person {
    return this.people.get(this.knowledge.contact.person)!;
  }

  contact(): Contact {
    const c = this.knowledge.contact;
    return {
      name: this.fullName(this.contactPerson()),
      office: this.nameOf(c.office),
      department: this.nameOf(c.department),
      phone: c.phone,
      email: c.email,
    };
  }

  /** Ids whose questions the contact answers directly (office, department, contact person). */
  isContactEntity(id: string): boolean {
    const c = this.knowledge.contact;
    if (id === c.person) return true;
    // The office and everything it belongs to (department, city) are reached through the contact.
    for (let at: string | undefined = c.office; at; at = this.organisations.get(at)?.partOf) if (at === id) return true;
    return false;
  }

  /** Organisations that belong to `id` (e.g. the offices of the city). */
  partsOf(id: string): Organisation[] {
    return this.knowledge.organisations.filter((org) => org.partOf === id);
  }

  /** Organisations `id` is a member of (e.g. the Tandem the city forms with ePunkt). */
  memberOf(id: string): Organisation[] {
    return this.knowledge.organisations.filter((org) => org.members?.includes(id));
  }

  /** Events an organisation runs. */
  eventsBy(id: string): KnowledgeEvent[] {
    return this.knowledge.events.filter((event) => event.organiser === id);
  }

  /** The photo on the page: who is on it and who took it. */
  photo() {
    return this.knowledge.programme.photo;
  }
}

export const pick = (text: LocalizedText, locale: Locale): string => text[locale];

/** "A, B und C" / "A, B and C". */
export function joinList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${locale === 'de' ? 'und' : 'and'} ${last}`;
}

export function bullets(items: string[]): string {
  return items.map((item) => `• ${item}`).join('\n');
}

/** First letter upper case, for a description that completes "X ist …" used on its own. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
