import type { CatalogueSource } from '../i18n/catalogue.js';
import type { NameGrammar } from '../i18n/grammar.js';
import { checkFact, referencesOf } from './facts.js';
import type { KnowledgeProblem } from './problems.js';
import {
  type AdoptedAnswer,
  type FacetDeclaration,
  type FieldType,
  type InvolvementWay,
  type KnowledgeFile,
  type RoleDeclaration,
  SUBJECT_FIELDS,
} from './schema.js';

export type SubjectKind = 'programme' | 'city' | 'organisation' | 'person' | 'event' | 'contact';

/**
 * Anything a question can be about: the programme, the city's part of it, an
 * organisation, a person, an event, or one of the city's contacts.
 */
export interface Subject {
  id: string;
  kind: SubjectKind;
  /** The name with its grammar, for sentences. */
  name: NameGrammar;
  /** Other names people use for it. */
  aliases: string[];
  roles: string[];
  /** Every field of the subject as written in the knowledge (facts and fixed fields). */
  facts: Readonly<Record<string, unknown>>;
}

/** The whole knowledge after merging and checking every file. */
export interface Knowledge {
  programme: Subject;
  city: Subject;
  /** The place, as it stands in sentences ("Musterstadt"). */
  town: string;
  /** Every subject by id. */
  subjects: ReadonlyMap<string, Subject>;
  organisations: Subject[];
  people: Subject[];
  events: Subject[];
  contacts: Subject[];
  roles: RoleDeclaration[];
  facets: FacetDeclaration[];
  involvement: InvolvementWay[];
  answers: AdoptedAnswer[];
  /** The knowledge's own messages (answers.*.ftl and the city's overrides), in load order. */
  messages: CatalogueSource[];
}

export interface ParsedFile {
  /** Path relative to the knowledge folder. */
  name: string;
  data: KnowledgeFile;
  /** Finds the line of a field path in this file (for problems found after parsing). */
  lineOf(path: (string | number)[]): number | undefined;
}

type Located = { file: ParsedFile; path: (string | number)[] };

/**
 * Merges the parsed files into one knowledge and checks it as a whole: one programme
 * and one city, unique ids, references that point at existing subjects, roles and
 * people, and facts of the type their facet declares. Problems are collected, not
 * thrown one by one, so an editor sees all of them at once.
 */
