import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assistant.js';
import { runChat } from '../../src/cli/chat.js';
import type { IncomingMessage } from '../../src/message.js';
import { say } from '../support/say.js';

/** The terminal chat has no hand-off: on `/frage` it says so instead of pretending. */
async function chat(lines: string[]) {
  const received: IncomingMessage[] = [];
  const assistant: Assistant = {
    say,
    respond(message) {
      received.push(message);
      const english = message.text.startsWith('/question');
      return {
        text: 'Antwort',
        locale: english ? 'en' : 'de',
        intent: 'test',
        confidence: 1,
        fallback: false,
        choices: [],
        links: [],
        contacts: [],
        handoff: false,
      };
    },
  };
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const done = runChat({ assistant, input, output });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await done;
  return { received, printed };
}

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
