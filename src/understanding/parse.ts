import type { Locale } from '../message.js';
import type { Ask } from './cues.js';
import type { Lexicon } from './lexicon.js';
import { cleanInput, inflectionVariants, type Token, tokenize } from './normalise.js';

export type TokenRole = 'entity' | 'cue' | 'stop' | 'domain' | 'unknown';

export interface ResolvedToken extends Token {
  /** The key after inflection and typo correction. */
  resolved: string;
  corrected: boolean;
  /** Resolved to the head of a compound ("Volkswagenstiftung" → "stiftung"): the whole is still a name we do not know. */
  head?: boolean;
  role: TokenRole;
}

export interface EntityMention {
  /** One id, or several when the words fit more than one entity ("Forum"). */
  ids: string[];
  start: number;
  end: number;
  /** A full name or alias, rather than one distinctive word of a name. */
  full: boolean;
  /** Some word of it was a typo that had to be corrected. */
  corrected: boolean;
}

/** What a message says, before any dialogue decision: the matcher's whole output. */
export interface Parse {
  text: string;
  tokens: ResolvedToken[];
  mentions: EntityMention[];
  asks: Set<Ask>;
  /** Starts like a yes/no question ("Ist …", "Gehört …", "Is …", "Does …"). */
  yesNo: boolean;
  /** Starts like a follow-up ("und …", "and …", "what about …"). */
  followUp: boolean;
  /** Words that are neither function words, cues, names nor domain words. */
  unknown: ResolvedToken[];
  /**
   * How strongly the unknown words pull the message out of scope: long words weigh more
   * than short ones, and a place after "in"/"aus" ("… in Kiel") most of all.
   */
  unknownWeight: number;
  /** Evidence for each language; equal when the message does not tell. */
  language: Record<Locale, number>;
  command?: { name: string; argument: string };
}

const YES_NO_STARTS = new Set([
  'ist',
  'sind',
  'gehort',
  'gehoren',
  'zahlt',
  'macht',
  'hat',
  'gibt',
  'war',
  'wird',
  'is',
  'are',
  'does',
  'do',
  'has',
  'isnt',
  'ob',
  'arbeitet',
  'unterstutzt',
  'fordert',
  'finanziert',
  'tragt',
  'bezahlt',
  'steht',
  'stimmt',
  'kann',
  'can',
  'konnen',
]);
const FOLLOW_UP_STARTS = new Set(['und', 'and', 'what', 'how', 'sowie', 'plus']);
const FOLLOW_UP_ANYWHERE = new Set(['auch', 'ebenfalls', 'too', 'also', 'either']);

/** Reads one message into a {@link Parse}. Pure and cheap: no I/O, bounded work per word. */
export function parseMessage(rawText: string, lexicon: Lexicon): Parse {
  const text = cleanInput(rawText);
  const command = readCommand(text);
  const tokens = tokenize(command ? command.argument : text).map((token) => resolveToken(token, lexicon));
  const mentions = findMentions(tokens, lexicon);
  const asks = findAsks(tokens, lexicon);
  for (const token of tokens) {
    if (token.role !== 'unknown') continue;
    if (lexicon.stopWords.has(token.resolved)) token.role = 'stop';
    else if (lexicon.domainWords.has(token.resolved) || lexicon.entityWords.has(token.resolved)) token.role = 'domain';
    else if (/^\d+$/.test(token.key) || token.key.length <= 1) token.role = 'stop';
  }
  const first = tokens[0]?.key ?? '';
  const second = tokens[1]?.key ?? '';
  const unknown = tokens.filter((t) => t.role === 'unknown');
  return {
    text,
    tokens,
    mentions,
    asks,
    yesNo: YES_NO_STARTS.has(first) || (first === 'und' && YES_NO_STARTS.has(second)),
    followUp: tokens.length <= 8 && (FOLLOW_UP_STARTS.has(first) || tokens.some((t) => FOLLOW_UP_ANYWHERE.has(t.key))),
    unknown,
    unknownWeight: tokens.reduce((sum, token, i) => sum + (token.role === 'unknown' ? unknownWeightOf(token, tokens[i - 1]) : 0), 0),
    language: detectLanguage(tokens, lexicon),
    ...(command ? { command } : {}),
  };
}

