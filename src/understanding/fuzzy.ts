import Fuse from 'fuse.js';
import { WordCache } from './word-cache.js';

/**
 * Typo tolerance for single words. fuse.js proposes near words from a vocabulary of
 * single words (a few hundred), then a bounded edit distance decides: one slip for
 * words of 5–9 letters, two from 10 letters on, and only swapped letters in 4-letter words. Matching single words rather than whole
 * example sentences keeps the cost independent of how many questions the bot knows;
 * a cache makes repeated words free.
 */
export class WordCorrector {
  private readonly wordsByLength = new Map<number, string[]>();
  // Built on first use: most word lengths are never asked about, and start-up time counts.
  private readonly fuseByLength = new Map<number, Fuse<string>>();
  // null: no correction (a cache miss is undefined).
  private readonly cache = new WordCache<string | null>((word) => this.search(word) ?? null, 20_000);
  private readonly swapTargets = new Set<string>();
  private readonly preferred: ReadonlySet<string>;

  /**
   * `preferred`: words that win a tie of equally near words ("mitmachn" is one letter from
   * "mitmachen" and from "mitmacht": the knowledge's own word is the likelier meaning).
   */
  constructor(vocabulary: Iterable<string>, swappable: Iterable<string> = [], preferred: ReadonlySet<string> = new Set()) {
    this.preferred = preferred;
    for (const word of swappable) this.swapTargets.add(word);
    // One small index per word length: a candidate is never more than two letters longer or shorter.
    const byLength = this.wordsByLength;
    for (const word of new Set(vocabulary)) {
      if (word.length < MIN_LENGTH) continue;
      const bucket = byLength.get(word.length) ?? [];
      bucket.push(word);
      byLength.set(word.length, bucket);
    }
  }

  private fuseFor(length: number): Fuse<string> | undefined {
    const existing = this.fuseByLength.get(length);
    if (existing) return existing;
    const words = this.wordsByLength.get(length);
    if (!words) return undefined;
    const fuse = new Fuse(words, { includeScore: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 2 });
    this.fuseByLength.set(length, fuse);
    return fuse;
  }

  private swapped(word: string): string | undefined {
    for (let i = 0; i + 1 < word.length; i++) {
      const candidate = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (candidate !== word && this.swapTargets.has(candidate)) return candidate;
    }
    return undefined;
  }

  /** The vocabulary word that `word` is most likely a typo of, or undefined. */
  correct(word: string): string | undefined {
    if (word.length < MIN_LENGTH || word.length > 32) return undefined;
    return this.cache.get(word) ?? undefined;
  }

  /** A letter typed twice ("wass", "citty"): the word without it, when that is a word (of `within`, by default of the vocabulary). */
  undoubled(word: string, within: ReadonlySet<string> = this.swapTargets): string | undefined {
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] !== word[i + 1]) continue;
      const candidate = word.slice(0, i) + word.slice(i + 1);
      if (within.has(candidate)) return candidate;
    }
    return undefined;
  }

  private search(word: string): string | undefined {
    const undoubled = this.undoubled(word);
    if (undoubled) return undoubled;
    const swapped = this.swapped(word);
    if (swapped || word.length === SHORT_LENGTH) return swapped;
    const limit = allowedEdits(word.length);
    let best: { word: string; distance: number; rank: number } | undefined;
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      const fuse = this.fuseFor(length);
      if (!fuse) continue;
      for (const hit of fuse.search(word, { limit: 3 })) {
        const distance = editDistance(word, hit.item, limit);
        if (distance > limit) continue;
        // Fuse's score orders equally near words, the preferred ones first.
        const rank = (hit.score ?? 1) - (this.preferred.has(hit.item) ? 1 : 0);
        if (!best || distance < best.distance || (distance === best.distance && rank < best.rank)) {
          best = { word: hit.item, distance, rank };
        }
      }
    }
    return best?.word;
  }
}

/** Four-letter words are only corrected for swapped letters ("vile" → "viel"), and short cue words only for swaps ("emial" → "email"): anything looser guesses. */
const SHORT_LENGTH = 4;
const MIN_LENGTH = 4;

export function allowedEdits(length: number): number {
  return length >= 10 ? 2 : 1;
}

/**
 * Optimal string alignment distance (Levenshtein plus swapped neighbours, the typo
 * people make most), giving up early once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let previous2 = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[cols - 1]!;
}
