import type { Knowledge, Subject } from '../knowledge/knowledge.js';
import type { FieldType } from '../knowledge/schema.js';
import { bareUrl, type Claims, checkFrequency, partOfYearIn, type RowPosition, writtenDetails } from '../understanding/claims.js';
import { tokenize } from '../understanding/normalise.js';
import { stem } from '../understanding/stem.js';

/**
 * Yes/no as one operator over the knowledge: "yes" only when the question's claim was
 * understood and a fact confirms it, "no" only when a fact contradicts it, and nothing
 * (just the fact) when the knowledge neither confirms nor contradicts it.
 */
export type Verdict = 'yes' | 'no' | undefined;

export interface ClaimContext {
  claims: Claims;
  /** Roles the question names ("Partner", "Träger"). */
  roles: string[];
  /** Other subjects the question names besides the one it is about. */
  others: Subject[];
  /** Stems of the question's content words (for claims about texts). */
  contentStems: string[];
  /** Whether the question asks about taking part at all ("Ist X dabei?", "Is X involved?"), naming no role. */
  asksTakingPart: boolean;
  /** Whether it uses the own cue of another kind of fact than the one answered ("Leitet Frau X den Verein?" answered by a description). */
  claimsOtherFact: boolean;
  /** Whether it asks who took a photo ("Hat X das Foto gemacht?"), not who is on it. */
  asksWhoTookIt: boolean;
}

export function verdictOf(type: FieldType, value: unknown, context: ClaimContext, knowledge: Knowledge, locale: 'de' | 'en'): Verdict {
  const { claims } = context;
  if (claims.negated) return undefined;
  // A claimed e-mail address, web address or number is checked only against a fact of that kind, never confirmed by another.
  const written: readonly string[] = writtenDetails(claims);
  if (written.length > 0 && !written.includes(type)) return undefined;
  switch (type) {
    case 'year':
      return yearVerdict(value, claims, locale);
    case 'count': {
      const known = (value as { value: number }).value;
      if (known >= 1900 && known <= 2100) return yearVerdict(value, claims, locale);
      if (claims.numbers.length === 0) return claims.sole ? (known === 1 ? 'yes' : 'no') : undefined;
      const claimed = claims.numbers[0]!;
      return claimed === known || (claims.atLeast && known >= claimed) ? 'yes' : 'no';
    }
    case 'rhythm': {
      const known = (value as { 'per-year'?: [number, number] })['per-year'];
      return claims.perYear && known ? checkFrequency(claims.perYear, known) : undefined;
    }
    case 'roles': {
      const held = value as string[];
      // "Ist X dabei?" is confirmed by any role; "Is X open on Saturdays?" claims something else, which a role does not confirm.
      if (context.roles.length === 0) return context.asksTakingPart && held.length > 0 && !claims.restricted ? 'yes' : undefined;
      if (context.roles.some((role) => held.includes(role))) return claims.restricted ? undefined : 'yes';
      // Not in a list the knowledge gives in full: a "no"; not among actors named "among others": no verdict.
      const complete = context.roles.every((role) => knowledge.roles.find((r) => r.id === role)?.complete);
      return complete ? 'no' : undefined;
    }
    case 'ref':
    case 'refs':
    case 'strategy':
    case 'photo': {
      if (context.others.length === 0) return undefined;
      // "Steht X auf dem Foto ganz links?": the place in the row is the claim, not only being on it.
      if (type === 'photo' && claims.position) return positionVerdict(value as { people: string[] }, context.others, claims.position);
      // "Hat X das Foto gemacht?": being on it is no answer; the photo's credit is.
      if (type === 'photo' && context.asksWhoTookIt) {
        const credit = (value as { credit: string }).credit;
        return context.others.every((other) => other.name.text.de === credit) ? 'yes' : 'no';
      }
      const ids = refIds(type, value, knowledge);
      return context.others.every((other) => ids.has(other.id)) ? 'yes' : 'no';
    }
    case 'text':
    case 'texts': {
      // A description confirms the words of a claim it contains, not a fact of another kind the question claims with them.
      if (claims.restricted || context.contentStems.length === 0 || context.claimsOtherFact) return undefined;
      const text = type === 'text' ? (value as Record<string, string>)[locale] : (value as Record<string, string>[]).map((t) => t[locale]).join(' ');
      const stems = new Set(tokenize(text ?? '').map((token) => stem(token.key)));
      return context.contentStems.every((s) => stems.has(s)) ? 'yes' : undefined;
    }
    case 'email':
      return claims.emails.length === 0 ? undefined : claims.emails.every((e) => e.toLowerCase() === String(value).toLowerCase()) ? 'yes' : 'no';
    case 'url':
      return claims.urls.length === 0 ? undefined : claims.urls.every((u) => u === bareUrl(String(value))) ? 'yes' : 'no';
    case 'phone': {
      const digits = String(value).replace(/\D/g, '');
      return claims.phones.length === 0 ? undefined : claims.phones.every((p) => digits.endsWith(p) || p.endsWith(digits)) ? 'yes' : 'no';
    }
    default:
      return undefined;
  }
}

/** Where in the row someone stands: at either end, or in between. */
export function placeInRow(photo: { people: string[] }, id: string): RowPosition {
  const at = photo.people.indexOf(id);
  return at === 0 ? 'left' : at === photo.people.length - 1 ? 'right' : 'middle';
}

/** Who stands at a place in the row: at either end, or the one in between (only when there is just one). */
export function personAt(photo: { people: string[] }, place: RowPosition): string | undefined {
  const at = photo.people.filter((id) => placeInRow(photo, id) === place);
  return at.length === 1 ? at[0] : undefined;
}

/** Whether the one person named stands where the question says: first from the left, last, or between. */
export function positionVerdict(photo: { people: string[] }, others: Subject[], claimed: RowPosition): Verdict {
  if (others.length !== 1) return undefined;
  if (!photo.people.includes(others[0]!.id)) return 'no';
  return placeInRow(photo, others[0]!.id) === claimed ? 'yes' : 'no';
}

/** A year as a number, or as `{ value, de, en }` with its wording ("Anfang 2024"). */
function yearVerdict(value: unknown, claims: Claims, locale: 'de' | 'en'): Verdict {
  if (claims.years.length === 0) return undefined;
  const year = typeof value === 'number' ? value : (value as { value: number }).value;
  if (!claims.years.includes(year)) return 'no';
  if (!claims.partOfYear) return 'yes';
  // "Seit Ende 2024?" when it was early 2024: the year holds, the part of it does not; unknown when only the year is known.
  const wording = typeof value === 'number' ? '' : ((value as Record<string, string>)[locale] ?? '');
  const known = partOfYearIn(tokenize(wording).map((t) => t.key));
  return known === undefined ? undefined : known === claims.partOfYear ? 'yes' : 'no';
}

/** The ids a reference fact points at, and the members of those (the Tandem's partners organise with it). */
function refIds(type: FieldType, value: unknown, knowledge: Knowledge): Set<string> {
  const direct =
    type === 'ref'
      ? [typeof value === 'string' ? value : (value as { id: string }).id]
      : type === 'refs'
        ? (value as string[])
        : type === 'strategy'
          ? (value as { parts: string[] }).parts
          : (value as { people: string[] }).people;
  const ids = new Set(direct);
  for (const id of direct) for (const member of (knowledge.subjects.get(id)?.facts.members as string[] | undefined) ?? []) ids.add(member);
  return ids;
}
