import { editDistance } from './fuzzy.js';
import { type Lexicon, MIN_PREFIX } from './lexicon.js';
import { cleanInput, toKey, tokenize } from './normalise.js';
import { stem } from './stem.js';

/** One word of the message: as typed, as a key, and as the stem the reader matched. */
export interface ReadToken {
  surface: string;
  /** The key after typo correction (lower case, umlauts folded). */
  key: string;
  stem: string;
  corrected: boolean;
  /** A word of the knowledge, a function word, or a word of the corpus. */
  known: boolean;
  /** A word of the knowledge or a function word (not just of the corpus, which also has names the page lacks). */
  domain: boolean;
  /** Index into `mentions` when the word is part of a name. */
  mention?: number;
  /** Read by the end of a compound ("Festnetznummer" as "Nummer"): it says what is asked, but names nothing. */
  compound?: boolean;
}

/** A name of a subject found in the message. */
export interface Mention {
  /** One id, or several when the words fit more than one subject ("Forum"). */
  ids: string[];
  start: number;
  end: number;
  /** A whole name or alias, not one word of a name. */
  full: boolean;
  corrected: boolean;
}

/** What the reader makes of a message, before any dialogue decision. */
export interface Reading {
  text: string;
  tokens: ReadToken[];
  mentions: Mention[];
  /** Words that look like a name the knowledge does not have ("AWO Musterstadt"), as typed. */
  unknownName?: string;
  /** `/start foo` → { name: "start", argument: "foo" }. */
  command?: { name: string; argument: string };
}

export interface ReaderOptions {
  /** Phrases (as keys) that only open a message when more follows ("guten tag", "hallo"). */
  preambles: readonly string[][];
  /** Words that can extend a name the knowledge does not know ("Stiftung", "Verein") but never are cues. */
  cueStems: ReadonlySet<string>;
  /** Keys known from the training corpus. */
  corpusWords: ReadonlySet<string>;
  /** Keys of everyday words, never part of a name the knowledge lacks ("stimmt das?"). */
  everydayWords: ReadonlySet<string>;
}

/** Reads one message. Pure and cheap: no I/O, bounded work per word. */
export function readMessage(raw: string, lexicon: Lexicon, options: ReaderOptions): Reading {
  const text = cleanInput(raw);
  const command = /^\/([a-z_]{1,32})(?:@\w+)?(?:\s+(.*))?$/is.exec(text);
  const body = command ? (command[2] ?? '').trim() : text;
  const tokens = dropPreamble(
    tokenize(body).map((token) => resolve(token.surface, token.key, lexicon, options.corpusWords)),
    options.preambles,
    lexicon,
  );
  const found = findMentions(tokens, lexicon);
  const unknown = () => findUnknownName(tokens, lexicon, options.cueStems, options.everydayWords);
  const first = unknown();
  const mentions = withoutPartsOfOtherNames(found, first, tokens, lexicon);
  // The words given back may belong to the name the knowledge lacks ("Hamburg Metropolitan Region"): read it again then.
  const unknownName = (mentions === found ? first : unknown())?.name;
  return {
    text,
    tokens,
    mentions,
    ...(unknownName ? { unknownName } : {}),
    ...(command ? { command: { name: command[1]!.toLowerCase(), argument: body } } : {}),
  };
}

/**
 * "Guten Tag, ich hätte eine Frage zum Forum": a greeting in front of a question is
 * politeness, and the question is what to answer. A greeting alone stays.
 */
function dropPreamble(tokens: ReadToken[], preambles: readonly string[][], lexicon: Lexicon): ReadToken[] {
  for (const phrase of preambles) {
    if (phrase.length === 0 || phrase.length >= tokens.length || !phrase.every((key, i) => tokens[i]?.key === key)) continue;
    const rest = tokens.slice(phrase.length);
    const content = rest.filter((t) => !lexicon.functionWords.has(t.key)).length;
    return content >= 2 ? rest : tokens;
  }
  return tokens;
}

