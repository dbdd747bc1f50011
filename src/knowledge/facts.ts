import * as z from 'zod';
import type { FieldType } from './schema.js';
import { localizedText } from './schema.js';

/**
 * The types a fact can have, as facets declare them (`fields: [{ name, type }]`). Each
 * type has a schema (checked when the knowledge loads) and says which ids it refers to
 * (checked against the subjects, so a typo in an id is found before a user finds it).
 */
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id-format');
const refWithRole = z.strictObject({ id, as: localizedText });

const FACT_SCHEMAS: Record<FieldType, z.ZodType> = {
  text: localizedText,
  texts: z.array(localizedText).min(1),
  year: z.int('year-format').min(1800, 'year-format').max(2100, 'year-format'),
  count: z.strictObject({ value: z.int(), de: z.string().min(1), en: z.string().min(1) }),
  url: z.url({ protocol: /^https?$/, error: 'url-format' }),
  ref: z.union([id, refWithRole]),
  refs: z.array(id).min(1),
  rhythm: z.strictObject({
    de: z.string().min(1),
    en: z.string().min(1),
    /**
     * How many times a year, as a range: the bot checks claims like "every month" against it. Left out
     * where the page gives no number ("every year, several"): then no such claim is confirmed or denied.
     */
    'per-year': z.tuple([z.number().positive(), z.number().positive()]).optional(),
  }),
  roles: z.array(id),
  photo: z.strictObject({ people: z.array(id).min(1), credit: z.string().trim().min(1) }),
  strategy: z.strictObject({ parts: z.array(id).min(1) }),
  phone: z.string().regex(/^\+?[0-9][0-9 /-]{5,}$/, 'phone-format'),
  email: z.email('email-format'),
  title: z.string().trim().min(1),
};

export interface FactProblem {
  /** Path inside the fact's value, e.g. ["de"]. */
  path: (string | number)[];
  code: string;
  args?: Record<string, string | number>;
}

/** Problems with one fact's value, by its declared type. */
export function checkFact(type: FieldType, value: unknown): FactProblem[] {
  const result = FACT_SCHEMAS[type].safeParse(value, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    // Our own checks carry a catalogue code as their message; zod's built-in ones do not.
    const code = missing ? 'field-missing' : /^[a-z-]+$/.test(issue.message) ? issue.message : 'type-mismatch';
    return { path, code, args: { type, field: String(path.at(-1) ?? '') } };
  });
}

/** The ids a fact refers to, with the kind of subject each must be. */
export function referencesOf(type: FieldType, value: unknown): { id: string; kind: 'subject' | 'person' | 'role' }[] {
  switch (type) {
    case 'ref':
      return [{ id: typeof value === 'string' ? value : (value as { id: string }).id, kind: 'subject' }];
    case 'refs':
      return (value as string[]).map((ref) => ({ id: ref, kind: 'subject' }));
    case 'roles':
      return (value as string[]).map((ref) => ({ id: ref, kind: 'role' }));
    case 'photo':
      return (value as { people: string[] }).people.map((ref) => ({ id: ref, kind: 'person' }));
    case 'strategy':
      return (value as { parts: string[] }).parts.map((ref) => ({ id: ref, kind: 'subject' }));
    default:
      return [];
  }
}
