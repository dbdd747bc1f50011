import { toKey } from './normalise.js';
import type { ReadToken } from './read.js';
import { FUNCTION_NOUNS, wordList } from './words.js';

/**
 * What a yes/no question claims, in values the knowledge can be checked against: years
 * ("seit 2020?"), numbers ("über 500 Städte?"), how often a year ("jeden Monat?"), and
 * whether it is negated or restricted ("nur für Vereine?"), in which case no plain
 * "yes" can confirm it.
 */
export interface Claims {
  years: number[];
  numbers: number[];
  /** "more than …" / "über …": the number is a lower bound. */
  atLeast: boolean;
  /** How many times a year the question says something happens, as a range. */
  perYear?: [number, number];
  /** The part of the year a claimed year is qualified with ("Ende 2024", "early 2024"), when it is. */
  partOfYear?: PartOfYear;
  negated: boolean;
  restricted: boolean;
  /** "die einzige Stadt?", "the only city?": the claim that there is just one, a count of 1. */
  sole: boolean;
  /** "Gibt es …?", "Is there …?": the claim that something exists. */
  exists: boolean;
  /** Where in a row (a photo) the question places someone: "ganz links", "on the far right", "in der Mitte". */
  position?: RowPosition;
  /** E-mail addresses, web addresses and phone numbers written in the question. */
  emails: string[];
  urls: string[];
  phones: string[];
}

const NUMBER_WORDS: Record<string, number> = {
  ein: 1,
  eins: 1,
  einmal: 1,
  one: 1,
  once: 1,
  zwei: 2,
  zweimal: 2,
  two: 2,
  twice: 2,
  drei: 3,
  dreimal: 3,
  three: 3,
  thrice: 3,
  vier: 4,
  viermal: 4,
  four: 4,
  funf: 5,
  funfmal: 5,
  five: 5,
  sechs: 6,
  sechsmal: 6,
  six: 6,
  zehn: 10,
  ten: 10,
  zwolf: 12,
  twelve: 12,
};

/** Units of time as "times a year" (the key is a token's key, umlauts folded). */
const PER_UNIT: Record<string, number> = {
  jahr: 1,
  jahre: 1,
  jahres: 1,
  jahrlich: 1,
  year: 1,
  years: 1,
  yearly: 1,
  annually: 1,
  annual: 1,
  halbjahrlich: 2,
  halbjahr: 2,
  quartal: 4,
  quartalsweise: 4,
  vierteljahrlich: 4,
  quarter: 4,
  quarterly: 4,
  monat: 12,
  monate: 12,
  monats: 12,
  monatlich: 12,
  month: 12,
  months: 12,
  monthly: 12,
  woche: 52,
  wochen: 52,
  wochentlich: 52,
  week: 52,
  weeks: 52,
  weekly: 52,
  tag: 365,
  tage: 365,
  taglich: 365,
  day: 365,
  days: 365,
  daily: 365,
};
const EVERY = new Set(['jede', 'jeden', 'jedes', 'jeder', 'every', 'each', 'pro', 'per', 'im', 'a', 'in']);
const ALL_N = new Set(['alle', 'every']);
const NEGATIONS = new Set(['nicht', 'kein', 'keine', 'keinen', 'keiner', 'nie', 'niemals', 'not', 'no', 'never', 'isnt', 'doesnt', 'dont', 'arent']);
const RESTRICTIONS = new Set(['nur', 'ausschliesslich', 'allein', 'lediglich', 'only', 'exclusively', 'solely', 'just']);
/** Words that claim there is just one: German "einzig" in every ending, English "the only" and "sole". */
const SOLE = /^einzig(e[nrms]?)?$|^einzigste[nrms]?$|^sole$/;

/** Whether the word at `i` claims there is just one; "the only" needs a word after it ("the only city"). */
function soleAt(keys: readonly string[], i: number): boolean {
  return SOLE.test(keys[i]!) || (keys[i] === 'only' && keys[i - 1] === 'the' && i + 1 < keys.length);
}

