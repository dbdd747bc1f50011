import type { FluentVariable } from '@fluent/bundle';
import { NameListValue, NameValue, TextListValue } from '../i18n/catalogue.js';
import type { Knowledge, Subject } from '../knowledge/knowledge.js';
import type { FieldType } from '../knowledge/schema.js';
import type { Locale } from '../message.js';

/**
 * Facts as message parameters: a text in the reply's language, a name with its grammar
 * (so the message can say "vom Tandem Ehrenamt"), a list of names, a year as written
 * (Fluent would print 2024 as "2.024").
 */
export type Say = (id: string, args?: Record<string, FluentVariable>) => string;

const isLocalized = (value: unknown): value is Record<Locale, string> =>
  typeof value === 'object' && value !== null && typeof (value as { de?: unknown }).de === 'string';

/** Every simple fact of the subject under its own name, plus `$subject` and `$kind`. */
export function subjectArgs(subject: Subject, knowledge: Knowledge, locale: Locale, say?: Say): Record<string, FluentVariable> {
  const args: Record<string, FluentVariable> = {
    subject: new NameValue(subject.name),
    kind: subject.kind,
    gender: subject.name.gender ?? 'none',
    'has-roles': subject.roles.length > 0 ? 'yes' : 'no',
    ...(say && subject.roles.length > 0 ? { roles: new TextListValue(subject.roles.map((role) => say(`role-${role}`))) } : {}),
  };
  for (const [key, value] of Object.entries(subject.facts)) {
    if (typeof value === 'string' || typeof value === 'number') args[key] = String(value);
    else if (isLocalized(value)) args[key] = value[locale];
  }
  if (subject.kind === 'contact') {
    for (const key of ['person', 'office', 'department'] as const) {
      const related = knowledge.subjects.get(subject.facts[key] as string);
      if (related) args[key] = new NameValue(related.name);
    }
  }
  return args;
}

/** The value of one field as `$value` (and, for some types, a few more parameters). */
export function valueArgs(type: FieldType, value: unknown, knowledge: Knowledge, locale: Locale, say: Say): Record<string, FluentVariable> {
  const name = (id: string) => {
    const subject = knowledge.subjects.get(id);
    return subject ? subject.name : { text: { de: id, en: id }, theInEnglish: false };
  };
  switch (type) {
    case 'text':
    case 'rhythm':
    case 'count':
      return { value: (value as Record<Locale, string>)[locale] };
    case 'texts':
      return { value: new TextListValue((value as Record<Locale, string>[]).map((text) => text[locale])) };
    case 'year':
    case 'url':
    case 'phone':
    case 'email':
    case 'title':
      return { value: String(value) };
    case 'ref': {
      const id = typeof value === 'string' ? value : (value as { id: string }).id;
      const as = typeof value === 'string' ? undefined : (value as { as: Record<Locale, string> }).as[locale];
      const members = (knowledge.subjects.get(id)?.facts.members as string[] | undefined) ?? [];
      return {
        value: new NameValue(name(id)),
        as: as ?? 'none',
        'value-has-members': members.length > 0 ? 'yes' : 'no',
        'value-members': new NameListValue(members.map(name)),
      };
    }
    case 'refs':
      return { value: new NameListValue((value as string[]).map(name)) };
    case 'strategy':
      return { value: new NameListValue((value as { parts: string[] }).parts.map(name)) };
    case 'roles':
      return { value: new TextListValue((value as string[]).map((role) => say(`role-${role}`))) };
    case 'photo': {
      const photo = value as { people: string[]; credit: string };
      const people = photo.people.map((id) => {
        const person = knowledge.subjects.get(id);
        const role = person?.facts.role as Record<Locale, string> | undefined;
        return person ? say('photo-person', { name: person.name.text[locale], role: role?.[locale] ?? '' }) : id;
      });
      return { value: new TextListValue(people), credit: photo.credit };
    }
  }
}
