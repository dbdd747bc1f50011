import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Assistant } from '../assistant.js';
import type { Choice } from '../reply.js';
import { renderPlainText } from '../reply.js';

export interface ChatOptions {
  assistant: Assistant;
  input: Readable;
  output: Writable;
  /** Whether a person types (line editing, history); false for piped input in tests. */
  terminal?: boolean;
}

const QUIT_COMMANDS = new Set(['/quit', '/exit', '/q']);
/** `/frage <text>` (`/question`): on Telegram, the hand-off to the network team. */
const ASK_TEAM = /^\/(frage|question)(?:@\w+)?(?=\s|$)/i;

/**
 * The interactive chat in the terminal: one conversation whose context carries from
 * line to line, answers printed as plain text, numbered suggestions picked by typing
 * their number. Resolves when the user types `/quit`, presses Ctrl-D or Ctrl-C.
 *
 * ```ts
 * await runChat({ assistant, input: process.stdin, output: process.stdout, terminal: true });
 * ```
 */
export async function runChat(options: ChatOptions): Promise<void> {
  const { assistant, output } = options;
  const rl = createInterface({ input: options.input, output, terminal: options.terminal ?? false, prompt: '> ' });
  rl.on('SIGINT', () => rl.close());
  let choices: Choice[] = [];

  output.write(`${assistant.say('de', 'terminal-greeting')}\n\n`);
  rl.prompt();
  for await (const rawLine of rl) {
    const line = rawLine.trim();
    if (QUIT_COMMANDS.has(line.toLowerCase())) break;
    if (ASK_TEAM.test(line) && line.replace(ASK_TEAM, '').trim() === '') {
      // `/frage` alone: there is no question to answer, only the hand-off the terminal does not have.
      output.write(`\n${assistant.say(/^\/question/i.test(line) ? 'en' : 'de', 'ops-terminal-no-handoff')}\n\n`);
    } else if (line !== '') {
      const picked = /^\d{1,2}$/.test(line) ? choices[Number(line) - 1] : undefined;
      const reply = assistant.respond({
        channel: 'terminal',
        conversationId: 'terminal',
        text: picked ? picked.label : rawLine,
        ...(picked ? { choiceId: picked.id } : {}),
      });
      choices = reply.choices;
      // Telegram offers to ask the network team here (and on `/frage`); the terminal cannot, and says so.
      const note = reply.handoff || ASK_TEAM.test(line) ? `\n${assistant.say(reply.locale, 'ops-terminal-no-handoff')}\n` : '';
      output.write(`\n${renderPlainText(reply)}\n${note}\n`);
    }
    rl.prompt();
  }
  rl.close();
  output.write('\n');
}
