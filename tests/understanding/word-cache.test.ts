import { describe, expect, it } from 'vitest';
import { WordCache } from '../../src/understanding/word-cache.js';

describe('WordCache', () => {
  it('makes each word once, and starts afresh when full instead of growing', () => {
    const made: string[] = [];
    const cache = new WordCache((word) => {
      made.push(word);
      return word.toUpperCase();
    }, 2);
    expect(cache.get('a')).toBe('A');
    expect(cache.get('a')).toBe('A');
    cache.get('b');
    expect(made).toEqual(['a', 'b']);
    // Full: a third word empties it, so "a" is made again.
    cache.get('c');
    cache.get('a');
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });
});
