import type { Knowledge } from '../knowledge/schema.js';
import { inflectionVariants, phraseKeys, toKey } from '../understanding/normalise.js';
import type { Parse } from '../understanding/parse.js';
import type { Topic } from './topic.js';

/**
 * Yes/no questions that claim something ("Ist Pia Steinrücke Bürgermeisterin?", "Ist
 * ehrenamt@luebeck.de richtig?"): checked against the knowledge, word by word.
 */

/** Does what the question claims about a person ("ist Pia Steinrücke Bürgermeisterin?") fit the role we know? */
export function claimHolds(parse: Parse, personId: string, knowledge: Knowledge): boolean {
  const person = knowledge.people.find((p) => p.id === personId);
  if (!person) return false;
  const organisation = knowledge.organisations.find((o) => o.id === person.organisation);
  const titles = person.title ? (TITLE_WORDS[toKey(person.title)] ?? []) : [];
  const known = new Set(phraseKeys([person.role.de, person.role.en, ...person.aliases, organisation?.name ?? '', ...titles].join(' ')));
  const claims = parse.tokens.filter(
    (t) => (t.role === 'unknown' || t.role === 'domain' || t.role === 'cue') && t.key.length >= 4 && !IGNORED_IN_CLAIMS.has(t.key),
  );
  return claims.every((claim) => [...known].some((word) => word.startsWith(claim.key.slice(0, 6)) || claim.key.startsWith(word.slice(0, 6))));
}
/** What people call an academic title when they ask about it. */
const TITLE_WORDS: Record<string, string[]> = {
  'dr.': ['Doktor', 'Doktortitel', 'promoviert', 'Dr', 'doctorate', 'PhD', 'doctor', 'Titel', 'title'],
  'prof.': ['Professor', 'Professorin', 'Prof', 'professor', 'Titel', 'title'],
};
/** Every content word of a yes/no question about an organisation or event occurs in its texts. */
export function claimsFit(parse: Parse, id: string, knowledge: Knowledge): boolean {
  const subject = knowledge.organisations.find((o) => o.id === id) ?? knowledge.events.find((e) => e.id === id);
  if (!subject) return false;
  const texts = [subject.description.de, subject.description.en, 'rhythm' in subject ? (subject.rhythm?.de ?? '') : ''].join(' ');
  const known = new Set(phraseKeys(texts).flatMap((key) => [key, ...inflectionVariants(key)]));
  const claims = parse.tokens.filter((t) => (t.role === 'unknown' || t.role === 'domain') && t.key.length >= 4);
  return claims.length > 0 && claims.every((claim) => known.has(claim.resolved) || inflectionVariants(claim.resolved).some((v) => known.has(v)));
}

const IGNORED_IN_CLAIMS = new Set([
  'dabei',
  'partner',
  'partnerin',
  'teil',
  'mitglied',
  'beteiligt',
  'involved',
  'member',
  'part',
  'wirklich',
  'really',
]);

/**
 * "Ist ehrenamt@luebeck.de die richtige Adresse?" / "Stimmt die Nummer 0451 122 2029?":
 * a contact detail quoted back is confirmed, or corrected when it differs.
 */
export function verifyContact(parse: Parse, knowledge: Knowledge): Topic | undefined {
  const { email, phone } = knowledge.contact;
  const quotedEmail = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(parse.text)?.[0];
  if (quotedEmail) {
    return { kind: 'contact', facet: 'email', verdict: quotedEmail.toLowerCase() === email.toLowerCase() ? 'yes' : 'no' };
  }
  const digits = (text: string) => text.replace(/\D/g, '');
  const quotedPhone = /(?:\+49|0)[\d\s/-]{6,}\d/.exec(parse.text)?.[0];
  if (quotedPhone) {
    const same = digits(quotedPhone).replace(/^49/, '0') === digits(phone);
    return { kind: 'contact', facet: 'phone', verdict: same ? 'yes' : 'no' };
  }
  return undefined;
}
