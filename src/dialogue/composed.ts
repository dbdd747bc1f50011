import type { Locale } from '../message.js';
import type { Contact, Link } from '../reply.js';
import type { Topic } from './topic.js';

/** A worded answer, before it becomes a {@link Reply}: choices still as topics. */
export interface Composed {
  text: string;
  /** True when the answer admits not knowing. */
  fallback: boolean;
  choices: { topic: Topic; label: string }[];
  links: Link[];
  contact?: Contact;
}

export const answer = (text: string, extra: Partial<Composed> = {}): Composed => ({
  text,
  fallback: false,
  choices: [],
  links: [],
  ...extra,
});

/** Picks the German or English wording. */
export const say = (locale: Locale, de: string, en: string): string => (locale === 'de' ? de : en);

/** The main menu, offered on welcome, help and whenever the bot cannot answer. */
export function menu(locale: Locale): Composed['choices'] {
  return [
    { topic: { kind: 'programme', facet: 'describe' }, label: say(locale, 'Programm', 'Programme') },
    { topic: { kind: 'list', list: 'actors' }, label: say(locale, 'Akteure', 'Actors') },
    { topic: { kind: 'list', list: 'local-partners' }, label: say(locale, 'Partner', 'Partners') },
    { topic: { kind: 'contact', facet: 'all' }, label: say(locale, 'Kontakt', 'Contact') },
  ];
}