export function buildKnowledge(files: ParsedFile[], messages: CatalogueSource[], problems: KnowledgeProblem[]): Knowledge | undefined {
  const report = (at: Located, code: string, args?: Record<string, string | number>) =>
    problems.push({ file: at.file.name, line: at.file.lineOf(at.path), field: at.path.join('.'), code, ...(args ? { args } : {}) });

  const origin = new Map<string, Located>();
  const subjects = new Map<string, Subject>();
  const lists = { organisations: [] as Subject[], people: [] as Subject[], events: [] as Subject[], contacts: [] as Subject[] };
  const roles: RoleDeclaration[] = [];
  const facets: FacetDeclaration[] = [];
  const involvement: InvolvementWay[] = [];
  const answers: AdoptedAnswer[] = [];
  let programme: Subject | undefined;
  let city: Subject | undefined;
  let town = '';
  const declared: { subject: Subject; at: Located }[] = [];

  const add = (raw: Record<string, unknown>, kind: SubjectKind, at: Located): Subject | undefined => {
    const id = raw.id as string;
    const earlier = origin.get(id);
    if (earlier) {
      report({ ...at, path: [...at.path, 'id'] }, 'id-duplicate', { id, other: earlier.file.name });
      return undefined;
    }
    origin.set(id, at);
    const subject: Subject = {
      id,
      kind,
      name: nameOf(raw, kind),
      aliases: (raw.aliases as string[]) ?? [],
      roles: (raw.roles as string[]) ?? [],
      facts: raw,
    };
    subjects.set(id, subject);
    declared.push({ subject, at });
    return subject;
  };

  for (const file of files) {
    const data = file.data;
    if (data.programme) {
      if (programme) report({ file, path: ['programme'] }, 'section-twice', { section: 'programme' });
      else programme = add(data.programme, 'programme', { file, path: ['programme'] });
    }
    if (data.city) {
      if (city) report({ file, path: ['city'] }, 'section-twice', { section: 'city' });
      else {
        city = add(data.city, 'city', { file, path: ['city'] });
        town = data.city.town;
      }
    }
    for (const [section, kind] of [
      ['organisations', 'organisation'],
      ['people', 'person'],
      ['events', 'event'],
    ] as const) {
      (data[section] ?? []).forEach((raw, index) => {
        const subject = add(raw, kind, { file, path: [section, index] });
        if (subject) lists[section].push(subject);
      });
    }
    (data.contacts ?? []).forEach((raw, index) => {
      const at = { file, path: ['contacts', index] };
      const subject = add({ ...raw, name: raw.id }, 'contact', at);
      if (subject) lists.contacts.push(subject);
    });
    roles.push(...(data.roles ?? []));
    facets.push(...(data.facets ?? []));
    involvement.push(...(data.involvement ?? []));
    answers.push(...(data.answers ?? []));
  }
  if (!programme) problems.push({ file: '', field: 'programme', code: 'section-missing', args: { section: 'programme' } });
  if (!city) problems.push({ file: '', field: 'city', code: 'section-missing', args: { section: 'city' } });
  if (!programme || !city) return undefined;

  const roleIds = new Set(roles.map((role) => role.id));
  const fieldTypes = new Map<string, FieldType>();
  const usedFields = new Set<string>();
  for (const facet of facets) {
    for (const field of facet.fields) fieldTypes.set(field.name, field.type);
    for (const name of facet.uses) usedFields.add(name);
  }

  // Contacts take their name and title from their person, once the people are known.
  for (const contact of lists.contacts) {
    const person = subjects.get(contact.facts.person as string);
    if (person?.kind === 'person') {
      contact.name = person.name;
      contact.facts = { ...contact.facts, title: person.facts.title, salutation: person.facts.salutation };
    }
  }

  for (const { subject, at } of declared) {
    const expectKind = (ref: string, field: string, kinds: SubjectKind[] | 'role') => {
      const ok = kinds === 'role' ? roleIds.has(ref) : kinds.includes(subjects.get(ref)?.kind as SubjectKind);
      if (!ok)
        report({ ...at, path: [...at.path, field] }, kinds === 'role' ? 'role-unknown' : 'ref-unknown', {
          id: ref,
          known: nearest(ref, kinds === 'role' ? roleIds : subjects.keys()),
        });
    };
    for (const role of subject.roles) expectKind(role, 'roles', 'role');
    if (subject.kind === 'person' && subject.facts.organisation) expectKind(subject.facts.organisation as string, 'organisation', ['organisation']);
    if (subject.kind === 'city' && subject.facts.organisation) expectKind(subject.facts.organisation as string, 'organisation', ['organisation']);
    if (subject.kind === 'contact') {
      expectKind(subject.facts.person as string, 'person', ['person']);
      expectKind(subject.facts.office as string, 'office', ['organisation']);
      if (subject.facts.department) expectKind(subject.facts.department as string, 'department', ['organisation']);
      continue;
    }
    for (const [field, value] of Object.entries(subject.facts)) {
      if (SUBJECT_FIELDS.has(field)) continue;
      const type = fieldTypes.get(field);
      if (!type) {
        if (usedFields.has(field)) continue;
        report({ ...at, path: [...at.path, field] }, 'field-unknown', { field, known: nearest(field, [...fieldTypes.keys(), ...usedFields]) });
        continue;
      }
      const factProblems = checkFact(type, value);
      for (const problem of factProblems) report({ ...at, path: [...at.path, field, ...problem.path] }, problem.code, problem.args);
      if (factProblems.length > 0) continue;
      for (const ref of referencesOf(type, value)) {
        expectKind(
          ref.id,
          field,
          ref.kind === 'role' ? 'role' : ref.kind === 'person' ? ['person'] : ['organisation', 'person', 'event', 'programme', 'city'],
        );
      }
    }
  }
  for (const way of involvement) {
    if (!subjects.has(way.via))
      problems.push({ file: '', field: 'involvement', code: 'ref-unknown', args: { id: way.via, known: nearest(way.via, subjects.keys()) } });
  }
  for (const facet of facets) {
    if (facet.role && !roleIds.has(facet.role))
      problems.push({
        file: '',
        field: `facets.${facet.id}.role`,
        code: 'role-unknown',
        args: { id: facet.role, known: nearest(facet.role, roleIds) },
      });
  }

  return { programme, city, town, subjects, ...lists, roles, facets, involvement, answers, messages };
}

function nameOf(raw: Record<string, unknown>, kind: SubjectKind): NameGrammar {
  const written = kind === 'person' && raw.title ? `${raw.title as string} ${raw.name as string}` : (raw.name as string);
  const english = (raw['name-en'] as string | undefined) ?? written;
  return {
    text: { de: written, en: english },
    ...(raw.gender && kind !== 'person' ? { gender: raw.gender as NameGrammar['gender'] } : {}),
    ...(raw.forms ? { forms: raw.forms as NameGrammar['forms'] } : {}),
    theInEnglish: (raw.the as boolean | undefined) ?? (kind === 'organisation' || kind === 'event'),
  };
}

