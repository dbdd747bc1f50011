import * as z from 'zod';

/**
 * The shape of the knowledge files (`knowledge/**\/*.yaml`). A file holds any of the
 * sections below; the loader merges all files of the folder (the national half in
 * `programme/`, the city's half in `city/`) and then checks what no single file can:
 * that every reference points at an id, and that every fact has the type its facet
 * declares (see `facts.ts`).
 *
 * A subject (the programme, the city, an organisation, a person, an event) has a few
 * fixed fields – its id, its name with the grammar German needs, aliases – and then its
 * facts, one field per facet of `facets.yaml`. Facts are left open here on purpose:
 * adding a kind of fact is a change to the knowledge, not to this file.
 */

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id-format');

/** Text in both languages of the bot. */
export const localizedText = z.strictObject({
  de: z.string().trim().min(1, 'text-empty-de'),
  en: z.string().trim().min(1, 'text-empty-en'),
});
export type LocalizedText = z.infer<typeof localizedText>;

const words = z.strictObject({ de: z.array(z.string().trim().min(1)).default([]), en: z.array(z.string().trim().min(1)).default([]) });

const gender = z.enum(['m', 'f', 'n', 'pl']);
const grammaticalForms = z.strictObject({
  nom: z.string().optional(),
  acc: z.string().optional(),
  dat: z.string().optional(),
  gen: z.string().optional(),
});

/** The fixed fields every subject has; the rest of its fields are facts. */
const subjectFields = {
  id,
  /** The name as it is written; `en` only where English uses another name. */
  name: z.string().trim().min(2),
  'name-en': z.string().trim().min(2).optional(),
  /** German gender, for the article ("die Körber-Stiftung"); leave out for names without article. */
  gender: gender.optional(),
  /** Forms after the article where the name changes ("Deutsche Städtetag", "Deutschen Städtetag"). */
  forms: grammaticalForms.optional(),
  /** English "the" before the name; default: yes for organisations and events, no for people. */
  the: z.boolean().optional(),
  /** Other names people use: abbreviations, short forms, common misspellings. */
  aliases: z.array(z.string().trim().min(2, 'alias-short')).default([]),
};

/** A subject: fixed fields plus facts (any other field, checked against the facets). */
const subject = <T extends z.ZodRawShape>(extra: T) => z.looseObject({ ...subjectFields, ...extra });

const organisationSchema = subject({ roles: z.array(id).default([]) });
const personSchema = subject({ title: z.string().trim().optional(), organisation: id.optional() });
const eventSchema = subject({});
const programmeSchema = subject({});
const citySchema = subject({
  /** The place as it stands in sentences ("in Musterstadt"). */
  town: z.string().trim().min(2),
  /** The organisation that is the city itself (its administration). */
  organisation: id.optional(),
});

const roleSchema = z.strictObject({
  id,
  name: localizedText,
  /** True when the knowledge lists every member of this role, so "not listed" means "no". */
  complete: z.boolean(),
  cues: words.default({ de: [], en: [] }),
});

const fieldSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'field-format'),
  type: z.enum(['text', 'texts', 'year', 'count', 'url', 'ref', 'refs', 'rhythm', 'roles', 'photo', 'strategy', 'phone', 'email', 'title']),
  /** The field answers only in part ("seit vielen Jahren" for a year): the reply says so and counts as not known. */
  partial: z.boolean().default(false),
});
export type FieldType = z.infer<typeof fieldSchema>['type'];

const facetSchema = z.strictObject({
  id,
  kind: z.enum(['fact', 'list', 'involve', 'chat', 'decline']),
  fields: z.array(fieldSchema).default([]),
  /** Subject of a fact question that names none: programme, city or contact. */
  default: z.enum(['programme', 'city', 'contact']).optional(),
  /** List of everyone with this role … */
  role: id.optional(),
  /** … or of this kind. */
  of: z.enum(['organisation', 'person', 'event']).optional(),
  /** Further fields of the subject that the facet's message uses. */
  uses: z.array(z.string()).default([]),
  cues: words.default({ de: [], en: [] }),
  examples: words.default({ de: [], en: [] }),
  /** A chat facet whose cues, when they open a longer message, are only its preamble ("Guten Tag, …"). */
  preamble: z.boolean().default(false),
});

const contactSchema = z.strictObject({
  id,
  person: id,
  office: id,
  department: id.optional(),
  phone: z.string().regex(/^\+?[0-9][0-9 /-]{5,}$/, 'phone-format'),
  email: z.email('email-format'),
  /** What this contact is for, where a city has several. */
  for: localizedText.optional(),
});

const involvementSchema = z.strictObject({
  via: id,
  text: localizedText,
  /** Words that make this way fit a question especially well. */
  for: words.optional(),
});

/** A question answered by a person in the hand-off and taken over into the knowledge. */
const adoptedAnswerSchema = z.strictObject({
  id,
  questions: z.strictObject({ de: z.array(z.string().trim().min(3)).default([]), en: z.array(z.string().trim().min(3)).default([]) }),
  answer: z.strictObject({ de: z.string().trim().min(1).optional(), en: z.string().trim().min(1).optional() }),
  /** When and from which ticket it was taken over (for editors). */
  source: z.string().optional(),
});

export const knowledgeFileSchema = z.strictObject({
  $schema: z.string().optional(),
  programme: programmeSchema.optional(),
  city: citySchema.optional(),
  roles: z.array(roleSchema).optional(),
  facets: z.array(facetSchema).optional(),
  organisations: z.array(organisationSchema).optional(),
  people: z.array(personSchema).optional(),
  events: z.array(eventSchema).optional(),
  contacts: z.array(contactSchema).optional(),
  involvement: z.array(involvementSchema).optional(),
  answers: z.array(adoptedAnswerSchema).optional(),
});

export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;
export type RoleDeclaration = z.infer<typeof roleSchema>;
export type FacetDeclaration = z.infer<typeof facetSchema>;
export type ContactDeclaration = z.infer<typeof contactSchema>;
export type InvolvementWay = z.infer<typeof involvementSchema>;
export type AdoptedAnswer = z.infer<typeof adoptedAnswerSchema>;
/** The fixed fields of a subject; `SUBJECT_FIELDS` lists their names. */
export const SUBJECT_FIELDS = new Set([...Object.keys(subjectFields), 'roles', 'title', 'organisation', 'town']);
