import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant.js';
import { freshConversation } from '../../src/dialogue/conversation.js';
import { decide, EVIDENCE, embeddedQuestion, indirectQuestionBefore, questionSentence } from '../../src/dialogue/decide.js';
import { questionParts, withoutRelativeClauses } from '../../src/dialogue/parts.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { renderPlainText } from '../../src/reply.js';
import { claimedRoles, readClaims } from '../../src/understanding/claims.js';
import { buildLexicon } from '../../src/understanding/lexicon.js';
import { loadModel, prepareUnderstanding } from '../../src/understanding/model.js';
import { tokenize } from '../../src/understanding/normalise.js';
import type { ReadToken } from '../../src/understanding/read.js';
import { stem } from '../../src/understanding/stem.js';

/*
 * Mechanisms on sentences written for this test: two questions in one message, the language
 * of fast typing, claims about contact details, functions and parts of a year, names that go
 * on differently, subjects described instead of named.
 */
const knowledge = loadKnowledge('knowledge');
const ask = (text: string) => createAssistant(knowledge).respond({ channel: 'terminal', conversationId: 'c', text });
const plain = (text: string) => renderPlainText(ask(text));

describe('two questions in one message', () => {
  const { questionWords } = buildLexicon(knowledge);
  const parts = (text: string) => questionParts(text, questionWords);

  it('splits at a new question, not inside one', () => {
    expect(parts('Wie oft trifft sich das Forum, und seit wann gibt es die Gruppe?')).toEqual([
      'Wie oft trifft sich das Forum',
      'seit wann gibt es die Gruppe?',
    ]);
    expect(parts('Wer leitet das? Und wie erreiche ich ihn?')).toEqual(['Wer leitet das?', 'Und wie erreiche ich ihn?']);
    expect(parts('Wer und was steckt dahinter?')).toEqual([]);
    expect(parts('Ich bin neu hier. Was macht der Verein?')).toEqual([]);
    // An indirect yes/no question starts a question of its own; a condition ("and if …") does not.
    expect(parts('wie viele vereine machen mit und ob die schule auch dabei ist')).toEqual([
      'wie viele vereine machen mit',
      'ob die schule auch dabei ist',
    ]);
    expect(parts('Who can I call and if nobody answers, what then?')).toEqual([]);
  });

  it('finds the question among other sentences, with or without its question mark', () => {
    const focus = (text: string) => questionSentence(text, questionWords);
    expect(focus('Mein Nachbar macht da mit. Wo trifft sich die Gruppe?')).toBe('Wo trifft sich die Gruppe?');
    // Typed fast: a short word in lower case ends the sentence, and the last one asks without "?".
    expect(focus('meine tante war auch da. wer organisiert das eigentlich')).toBe('wer organisiert das eigentlich');
    // Abbreviations do not end a sentence, and a last sentence without a question word asks nothing by itself.
    expect(focus('Bitte an Dr. Muster weiterleiten. Wer hilft?')).toBe('Wer hilft?');
    expect(focus('Bitte die Kontaktdaten inkl. Telefon.')).toBeUndefined();
    expect(focus('wer organisiert das eigentlich')).toBeUndefined();
  });

  it('reads the question from the sentence before one that only asks for it to be answered', () => {
    const lexicon = buildLexicon(knowledge);
    const askedBefore = (text: string, sentence: string) => indirectQuestionBefore(text, sentence, questionWords, lexicon.functionWords);
    const text = 'Mich interessiert, seit wann es die Steuerungsgruppe gibt. Können Sie mir das sagen?';
    expect(askedBefore(text, 'Können Sie mir das sagen?')?.question).toBe('Mich interessiert, seit wann es die Steuerungsgruppe gibt.');
    // A question with words of its own asks for itself.
    const own = 'Ich weiß, wie man helfen kann. Gibt es ein Gremium, das Vorschläge sammelt?';
    expect(askedBefore(own, 'Gibt es ein Gremium, das Vorschläge sammelt?')).toBeUndefined();
    expect(plain(text)).toContain('2022');
    expect(plain('Ich wüsste gern, wer das Programm auf Bundesebene trägt. Erklären Sie mir das?')).toContain('Konsortium');
  });

  it('reads the question a request hangs on a verb of telling, in the order it would be asked in', () => {
    const lexicon = buildLexicon(knowledge);
    const hung = (text: string) => embeddedQuestion(text, lexicon);
    // German puts the verb of such a clause at its end; asked directly, it follows the question word.
    expect(hung('Kannst du mir bitte sagen, wer das Büro leitet?')).toBe('wer leitet das Büro');
    expect(hung('Ich wollte fragen seit wann es die Gruppe gibt')).toBe('seit wann gibt es die Gruppe');
    expect(hung('Darf ich fragen, wie oft der Kreis sich trifft?')).toBe('wie oft trifft der Kreis sich');
    expect(hung('Could you tell me when the group meets?')).toBe('when the group meets');
    // A question asked directly after the comma keeps its order; one that begins with its question word hangs on nothing.
    expect(hung('Ich habe eine Frage, wer hilft mir?')).toBe('wer hilft mir');
    expect(hung('Wer kann mir sagen, was das ist?')).toBeUndefined();
    expect(plain('Kannst du mir verraten, wer den Fachbereich Wirtschaft und Soziales leitet?')).toMatch(/^Pia Steinrücke leitet/);
    expect(plain('Could you tell me when the Forum Ehrenamt meets?')).toMatch(/once a year/);
    // A preposition before the question word, and the noun after "welche", belong to the question.
    expect(hung('Ich möchte wissen, an wen ich mich wenden kann.')).toBe('an wen kann ich mich wenden');
    expect(hung('Sagen Sie mir, mit welchen Vereinen die Stadt arbeitet')).toBe('mit welchen Vereinen arbeitet die Stadt');
  });

  it('reads the kind of question from the question a request hangs on, when it says what it asks', () => {
    // The story before it speaks of the programme; the question asks for a chair, or since when.
    expect(plain('Hallo, im Gemeindebrief stand etwas über den ePunkt. Können Sie mir sagen, wer dort den Vorsitz hat?')).toMatch(
      /nennt die Seite nicht/,
    );
    expect(
      plain('Im Seniorentreff hieß es, die Hansestadt sei jetzt eine Engagierte Stadt. Könnten Sie mir sagen, seit wann das überhaupt der Fall ist?'),
    ).toMatch(/2024/);
  });

  it('reads the kind of question without the relative clauses that describe a noun', () => {
    expect(withoutRelativeClauses('Gehört der Verein zu dem Bündnis, welches die Tafel finanziert?')).toBe('Gehört der Verein zu dem Bündnis?');
    expect(withoutRelativeClauses('Wer leitet das Team, mit dem die Schule arbeitet, und wo sitzt es?')).toBe(
      'Wer leitet das Team, und wo sitzt es?',
    );
    expect(withoutRelativeClauses('Who runs the office, which helps clubs?')).toBe('Who runs the office?');
    // No relative pronoun after the comma, or too short to be a clause: nothing to take out.
    expect(withoutRelativeClauses('Ich habe eine Frage, wer hilft mir?')).toBeUndefined();
    expect(withoutRelativeClauses('Ach, die Stadt?')).toBeUndefined();
    // The description pulled toward who carries the programme; the question is whether the state belongs to its consortium.
    expect(plain('Gehört Rheinland-Pfalz zu dem Konsortium, welches das Netzwerk finanziert?')).toMatch(/^Nein\b.*weiteren Partnern/s);
    // "which" there is no question word: the question is still yes or no.
    expect(plain('Is Rheinland-Pfalz in the consortium, which pays for the network?')).toMatch(/^No\b.*further partners/s);
  });

  it('answers each question', () => {
    const text = plain('Wie oft trifft sich das Forum Ehrenamt, und seit wann gibt es die Steuerungsgruppe?');
    expect(text).toContain('einmal im Jahr');
    expect(text).toContain('2022');
    // The indirect question is answered too.
    expect(plain('Wie viele Städte sind im Netzwerk und ob Lübeck auch dazugehört')).toMatch(/120.*\n\n.*2024/s);
  });

  it('reads a later question as a follow-up of the earlier one', () => {
    // "when did it start" after "what is X" asks when X started, as it would in the next message.
    expect(plain('What is the Social Smart City working group, and when did it start?')).toMatch(/\n\n.*founded in 2022/s);
  });
});