const SEVERAL = new Set(['mehrmals', 'mehrfach', 'ofter', 'oft', 'several', 'multiple', 'often', 'regelmassig']);
const AT_LEAST = new Set(['uber', 'mehr', 'mindestens', 'over', 'more', 'least']);

const EXISTS_ONE = new Set(['gibts', 'existiert', 'existieren', 'exists', 'exist']);
/** Two-word forms, by their first word: "gibt es", "es gibt", "is there", "there are". */
const EXISTS_TWO = new Map<string, ReadonlySet<string>>([
  ['gibt', new Set(['es'])],
  ['es', new Set(['gibt'])],
  ['is', new Set(['there'])],
  ['are', new Set(['there'])],
  ['there', new Set(['is', 'are'])],
]);
const claimsExistence = (keys: readonly string[]) => keys.some((k, i) => EXISTS_ONE.has(k) || EXISTS_TWO.get(k)?.has(keys[i + 1] ?? '') === true);

/** The kinds of contact detail a question writes out ("unter info@example.org?"), as the field types that hold them. */
export function writtenDetails(claims: Claims): ('email' | 'url' | 'phone')[] {
  const kinds: ('email' | 'url' | 'phone')[] = [];
  if (claims.emails.length > 0) kinds.push('email');
  if (claims.urls.length > 0) kinds.push('url');
  if (claims.phones.length > 0) kinds.push('phone');
  return kinds;
}

export type PartOfYear = 'early' | 'middle' | 'late';

/** Words that place a date in its year, as keys: "Anfang", "Frühjahr", "Mitte", "Ende", months, "early", "late". */
const PARTS_OF_YEAR: Record<string, PartOfYear> = {
  anfang: 'early',
  beginn: 'early',
  fruh: 'early',
  fruhjahr: 'early',
  fruhling: 'early',
  early: 'early',
  beginning: 'early',
  start: 'early',
  spring: 'early',
  mitte: 'middle',
  sommer: 'middle',
  middle: 'middle',
  mid: 'middle',
  summer: 'middle',
  ende: 'late',
  spat: 'late',
  herbst: 'late',
  winter: 'late',
  end: 'late',
  late: 'late',
  autumn: 'late',
  fall: 'late',
};
const MONTHS = ['januar', 'februar', 'marz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'];
const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function partOfYearOf(key: string): PartOfYear | undefined {
  const month = Math.max(MONTHS.indexOf(key), ENGLISH_MONTHS.indexOf(key));
  if (month >= 0) return month < 4 ? 'early' : month < 8 ? 'middle' : 'late';
  return PARTS_OF_YEAR[key];
}

/** The part of the year the words just before a year give ("Ende 2024", "im Herbst 2024", "end of 2024"). */
export function partOfYearIn(keys: readonly string[]): PartOfYear | undefined {
  for (let i = 0; i < keys.length; i++) {
    if (!/^(19|20)\d\d$/.test(keys[i]!)) continue;
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const part = partOfYearOf(keys[k]!);
      if (part) return part;
    }
  }
  return undefined;
}

export type RowPosition = 'left' | 'middle' | 'right';

const POSITIONS: Record<string, RowPosition> = {
  links: 'left',
  linken: 'left',
  linke: 'left',
  left: 'left',
  leftmost: 'left',
  rechts: 'right',
  rechten: 'right',
  rechte: 'right',
  right: 'right',
  rightmost: 'right',
  mitte: 'middle',
  mittig: 'middle',
  middle: 'middle',
  center: 'middle',
  centre: 'middle',
};
// English "right" and "left" are places only behind these ("on the right", "far left"), not as in "…, right?" or "she left".
const ENGLISH_PLACE_BEFORE = new Set(['the', 'far']);

/** The one position a question claims, if it claims exactly one ("von links nach rechts" claims none). */
function positionIn(keys: string[]): RowPosition | undefined {
  const found = new Set<RowPosition>();
  keys.forEach((key, i) => {
    const position = POSITIONS[key];
    if (!position) return;
    if ((key === 'right' || key === 'left') && !ENGLISH_PLACE_BEFORE.has(keys[i - 1] ?? '')) return;
    found.add(position);
  });
  return found.size === 1 ? [...found][0] : undefined;
}