/** The known id closest to a mistyped one, for "did you mean …". */
function nearest(wrong: string, known: Iterable<string>): string {
  let best = '';
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const score = distance(wrong, candidate);
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** A fact of a subject, or undefined when it has none (an empty list counts as none). */
export function factOf(subject: Subject, field: string): unknown {
  const value = subject.facts[field];
  return Array.isArray(value) && value.length === 0 ? undefined : value;
}

/**
 * Whether the subject is the programme or the city, which frame most questions ("… für die Engagierte
 * Stadt?", "Welches Ministerium ist beim Programm dabei?"): beside another subject they are its context.
 */
export function framesQuestions(subject: Subject, knowledge: Knowledge): boolean {
  return subject.id === knowledge.programme.id || subject.id === knowledge.city.id;
}

/**
 * Subjects a question about `subject` may really be about: the contact whose office,
 * department or person it is ("Telefonnummer des Bürgerbüros"), the city when it is the
 * city's own organisation, and what it is a member of. (Not what it is part of: who
 * leads an association does not lead its working group.)
 */
export function relatedSubjects(subject: Subject, knowledge: Knowledge): Subject[] {
  return once(relatedCache, knowledge, subject.id, () => findRelated(subject, knowledge));
}

const relatedCache: PerKnowledge<Subject[]> = new WeakMap();

/**
 * Knowledge does not change once loaded (a reload makes a new one): what is derived from it
 * is found once per knowledge and key, and forgotten with the knowledge.
 */
export type PerKnowledge<T> = WeakMap<Knowledge, Map<string, T>>;

export function once<T>(cache: PerKnowledge<T>, knowledge: Knowledge, key: string, find: () => T): T {
  let byKey = cache.get(knowledge);
  if (!byKey) {
    byKey = new Map();
    cache.set(knowledge, byKey);
  }
  let value = byKey.get(key);
  if (value === undefined) {
    value = find();
    byKey.set(key, value);
  }
  return value;
}

function findRelated(subject: Subject, knowledge: Knowledge): Subject[] {
  const related: Subject[] = [];
  for (const contact of knowledge.contacts) {
    if ([contact.facts.office, contact.facts.department, contact.facts.person].includes(subject.id)) related.push(contact);
    // A contact whose office belongs to the subject answers for it too ("die E-Mail der Stadtverwaltung").
    else {
      const office = knowledge.subjects.get(String(contact.facts.office ?? ''));
      if (office && isPartOf(office, subject, knowledge)) related.push(contact);
    }
  }
  if (knowledge.city.facts.organisation === subject.id || subject.kind === 'programme') related.push(knowledge.city);
  // The city's and the programme's contacts answer for them ("Ansprechpartner der Engagierten Stadt?"),
  // and the programme answers for the city's part of it ("Wie viele Städte machen bei der Engagierten Stadt Musterstadt mit?").
  if (subject.kind === 'city' || subject.kind === 'programme') related.push(...knowledge.contacts);
  if (subject.kind === 'city') related.push(knowledge.programme);
  // What it is a member of: a partnership of the city and a club, for a question about either.
  for (const other of knowledge.subjects.values()) {
    if (Array.isArray(other.facts.members) && (other.facts.members as string[]).includes(subject.id)) related.push(other);
  }
  return related.filter((s) => s.id !== subject.id);
}

/** The members of a list facet: the holders of its role, or all events, people or organisations. */
export function listMembers(facet: FacetDeclaration, knowledge: Knowledge): Subject[] {
  if (!facet.role) return facet.of === 'event' ? knowledge.events : facet.of === 'person' ? knowledge.people : knowledge.organisations;
  const role = facet.role;
  return once(holdersCache, knowledge, role, () => [...knowledge.subjects.values()].filter((s) => s.roles.includes(role)));
}

/** The holders of each role (the scorer asks on every message that names a subject). */
const holdersCache: PerKnowledge<Subject[]> = new WeakMap();

/** Longest chain of `part-of` followed (an office → its department → the city administration). */
const MAX_PART_OF_DEPTH = 5;

/** Whether a subject is part of another, directly or through the bodies it belongs to. */
export function isPartOf(subject: Subject, whole: Subject, knowledge: Knowledge): boolean {
  let current: Subject | undefined = subject;
  for (let depth = 0; depth < MAX_PART_OF_DEPTH && current; depth++) {
    const parent = current.facts['part-of'];
    const id = typeof parent === 'string' ? parent : (parent as { id?: string } | undefined)?.id;
    if (!id) return false;
    if (id === whole.id) return true;
    current = knowledge.subjects.get(id);
  }
  return false;
}