function resolve(surface: string, key: string, lexicon: Lexicon, corpusWords: ReadonlySet<string>): ReadToken {
  const domain = lexicon.domainWords.has(key) || /^\d+$/.test(key);
  if (domain) return { surface, key, stem: stem(key), corrected: false, known: true, domain };
  const relative = prefixRelative(key, lexicon);
  if (relative) return { surface, key: relative, stem: stem(relative), corrected: false, known: true, domain: true };
  // A letter typed twice in a word of the knowledge ("wass", "epunktt") is that word, even where the corpus has the slip too.
  const single = lexicon.corrector.undoubled(key, lexicon.domainWords);
  if (single) return { surface, key: single, stem: stem(single), corrected: true, known: true, domain: true };
  if (corpusWords.has(key)) return { surface, key, stem: stem(key), corrected: false, known: true, domain };
  const correction = lexicon.corrector.correct(key);
  // "ehrenamtsteam" is two known words, not a typo two letters away from "ehrenamtstag".
  if (correction && editDistance(key, correction, 2) > 1 && isKnownCompound(key, lexicon, corpusWords)) {
    const head = compoundHead(key, lexicon, corpusWords)!;
    return { surface, key: head, stem: stem(head), corrected: false, known: true, domain: false, compound: true };
  }
  if (correction)
    return { surface, key: correction, stem: stem(correction), corrected: true, known: true, domain: lexicon.domainWords.has(correction) };
  const head = compoundHead(key, lexicon, corpusWords);
  if (head) return { surface, key: head, stem: stem(head), corrected: false, known: true, domain: false, compound: true };
  return { surface, key, stem: stem(key), corrected: false, known: false, domain: false };
}

/** Verb prefixes of German and English that change little of what a question asks ("zahlt" / "bezahlt", "gefördert" / "fördert"). */
const VERB_PREFIXES = ['be', 'ge', 'ver', 'er', 'ent', 'mit', 'an', 'aus', 'ein', 're'];
const MIN_RELATIVE = 4;

/** A word and, when it starts with a verb prefix, the word without it ("austauscht" → "tauscht"): texts are indexed under both. */
export function withoutVerbPrefix(key: string): string[] {
  const prefix = VERB_PREFIXES.find((p) => key.startsWith(p) && key.length - p.length >= MIN_RELATIVE);
  return prefix ? [key, key.slice(prefix.length)] : [key];
}

/**
 * A word the knowledge does not use, whose relative with or without a verb prefix it does:
 * "Wer zahlt das?" asks what "Wer bezahlt das?" asks.
 */
function prefixRelative(key: string, lexicon: Lexicon): string | undefined {
  if (key.length < MIN_RELATIVE) return undefined;
  for (const prefix of VERB_PREFIXES) {
    const longer = prefix + key;
    if (lexicon.domainWords.has(longer) && !lexicon.functionWords.has(longer)) return longer;
    const shorter = key.startsWith(prefix) ? key.slice(prefix.length) : '';
    if (shorter.length >= MIN_RELATIVE && lexicon.domainWords.has(shorter) && !lexicon.functionWords.has(shorter)) return shorter;
  }
  return undefined;
}

const MIN_HEAD = 4;

/**
 * German puts the meaning of a compound at its end: "Festnetznummer" asks for a number,
 * "Vereinsvorsitzende" is a chair. An unknown long word is read by its longest known end.
 */
function compoundHead(key: string, lexicon: Lexicon, corpusWords: ReadonlySet<string>): string | undefined {
  if (key.length < 2 * MIN_HEAD) return undefined;
  for (let start = 3; start <= key.length - MIN_HEAD; start++) {
    const tail = key.slice(start);
    if ((lexicon.domainWords.has(tail) || corpusWords.has(tail)) && !lexicon.functionWords.has(tail)) return tail;
  }
  return undefined;
}

/** German joins the parts of a compound with these ("Ehrenamt-s-team", "Tag-es-zeit", "Frau-en-büro"). */
const LINKS = ['', 's', 'es', 'n', 'en'];
const MIN_MODIFIER = 3;

/** Whether a word splits into two words that are known on their own. */
function isKnownCompound(key: string, lexicon: Lexicon, corpusWords: ReadonlySet<string>): boolean {
  const known = (word: string) => (lexicon.domainWords.has(word) || corpusWords.has(word)) && !lexicon.functionWords.has(word);
  for (let start = MIN_MODIFIER; start <= key.length - MIN_HEAD; start++) {
    if (!known(key.slice(start))) continue;
    const modifier = key.slice(0, start);
    if (
      LINKS.some(
        (link) => modifier.endsWith(link) && modifier.length - link.length >= MIN_MODIFIER && known(modifier.slice(0, modifier.length - link.length)),
      )
    )
      return true;
  }
  return false;
}

