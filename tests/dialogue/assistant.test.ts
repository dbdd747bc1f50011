import { describe, expect, it, vi } from 'vitest';
import { createAssistant, type UnansweredQuestion } from '../../src/assistant.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { IncomingMessage } from '../../src/message.js';
import { renderPlainText } from '../../src/reply.js';

const knowledge = loadKnowledge('knowledge');

/** A fresh bot and one conversation with it, like a collecting output channel. */
function chat(options: Parameters<typeof createAssistant>[1] = {}, extra: Partial<IncomingMessage> = {}) {
  const assistant = createAssistant(knowledge, options);
  const say = (text: string, more: Partial<IncomingMessage> = {}) =>
    assistant.respond({ channel: 'terminal', conversationId: 'c1', text, ...extra, ...more });
  return { assistant, say };
}

describe('answers', () => {
  it('gives the contact with phone and e-mail', () => {
    const reply = chat().say('Wer ist Ansprechpartner?');
    expect(reply.text).toContain('Dr. Jens Ilse');
    expect(reply.text).toContain('0451 122 2029');
    expect(reply.text).toContain('ehrenamt@luebeck.de');
    expect(reply.contacts[0]?.phone).toBe('0451 122 2029');
    expect(reply.fallback).toBe(false);
  });

  it('answers yes first for a listed partner, with its role', () => {
    const reply = chat().say('Ist die Handwerkskammer Partner?');
    expect(reply.text).toMatch(/^Ja – Handwerkskammer Lübeck ist lokaler Partner/);
  });

  it('answers no first for an organisation that is not listed, and says who is', () => {
    const reply = chat().say('Ist die IHK dabei?');
    expect(reply.text).toMatch(/^Nein – „IHK“ ist nicht/);
    expect(reply.text).toContain('Handwerkskammer Lübeck');
    expect(reply.fallback).toBe(false);
  });

  it('answers no for a listed organisation asked about a role it does not have', () => {
    expect(chat().say('Gehört die Auridis Stiftung zum Konsortium?').text).toMatch(/^Nein – Auridis Stiftung gehört nicht zu den Programmträgern/);
  });

  it('checks a claim about a person against the role we know', () => {
    expect(chat().say('Ist Pia Steinrücke Bürgermeisterin?').text).toMatch(/^Nein – Pia Steinrücke ist Senatorin/);
    expect(chat().say('Ist Pia Steinrücke Senatorin?').text).toMatch(/^Ja – Pia Steinrücke ist Senatorin/);
  });

  it('keeps answers chat-sized', () => {
    const { say } = chat();
    for (const question of [
      'Was ist die AG Social Smart City?',
      'Wer trägt das Programm?',
      'Welche lokalen Partner gibt es?',
      'Was ist das Tandem Ehrenamt?',
    ]) {
      expect(renderPlainText(say(question)).length).toBeLessThanOrEqual(900);
    }
  });
});

describe('out of scope', () => {
  it('says honestly that it does not know, with the contact and the menu', () => {
    const reply = chat().say('Wie wird das Wetter morgen?');
    expect(reply.fallback).toBe(true);
    expect(reply.intent).toBeNull();
    expect(reply.text).toContain('0451 122 2029');
    expect(reply.choices.map((c) => c.label)).toEqual(['Programm', 'Akteure', 'Partner', 'Kontakt']);
  });

  it('does not answer questions about other cities with Lübeck facts', () => {
    expect(chat().say('Wer ist Ansprechpartner der Engagierten Stadt in Kiel?').fallback).toBe(true);
  });

  it('reports unanswered questions without any user id', () => {
    const onUnanswered = vi.fn<(question: UnansweredQuestion) => void>();
    chat({ onUnanswered }, { userId: '4242' }).say('Wo kann ich parken?');
    expect(onUnanswered).toHaveBeenCalledWith({ text: 'Wo kann ich parken?', locale: 'de', channel: 'terminal' });
  });

  it('still answers when recording the question fails', () => {
    const reply = chat({
      onUnanswered: () => {
        throw new Error('disk full');
      },
    }).say('Wo kann ich parken?');
    expect(reply.fallback).toBe(true);
  });
});

