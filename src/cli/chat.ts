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

const GREETING =
  'Engagierte Stadt Lübeck – Info-Bot. Fragen Sie einfach (Deutsch oder English).\n' +
  'Eine Zahl wählt einen Vorschlag; /quit oder Strg-D beendet.\n';
const QUIT_COMMANDS = new Set(['/quit', '/exit', '/q']);

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

  output.write(`${GREETING}\n`);
  rl.prompt();
  for await (const rawLine of rl) {
    const line = rawLine.trim();
    if (QUIT_COMMANDS.has(line.toLowerCase())) break;
    if (line !== '') {
      const picked = /^\d{1,2}$/.test(line) ? choices[Number(line) - 1] : undefined;
      const reply = assistant.respond({
        channel: 'terminal',
        conversationId: 'terminal',
        text: picked ? picked.label : rawLine,
        ...(picked ? { choiceId: picked.id } : {}),
      });
      choices = reply.choices;
      // Telegram offers to ask the network team here; the terminal cannot, and says so.
      const note = reply.handoff ? `\n${assistant.say(reply.locale, 'ops-terminal-no-handoff')}\n` : '';
      output.write(`\n${renderPlainText(reply)}\n${note}\n`);
    }
    rl.prompt();
  }
  rl.close();
  output.write('\n');
}