describe('language of fast typing', () => {
  it('reads colloquial German and typos as German', () => {
    expect(ask('was is epunkt').locale).toBe('de');
    expect(ask('telefon numer ehrenamtsbüro').locale).toBe('de');
    expect(ask('who leads the forum').locale).toBe('en');
  });

  it('takes an umlaut in a place English questions name too for no German', () => {
    // No function word tells; the word counts know the place from questions in both languages.
    expect(ask('good beaches travemünde?').locale).toBe('en');
    expect(ask('nice restaurants travemünde').locale).toBe('en');
    expect(ask('frauenbüro telefon').locale).toBe('de');
  });

  it('reads a letter typed twice and a misheard word of a name', () => {
    expect(plain('wass ist das forum ehrenamt')).toContain('Öffentlichkeit');
    expect(ask('wofür steht die ag socal smart city').text).toContain('AG Social Smart City');
  });

  it('gives a verb the same stem in its third person', () => {
    expect(stem('tauscht')).toBe(stem('tauschen'));
    expect(stem('stellt')).toBe(stem('stellen'));
    expect(stem('stadt')).toBe(stem('stadte'));
  });
});

describe('yes/no', () => {
  it('checks what a compound claims, not only its last part', () => {
    // "vierteljährlich" is four times a year, not "jährlich".
    expect(plain('Kommt das Forum Ehrenamt vierteljährlich zusammen?')).toMatch(/^Nein\b/);
  });

  it('checks where on the photo someone stands, when the question says', () => {
    expect(plain('Steht Pia Steinrücke auf dem Bild ganz rechts?')).toMatch(/^Nein\b/);
    expect(plain('Ist Filiz Günsür auf dem Bild links zu sehen?')).toMatch(/^Nein\b/);
    expect(plain('Is Felix Schulz von Thun on the far right of the photo?')).toMatch(/^Yes\b/);
    // "…, right?" asks for agreement; it places nobody.
    expect(plain('Filiz Günsür is on the photo, right?')).toMatch(/^Yes\b/);
  });

  it('claims only a name of the sentence that asks, and not a word that says whom something is for', () => {
    // The story before the question names a group the page lacks; the question asks for a kind of partner.
    expect(plain('Mein Enkel spielt im Fanfarenzug Moisling. Ist bei den Partnern auch etwas für Jugendliche dabei?')).not.toMatch(/„/);
    expect(plain('Meine Frau arbeitet im Seniorentreff Buntekuh. Ist bei den Partnern jemand, der mit älteren Menschen arbeitet?')).not.toMatch(
      /^Nein/,
    );
    // A name in the question sentence is still claimed, after a story too.
    expect(plain('Ich schreibe für das Stadtteilblatt Moisling. Ist die Kirchengemeinde Sankt Lorenz ein Partner?')).toMatch(
      /^Nein\. „Kirchengemeinde Sankt Lorenz“/,
    );
  });

  it('reads a claim whose question is only a word of agreement after it ("True?", "Right?")', () => {
    // The claim is the sentence before; "True" is no name, "right" no place on a photo, "Musterstadt's" stands for "the".
    expect(plain("My roommate swears the Frauenbüro backed Lübeck's application. True?")).toMatch(/^Yes\b/);
    expect(plain('A colleague told me the Handwerkskammer supported the application. Right?')).not.toMatch(/^No\b|photo/);
    expect(plain('Mein Sohn spielt bei den Kickers Moisling. Ist unter den Partnern jemand, der sich um Jugendliche kümmert?')).not.toMatch(/„/);
  });

  it('checks the function a photo question gives a person, not only that the person is on the photo', () => {
    expect(plain('On the picture, Felix Schulz von Thun is the mayor, right?')).toMatch(/^No\b/);
    expect(plain('Ist die Frau ganz links auf dem Bild die Bürgermeisterin?')).toMatch(/^Nein\b/);
    expect(plain('Steht die Senatorin auf dem Bild ganz links?')).toMatch(/^Ja\b/);
  });

  it('takes a word of a known name beside a name it lacks for part of that other name', () => {
    expect(plain('Is the Federal Ministry of Health in the consortium?')).toMatch(/^No\b/);
    expect(plain('Is the Bremen Metropolitan Region one of the further partners?')).toMatch(/^No\. "Bremen Metropolitan Region"/);
  });

  it('reads a role whose words have a place name inside them', () => {
    expect(plain('Ist die Körber-Stiftung ein lokaler Lübecker Partner?')).toMatch(/^Nein\b.*Konsortium/s);
  });

  it('takes what is left of a contraction for no name', () => {
    expect(plain("We're a youth choir. Do you have any partners for culture?")).not.toMatch(/"re"|^No\b/);
  });

  it('takes a tag word for agreement, never for a name', () => {
    const text = plain('ok so epunkt is a local partner, yeah?');
    expect(text).not.toContain('yeah');
    expect(text).not.toMatch(/^No\b/);
  });

  it('corrects a wrong phone number or e-mail address and confirms the right one', () => {
    expect(plain('Ist die Telefonnummer 0451 122 2030?')).toMatch(/^Nein/);
    expect(plain('Ist die Nummer 0451 122 2029 richtig?')).toMatch(/^Ja/);
    const wrongMail = plain('Erreiche ich Herrn Dr. Ilse unter kontakt@example.org?');
    expect(wrongMail).toMatch(/^Nein/);
    expect(wrongMail).toContain('ehrenamt@luebeck.de');
  });

  it('does not confirm another claim with a role', () => {
    expect(ask('Is the Handwerkskammer open on Sundays?').text).not.toMatch(/^Yes/);
    expect(ask('Macht das Frauenbüro mit?').text).toMatch(/^Ja/);
  });

  it('reads "the only one" as a count of one and checks it', () => {
    const alone = plain('Macht Lübeck als einzige Kommune beim Netzwerk Engagierte Stadt mit?');
    expect(alone).toMatch(/^Nein/);
    expect(alone).toContain('120');
    expect(plain('Is Lübeck the only member city of the Engagierte Stadt network?')).toMatch(/^No\b.*120/);
    // "only" that restricts is no count: no "no" about the number of cities.
    expect(plain('Is the Forum Ehrenamt only for clubs?')).not.toContain('120');
  });

  it('tells "the only" (a count) from "only" that restricts, word by word', () => {
    const claims = (text: string) => readClaims(tokenize(text) as unknown as ReadToken[], text);
    expect(claims('Is it the only city?')).toMatchObject({ sole: true, restricted: false });
    expect(claims('Is it the only city that only helps clubs?')).toMatchObject({ sole: true, restricted: true });
    expect(claims('Is it only for clubs?')).toMatchObject({ sole: false, restricted: true });
    expect(claims('Ist sie die einzige?')).toMatchObject({ sole: true, restricted: false });
  });

  it("answers an organisation's role with its text and checks a claimed role against its roles", () => {
    expect(plain('Welche Rolle spielt die Steuerungsgruppe?')).toMatch(/Baustein.*Akteuren/s);
    // The description of its role holds no roles: "Nein" comes from the roles the organisation has.
    expect(plain('Ist das Forum Ehrenamt ein lokaler Partner?')).toMatch(/^Nein\b.*Baustein/s);
  });

  it('takes the programme named as the frame of a claim for no part of it', () => {
    // "… für das Programm Engagierte Stadt": the claim is about the person, who is the contact.
    expect(plain('Ist Dr. Ilse die Kontaktperson für das Programm Engagierte Stadt?')).toMatch(/^Ja\b/);
  });

  it('answers what the city as an organisation wants with its own goal', () => {
    expect(plain('Welches Ziel verfolgt die Hansestadt Lübeck beim Ehrenamt?')).toContain('in allen Bereichen des städtischen Lebens');
  });

  it('reads a role from the longest phrase that claims it, not from a word inside it', () => {
    const phrases = (...cues: string[]) => cues.map((cue) => tokenize(cue).map((t) => stem(t.key)));
    const roleCues = new Map([
      ['sponsor', phrases('back', 'fund')],
      ['local-partner', phrases('back the bid', 'local partner')],
    ]);
    const roles = (text: string) => claimedRoles(tokenize(text).map((t) => ({ ...t, stem: stem(t.key) })) as unknown as ReadToken[], roleCues);
    expect(roles('did they back the bid')).toEqual(['local-partner']);
    expect(roles('do they back it')).toEqual(['sponsor']);
    expect(roles('do they back and fund it, as a local partner')).toEqual(['sponsor', 'local-partner']);
    // In the knowledge: "backed the bid" claims a local partner, so the sponsors are not the ones asked about.
    expect(plain('Did the Körber-Stiftung back the bid?')).toMatch(/^No\b/);
  });

  it('does not confirm a claim of another kind of fact with the words of a description', () => {
    // "Verein" is in the description, "leitet" asks who leads: no "Ja".
    expect(plain('Leitet Frau Günsür den Verein ePunkt?')).not.toMatch(/^Ja\b/);
  });

  it('neither confirms nor denies a rhythm the page gives without a number', () => {
    // The Tandem's specialist events are yearly, how many is not said: "every month?" gets the rhythm, no "Ja" for existing.
    const monthly = plain('Gibt es die Fachtage jeden Monat?');
    expect(monthly).not.toMatch(/^(Ja|Nein)\b/);
    expect(monthly).toContain('jedes Jahr');
    expect(plain('Wie häufig gibt es Fachtage?')).toContain('jedes Jahr');
    expect(plain('Gibt es eine Ehrenamtsmesse?')).toMatch(/^Ja\b/);
    // "nur …" claims more than that it exists.
    expect(plain('Gibt es das Programm nur in Rheinland-Pfalz?')).not.toMatch(/^Ja\b/);
  });

  it('checks the part of the year', () => {
    expect(ask('Ist Lübeck seit Herbst 2024 dabei?').text).toMatch(/^Nein/);
    expect(ask('Ist Lübeck seit Frühjahr 2024 dabei?').text).toMatch(/^Ja/);
  });

  it("checks a person's function, and names who holds it", () => {
    expect(ask('Ist Herr Schulz von Thun der Bürgermeister?').text).toMatch(/^Nein/);
    expect(ask('Ist Felix Schulz von Thun Leiter der Geschäftsstelle?').text).toMatch(/^Ja/);
    const other = ask('Ist Frau Günsür die Ansprechpartnerin für die Engagierte Stadt?').text;
    expect(other).toMatch(/^Nein/);
    expect(other).toContain('Ilse');
  });

  it('checks where a person holds a function, when the question names where', () => {
    // She leads a department of the city, not the volunteer agency.
    expect(ask('Ist Frau Steinrücke eigentlich die Chefin der Freiwilligenagentur?').text).toMatch(/^Nein\b/);
    expect(ask('Ist Frau Steinrücke die Leiterin vom Fachbereich Wirtschaft und Soziales?').text).toMatch(/^Ja\b/);
    // The words of the function may name a subject too ("Social Smart City"): that is no other place.
    expect(ask('Is Filiz Günsür the Social Smart City manager?').text).toMatch(/^Yes\b/);
  });

  it('does not confirm a person with the wrong first name', () => {
    expect(ask('Heißt die Senatorin Paula Steinrücke?').text).not.toMatch(/^Ja/);
    const right = ask('Heißt die Senatorin Pia Steinrücke?').text;
    expect(right).not.toMatch(/^Nein/);
    expect(right).toContain('Pia Steinrücke');
  });

  it('takes a surname after another first name for another person', () => {
    expect(ask('Ist Gerhard Schulz von Thun der Leiter der Geschäftsstelle?').text).not.toMatch(/^Ja/);
    expect(ask('Ist Felix Schulz von Thun der Leiter der Geschäftsstelle?').text).toMatch(/^Ja/);
    // A title before the surname is no first name.
    expect(ask('Für die Akte: Senatorin Steinrücke, wie ist ihr Vorname?').text).toContain('Pia');
  });

  it('takes a name that goes on differently for another name', () => {
    expect(ask('Ist die Metropolregion Rhein-Main ein Partner?').text).toMatch(/^Nein/);
    expect(ask('Ist die Metropolregion Rhein-Neckar ein Partner?').text).toMatch(/^Ja/);
  });
});