const PLACE_PREPOSITIONS = new Set(['in', 'aus', 'nach', 'von', 'from']);

function unknownWeightOf(token: ResolvedToken, previous: ResolvedToken | undefined): number {
  if (previous && PLACE_PREPOSITIONS.has(previous.key)) return 4;
  return token.key.length >= 6 ? 1 : 0.5;
}

function readCommand(text: string): { name: string; argument: string } | undefined {
  const match = /^\/([a-z_]{1,32})(?:@\w+)?(?:\s+(.*))?$/is.exec(text);
  if (!match) return undefined;
  return { name: match[1]!.toLowerCase(), argument: (match[2] ?? '').trim() };
}

/**
 * Finds the word a token stands for, cheapest way first: as typed; an inflection of a
 * name word ("Engagierten" → "engagierte"); as typed among cue, function and domain
 * words; an inflection of those; a cue prefix; a typo of a name or cue word; and last,
 * the head of a compound ("Bundesprogramm" → "programm").
 */
function resolveToken(token: Token, lexicon: Lexicon): ResolvedToken {
  const as = (resolved: string, corrected = false): ResolvedToken => ({ ...token, resolved, corrected, role: 'unknown' });
  const key = token.key;
  if (lexicon.entityWords.has(key) || lexicon.cueWords.has(key)) return as(key);
  const variants = inflectionVariants(key);
  const nameVariant = variants.find((v) => lexicon.entityWords.has(v));
  if (nameVariant) return as(nameVariant);
  if (lexicon.stopWords.has(key) || lexicon.domainWords.has(key)) return as(key);
  const otherVariant = variants.find((v) => lexicon.cueWords.has(v) || lexicon.domainWords.has(v));
  if (otherVariant) return as(otherVariant);
  if (hasCuePrefix(key, lexicon)) return as(key);
  const correction = lexicon.corrector.correct(key);
  if (correction) return as(correction, true);
  const head = compoundHead(key, lexicon);
  if (head) return { ...as(head, true), head: true };
  return as(key);
}

const MIN_HEAD = 6;

/**
 * German compounds put the meaning at the end: "Bundesprogramm" asks about a programme.
 * Only cue words count as heads; a name word would turn "Hauptstadt" into a city we know.
 */
function compoundHead(key: string, lexicon: Lexicon): string | undefined {
  if (key.length < MIN_HEAD + 3) return undefined;
  for (let start = 3; start <= key.length - MIN_HEAD; start++) {
    const tail = key.slice(start);
    if (lexicon.cueWords.has(tail) && !lexicon.stopWords.has(tail)) return tail;
  }
  return undefined;
}

function hasCuePrefix(key: string, lexicon: Lexicon): boolean {
  for (let length = Math.min(key.length, 20); length >= 3; length--) {
    if (lexicon.cuePrefixes.has(key.slice(0, length))) return true;
  }
  return false;
}

/** Longest names first, left to right; words used by a name are not read again as cues. */
function findMentions(tokens: ResolvedToken[], lexicon: Lexicon): EntityMention[] {
  const mentions: EntityMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let found: EntityMention | undefined;
    for (let n = Math.min(lexicon.longestAlias + 1, tokens.length - i); n >= 1 && !found; n--) {
      const slice = tokens.slice(i, i + n);
      const keys = slice.map((t) => t.resolved);
      const ids = lexicon.aliasPhrases.get(keys.join(' ')) ?? lexicon.aliasCompact.get(keys.join(''));
      if (ids) {
        found = { ids, start: i, end: i + n, full: true, corrected: slice.some((t) => t.corrected) };
      } else if (n === 1) {
        const partial = lexicon.partialWords.get(keys[0]!);
        if (partial) found = { ids: partial, start: i, end: i + 1, full: false, corrected: slice[0]!.corrected };
      }
    }
    if (found) {
      for (let k = found.start; k < found.end; k++) tokens[k]!.role = 'entity';
      mentions.push(found);
      i = found.end;
    } else {
      i++;
    }
  }
  return mentions;
}

