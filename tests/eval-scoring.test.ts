import { describe, expect, it } from 'vitest';
import { EvalFormatError, normalise, parseEvalLine, scoreAnswer } from '../scripts/eval-scoring.js';

const answer = (text: string, over: { fallback?: boolean; locale?: string } = {}) => ({
  text,
  fallback: over.fallback ?? false,
  locale: over.locale ?? 'de',
});

describe('normalise', () => {
  it('lower-cases, folds umlauts and ß, collapses white space', () => {
    expect(normalise('  Senatorin PIA Steinrücke\n\n Straße  Größe ÄÖÜ ')).toBe('senatorin pia steinruecke strasse groesse aeoeue');
  });

  it('removes HTML tags and the markup characters * _ `', () => {
    expect(normalise('<b>Tel.</b> *0451* _122_ `2029`')).toBe('tel. 0451 122 2029');
  });

  it('folds decomposed umlauts too', () => {
    expect(normalise('Ko\u0308rber')).toBe('koerber');
  });
});

describe('parseEvalLine', () => {
  it('fills defaults', () => {
    const item = parseEvalLine('{"id":"a","cat":"contact","q":"Mail?","all":["x"]}');
    expect(item).toMatchObject({ id: 'a', lang: 'de', all: ['x'], any: [], re: [], forbid: [] });
    expect(item.fallback).toBeUndefined();
  });

  it.each([
    ['not json', '{"id":"a",', /not valid JSON/],
    ['unknown category', '{"id":"a","cat":"weather","q":"x","fallback":true}', /"cat"/],
    ['unknown field', '{"id":"a","cat":"contact","q":"x","al":["y"]}', /unknown field.*al/],
    ['bad regex', '{"id":"a","cat":"contact","q":"x","re":["("]}', /invalid regular expression/],
    ['bad lang', '{"id":"a","cat":"contact","q":"x","lang":"fr","fallback":true}', /"lang"/],
    ['list of non-strings', '{"id":"a","cat":"contact","q":"x","any":[1]}', /"any"/],
    ['nothing to check', '{"id":"a","cat":"contact","q":"x"}', /no expectation/],
    ['fallback not boolean', '{"id":"a","cat":"contact","q":"x","fallback":"yes"}', /"fallback"/],
  ])('rejects %s', (_name, line, message) => {
    expect(() => parseEvalLine(line)).toThrow(EvalFormatError);
    expect(() => parseEvalLine(line)).toThrow(message);
  });
});

describe('scoreAnswer', () => {
  const phone = parseEvalLine('{"id":"p","cat":"contact","q":"nummer?","re":["0451\\\\D{0,3}122\\\\D{0,3}2029"]}');

  it('passes a phone number in any common spelling', () => {
    for (const text of ['Tel. 0451 122 2029', 'Ruf an: 0451/122-2029', '<b>0451 1222029</b>']) {
      expect(scoreAnswer(phone, answer(text)).pass).toBe(true);
    }
  });

  it('fails a wrong number', () => {
    const verdict = scoreAnswer(phone, answer('Tel. 0451 122 2030'));
    expect(verdict.pass).toBe(false);
    expect(verdict.reasons.join()).toMatch(/no match \(re\)/);
  });

  it('matches expected strings after normalising both sides', () => {
    const item = parseEvalLine('{"id":"n","cat":"people","q":"wer","all":["Steinrücke","koerber"]}');
    expect(scoreAnswer(item, answer('**Pia STEINRUECKE** und die Körber-Stiftung')).pass).toBe(true);
    const verdict = scoreAnswer(item, answer('Pia Steinrücke'));
    expect(verdict.pass).toBe(false);
    expect(verdict.reasons.join()).toMatch(/missing \(all\): "koerber"/);
  });

  it('needs one of any', () => {
    const item = parseEvalLine('{"id":"y","cat":"funders","q":"wer","any":["bosch","bertelsmann"]}');
    expect(scoreAnswer(item, answer('Die Robert Bosch Stiftung')).pass).toBe(true);
    expect(scoreAnswer(item, answer('Die Körber-Stiftung')).pass).toBe(false);
  });

  it('applies forbid on the normalised answer, anchored at its start', () => {
    const item = parseEvalLine('{"id":"f","cat":"partners","q":"ist x partner?","all":["handwerkskammer"],"forbid":["^nein"]}');
    expect(scoreAnswer(item, answer('Ja, die Handwerkskammer Lübeck ist lokaler Partner.')).pass).toBe(true);
    expect(scoreAnswer(item, answer('<b>Nein</b>, die Handwerkskammer ...')).pass).toBe(false);
    expect(scoreAnswer(item, answer('Ja – nein, Spaß: die Handwerkskammer')).pass).toBe(true);
  });

  it('matches re case-insensitively without breaking escapes like \\D', () => {
    const item = parseEvalLine('{"id":"r","cat":"partners","q":"ist die ihk partner?","re":["^(nein|no)\\\\b"]}');
    expect(scoreAnswer(item, answer('NEIN, die IHK steht nicht auf der Liste.')).pass).toBe(true);
    expect(scoreAnswer(item, answer('Neinsager gibt es nicht')).pass).toBe(false);
  });

  it('counts a fallback as wrong when expectations exist and fallback is unspecified', () => {
    const item = parseEvalLine('{"id":"e","cat":"contact","q":"mail?","any":["ehrenamt"]}');
    const verdict = scoreAnswer(item, answer('Das weiß ich leider nicht. Schreib an ehrenamt@luebeck.de', { fallback: true }));
    expect(verdict.pass).toBe(false);
    expect(verdict.reasons).toContain('expected an answer, got a fallback');
  });

  it('checks an explicit fallback both ways', () => {
    const oos = parseEvalLine('{"id":"o","cat":"out-of-scope","q":"wetter?","fallback":true}');
    expect(scoreAnswer(oos, answer('Weiß ich nicht.', { fallback: true })).pass).toBe(true);
    expect(scoreAnswer(oos, answer('Morgen scheint die Sonne.')).pass).toBe(false);
    const hi = parseEvalLine('{"id":"h","cat":"smalltalk","q":"moin","fallback":false}');
    expect(scoreAnswer(hi, answer('Moin!')).pass).toBe(true);
    expect(scoreAnswer(hi, answer('Hä?', { fallback: true })).pass).toBe(false);
  });

  it('requires the expected locale, German by default', () => {
    const de = parseEvalLine('{"id":"l","cat":"programme","q":"seit wann?","all":["2024"]}');
    expect(scoreAnswer(de, answer('Since 2024.', { locale: 'en' })).reasons).toContain('expected locale de, got en');
    const en = parseEvalLine('{"id":"m","cat":"english","lang":"en","q":"since when?","all":["2024"]}');
    expect(scoreAnswer(en, answer('Since 2024.', { locale: 'en' })).pass).toBe(true);
    expect(scoreAnswer(en, answer('Seit 2024.')).pass).toBe(false);
  });

  it('fails an answer longer than 900 characters even if it has the facts', () => {
    const item = parseEvalLine('{"id":"t","cat":"programme","q":"wie viele?","all":["120"]}');
    expect(scoreAnswer(item, answer(`120 ${'x'.repeat(896)}`)).pass).toBe(true);
    const verdict = scoreAnswer(item, answer(`120 ${'x'.repeat(897)}`));
    expect(verdict.pass).toBe(false);
    expect(verdict.reasons.join()).toMatch(/too long/);
  });
});
