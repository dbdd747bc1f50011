import { afterAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { renderPlainText } from '../../src/reply.js';
import { brueckenfeld, removeKnowledgeDirs, renamedCopy } from '../support/knowledge-dirs.js';

afterAll(removeKnowledgeDirs);

/*
 * No city lives in the code: the same bot answers for any Engagierte Stadt whose half of
 * the knowledge it is given. Two checks: Lübeck's half with its local facts renamed, and
 * a fictional city with other organisations, a role of its own, two contacts and no
 * volunteer agency.
 */
function botFor(dir: string) {
  const assistant = createAssistant(loadKnowledge(dir));
  let n = 0;
  return (text: string) => renderPlainText(assistant.respond({ channel: 'terminal', conversationId: `q${n++}`, text }));
}

const LUEBECK_FACTS = ['Lübeck', 'Luebeck', 'ePunkt', 'Ilse', '0451 122 2029', 'ehrenamt@luebeck.de'];

describe('a copy of Lübeck’s half with the local facts renamed', () => {
  const ask = botFor(
    renamedCopy([
      ['ehrenamt@luebeck.de', 'engagement@hafenstadt.example'],
      ['0451 122 2029', '0461 555 1234'],
      ['Herr Dr. Ilse', 'Herr Dr. Brandt'],
      ['Dr. Ilse', 'Dr. Brandt'],
      ['Herr Ilse', 'Herr Brandt'],
      ['Jens Ilse', 'Ole Brandt'],
      ['Ilse', 'Brandt'],
      ['Freiwilligenagentur ePunkt', 'Freiwilligenagentur Hafenhelfer'],
      ['ePunkt', 'Hafenhelfer'],
      ['E-Punkt', 'Hafen-Helfer'],
      ['E Punkt', 'Hafen Helfer'],
      ['Epunkt', 'Hafenhelfer'],
      ['Lübecker', 'Hafenstädter'],
      ['Lübecks', 'Hafenstadts'],
      ['Lübeck', 'Hafenstadt'],
    ]),
  );

  it.each([
    ['Wer ist Ansprechpartner?', ['Ole Brandt']],
    ['Wie ist die Telefonnummer?', ['0461 555 1234']],
    ['Welche E-Mail-Adresse hat das Ehrenamtsbüro?', ['engagement@hafenstadt.example']],
    ['Seit wann ist Hafenstadt eine Engagierte Stadt?', ['2024', 'Hafenstadt']],
    ['Was ist die Freiwilligenagentur Hafenhelfer?', ['Hafenhelfer']],
    ['Wie kann ich mich ehrenamtlich engagieren?', ['Hafenhelfer']],
    ['Wie oft findet das Forum Ehrenamt statt?', ['einmal im Jahr']],
    ['Wer trägt das Programm?', ['Körber-Stiftung']],
    ['Wer sind die lokalen Partner?', ['Handwerkskammer Hafenstadt']],
    ['Hallo', ['Hafenstadt']],
    ['Wo kann ich meinen Reisepass verlängern?', []],
  ])('%s', (question, expected) => {
    const answer = ask(question);
    for (const fact of expected) expect(answer).toContain(fact);
    for (const old of LUEBECK_FACTS) expect(answer).not.toContain(old);
  });
});

describe('a fictional city: Brückenfeld', () => {
  const ask = botFor(brueckenfeld());

  it('names both of its contacts with what each is for', () => {
    const answer = ask('An wen kann ich mich wenden?');
    expect(answer).toContain('Mara Voss');
    expect(answer).toContain('Tom Keller');
    expect(answer).toContain('07361 55 410');
  });

  it('answers its own facts in the national wording', () => {
    expect(ask('Seit wann ist Brückenfeld dabei?')).toContain('Herbst 2025');
    expect(ask('Wie oft tagt der Nachbarschaftsrat?')).toContain('jeden Monat');
    expect(ask('Wer organisiert das Brückenfest?')).toMatch(/vom Nachbarschaftsrat Brückenfeld/);
    expect(ask('Wer trägt das Programm?')).toContain('Robert Bosch Stiftung');
  });

  it('has a role of its own, with its own words', () => {
    expect(ask('Ist die Kreishandwerkerschaft ein Pate?')).toMatch(/^Ja\..*Paten/s);
  });

  it('offers its own ways to get involved, and no volunteer agency it does not have', () => {
    const answer = ask('Ich möchte mich gern ehrenamtlich engagieren');
    expect(answer).toContain('Nachbarschaftsrat');
    expect(answer).not.toMatch(/ePunkt|Freiwilligenagentur/);
  });

  it('greets in its own words, and never speaks of Lübeck', () => {
    expect(ask('Hallo')).toContain('Hallo aus Brückenfeld');
    for (const question of ['Hallo', 'Wer ist Ansprechpartner?', 'Was ist die Engagierte Stadt?', 'Wer sind die Partner?', '/hilfe']) {
      for (const old of LUEBECK_FACTS) expect(ask(question), question).not.toContain(old);
    }
  });
});