/**
 * Separable verbs: German splits "mitmachen" into "macht … mit". A verb anywhere with its
 * particle later in the message counts as the whole verb.
 */
const SEPARABLE: { verbs: string[]; particle: string; ask: Ask }[] = [
  { verbs: ['macht', 'machen', 'wirkt', 'wirken', 'arbeitet'], particle: 'mit', ask: 'membership' },
  { verbs: ['nimmt', 'nehmen'], particle: 'teil', ask: 'membership' },
  { verbs: ['gehort', 'gehoren', 'zahlt'], particle: 'dazu', ask: 'membership' },
  { verbs: ['arbeitet', 'arbeiten'], particle: 'zusammen', ask: 'luebeck' },
  { verbs: ['steckt', 'steht', 'stehen'], particle: 'dahinter', ask: 'funders' },
  { verbs: ['ruf', 'rufe', 'rufen', 'ruft'], particle: 'an', ask: 'phone' },
];

function findAsks(tokens: ResolvedToken[], lexicon: Lexicon): Set<Ask> {
  const asks = new Set<Ask>();
  const keys = tokens.map((t) => (t.role === 'entity' ? '\u0000' : t.resolved));
  // A word used by a longer phrase ("was kannst du") is not read again by a shorter one ("was").
  const used = new Array<boolean>(tokens.length).fill(false);
  // Longer phrases claim their words first ("wie oft" before "oft"), wherever they start.
  const matches: { at: number; length: number; asks: Ask[] }[] = [];
  for (let i = 0; i < keys.length; i++) {
    for (const phrase of lexicon.cuePhrases.get(keys[i]!) ?? []) {
      const n = phrase.keys.length;
      if (i + n > keys.length) continue;
      let same = true;
      for (let k = 1; k < n && same; k++) same = keys[i + k] === phrase.keys[k];
      if (same) matches.push({ at: i, length: n, asks: phrase.asks });
    }
  }
  matches.sort((a, b) => b.length - a.length);
  for (const { at, length, asks: found } of matches) {
    let free = true;
    for (let k = at; k < at + length && free; k++) free = !used[k];
    if (!free) continue;
    for (const ask of found) asks.add(ask);
    for (let k = at; k < at + length; k++) {
      if (tokens[k]!.role === 'unknown') tokens[k]!.role = 'cue';
      if (length > 1) used[k] = true;
    }
  }
  for (const { verbs, particle, ask } of SEPARABLE) {
    const verbAt = keys.findIndex((key) => verbs.includes(key));
    const particleAt = verbAt >= 0 ? keys.indexOf(particle, verbAt + 1) : -1;
    if (particleAt < 0) continue;
    asks.add(ask);
    for (const at of [verbAt, particleAt]) if (tokens[at]!.role === 'unknown') tokens[at]!.role = 'cue';
  }
  tokens.forEach((token, index) => {
    if (token.role === 'entity' || used[index]) return;
    for (let length = Math.min(token.resolved.length, 20); length >= 3; length--) {
      const hits = lexicon.cuePrefixes.get(token.resolved.slice(0, length));
      if (!hits) continue;
      for (const hit of hits) for (const ask of hit.asks) asks.add(ask);
      tokens[index]!.role = 'cue';
      break;
    }
  });
  return asks;
}

function detectLanguage(tokens: ResolvedToken[], lexicon: Lexicon): Record<Locale, number> {
  const score = { de: 0, en: 0 };
  for (const token of tokens) {
    // Names ("Steinrücke", "Handwerkskammer") are German in any language.
    if (token.role === 'entity' || lexicon.neutralWords.has(token.key)) continue;
    if (lexicon.germanWords.has(token.key)) score.de += 1;
    if (lexicon.englishWords.has(token.key)) score.en += 1;
    // Umlauts and ß only occur in German.
    if (/[äöüß]/i.test(token.surface)) score.de += 1;
  }
  return score;
}
