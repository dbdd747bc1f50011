import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildLexicon, type Lexicon } from '../../src/understanding/lexicon.js';
import { parseMessage } from '../../src/understanding/parse.js';

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = buildLexicon(loadKnowledge('knowledge'));
});

const mentioned = (text: string) => parseMessage(text, lexicon).mentions.map((m) => m.ids.join('|'));
const asks = (text: string) => [...parseMessage(text, lexicon).asks];

describe('entity recognition', () => {
  it('finds names, aliases and abbreviations', () => {
    expect(mentioned('Was macht das ECDHL?')).toEqual(['energiecluster-digitales-luebeck']);
    expect(mentioned('Ist die DSEE dabei?')).toEqual(['dsee']);
    expect(mentioned('BMFSFJ')).toEqual(['bmfsfj']);
    expect(mentioned('was ist der bbe')).toEqual(['bbe']);
  });

  it('joins split compounds and splits joined ones', () => {
    expect(mentioned('Energie Cluster')).toEqual(['energiecluster-digitales-luebeck']);
    expect(mentioned('social smartcity')).toEqual(['ag-social-smart-city']);
    expect(mentioned('Ehrenamts Messe')).toEqual(['ehrenamtsmesse']);
    expect(mentioned('Ehrenamtmesse')).toEqual(['ehrenamtsmesse']);
  });

  it('tolerates typos and missing umlauts in names', () => {
    expect(mentioned('steinrucke')).toEqual(['pia-steinruecke']);
    expect(mentioned('wer organisiert die ehrenamtsmese')).toEqual(['ehrenamtsmesse']);
    expect(mentioned('steuerungsgrupe')).toEqual(['steuerungsgruppe']);
    expect(mentioned('koerber stiftung')).toEqual(['koerber-stiftung']);
    expect(mentioned('frauenburo')).toEqual(['frauenbuero']);
  });

  it('reads inflected and gendered forms', () => {
    expect(mentioned('Forum für Migranten')).toEqual(['forum-fuer-migrantinnen']);
    expect(mentioned('Forum für Migrantinnen')).toEqual(['forum-fuer-migrantinnen']);
    expect(mentioned('Ziele der Engagierten Stadt')).toEqual(['engagierte-stadt']);
  });

  it('prefers the longest name', () => {
    expect(mentioned('Engagierte Stadt Lübeck')).toEqual(['engagierte-stadt']);
    expect(mentioned('Haus der Kulturen')).toEqual(['haus-der-kulturen']);
  });

  it('keeps a shared name word ambiguous', () => {
    expect(mentioned('das Forum')).toEqual(['forum-ehrenamt|forum-fuer-migrantinnen']);
  });

  it('does not take common words for names', () => {
    expect(mentioned('Wie viele Städte machen mit?')).toEqual([]);
    expect(mentioned('Was ist die Hauptstadt von Frankreich?')).toEqual([]);
    expect(mentioned('Wann ist der Weihnachtsmarkt?')).toEqual([]);
  });
});

describe('what is asked', () => {
  it('recognises cue words with typos and inflections', () => {
    expect(asks('telefonnumer?')).toContain('phone');
    expect(asks('wie ist die emial')).toContain('email');
    expect(asks('Wie oft trifft sich die Steuerungsgruppe?')).toContain('rhythm');
    expect(asks('wie vile städte')).toContain('count');
  });

  it('reads separable verbs ("macht … mit", "ruf … an")', () => {
    expect(asks('macht das Land Niedersachsen mit')).toContain('membership');
    expect(asks('wen ruf ich an')).toContain('phone');
  });

  it('reads the head of an unknown compound', () => {
    expect(asks('ist das ein bundesprogramm')).toContain('programme');
  });

  it('marks yes/no questions and follow-ups', () => {
    expect(parseMessage('Ist die Handwerkskammer Partner?', lexicon).yesNo).toBe(true);
    expect(parseMessage('Wer ist Partner?', lexicon).yesNo).toBe(false);
    expect(parseMessage('und die Webseite?', lexicon).followUp).toBe(true);
  });

  it('weighs unknown words, places after "in" most', () => {
    expect(parseMessage('Wer ist Ansprechpartner?', lexicon).unknownWeight).toBe(0);
    expect(parseMessage('Ansprechpartner in Kiel', lexicon).unknownWeight).toBeGreaterThanOrEqual(4);
  });
});

describe('language evidence', () => {
  it('tells German from English', () => {
    const language = (text: string) => parseMessage(text, lexicon).language;
    expect(language('Wer ist der Ansprechpartner?').de).toBeGreaterThan(language('Wer ist der Ansprechpartner?').en);
    expect(language('Who is the contact person?').en).toBeGreaterThan(language('Who is the contact person?').de);
    expect(language('ok')).toEqual({ de: 0, en: 0 });
    expect(language('Hallo')).toEqual({ de: 0, en: 0 });
  });
});

describe('commands', () => {
  it('reads the command, strips a bot mention and keeps the argument', () => {
    expect(parseMessage('/start@EngagiertBot kontakt', lexicon).command).toEqual({ name: 'start', argument: 'kontakt' });
    expect(parseMessage('/hilfe', lexicon).command).toEqual({ name: 'hilfe', argument: '' });
  });
});
