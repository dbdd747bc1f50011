import { describe, expect, it } from 'vitest';
import { editDistance, WordCorrector } from '../../src/understanding/fuzzy.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('telefonnumer', 'telefonnummer')).toBe(1);
    expect(editDistance('ehrenamtsmese', 'ehrenamtsmesse')).toBe(1);
    expect(editDistance('emial', 'email')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('gives up past the limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });
});

describe('WordCorrector', () => {
  const corrector = new WordCorrector(['ehrenamtsmesse', 'steinrucke', 'handwerkskammer', 'telefonnummer', 'hansestadt'], ['viel', 'email']);

  it('corrects a slip in a known word', () => {
    expect(corrector.correct('ehrenamtsmese')).toBe('ehrenamtsmesse');
    expect(corrector.correct('steinrcke')).toBe('steinrucke');
    expect(corrector.correct('handwerkskamer')).toBe('handwerkskammer');
  });

  it('corrects swapped letters in short words only', () => {
    expect(corrector.correct('vile')).toBe('viel');
    expect(corrector.correct('emial')).toBe('email');
    expect(corrector.correct('veil')).toBe('viel');
    expect(corrector.correct('vial')).toBeUndefined();
  });

  it('leaves words alone that are too far from anything it knows', () => {
    expect(corrector.correct('holstentor')).toBeUndefined();
    expect(corrector.correct('hauptbahnhof')).toBeUndefined();
    // Two slips in a long word are allowed; three are not ("Hauptstadt" is not "Hansestadt").
    expect(corrector.correct('handwerkskamr')).toBe('handwerkskammer');
    expect(corrector.correct('hauptstadt')).toBeUndefined();
    expect(corrector.correct('altstadt')).toBeUndefined();
  });

  it('answers repeated words from its cache with the same result', () => {
    expect(corrector.correct('ehrenamtsmese')).toBe(corrector.correct('ehrenamtsmese'));
  });
});
