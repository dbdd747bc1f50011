import type { Locale } from '../message.js';
import type { Ask } from './cues.js';
import type { Lexicon } from './lexicon.js';
import { cleanInput, inflectionVariants, type Token, tokenize } from './normalise.js';

export type TokenRole = 'entity' | 'cue' | 'stop' | 'domain' | 'unknown';

export interface ResolvedToken extends Token {
  /** The key after inflection and typo correction. */
  resolved: string;
  corrected: boolean;
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
  /** Evidence for each language; equal when the message does not tell. */
  language: Record<Locale, number>;
  command?: { name: string; argument: string };
}

const YES_NO_STARTS = new Set(['ist', 'sind', 'gehort', 'gehoren', 'zahlt', 'macht', 'hat', 'gibt', 'war', 'wird', 'is', 'are', 'does', 'do', 'has', 'was', 'isnt', 'ob', 'arbeitet', 'unterstutzt', 'fordert', 'finanziert', 'tragt', 'bezahlt', 'steht']);
const FOLLOW_UP_STARTS = new Set(['und', 'and', 'auch', 'also', 'what', 'how', 'sowie', 'plus']);

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
    else if (/^\d+$/.test(token.key) || token.key.length <= 2) token.role = 'stop';
  }
  const first = tokens[0]?.key ?? '';
  const second = tokens[1]?.key ?? '';
  return {
    text,
    tokens,
    mentions,
    asks,
    yesNo: YES_NO_STARTS.has(first) || (first === 'und' && YES_NO_STARTS.has(second)),
    followUp: FOLLOW_UP_STARTS.has(first) && tokens.length <= 8,
    unknown: tokens.filter((t) => t.role === 'unknown'),
    language: detectLanguage(tokens, lexicon),
    ...(command ? { command } : {}),
  };
}

function readCommand(text: string): { name: string; argument: string } | undefined {
  const match = /^\/([a-z_]{1,32})(?:@\w+)?(?:\s+(.*))?$/is.exec(text);
  if (!match) return undefined;
  return { name: match[1]!.toLowerCase(), argument: (match[2] ?? '').trim() };
}

function resolveToken(token: Token, lexicon: Lexicon): ResolvedToken {
  const known = (key: string) =>
    lexicon.entityWords.has(key) || lexicon.cueWords.has(key) || lexicon.stopWords.has(key) || lexicon.domainWords.has(key);
  if (known(token.key)) return { ...token, resolved: token.key, corrected: false, role: 'unknown' };
  for (const variant of inflectionVariants(token.key)) {
    if (lexicon.entityWords.has(variant) || lexicon.cueWords.has(variant) || lexicon.domainWords.has(variant)) {
      return { ...token, resolved: variant, corrected: false, role: 'unknown' };
    }
  }
  if (hasCuePrefix(token.key, lexicon)) return { ...token, resolved: token.key, corrected: false, role: 'unknown' };
  const correction = lexicon.corrector.correct(token.key);
  if (correction) return { ...token, resolved: correction, corrected: true, role: 'unknown' };
  return { ...token, resolved: token.key, corrected: false, role: 'unknown' };
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

function findAsks(tokens: ResolvedToken[], lexicon: Lexicon): Set<Ask> {
  const asks = new Set<Ask>();
  const keys = tokens.map((t) => (t.role === 'entity' ? '\u0000' : t.resolved));
  for (const phrase of lexicon.cuePhrases) {
    const n = phrase.keys.length;
    for (let i = 0; i + n <= keys.length; i++) {
      let same = true;
      for (let k = 0; k < n && same; k++) same = keys[i + k] === phrase.keys[k];
      if (!same) continue;
      for (const ask of phrase.asks) asks.add(ask);
      for (let k = i; k < i + n; k++) if (tokens[k]!.role === 'unknown') tokens[k]!.role = 'cue';
    }
  }
  tokens.forEach((token, index) => {
    if (token.role === 'entity') return;
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
