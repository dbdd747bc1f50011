/**
 * Scoring for the evaluation set (format: `../shared/eval-format.md`).
 *
 * Kept apart from the runner so it can be unit-tested and so the judge never depends on
 * how the bot matches: it only sees the plain text a user would read, the fallback flag
 * and the locale.
 *
 * ```ts
 * const item = parseEvalLine('{"id":"x","cat":"contact","q":"Mail?","all":["ehrenamt@luebeck.de"]}');
 * const verdict = scoreAnswer(item, { text: 'Schreib an ehrenamt@luebeck.de', fallback: false, locale: 'de' });
 * verdict.pass; // true
 * ```
 */

export const CATEGORIES = [
  'programme',
  'contact',
  'actors',
  'partners',
  'funders',
  'people',
  'involve',
  'smalltalk',
  'out-of-scope',
  'near-miss',
  'english',
  'context',
  'typos',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** A chat answer longer than this pastes a page instead of answering. */
export const MAX_ANSWER_CHARS = 900;

export interface EvalItem {
  id: string;
  cat: Category;
  q: string;
  conv?: string;
  lang: 'de' | 'en';
  all: string[];
  any: string[];
  re: string[];
  forbid: string[];
  fallback?: boolean;
}

/** What the judge looks at: the rendered plain text plus two flags of the reply. */
export interface Observed {
  text: string;
  fallback: boolean;
  locale: string;
}

export interface Verdict {
  pass: boolean;
  /** Why it failed, one line per broken expectation; empty when it passed. */
  reasons: string[];
}

/** Thrown for a line that is not a valid evaluation item; `message` says what is wrong. */
export class EvalFormatError extends Error {
  override name = 'EvalFormatError';
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

function foldUmlauts(text: string): string {
  return text.replace(/[äöüß]/g, (ch) => UMLAUTS[ch] ?? ch);
}

/**
 * The normalisation of eval-format.md: lower case, HTML tags and `* _ \`` removed,
 * ä→ae, ö→oe, ü→ue, ß→ss, white space collapsed (and trimmed).
 */
export function normalise(text: string): string {
  const lowered = text.normalize('NFC').toLowerCase();
  const withoutMarkup = lowered.replace(/<[^>]*>/g, ' ').replace(/[*_`]/g, '');
  return foldUmlauts(withoutMarkup).replace(/\s+/g, ' ').trim();
}

/**
 * Regular expressions are matched case-insensitively on the normalised answer. Their
 * source only gets the umlaut folding (lower-casing would turn `\D` into `\d`).
 */
export function compilePattern(source: string): RegExp {
  return new RegExp(foldUmlauts(source.normalize('NFC')), 'i');
}

const KNOWN_FIELDS = new Set(['id', 'cat', 'q', 'conv', 'lang', 'all', 'any', 're', 'forbid', 'fallback']);

function stringList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string' || entry.trim() === '')) {
    throw new EvalFormatError(`"${field}" must be an array of non-empty strings`);
  }
  return value as string[];
}

/** Parses and validates one JSONL line; throws {@link EvalFormatError} naming the problem. */
export function parseEvalLine(line: string): EvalItem {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    throw new EvalFormatError(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new EvalFormatError('not a JSON object');
  }
  const obj = raw as Record<string, unknown>;
  const unknown = Object.keys(obj).filter((key) => !KNOWN_FIELDS.has(key));
  if (unknown.length > 0) throw new EvalFormatError(`unknown field(s): ${unknown.join(', ')}`);

  if (typeof obj.id !== 'string' || obj.id.trim() === '') throw new EvalFormatError('"id" must be a non-empty string');
  if (typeof obj.cat !== 'string' || !(CATEGORIES as readonly string[]).includes(obj.cat)) {
    throw new EvalFormatError(`"cat" must be one of ${CATEGORIES.join(', ')}; got ${JSON.stringify(obj.cat)}`);
  }
  if (typeof obj.q !== 'string') throw new EvalFormatError('"q" must be a string');
  if (obj.conv !== undefined && (typeof obj.conv !== 'string' || obj.conv.trim() === '')) {
    throw new EvalFormatError('"conv" must be a non-empty string');
  }
  const lang = obj.lang ?? 'de';
  if (lang !== 'de' && lang !== 'en') throw new EvalFormatError(`"lang" must be "de" or "en"; got ${JSON.stringify(lang)}`);
  if (obj.fallback !== undefined && typeof obj.fallback !== 'boolean') {
    throw new EvalFormatError('"fallback" must be true or false');
  }

  const item: EvalItem = {
    id: obj.id,
    cat: obj.cat as Category,
    q: obj.q,
    lang,
    all: stringList(obj.all, 'all'),
    any: stringList(obj.any, 'any'),
    re: stringList(obj.re, 're'),
    forbid: stringList(obj.forbid, 'forbid'),
  };
  if (typeof obj.conv === 'string') item.conv = obj.conv;
  if (typeof obj.fallback === 'boolean') item.fallback = obj.fallback;

  for (const source of [...item.re, ...item.forbid]) {
    try {
      compilePattern(source);
    } catch (error) {
      throw new EvalFormatError(`invalid regular expression ${JSON.stringify(source)}: ${(error as Error).message}`);
    }
  }
  if (!hasExpectations(item) && item.fallback === undefined) {
    throw new EvalFormatError('no expectation: give at least one of all, any, re, forbid, fallback');
  }
  return item;
}

function hasExpectations(item: EvalItem): boolean {
  return item.all.length + item.any.length + item.re.length + item.forbid.length > 0;
}

/** Judges one observed answer against one item. */
export function scoreAnswer(item: EvalItem, observed: Observed): Verdict {
  const reasons: string[] = [];
  const answer = normalise(observed.text);

  if (item.fallback !== undefined) {
    if (observed.fallback !== item.fallback) {
      reasons.push(item.fallback ? 'expected a fallback ("I don\'t know"), got an answer' : 'expected an answer, got a fallback');
    }
  } else if (hasExpectations(item) && observed.fallback) {
    reasons.push('expected an answer, got a fallback');
  }

  if (observed.locale !== item.lang) reasons.push(`expected locale ${item.lang}, got ${observed.locale}`);

  if (observed.text.length > MAX_ANSWER_CHARS) {
    reasons.push(`answer too long: ${observed.text.length} > ${MAX_ANSWER_CHARS} characters`);
  }

  const missing = item.all.filter((expected) => !answer.includes(normalise(expected)));
  if (missing.length > 0) reasons.push(`missing (all): ${missing.map((s) => JSON.stringify(s)).join(', ')}`);

  if (item.any.length > 0 && !item.any.some((expected) => answer.includes(normalise(expected)))) {
    reasons.push(`none of (any): ${item.any.map((s) => JSON.stringify(s)).join(', ')}`);
  }

  for (const source of item.re) {
    if (!compilePattern(source).test(answer)) reasons.push(`no match (re): /${source}/`);
  }
  for (const source of item.forbid) {
    if (compilePattern(source).test(answer)) reasons.push(`forbidden match: /${source}/`);
  }

  return { pass: reasons.length === 0, reasons };
}
