import { describe, expect, it, vi } from 'vitest';
import { createAssistant, type UnansweredQuestion } from '../../src/assistant.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { IncomingMessage } from '../../src/message.js';
import { renderPlainText } from '../../src/reply.js';

/*
 * Mechanisms of the core, each on sentences written for this test (not evaluation
 * questions): inflection and word order, context and its override, yes/no as one
 * operator, honest declines, buttons, language.
 */
const knowledge = loadKnowledge('knowledge');

/** A fresh bot and one conversation with it, like a collecting output channel. */
function chat(options: Parameters<typeof createAssistant>[1] = {}, extra: Partial<IncomingMessage> = {}) {
  const assistant = createAssistant(knowledge, options);
  const say = (text: string, more: Partial<IncomingMessage> = {}) =>
    assistant.respond({ channel: 'terminal', conversationId: 'c1', text, ...extra, ...more });
  return { assistant, say };
}
const plain = (text: string) => renderPlainText(chat().say(text));

describe('facts', () => {
  it('gives the contact with phone and e-mail, once each', () => {
    const reply = chat().say('An wen kann ich mich mit Fragen zur Engagierten Stadt wenden?');
    expect(reply.text).toContain('Dr. Jens Ilse');
    expect(reply.contacts[0]).toMatchObject({ phone: '0451 122 2029', email: 'ehrenamt@luebeck.de' });
    expect(renderPlainText(reply).split('0451 122 2029')).toHaveLength(2);
    expect(reply.fallback).toBe(false);
  });

  it('reads inflected and reordered forms of the same question alike', () => {
    for (const question of [
      'Wann wurde die Steuerungsgruppe gegründet?',
      'Gründungsjahr der Steuerungsgruppe?',
      'die steuerungsgruppe, seit wann gibt es die',
    ]) {
      expect(plain(question), question).toContain('2022');
    }
    for (const question of ['Wie oft trifft sich die Steuerungsgruppe?', 'Steuerungsgruppe – wie häufig sind die Treffen?']) {
      expect(plain(question), question).toContain('zwei- bis dreimal');
    }
  });

  it('corrects typos and missing umlauts in names and question words', () => {
    expect(plain('wan wurde die steurungsgrupe gegrundet')).toContain('2022');
    expect(plain('telefonnumer der stabstelle')).toContain('0451 122 2029');
  });

  it('reads a compound by its end: a "Festnetznummer" is a number', () => {
    expect(plain('Welche Festnetznummer hat die Stabsstelle Migration und Ehrenamt?')).toContain('0451 122 2029');
  });

  it('answers for the one of a kind a question asks for, with a word describing the kind between', () => {
    // "which federal ministry": the programme named beside it is only its context.
    expect(plain('which federal ministry is involved in the network?')).toMatch(/^The Bundesministerium für Familie/);
    expect(plain('welches zuständige bundesministerium ist beim programm dabei?')).toMatch(/^Das Bundesministerium für Familie/);
  });

  it('puts names in the right case with their article', () => {
    expect(plain('Wer richtet die Lübecker Ehrenamtsmesse aus?')).toMatch(/vom Tandem Ehrenamt/);
    expect(plain('Was ist der Deutsche Städtetag?')).toMatch(/^Der Deutsche Städtetag ist/);
  });
});

describe('contacts', () => {
  it('gives the contact whose office belongs to a named body for that body', () => {
    const reply = chat().say('Wie lautet die E-Mail der Hansestadt Lübeck?');
    expect(reply.intent).toBe('email');
    expect(renderPlainText(reply)).toContain('ehrenamt@luebeck.de');
  });
});

describe('lists', () => {
  it('lists only the members that are part of a named body, through the bodies between', () => {
    const reply = plain('Welche lokalen Partner gehören zur Hansestadt Lübeck?');
    expect(reply).toContain('Frauenbüro');
    expect(reply).toContain('Stabsstelle Migration und Ehrenamt'); // part of a department, which is part of the city
    expect(reply).not.toContain('Handwerkskammer');
  });
});