describe('a subject described, not named', () => {
  it('finds the one subject whose texts use the rare words of the question', () => {
    expect(ask('Welches Gremium formuliert Empfehlungen zur Stärkung des Engagements?').text).toContain('Steuerungsgruppe');
  });

  it('is not misled by the words of the kind of question', () => {
    expect(ask('Wie oft trifft die sich?').fallback).toBe(true);
  });
});

describe('lists', () => {
  it('takes the programme named for the frame of a list, not for a name the list ignores', () => {
    const understanding = prepareUnderstanding(knowledge, loadModel());
    const ignored = (text: string) => {
      const decision = decide(understanding.read(text), understanding, freshConversation(), true);
      const sponsors = decision.candidates.find((c) => c.facet.id === 'sponsors' && !c.subject);
      return sponsors?.evidence?.[EVIDENCE.indexOf('ignored')];
    };
    expect(ignored('Wer ist im Konsortium der Engagierten Stadt?')).toBe(0);
    expect(ignored('Wer ist im Konsortium, und was macht der ePunkt?')).toBeGreaterThan(0);
  });
});

describe('the programme as the frame of a question', () => {
  it('answers for the one a question asks which of, not for the programme around it', () => {
    expect(plain('Welches Bundesministerium macht beim Netzwerk mit?')).toContain('Familie, Senioren, Frauen und Jugend');
  });
});