/**
 * Longest names first, left to right, on stems (so "der Engagierten Stadt" meets
 * "Engagierte Stadt"), also glued ("Bundes Netzwerk" → "Bundesnetzwerk"); then single
 * distinctive words of names. A one-word name followed by a word the bot does not know
 * ("Metropolregion Hamburg") is someone else's name, not a mention.
 */
function findMentions(tokens: ReadToken[], lexicon: Lexicon): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let found: Mention | undefined;
    for (let n = Math.min(lexicon.longestPhrase + 1, tokens.length - i); n >= 1 && !found; n--) {
      const slice = tokens.slice(i, i + n);
      if (slice.some((t) => t.compound)) continue;
      const ids = lexicon.phrases.get(slice.map((t) => t.stem).join(' ')) ?? lexicon.compact.get(slice.map((t) => t.key).join(''));
      const misheard = ids || n < 2 ? undefined : oneWordOff(slice, lexicon);
      if (ids) found = { ids, start: i, end: i + n, full: true, corrected: slice.some((t) => t.corrected) };
      else if (misheard) found = { ids: misheard, start: i, end: i + n, full: true, corrected: true };
      else if (n === 1) {
        const token = slice[0]!;
        // The beginning of a name word counts only for words the knowledge does not use otherwise ("Handwerk").
        const partial =
          lexicon.partial.get(token.stem) ??
          (token.domain ? undefined : (lexicon.prefixes.get(token.stem) ?? shortenedNameWord(token.stem, lexicon)));
        if (partial && partial.length <= 2) found = { ids: partial, start: i, end: i + 1, full: false, corrected: token.corrected };
      }
    }
    if (found && (found.end - found.start === 1 || !found.full) && continuesAsAnotherName(found, tokens, lexicon)) found = undefined;
    if (found) {
      for (let k = found.start; k < found.end; k++) tokens[k]!.mention = mentions.length;
      mentions.push(found);
      i = found.end;
    } else i++;
  }
  return mentions;
}

/** Most letters typed after the beginning of a shortened word ("grp" of "gruppe"). */
const MAX_SHORTENED_TAIL = 3;

/**
 * A name word typed short on a phone: its beginning and a few of its later consonants, as in
 * "Steuerungsgrp" or "Arbeitsgrp". The beginning must be at least as long as the
 * beginnings that count alone, the consonants must follow in the word in order.
 */
function shortenedNameWord(typed: string, lexicon: Lexicon): string[] | undefined {
  for (let cut = typed.length - 1; cut >= MIN_PREFIX && typed.length - cut <= MAX_SHORTENED_TAIL; cut--) {
    const tail = typed.slice(cut);
    if (/[aeiouy]/.test(tail)) return undefined;
    const start = typed.slice(0, cut);
    if (!lexicon.prefixes.has(start)) continue;
    for (const [word, ids] of lexicon.partial) {
      if (word.length > typed.length && word.startsWith(start) && inOrder(tail, word.slice(cut))) return ids;
    }
  }
  return undefined;
}