describe('conversation', () => {
  it('keeps the subject for a follow-up that names none', () => {
    const { say } = chat();
    say('Was ist die Steuerungsgruppe Bürgerschaftliches Engagement?');
    expect(say('und wie oft trifft die sich?').text).toContain('zwei- bis dreimal');
  });

  it('keeps the kind of question for a follow-up that names only a new subject', () => {
    const { say } = chat();
    expect(say('Wann wurde die AG Social Smart City gegründet?').text).toContain('2022');
    expect(say('und die Steuerungsgruppe?').text).toContain('Steuerungsgruppe');
  });

  it('lets an explicit mention override the conversation', () => {
    const { say } = chat();
    say('Was macht das Tandem Ehrenamt?');
    const reply = say('Und was ist eigentlich die Engagierte Stadt?');
    expect(reply.text).toMatch(/Netzwerkprogramm/);
    expect(reply.text).not.toMatch(/^Das Tandem/);
  });

  it('takes a form of address without a name for the person the subject of the conversation names', () => {
    const { say } = chat();
    say('Wer ist bei der Stadt für das Ehrenamt zuständig?');
    expect(say('Und wie ist der Vorname von dem Herrn?').text).toContain('Jens Ilse');
  });

  it('forgets a conversation after a while of silence', () => {
    let now = 0;
    const { say } = chat({ conversations: { idleMs: 60_000, now: () => now } });
    say('Was ist die Steuerungsgruppe Bürgerschaftliches Engagement?');
    now += 61_000;
    expect(say('und wie oft trifft die sich?').text).not.toContain('zwei- bis dreimal');
  });
});

describe('yes and no', () => {
  it("points to a named member that fits a kind described in the knowledge's words, instead of saying no", () => {
    for (const question of ['Is a migrant association one of the local partners?', 'Gehört eine Migrantenorganisation zu den lokalen Partnern?']) {
      const text = plain(question);
      expect(text).toContain('Forum für Migrant:innen');
      expect(text).not.toMatch(/^(Nein|No)\b/);
    }
    // Someone else's name is not a description: still a no.
    expect(plain('Ist die Metropolregion Hamburg ein weiterer Partner?')).toMatch(/^Nein\b/);
  });

  it('says yes only when a fact confirms the claim', () => {
    expect(plain('Findet das Forum Ehrenamt einmal im Jahr statt?')).toMatch(/^Ja\./);
    expect(plain('Ist die Handwerkskammer Lübeck ein Partner?')).toMatch(/^Ja\./);
    expect(plain('Wurde die AG Social Smart City 2022 gegründet?')).toMatch(/^Ja\./);
  });

  it('says no when a fact contradicts the claim, and gives the fact', () => {
    const monthly = plain('Trifft sich das Forum Ehrenamt jeden Monat?');
    expect(monthly).toMatch(/^Nein\./);
    expect(monthly).toContain('einmal im Jahr');
    expect(plain('Ist Lübeck schon seit 2019 dabei?')).toMatch(/^Nein\..*Anfang 2024/s);
  });

  it('says no for a name that is not in a complete list, and names who is', () => {
    const reply = plain('Ist die Fantasiestiftung Nordlicht ein Programmträger?');
    expect(reply).toMatch(/^Nein\./);
    expect(reply).toContain('Körber-Stiftung');
  });

  it('after a list, checks a general word of taking part against every role, an ellipsis against the list', () => {
    const afterSponsors = () => {
      const { say } = chat();
      say('Wer sind die Programmträger?');
      return say;
    };
    expect(renderPlainText(afterSponsors()('Ist das Haus der Kulturen ein Partner?'))).toMatch(/^Ja\./);
    expect(renderPlainText(afterSponsors()('Und das Land Hessen, auch einer davon?'))).toMatch(/^Nein\./);
  });

  it('takes the programme and the city named around a claim for its frame, not for its subject', () => {
    expect(plain('Ist der Ruderclub Nordwind ein Partner der Engagierten Stadt Lübeck?')).toMatch(/^Nein\..*Ruderclub Nordwind/s);
  });

  it("takes the town beside the programme for the city's part in it, and a town that only says where for none", () => {
    expect(plain('What does Lübeck do in the Engagierte Stadt network?')).toContain('ePunkt');
    expect(plain('Ist Lübeck eine Engagierte Stadt?')).toMatch(/^Ja\b/);
    expect(plain('Gibt es die Engagierte Stadt nur in Lübeck?')).toContain('bundesweit');
  });

  it('reads "linked to", "connected" and "zu tun haben" as taking part, not as a web link', () => {
    const english = chat().say('Is the Frauenbüro linked to the programme in any way?');
    expect(english.intent).toBe('role');
    expect(english.text).toMatch(/^Yes\b/);
    expect(plain('Hat das Frauenbüro irgendwas mit dem Netzwerk zu tun?')).toContain('lokalen Partnern');
  });

  it('never confirms a claim it cannot check', () => {
    expect(plain('Ist Pia Steinrücke die Bürgermeisterin?')).not.toMatch(/^Ja/);
    expect(plain('Ist das Forum Ehrenamt nur für Vereine?')).not.toMatch(/^Ja/);
  });
});