export function readClaims(tokens: readonly ReadToken[], text = ''): Claims {
  // A compound is read by its end to say what is asked; what it claims is the whole word ("vierteljährlich" is not "jährlich").
  const keys = tokens.map((t) => (t.compound ? toKey(t.surface) : t.key));
  const partOfYear = partOfYearIn(keys);
  const years: number[] = [];
  const numbers: number[] = [];
  for (const key of keys) {
    if (!/^\d+$/.test(key)) continue;
    const value = Number(key);
    if (value >= 1900 && value <= 2100) years.push(value);
    else numbers.push(value);
  }
  return {
    years,
    numbers,
    atLeast: keys.some((k) => AT_LEAST.has(k)),
    ...optionalPerYear(keys),
    ...(partOfYear ? { partOfYear } : {}),
    negated: keys.some((k) => NEGATIONS.has(k)),
    exists: claimsExistence(keys),
    ...optionalPosition(keys),
    // "the only city" counts; it restricts nothing ("only for clubs" does).
    restricted: keys.some((k, i) => RESTRICTIONS.has(k) && !soleAt(keys, i)),
    sole: keys.some((_, i) => soleAt(keys, i)),
    emails: text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [],
    urls: (text.match(/(?:https?:\/\/|www\.)[^\s]+|\b[\w-]+\.(?:de|com|org|eu)\b/gi) ?? []).map(bareUrl),
    phones: (text.match(/\+?\d[\d /-]{5,}\d/g) ?? []).map((phone) => phone.replace(/\D/g, '')),
  };
}

function optionalPosition(keys: string[]): { position?: RowPosition } {
  const position = positionIn(keys);
  return position ? { position } : {};
}

function optionalPerYear(keys: string[]): { perYear?: [number, number] } {
  const perYear = frequencyOf(keys);
  return perYear ? { perYear } : {};
}

/** "zwei- bis dreimal im Jahr" → [2, 3]; "jeden Monat" → [12, 12]; "alle zwei Jahre" → [0.5, 0.5]. */
function frequencyOf(keys: string[]): [number, number] | undefined {
  const unitAt = keys.findIndex((k) => PER_UNIT[k] !== undefined);
  if (unitAt < 0) return undefined;
  const unit = PER_UNIT[keys[unitAt]!]!;
  const before = keys.slice(Math.max(0, unitAt - 4), unitAt);
  // "alle zwei Jahre": once per N units.
  const allAt = before.findIndex((k) => ALL_N.has(k));
  if (allAt >= 0) {
    const n = countOf(before[allAt + 1]) ?? 1;
    return [unit / n, unit / n];
  }
  // "mehrmals im Jahr", "several times a year": more than once.
  if (before.some((k) => SEVERAL.has(k))) return [2 * unit, Number.POSITIVE_INFINITY];
  const counts = before.map(countOf).filter((n): n is number => n !== undefined);
  const adverb = /lich$|ly$/.test(keys[unitAt]!) || keys[unitAt] === 'quartalsweise';
  if (counts.length === 0) {
    // "jährlich", "monthly", "jeden Monat", "im Jahr": once per unit.
    if (adverb || before.some((k) => EVERY.has(k))) return [unit, unit];
    return undefined;
  }
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return [low * unit, high * unit];
}

function countOf(key: string | undefined): number | undefined {
  if (key === undefined) return undefined;
  if (/^\d+$/.test(key)) return Number(key) <= 100 ? Number(key) : undefined;
  if (NUMBER_WORDS[key] !== undefined) return NUMBER_WORDS[key];
  // "zweimal", "2mal", "dreimal": a count glued to "mal".
  const glued = /^(\d+|[a-z]+?)mal$/.exec(key);
  if (glued) return /^\d+$/.test(glued[1]!) ? Number(glued[1]) : NUMBER_WORDS[glued[1]!];
  return undefined;
}

/**
 * A claimed frequency is false when it and the known range do not meet, and holds when
 * one lies within the other ("zweimal im Jahr" for "zwei- bis dreimal"); a partial
 * overlap confirms nothing.
 */