describe('whom something is for', () => {
  it('says whom the programme is for, and does not give that as a way to take part', () => {
    expect(plain('Für wen ist das Programm Engagierte Stadt gedacht?')).toContain('Städte in ganz Deutschland');
    // Joining in: the ways to get involved, not whom the programme as a whole addresses.
    expect(plain('Kann ich beim Netzwerk irgendwie mitmachen?')).not.toContain('richtet sich an Städte');
  });
});

describe('answers in part', () => {
  it('counts "for many years" as an answer to since when, not to which year', () => {
    const since = ask('Seit wann ist der ePunkt aktiv?');
    expect(since.fallback).toBe(false);
    expect(since.text).toContain('seit vielen Jahren');
    expect(ask('In welchem Jahr entstand der ePunkt?').fallback).toBe(true);
  });
});

describe('kinds of question the page never answers', () => {
  it('says so plainly instead of answering the nearest kind it knows', () => {
    // "Bis wann" is no "seit wann": the page gives the start, not an end.
    const until = ask('Bis wann ist die Hansestadt noch im Programm?');
    expect(until.fallback).toBe(true);
    expect(until.text).toMatch(/^Bis wann .* steht auf der Seite nicht/);
    const headcount = ask('wie viele freiwillige hat die stadt');
    expect(headcount.fallback).toBe(true);
    expect(headcount.text).toContain('keine Zahl');
  });
});