/** Whether the letters of `part` occur in `word` in the same order. */
function inOrder(part: string, word: string): boolean {
  let at = 0;
  for (const letter of part) {
    at = word.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * Whether a short name is really part of a name the knowledge does not have: "Metropolregion
 * Hamburg", or "Metropolregion Rhein-Main" where the knowledge's longer name of that subject
 * goes on "Rhein-Neckar". The message is aligned with each longer name the short one is part
 * of; the first word after it that leaves that name is someone else's name if it is capitalised –
 * any such word once other words of the longer name were typed too, else only a word the
 * knowledge does not use ("Hamburg", not "Partner").
 */
function continuesAsAnotherName(found: Mention, tokens: ReadToken[], lexicon: Lexicon): boolean {
  const slice = tokens.slice(found.start, found.end).map((t) => t.key);
  let followed = false;
  let otherBefore = false;
  const before = tokens[found.start - 1];
  const capitalisedUnknown = (t: ReadToken | undefined) =>
    t !== undefined &&
    t.mention === undefined &&
    !t.domain &&
    /^\p{Lu}/u.test(t.surface) &&
    !lexicon.functionWords.has(t.key) &&
    !lexicon.honorifics.has(t.key);
  for (const name of lexicon.multiWord.get(slice[0]!) ?? []) {
    if (name.keys.length <= slice.length || !name.ids.some((id) => found.ids.includes(id))) continue;
    for (let offset = 0; offset + slice.length <= name.keys.length; offset++) {
      if (!slice.every((key, k) => name.keys[offset + k] === key)) continue;
      let typed = 0;
      while (offset - typed - 1 >= 0 && tokens[found.start - typed - 1]?.key === name.keys[offset - typed - 1]) typed++;
      let at = found.end;
      while (offset + (at - found.start) < name.keys.length && tokens[at]?.key === name.keys[offset + (at - found.start)]) at++;
      if (offset + (at - found.start) >= name.keys.length && typed === offset) return false;
      if (typed > 0 || at > found.end) followed = true;
      // "Jan Muster" where the name is "Jana Muster": a capitalised word the knowledge lacks in place of the name's word before.
      if (offset > 0 && typed === 0 && capitalisedUnknown(before)) otherBefore = true;
    }
  }
  if (otherBefore) return true;
  const next = tokens[found.end];
  if (next === undefined || next.mention !== undefined || !/^\p{Lu}/u.test(next.surface) || lexicon.functionWords.has(next.key)) return false;
  return followed || !next.domain;
}

/** The odd word of a misheard name: shorter words are too easily another word ("Jens Ilze" still passes). */
const MIN_MISHEARD = 4;

/**
 * A name of several words with one word misheard or mistyped but still a word of its own
 * ("Körper Stiftung" for "Körber-Stiftung", "Joachim Hertz Stiftung"): every other word
 * must match exactly, and the odd one be a single letter off.
 */
function oneWordOff(slice: ReadToken[], lexicon: Lexicon): string[] | undefined {
  const tried = new Set<{ keys: string[]; ids: string[] }>();
  for (const token of slice) {
    for (const name of lexicon.multiWord.get(token.key) ?? []) {
      if (name.keys.length !== slice.length || tried.has(name)) continue;
      tried.add(name);
      let off = 0;
      for (let k = 0; k < name.keys.length && off <= 1; k++) {
        const key = slice[k]!.key;
        const wanted = name.keys[k]!;
        if (key === wanted || stem(key) === stem(wanted)) continue;
        // The word as typed, too: a typo may have been read as another word ("socal" as "local" rather than "social").
        const near = (word: string) => word.length >= MIN_MISHEARD && editDistance(word, wanted, 1) <= 1;
        off += near(key) || (slice[k]!.corrected && near(toKey(slice[k]!.surface))) ? 1 : 2;
      }
      if (off === 1) return name.ids;
    }
  }
  return undefined;
}

/** What is left of an English contraction once the apostrophe splits it ("We're" → "we", "re"): never a name. */
const CONTRACTED = new Set(['re', 've', 'll']);

/** How many words may stand between a word of a name and the rest of it, and which ("Ministry of the Interior"). */
const MAX_NAME_GAP = 2;
const NAME_LINKS = new Set(['of', 'the', 'for', 'der', 'des', 'fur', 'von']);

/**
 * A single word of a known name that stands right beside a capitalised name the knowledge
 * lacks is part of that other name, not a mention: "the Hamburg Metropolitan Region" is not
 * the Rhine-Neckar one, "the Federal Ministry of the Interior" not the family ministry. The
 * words are given back (they name nothing), so that the other name is read whole.
 */
function withoutPartsOfOtherNames(mentions: Mention[], unknown: UnknownSpan | undefined, tokens: ReadToken[], lexicon: Lexicon): Mention[] {
  if (!unknown || !tokens.slice(unknown.start, unknown.end).some((t) => /^\p{Lu}/u.test(t.surface))) return mentions;
  const between = (from: number, to: number) => tokens.slice(from, to).every((t) => NAME_LINKS.has(t.key));
  const touches = (m: Mention) =>
    (m.end <= unknown.start && unknown.start - m.end <= MAX_NAME_GAP && between(m.end, unknown.start)) ||
    (m.start >= unknown.end && m.start - unknown.end <= MAX_NAME_GAP && between(unknown.end, m.start));
  // A person named by the surname right after another first name is someone else ("Friedemann Muster" is no "Erika Muster").
  const nameOf = (id: string) => {
    const subject = lexicon.subjects.get(id);
    return subject?.kind === 'person' ? tokenize(subject.name.text.de).map((t) => t.key) : [];
  };
  // … its surname, that is: the mention starts with a word of the name that is not its first ("Muster", not "Senatorin Muster").
  const bySurname = (id: string, first: string | undefined) => {
    const words = nameOf(id);
    return first !== undefined && words.indexOf(first) > 0;
  };
  const otherPerson = (m: Mention) => {
    const before = tokens[m.start - 1];
    return (
      unknown.end === m.start &&
      before !== undefined &&
      /^\p{Lu}/u.test(before.surface) &&
      !before.domain &&
      !lexicon.honorifics.has(before.key) &&
      m.ids.every((id) => bySurname(id, tokens[m.start]?.key))
    );
  };
  const kept = mentions.filter((m) => (m.full && !otherPerson(m)) || !touches(m));
  if (kept.length === mentions.length) return mentions;
  for (const token of tokens) {
    if (token.mention === undefined) continue;
    const index = kept.indexOf(mentions[token.mention]!);
    if (index < 0) delete token.mention;
    else token.mention = index;
  }
  return kept;
}

interface UnknownSpan {
  name: string;
  start: number;
  end: number;
}

/**
 * A name the knowledge does not have: words that are not words of the knowledge, with the capitalised
 * words around them that belong to a name ("AWO Musterstadt", "Stiftung Mercator") but not
 * cue words ("Partner") or function words.
 */
function findUnknownName(
  tokens: ReadToken[],
  lexicon: Lexicon,
  cueStems: ReadonlySet<string>,
  everydayWords: ReadonlySet<string>,
): UnknownSpan | undefined {
  // A word that other names use too belongs to this one ("Possehl-Stiftung", "AWO Musterstadt"), a cue word does not ("Partner").
  const nameWord = (t: ReadToken) =>
    t.mention === undefined && lexicon.nameStems.has(t.stem) && !lexicon.functionWords.has(t.key) && !cueStems.has(t.stem);
  // Everyday words are never part of a name ("ich hab gehört Musterstadt …").
  const content = (t: ReadToken | undefined) =>
    t !== undefined && t.mention === undefined && !lexicon.functionWords.has(t.key) && !/^\d+$/.test(t.key) && !everydayWords.has(t.key);
  // "etwas für Kinder und Jugendliche": a word right after a preposition of whom it is for (and the words joined to it)
  // describes what is looked for – unless the preposition goes on a name ("Bundesministerium für …").
  const describes = (i: number): boolean => {
    const before = tokens[i - 1];
    if (!before) return false;
    if (/^(und|oder|and|or)$/.test(before.key)) return describes(i - 2);
    const owner = tokens[i - 2];
    return lexicon.audiencePrepositions.has(before.key) && !(owner && (owner.mention !== undefined || lexicon.nameStems.has(owner.stem)));
  };
  let at = tokens.findIndex(
    (t, i) => !t.domain && t.mention === undefined && t.key.length >= 2 && !everydayWords.has(t.key) && !CONTRACTED.has(t.key) && !describes(i),
  );
  // Or a word of names with another word before it that no name of the knowledge goes on with ("die Zeit-Stiftung").
  if (at < 0) at = tokens.findIndex((t, i) => i > 0 && nameWord(t) && content(tokens[i - 1]));
  if (at < 0) return undefined;
  const belongs = (t: ReadToken | undefined) =>
    t !== undefined && t.mention === undefined && /^\p{Lu}/u.test(t.surface) && !lexicon.functionWords.has(t.key) && !cueStems.has(t.stem);
  let start = at;
  let end = at + 1;
  while (start > 0 && (belongs(tokens[start - 1]) || (nameWord(tokens[at]!) && content(tokens[start - 1])))) start--;
  const unknownWord = (t: ReadToken) => !t.domain && t.mention === undefined && !everydayWords.has(t.key);
  while (end < tokens.length && (belongs(tokens[end]) || unknownWord(tokens[end]!) || nameWord(tokens[end]!))) end++;
  const name = tokens
    .slice(start, end)
    .map((t) => t.surface)
    .join(' ');
  return { name, start, end };
}