export function checkFrequency(claimed: readonly [number, number], known: readonly [number, number]): 'yes' | 'no' | undefined {
  if (claimed[1] < known[0] || claimed[0] > known[1]) return 'no';
  const within = (a: readonly [number, number], b: readonly [number, number]) => a[0] >= b[0] && a[1] <= b[1];
  return within(claimed, known) || within(known, claimed) ? 'yes' : undefined;
}

/** "https://www.example.de/" → "example.de", for comparing web addresses as people write them. */
export function bareUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/.,;:!?)]+$/, '');
}

/** Roles whose cue words the question uses ("Partner", "Träger", a city's own "Pate"), by the stems of its words. */
export function claimedRoles(tokens: readonly ReadToken[], roleCues: ReadonlyMap<string, string[][]>): string[] {
  const stems = tokens.map((t) => t.stem);
  // A place's name may stand inside the phrase: "a local Musterstadt partner", "lokaler Musterstädter Partner".
  const inserted = tokens.map((t) => /^\p{Lu}/u.test(t.surface) && t.domain);
  const found: { role: string; spans: [number, number][] }[] = [];
  for (const [role, phrases] of roleCues) {
    const spans: [number, number][] = [];
    for (const phrase of phrases) {
      const span = phrase.length > 0 ? phraseSpan(stems, phrase, inserted) : undefined;
      if (span) spans.push(span);
    }
    if (spans.length > 0) found.push({ role, spans });
  }
  // A word inside a longer phrase of another role claims nothing of its own: "backed the bid" is no "backs" (a sponsor).
  const inside = ([a, b]: [number, number], [c, d]: [number, number]) => c <= a && b <= d && d - c > b - a;
  return found
    .filter(({ role, spans }) => !spans.every((span) => found.some((other) => other.role !== role && other.spans.some((o) => inside(span, o)))))
    .map(({ role }) => role);
}

/** Articles a possessive name can stand for in a phrase ("the application" → "Musterstadt's application"). */
const ARTICLES = new Set(['the', 'die', 'der', 'das', 'den', 'dem', 'des']);

// Plain loops: this runs for every cue phrase of every role at every word, a closure each time was most of a message's garbage.
/** Where the phrase first stands among the stems, as [start, end), perhaps with one capitalised name inside. */
function phraseSpan(stems: readonly string[], phrase: readonly string[], inserted: readonly boolean[]): [number, number] | undefined {
  for (let i = 0; i + phrase.length <= stems.length; i++) {
    let k = 0;
    let at = i;
    let skipped = false;
    while (k < phrase.length && at < stems.length) {
      if (stems[at] === phrase[k]) {
        k++;
        at++;
      } else if (k > 0 && !skipped && inserted[at]) {
        skipped = true;
        at++;
        // "backed Musterstadt's application": the name with its "'s" stands for the phrase's article.
        if (ARTICLES.has(phrase[k]!)) {
          k++;
          if (stems[at] === 's') at++;
        }
      } else break;
    }
    if (k === phrase.length) return [i, at];
  }
  return undefined;
}

/** Each function noun → its function (the first word of its line). */
const FUNCTIONS = new Map(
  FUNCTION_NOUNS.trim()
    .split('\n')
    .flatMap((line) => wordList(line).map((noun, _, all) => [noun, all[0]!] as const)),
);
const MIN_FUNCTION_WORD = 4;
const ENDINGS = ['innen', 'in', 'en', 'er', 'e', 's', ''];

/**
 * The functions a text gives a person, by the function nouns its words end with ("Senatorin" →
 * senator, "Geschäftsstellenleiter" → leiter, "Vorsitzende" → vorsitzend, "contact person" → ansprechpartner).
 */
export function functionsIn(keys: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const key of keys) {
    if (key.length < MIN_FUNCTION_WORD) continue;
    for (const ending of ENDINGS) {
      if (!key.endsWith(ending)) continue;
      const base = key.slice(0, key.length - ending.length);
      for (const [noun, fn] of FUNCTIONS) if (base.endsWith(noun)) found.add(fn);
    }
  }
  return found;
}
