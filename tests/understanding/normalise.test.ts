import { describe, expect, it } from 'vitest';
import { cleanInput, MAX_READ_LENGTH, toKey, tokenize } from '../../src/understanding/normalise.js';
import { stem } from '../../src/understanding/stem.js';

describe('toKey', () => {
  it('folds umlauts and their ae/oe/ue spellings to the same key', () => {
    expect(toKey('Lübeck')).toBe(toKey('Luebeck'));
    expect(toKey('Lübeck')).toBe(toKey('Lubeck'));
    expect(toKey('Körber')).toBe(toKey('Koerber'));
    expect(toKey('Günsür')).toBe(toKey('Guensuer'));
    expect(toKey('Frauenbüro')).toBe(toKey('frauenbuero'));
  });

  it('folds ß to ss and drops other accents', () => {
    expect(toKey('Größe')).toBe(toKey('groesse'));
    expect(toKey('Café')).toBe('cafe');
  });

  it('reads a stretched letter once, but leaves doubled letters and digits alone', () => {
    expect(toKey('Moooin')).toBe(toKey('Moin'));
    expect(toKey('tschüüüs')).toBe(toKey('tschüs'));
    expect(toKey('Kaffee')).toBe('kaffee');
    expect(toKey('1222')).toBe('1222');
  });

  it('is case-insensitive', () => {
    expect(toKey('EnergieCluster')).toBe(toKey('energiecluster'));
  });
});

describe('tokenize', () => {
  it('treats gender forms alike', () => {
    const keys = (text: string) => tokenize(text).map((t) => t.key);
    expect(keys('Migrant:innen')).toEqual(['migrant']);
    expect(keys('MigrantInnen')).toEqual(['migrant']);
    expect(keys('Bürger*innen')).toEqual(keys('Bürger'));
    expect(keys('Nutzer_innen')).toEqual(['nutzer']);
  });

  it('splits on hyphens, punctuation and spaces and keeps the surface form', () => {
    const tokens = tokenize('Körber-Stiftung, bitte!');
    expect(tokens.map((t) => t.surface)).toEqual(['Körber', 'Stiftung', 'bitte']);
    expect(tokens[0]!.key).toBe('korber');
  });

  it('joins a pronominal adverb typed apart at the end of a sentence, not "da" (there) inside one', () => {
    const words = (text: string) => tokenize(text).map((t) => t.key);
    expect(words('Wer hilft da bei?')).toEqual(['wer', 'hilft', 'dabei']);
    expect(words('wer denkt da an')).toEqual(['wer', 'denkt', 'daran']);
    expect(words('Wir treffen uns da mit Freunden.')).toEqual(['wir', 'treffen', 'uns', 'da', 'mit', 'freunden']);
  });

  it('returns nothing for emoji and punctuation only', () => {
    expect(tokenize('🙂🎉 ?!')).toEqual([]);
  });
});

describe('cleanInput', () => {
  it('removes control characters, null bytes and HTML tags', () => {
    expect(cleanInput('a\u0000b\u0007c')).toBe('a b c');
    expect(cleanInput('<b>Kontakt</b>')).toBe('Kontakt');
    expect(cleanInput('<script>alert(1)</script>Hallo')).toBe('alert(1) Hallo');
  });

  it('caps what is read', () => {
    expect(cleanInput('x'.repeat(100_000)).length).toBe(MAX_READ_LENGTH);
  });
});

describe('stem', () => {
  it('gives inflected forms of a word the same stem', () => {
    for (const forms of [
      ['partner', 'partnern', 'partners'],
      ['stadt', 'stadte'],
      ['organisiert', 'organisieren'],
      ['engagierte', 'engagierten'],
    ]) {
      expect(new Set(forms.map(stem)), forms.join()).toHaveProperty('size', 1);
    }
  });

  it('never cuts a word below four letters, and leaves numbers alone', () => {
    expect(stem('amen')).toBe('amen');
    expect(stem('2024')).toBe('2024');
  });
});
