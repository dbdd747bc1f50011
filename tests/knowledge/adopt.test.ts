import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createAssistant, type ReloadableAssistant } from '../../src/assistant.js';
import { type AnswerAdopter, createAnswerAdopter } from '../../src/knowledge/adopt.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { renderPlainText } from '../../src/reply.js';
import { knowledgeCopy, removeKnowledgeDirs } from '../support/knowledge-dirs.js';

const PARKING = 'Am Veranstaltungsort gibt es ein Parkhaus; mit dem Bus ist man schneller.';

describe('answers taken over from the hand-off', () => {
  let dir: string;
  let assistant: ReloadableAssistant;
  let adopter: AnswerAdopter;
  let turn = 0;
  const ask = (text: string) => renderPlainText(assistant.respond({ channel: 'batch', conversationId: `c${turn++}`, text }));

  beforeEach(() => {
    dir = knowledgeCopy();
    assistant = createAssistant(loadKnowledge(dir));
    adopter = createAnswerAdopter({ knowledgeDir: dir, onKnowledge: (knowledge) => assistant.setKnowledge(knowledge) });
  });
  afterAll(removeKnowledgeDirs);

  const adoptParking = () =>
    adopter.adopt({ id: 'ticket-7', question: 'Gibt es beim Forum Ehrenamt Parkplätze?', answer: PARKING, locale: 'de', source: 'Hand-off #7' });

  it('answers the question and a paraphrase from then on, in the running assistant', () => {
    expect(ask('Gibt es beim Forum Ehrenamt Parkplätze?')).not.toContain('Parkhaus');
    expect(adoptParking()).toMatchObject({ status: 'adopted', id: 'ticket-7', updated: false });
    expect(ask('Gibt es beim Forum Ehrenamt Parkplätze?')).toBe(PARKING);
    expect(ask('Wo findet man beim Forum Ehrenamt einen Parkplatz?')).toBe(PARKING);
    expect(ask('parkplatz forum ehrenamt')).toBe(PARKING);
  });

  it('keeps other questions as they were, also ones about the same subject or the same thing elsewhere', () => {
    adoptParking();
    expect(ask('Wie oft findet das Forum Ehrenamt statt?')).toMatch(/einmal im Jahr/);
    expect(ask('Gibt es beim ePunkt Parkplätze?')).not.toContain('Parkhaus');
    expect(ask('Gibt es beim Forum Ehrenamt etwas zu essen?')).not.toContain('Parkhaus');
    expect(ask('Wer ist Ansprechpartner?')).toMatch(/Ilse/);
  });

  it('writes a reviewable entry, keeps what editors wrote, and updates the same ticket instead of adding it twice', () => {
    adoptParking();
    const file = path.join(dir, 'city', 'answers.yaml');
    const edited = readFileSync(file, 'utf8').replace('answers:', '# geprüft von der Redaktion\nanswers:');
    writeFileSync(file, edited);
    expect(
      adopter.adopt({
        id: 'ticket-7',
        question: 'Gibt es beim Forum Ehrenamt Parkplätze?',
        answer: 'Ja, ein Parkhaus.',
        locale: 'de',
        source: 'Hand-off #7',
      }),
    ).toMatchObject({ status: 'adopted', updated: true });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# geprüft von der Redaktion');
    expect(text.match(/id: ticket-7/g)).toHaveLength(1);
    expect(text).toContain('Hand-off #7');
    expect(ask('Gibt es beim Forum Ehrenamt Parkplätze?')).toBe('Ja, ein Parkhaus.');
  });

  it('refuses an entry the knowledge checks would reject, and leaves the file alone', () => {
    expect(adopter.adopt({ id: 'Ticket 7', question: 'Parkplätze?', answer: PARKING, locale: 'de', source: 'x' }).status).toBe('invalid');
    expect(adopter.adopt({ id: 'ticket-8', question: 'Parken?', answer: '   ', locale: 'de', source: 'x' }).status).toBe('empty');
    expect(() => readFileSync(path.join(dir, 'city', 'answers.yaml'))).toThrow();
  });

  it('says so when the file cannot be written, and the bot answers as before', () => {
    // A directory where the file should be: renaming over it fails for every user, root included.
    mkdirSync(path.join(dir, 'city', 'answers.yaml', 'x'), { recursive: true });
    expect(adoptParking().status).toBe('failed');
    expect(ask('Gibt es beim Forum Ehrenamt Parkplätze?')).not.toContain('Parkhaus');
  });
});
