import { z } from 'zod';

/**
 * The shape of the knowledge base (`knowledge/*.yaml`). Each file holds any of the
 * top-level sections below; the loader merges them and checks that every reference
 * points at an existing id. Descriptions never repeat a structured fact (a year, a
 * phone number, a rhythm): answers take those from their one field, so an edit in one
 * place changes every answer.
 */

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens, e.g. "forum-ehrenamt"');

/** Text in both languages of the bot. */
export const localizedText = z.strictObject({
  de: z.string().trim().min(1, 'German text is empty'),
  en: z.string().trim().min(1, 'English text is empty'),
});

const aliases = z.array(z.string().trim().min(2, 'an alias needs at least 2 characters')).default([]);

/** The parts an organisation can play in the programme; an organisation may have several. */
export const roleSchema = z.enum([
  /** Named among the actors of Engagierte Stadt Lübeck. */
  'actor',
  /** Supported Lübeck's application: a local partner. */
  'local-partner',
  /** Member of the consortium that carries the programme nationally. */
  'programme-sponsor',
  /** Further partner of the national programme. */
  'programme-partner',
]);
export type Role = z.infer<typeof roleSchema>;

const organisationSchema = z.strictObject({
  id,
  name: z.string().trim().min(2),
  /** Abbreviations and other names people use; also accepted without umlauts and with typos. */
  aliases,
  roles: z.array(roleSchema).default([]),
  description: localizedText,
  founded: z.int().min(1800).max(2100).optional(),
  /** How often it meets or takes place. */
  rhythm: localizedText.optional(),
  /** Who it is for. */
  audience: localizedText.optional(),
  website: z.url({ protocol: /^https?$/, error: 'use a full https:// address' }).optional(),
  /** The organisation this one belongs to. */
  partOf: id.optional(),
  /** Organisations that form it (e.g. the two partners of a tandem). */
  members: z.array(id).optional(),
  /** The person who leads it. */
  lead: id.optional(),
  /** Things it does, in a sentence each, beyond the description. */
  activities: localizedText.optional(),
});

const eventSchema = z.strictObject({
  id,
  name: z.string().trim().min(2),
  aliases,
  description: localizedText,
  rhythm: localizedText.optional(),
  audience: localizedText.optional(),
  organiser: id,
});

const personSchema = z.strictObject({
  id,
  name: z.string().trim().min(2),
  /** Academic title shown before the name, e.g. "Dr.". */
  title: z.string().trim().optional(),
  aliases,
  role: localizedText,
  organisation: id,
});

const contactSchema = z.strictObject({
  department: id,
  office: id,
  person: id,
  phone: z.string().regex(/^[0-9][0-9 /-]{5,}$/, 'write the number with digits and spaces, e.g. "0451 122 2029"'),
  email: z.email('not a valid e-mail address'),
});

const topicSchema = z.strictObject({ de: z.string().trim().min(1), en: z.string().trim().min(1) });

const programmeSchema = z.strictObject({
  id,
  name: z.string().trim().min(2),
  /** What the bot calls itself (and the city's programme), e.g. in Telegram's description. */
  botName: z.string().trim().min(2).optional(),
  aliases,
  description: localizedText,
  /** Why it matters to Lübeck, and how Lübeck takes part. */
  luebeck: localizedText,
  website: z.url({ protocol: /^https?$/, error: 'use a full https:// address' }),
  /** "über 120": the number, and how the page qualifies it. */
  cities: z.strictObject({ count: z.int().positive(), qualifier: localizedText }),
  joined: z.strictObject({ year: z.int().min(2000).max(2100), text: localizedText }),
  appliedBy: id,
  /** Who supported the application, in words (the organisations are those with role local-partner). */
  applicationSupport: localizedText,
  topics: z.array(topicSchema).min(1),
  /** Level the consortium works on (e.g. federal). */
  sponsorsLevel: localizedText,
  photo: z.strictObject({ people: z.array(id), credit: z.string().trim().min(1) }).optional(),
});

export const knowledgeFileSchema = z.strictObject({
  $schema: z.string().optional(),
  programme: programmeSchema.optional(),
  contact: contactSchema.optional(),
  organisations: z.array(organisationSchema).optional(),
  events: z.array(eventSchema).optional(),
  people: z.array(personSchema).optional(),
});

export type LocalizedText = z.infer<typeof localizedText>;
export type Organisation = z.infer<typeof organisationSchema>;
export type KnowledgeEvent = z.infer<typeof eventSchema>;
export type Person = z.infer<typeof personSchema>;
export type ContactInfo = z.infer<typeof contactSchema>;
export type Programme = z.infer<typeof programmeSchema>;
export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;

/** The whole knowledge base after merging and checking every file. */
export interface Knowledge {
  programme: Programme;
  contact: ContactInfo;
  organisations: Organisation[];
  events: KnowledgeEvent[];
  people: Person[];
}