describe('honest declines', () => {
  it('declines other city services without the programme contact', () => {
    const reply = chat().say('Wo kann ich meinen Reisepass verlängern lassen?');
    expect(reply.fallback).toBe(true);
    expect(reply.handoff).toBe(true);
    expect(reply.contacts).toEqual([]);
  });

  it('declines what the page does not say about its own subjects, with the contact', () => {
    for (const question of [
      'Wann ist das nächste Forum Ehrenamt?',
      'Welche Sprechzeiten hat die Stabsstelle?',
      'Wie viel Geld bekommt Lübeck aus dem Programm?',
    ]) {
      const reply = chat().say(question);
      expect(reply.fallback, question).toBe(true);
      expect(reply.contacts[0]?.phone, question).toBe('0451 122 2029');
    }
  });

  it('records declined questions without user id, and only those', () => {
    const onUnanswered = vi.fn<(q: UnansweredQuestion) => void>();
    const { say } = chat({ onUnanswered }, { userId: 'secret-user' });
    say('Wer ist Ansprechpartner?');
    say('Wo kann ich meinen Reisepass verlängern lassen?');
    expect(onUnanswered).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(onUnanswered.mock.calls)).not.toContain('secret-user');
  });
});

describe('buttons, commands and language', () => {
  it('answers a suggestion by button id and by its number', () => {
    const { say } = chat();
    const help = say('/hilfe');
    expect(help.choices.length).toBeGreaterThan(1);
    const byId = say('', { choiceId: help.choices[0]!.id });
    expect(byId.fallback).toBe(false);
    say('/hilfe');
    expect(say('1').text).toBe(byId.text);
  });

  it('treats a forged button id as not understood and shows help', () => {
    expect(chat().say('', { choiceId: 'f:about:no-such-subject' }).intent).toBe('chat.help');
  });

  it('welcomes on /start, also with an unknown deep-link payload', () => {
    expect(chat().say('/start').intent).toBe('chat.welcome');
    expect(chat().say('/start irgendwas').intent).toBe('chat.welcome');
  });

  it('answers in the language of the question, and switches on request', () => {
    const { say } = chat();
    expect(say('Who is the contact person?').locale).toBe('en');
    expect(say("I don't speak German").locale).toBe('en');
    expect(say('ok').locale).toBe('en');
    expect(say('/sprache de').locale).toBe('de');
    // "pls" is typed in German as much as in English: it says nothing about the language.
    expect(chat().say('telefonnummer ehrenamt pls').locale).toBe('de');
    // A question that asks for its answer in another language gets it there; one about a language does not.
    expect(chat().say('Sag mir bitte auf Englisch, wie oft das Forum Ehrenamt stattfindet.').locale).toBe('en');
    expect(chat().say('Is the Forum Ehrenamt held in German?').locale).toBe('en');
    // "doesn't" is read as the words are keyed ("oe" folded as in "Koerber"): still a negation.
    expect(chat().say("My dad doesn't speak German, could you switch?").locale).toBe('en');
  });

  it('takes an umlaut in a name for no sign of German', () => {
    expect(chat().say('Lübeck participating since 2024?').locale).toBe('en');
    expect(chat().say('Wie lange ist Lübeck schon dabei?').locale).toBe('de');
  });

  it('asks for words when a message is empty or unreadable', () => {
    expect(chat().say('').intent).toBe('chat.empty');
    expect(chat().say('!!! ???').intent).toBe('chat.unreadable');
  });

  it('reads the question inside markup and ignores invisible characters', () => {
    expect(plain('<b>Wann</b> wurde die Steuerungs\u200bgruppe gegründet?')).toContain('2022');
  });

  it('keeps every answer chat-sized', () => {
    for (const question of [
      'Was ist die AG Social Smart City?',
      'Wer trägt das Programm?',
      'Welche lokalen Partner gibt es?',
      'Ich möchte mich engagieren',
    ]) {
      expect(plain(question).length, question).toBeLessThanOrEqual(900);
    }
  });
});
