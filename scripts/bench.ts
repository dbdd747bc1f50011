/**
 * `npm run bench`: the core, then Telegram and Slack end to end against fake servers on
 * 127.0.0.1. Prints one table per part; exits 1 when a target is missed. Timing belongs
 * here, not in the tests, where a busy machine would make it flaky.
 */
import { NODE_FLAGS } from '../src/process-flags.js';
import { benchCore } from './bench-core.js';
import { benchSlack } from './bench-slack.js';
import { benchTelegram } from './bench-telegram.js';

const parts: [string, () => Promise<Record<string, string | number>[]>][] = [
  ['Core (matching and dialogue)', benchCore],
  ['Telegram end to end (2,000 updates, 200 chats, fake Bot API)', () => benchTelegram()],
  ['Slack end to end (1,000 signed events, 100 conversations, 50 concurrent)', () => benchSlack()],
];

// The bot processes the parts start run with the production flags, as `npm start` and the image do.
process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, ...NODE_FLAGS].filter(Boolean).join(' ');
process.stdout.write(`Bot processes run with NODE_OPTIONS=${process.env.NODE_OPTIONS}\n`);

let missed = false;
for (const [title, run] of parts) {
  process.stdout.write(`\n== ${title}\n`);
  const rows = await run();
  console.table(rows);
  missed ||= rows.some((row) => row.ok === 'NO');
}
if (missed) {
  process.stdout.write('\nSome targets were missed (ok = NO).\n');
  process.exitCode = 1;
}