describe('people on the photo', () => {
  const conversation = () => {
    const assistant = createAssistant(knowledge);
    const id = `photo-${Math.random()}`;
    return (text: string) => renderPlainText(assistant.respond({ channel: 'terminal', conversationId: id, text }));
  };

  it('says where the person talked about stands, and checks a claimed place', () => {
    const say = conversation();
    say('Wer ist Felix Schulz von Thun?');
    expect(say('Wo steht er auf dem Foto?')).toMatch(/^Felix Schulz von Thun steht auf dem Foto ganz rechts\./);
    expect(say('Steht er in der Mitte?')).toMatch(/^Nein\. Felix Schulz von Thun steht auf dem Foto ganz rechts/);
  });

  it('takes a person referred to by a place for the person standing there', () => {
    const say = conversation();
    say('Wer ist auf dem Foto?');
    expect(say('Und was macht die Person ganz links?')).toMatch(/^Pia Steinrücke ist Senatorin/);
    // A place alone, while the people of the photo are talked about, refers as well: an explicit reference beats the last person.
    expect(say('und die in der Mitte?')).toMatch(/^Filiz Günsür ist Social Smart City Managerin/);
  });

  it('checks who took the photo against its credit, not against who is on it', () => {
    expect(plain('Wurde das Foto von Frau Günsür gemacht?')).toMatch(/^Nein\b.*Mikki/s);
    expect(plain('Is Pia Steinrücke on the photo?')).toMatch(/^Yes\b/);
  });

  it('takes a place alone, right after the photo, for the person standing there', () => {
    const say = conversation();
    say('Who can be seen on the picture?');
    expect(say('and on the right?')).toMatch(/^Felix Schulz von Thun stands on the far right/);
  });
});

