/**
 * `npm run ask -- "Wer ist Ansprechpartner?"` prints one answer.
 * `npm run --silent ask -- --jsonl` reads `{"conversation": "c1", "text": "…"}` lines from
 * standard input and writes exactly one JSON line per input line to standard output;
 * lines with the same conversation share context. Logs never go to standard output.
 */
import { createInterface } from 'node:readline';
import { type Assistant, createAssistant } from '../assistant.js';
import { parseConfig } from '../config.js';
import { loadKnowledge } from '../knowledge/load.js';
import { type Reply, renderPlainText } from '../reply.js';

export interface BatchAnswer {
  text: string;
  fallback: boolean;
  intent: string | null;
  confidence: number;
  locale: 'de' | 'en';
  suggestions: string[];
}

export function toBatchAnswer(reply: Reply): BatchAnswer {
  return {
    text: renderPlainText(reply),
    fallback: reply.fallback,
    intent: reply.intent,
    confidence: reply.confidence,
    locale: reply.locale,
    suggestions: reply.choices.map((choice) => choice.label),
  };
}

/** Answers one JSON line; a line that is not a valid request still gets exactly one line back. */
export function answerLine(line: string, assistant: Assistant, lineNumber: number): string {
  let conversation = `line-${lineNumber}`;
  let text = '';
  try {
    const request = JSON.parse(line) as unknown;
    if (request && typeof request === 'object') {
      const fields = request as Record<string, unknown>;
      if (typeof fields.conversation === 'string' || typeof fields.conversation === 'number') conversation = String(fields.conversation);
      if (typeof fields.text === 'string') text = fields.text;
    }
  } catch {
    text = '';
  }
  const reply = assistant.respond({ channel: 'batch', conversationId: conversation, text });
  return JSON.stringify(toBatchAnswer(reply));
}

/**
 * Answers each line as soon as it has arrived. Lines that arrive together (a batch piped
 * in) are written together, once the input at hand is used up: one write per answer
 * would dominate the cost of large batches, and holding answers back would hang a client
 * that sends one line and waits for its answer.
 */
/** Answers held back for one write at most (characters): enough to make writes few, little enough to stay small in memory. */
const FLUSH_CHARS = 64 * 1024;

async function runJsonl(assistant: Assistant): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let pending = '';
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    if (pending === '') return;
    process.stdout.write(pending);
    pending = '';
  };
  for await (const line of lines) {
    lineNumber += 1;
    // Every line gets its answer, even a blank or broken one: the caller pairs lines by position.
    pending += `${answerLine(line, assistant, lineNumber)}\n`;
    // Input that keeps arriving faster than it is answered never lets the scheduled write run: write in pieces meanwhile.
    if (pending.length >= FLUSH_CHARS) flush();
    // Runs after the lines already read are answered, before waiting for more input.
    else if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  }
  flush();
}

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const assistant = createAssistant(loadKnowledge(config.knowledgeDir));
  const args = process.argv.slice(2);
  if (args.includes('--jsonl')) {
    await runJsonl(assistant);
    return;
  }
  const question = args.join(' ');
  const reply = assistant.respond({ channel: 'terminal', conversationId: 'ask', text: question });
  process.stdout.write(`${renderPlainText(reply)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
