import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { emptyModel, prepareUnderstanding } from '../../src/understanding/model.js';

// The reader without a fitted model: only the knowledge's own words.
const understanding = prepareUnderstanding(loadKnowledge('knowledge'), emptyModel());
const read = (text: string) => understanding.read(text);
const named = (text: string) => read(text).mentions.flatMap((m) => m.ids);

describe('reading names', () => {
  it('finds a name in any case, inflected, glued or split', () => {
    expect(named('Was macht die Steuerungsgruppe Bürgerschaftliches Engagement?')).toEqual(['steuerungsgruppe']);
    expect(named('seit wann gibt es den steuerungsgruppen?')).toEqual(['steuerungsgruppe']);
    expect(named('Infos zum Energie Cluster')).toEqual(['energiecluster']);
    expect(named('Was ist die Engagierte Stadt Lübeck?')).toEqual(['luebeck']);
    expect(named('der Engagierten Stadt')).toEqual(['engagierte-stadt']);
  });

  it('corrects a typo in a name', () => {
    const reading = read('was macht die steurungsgrupe');
    expect(reading.mentions[0]).toMatchObject({ ids: ['steuerungsgruppe'], corrected: true });
  });

  it('finds a name word typed short, its beginning and a few of its later consonants', () => {
    expect(named('wann tagt die steuerungsgrp?')).toEqual(['steuerungsgruppe']);
    expect(named('wer leitet die geschaeftsst vom cluster')).toContain('energiecluster');
    // The consonants must follow in the word in order, and a short beginning is too little.
    expect(named('wann tagt die steuerungsgrk?')).toEqual([]);
    expect(named('wann tagt die steuer grp?')).toEqual([]);
  });

  it('marks one word shared by several names as ambiguous', () => {
    expect(read('Wann ist das Forum?').mentions[0]?.ids).toEqual(expect.arrayContaining(['forum-ehrenamt', 'forum-migrantinnen']));
  });

  it('does not take a one-word name for another name that goes on ("Metropolregion Hamburg")', () => {
    expect(named('Ist die Metropolregion Hamburg dabei?')).toEqual([]);
    expect(read('Ist die Metropolregion Hamburg dabei?').unknownName).toBe('Metropolregion Hamburg');
  });

  it('collects a name the knowledge does not have, with the capitalised words around it', () => {
    expect(read('Ist die AWO Lübeck Partner?').unknownName).toBe('AWO Lübeck');
    expect(read('ist caritas partner').unknownName).toBe('caritas');
  });

  it('keeps the words other names use too in a name it does not have, typed in lower case', () => {
    expect(read('ist die musterfeld-stiftung auch dabei?').unknownName).toBe('musterfeld stiftung');
  });

  it('takes known words before a word of names for a name it does not have, but not a word of names alone', () => {
    expect(read('Ist die Zukunft Stiftung dabei?').unknownName).toBe('Zukunft Stiftung');
    expect(read('Sind auch Stiftungen dabei?').unknownName).toBeUndefined();
  });

  it('reads a greeting in front of a question as politeness only', () => {
    expect(read('Guten Tag, wer leitet den Fachbereich?').tokens[0]?.key).toBe('wer');
    expect(read('Guten Tag').tokens).toHaveLength(2);
  });

  it('reads commands and their argument', () => {
    expect(read('/start kontakt').command).toEqual({ name: 'start', argument: 'kontakt' });
    expect(read('/hilfe@SomeBot').command).toEqual({ name: 'hilfe', argument: '' });
  });
});

describe('cue words', () => {
  const cues = (text: string) =>
    understanding.cueSpecificities(
      understanding
        .read(text)
        .tokens.filter((t) => t.mention === undefined)
        .map((t) => t.stem),
    );

  it('takes the frame of a question for its kind only when nothing more telling is there', () => {
    // "Wer ist …?" alone asks what the subject is; with a function in it, it asks for that function.
    expect(cues('Wer ist das Forum Ehrenamt?').has('about')).toBe(true);
    expect(cues('Wer ist die Chefin vom Forum Ehrenamt?').has('about')).toBe(false);
    expect(cues('Wer ist die Chefin vom Forum Ehrenamt?').has('lead')).toBe(true);
    expect(cues('What is the phone number of the forum?').has('about')).toBe(false);
  });

  it('counts a cue typed as it is written as specific as its very words, not as its shared stem', () => {
    const typed = (text: string) => {
      const own = understanding.read(text).tokens.filter((t) => t.mention === undefined);
      return understanding.cueSpecificities(
        own.map((t) => t.stem),
        true,
        own.map((t) => t.key),
      );
    };
    // "Link" shares its stem with "links" (left, on a photo) and "linked"; as typed, it is the website's word alone.
    expect(cues('Gibt es einen Link?').get('website')).toBeLessThan(1);
    expect(typed('Gibt es einen Link?').get('website')).toBe(1);
    expect(typed('Wer steht links?').get('website') ?? 0).toBeLessThan(1);
  });

  it('takes a question word that says what is asked for no frame', () => {
    // "seit wann" and "bis wann" ask for a time even beside another cue word of the message.
    expect(cues('Die Chefin vom Forum Ehrenamt: seit wann gibt es sie?').has('founded')).toBe(true);
    expect(cues('Wir suchen Ehrenamtliche für ein Projekt. Bis wann läuft das Programm?').has('until')).toBe(true);
    expect(cues('Why does the forum meet, and how often?').has('purpose')).toBe(true);
  });
});