describe('conversation', () => {
  it('claims the role of the question before again in "und X auch?"', () => {
    const assistant = createAssistant(knowledge);
    const say = (text: string) => renderPlainText(assistant.respond({ channel: 'terminal', conversationId: 'carried', text }));
    expect(say('Ist die Bertelsmann Stiftung ein Programmträger?')).toMatch(/^Ja\b/);
    // Hessen takes part, but not as a sponsor: the claim carried over is checked.
    expect(say('Und das Land Hessen auch?')).toMatch(/^Nein\b.*weiteren Partnern/s);
    expect(say('und die Robert Bosch Stiftung?')).toMatch(/^Ja\b/);
  });

  it('takes an English personal pronoun for the person of the subject talked about', () => {
    const assistant = createAssistant(knowledge);
    const say = (text: string) => renderPlainText(assistant.respond({ channel: 'terminal', conversationId: 'pronoun', text }));
    say('Whom do I contact about Engagierte Stadt?');
    // "he" cannot be the office: it is its person, whose function is checked.
    expect(say('is he a senator?')).toMatch(/^No\. Dr\. Jens Ilse is the contact person/);
  });

  it('takes "angefangen" for a question about when something began', () => {
    const assistant = createAssistant(knowledge);
    const say = (text: string) => renderPlainText(assistant.respond({ channel: 'terminal', conversationId: 'begin', text }));
    say('Was ist die Steuerungsgruppe?');
    expect(say('und wann hat die angefangen?')).toContain('2022');
  });

  const conversation = () => {
    const assistant = createAssistant(knowledge);
    return (text: string) => assistant.respond({ channel: 'terminal', conversationId: 'talk', text });
  };

  it('takes no auxiliary verb for a name', () => {
    const say = conversation();
    say('Was ist das EnergieCluster Digitales Lübeck?');
    expect(say('hast du die webseite davon?').text).toContain('energiecluster-luebeck.de');
  });

  it('lets a word several names share mean the one that belongs with the subject talked about', () => {
    const say = conversation();
    say('Was ist der Fachbereich Wirtschaft und Soziales?');
    expect(say('Und was macht die Migration dort?').text).toMatch(/^Die Stabsstelle Migration und Ehrenamt/);
  });
});
