import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assistant.js';
import { runChat } from '../../src/cli/chat.js';
import type { IncomingMessage } from '../../src/message.js';
import { replyOf } from '../support/assistant.js';
import { say } from '../support/say.js';

/** Answers with the text it got and offers two choices; remembers every message. */
function recordingAssistant(options: { handoff?: boolean } = {}) {
  const received: IncomingMessage[] = [];
  const assistant: Assistant = {
    say,
    respond(message) {
      received.push(message);
      return replyOf({
        text: `Antwort auf: ${message.choiceId ?? message.text}`,
        intent: 'test',
        choices: [
          { id: 'org:epunkt', label: 'ePunkt e.V.' },
          { id: 'contact', label: 'Kontakt' },
        ],
        handoff: options.handoff ?? false,
      });
    },
  };
  return { assistant, received };
}

async function chat(lines: string[], options: { end?: boolean; handoff?: boolean } = {}) {
  const { assistant, received } = recordingAssistant({ handoff: options.handoff });
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const done = runChat({ assistant, input, output });
  for (const line of lines) input.write(`${line}\n`);
  if (options.end !== false) input.end();
  await done;
  return { received, printed };
}

describe('terminal chat', () => {
  it('keeps one conversation and prints the plain-text answer with numbered suggestions', async () => {
    const { received, printed } = await chat(['Was ist ePunkt?', 'Und die Webseite?']);
    expect(received.map((m) => m.conversationId)).toEqual(['terminal', 'terminal']);
    expect(received.every((m) => m.channel === 'terminal')).toBe(true);
    expect(printed).toContain('Antwort auf: Was ist ePunkt?');
    expect(printed).toContain('1. ePunkt e.V.');
    expect(printed).toContain('2. Kontakt');
  });

  it('sends the id of a suggestion picked by its number', async () => {
    const { received } = await chat(['Hallo', '2', '7']);
    expect(received[1]).toMatchObject({ choiceId: 'contact', text: 'Kontakt' });
    // Not a suggestion number: sent as typed.
    expect(received[2]).toMatchObject({ text: '7' });
    expect(received[2]?.choiceId).toBeUndefined();
  });

  it('ends on /quit without asking the bot, and skips empty lines', async () => {
    const { received } = await chat(['', '   ', 'Hallo', '/quit', 'nicht mehr gefragt'], { end: false });
    expect(received.map((m) => m.text)).toEqual(['Hallo']);
  });

  it('ends on end of input (Ctrl-D)', async () => {
    const { received } = await chat([]);
    expect(received).toEqual([]);
  });

  it('says that it cannot pass a question on to the team where Telegram would offer it', async () => {
    const { printed } = await chat(['Wie wird das Wetter?'], { handoff: true });
    expect(printed).toContain(say('de', 'ops-terminal-no-handoff'));
    expect((await chat(['Was ist ePunkt?'])).printed).not.toContain(say('de', 'ops-terminal-no-handoff'));
  });
});

/** The terminal chat has no hand-off: on `/frage` it says so instead of pretending. */
describe('terminal chat and the hand-off', () => {
  it('answers /frage <text> and says that it cannot pass the question on', async () => {
    const { received, printed } = await chat(['/frage Gibt es Parkplätze?']);
    expect(received.map((m) => m.text)).toEqual(['/frage Gibt es Parkplätze?']);
    expect(printed).toContain('Antwort');
    expect(printed).toContain(say('de', 'ops-terminal-no-handoff'));
  });

  it('on a bare /frage or /question only says that, in the language of the command', async () => {
    const { received, printed } = await chat(['/frage', '/question']);
    expect(received).toEqual([]);
    expect(printed).toContain(say('de', 'ops-terminal-no-handoff'));
    expect(printed).toContain(say('en', 'ops-terminal-no-handoff'));
  });

  it('says nothing of the kind for other commands', async () => {
    const { printed } = await chat(['/fragen', '/hilfe']);
    expect(printed).not.toContain(say('de', 'ops-terminal-no-handoff'));
  });
});