describe('conversation context', () => {
  it('follows up on the organisation last talked about', () => {
    const { say } = chat();
    say('Was ist die Steuerungsgruppe?');
    expect(say('Wie oft trifft die sich?').text).toContain('zwei- bis dreimal im Jahr');
    expect(say('und seit wann gibts die').text).toContain('2022');
  });

  it('follows up on a person with their contact', () => {
    const { say } = chat();
    say('Wer ist Jens Ilse?');
    expect(say('Und seine Telefonnummer?').text).toContain('0451 122 2029');
  });

  it('keeps the question and swaps the subject for "und die …?"', () => {
    const { say } = chat();
    say('Wann wurde die Steuerungsgruppe gegründet?');
    expect(say('und die AG Social Smart City?').text).toMatch(/AG Social Smart City wurde 2022 gegründet/);
  });

  it('does not carry the subject into an unrelated question', () => {
    const { say } = chat();
    say('Was ist das Forum Ehrenamt?');
    expect(say('Wie wird das Wetter morgen?').fallback).toBe(true);
  });

  it('keeps conversations apart', () => {
    const assistant = createAssistant(knowledge);
    assistant.respond({ channel: 'batch', conversationId: 'a', text: 'Was ist die Steuerungsgruppe?' });
    const other = assistant.respond({ channel: 'batch', conversationId: 'b', text: 'Wie oft trifft die sich?' });
    expect(other.text).not.toContain('zwei- bis dreimal');
  });

  it('lets the user pick a suggestion by button id or by number', () => {
    const { say } = chat();
    const start = say('/start');
    const contactChoice = start.choices.find((c) => c.label === 'Kontakt')!;
    expect(Buffer.byteLength(contactChoice.id)).toBeLessThanOrEqual(64);
    expect(say('', { choiceId: contactChoice.id }).text).toContain('ehrenamt@luebeck.de');
    say('Hallo');
    expect(say('3').intent).toBe('list.local-partners');
  });

  it('treats a forged button id as not understood', () => {
    expect(chat().say('', { choiceId: 'e:no-such-thing:describe' }).fallback).toBe(true);
  });
});

describe('language', () => {
  it('answers in the language of the question', () => {
    const { say } = chat();
    expect(say('Who funds the programme?').locale).toBe('en');
    expect(say('Wer finanziert das Programm?').locale).toBe('de');
  });

  it('keeps the conversation language for short neutral messages', () => {
    const { say } = chat();
    say('Who is the contact person?');
    const reply = say('ok');
    expect(reply.locale).toBe('en');
    expect(reply.fallback).toBe(false);
  });

  it('starts from the platform language hint until the user writes', () => {
    expect(chat({}, { localeHint: 'en' }).say('/start').locale).toBe('en');
  });

  it('switches language on request and repeats the last answer', () => {
    const { say } = chat();
    say('Wie viele Städte sind dabei?');
    const reply = say('auf englisch bitte');
    expect(reply.locale).toBe('en');
    expect(reply.text).toContain('120 cities');
    expect(say('/sprache').locale).toBe('de');
  });
});

describe('bad input', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['whitespace', '  \n\t '],
    ['huge', 'Kontakt '.repeat(20_000)],
    ['emoji only', '🙂🙂🎉'],
    ['control characters', '\u0001\u0002\u0003'],
    ['null bytes', 'Kon\u0000takt'],
    ['HTML', '<b>Kontakt</b><script>alert(1)</script>'],
    ['binary', Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x9f]).toString('latin1')],
  ];
  it.each(cases)('%s gets a clear reply and no crash', (_name, text) => {
    const reply = chat().say(text);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(renderPlainText(reply).length).toBeLessThanOrEqual(900);
  });

  it('asks for text when the message is empty', () => {
    const reply = chat().say('   ');
    expect(reply.intent).toBe('input.empty');
    expect(reply.text).toMatch(/leer/);
  });

  it('still understands the question inside markup', () => {
    expect(chat().say('<b>Kontakt</b>').intent).toBe('contact.all');
  });
});
