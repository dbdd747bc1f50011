/**
 * A process with the bot's error policy and its graceful shutdown, for
 * tests/process-errors.test.ts:
 *   node --import tsx tests/support/process-errors-child.ts
 * It rejects a promise nobody awaits (with a grammY-like error carrying a chat id),
 * shows it is still alive, then throws from a timer. Its shutdown step prints a line.
 */
import { createLogger } from '../../src/logger.js';
import { installProcessErrorPolicy } from '../../src/process-errors.js';
import { installShutdown } from '../../src/shutdown.js';

const logger = createLogger({ level: 'info', pretty: false });
const policy = installProcessErrorPolicy({ logger, onFatal: () => process.exit(1) });
const control = installShutdown({
  logger,
  timeoutMs: 5_000,
  steps: [{ name: 'finish answers', run: () => void process.stdout.write('shutdown step ran\n') }],
});
policy.setOnFatal((reason) => void control.shutdown(reason, 1));

const rejected = Object.assign(new Error("Call to 'sendMessage' failed!"), {
  name: 'GrammyError',
  method: 'sendMessage',
  error_code: 403,
  description: 'Forbidden: bot was blocked by the user',
  payload: { chat_id: 4815162342, text: 'Geheimweg 7' },
});
void Promise.reject(rejected);
setTimeout(() => {
  process.stdout.write('alive after the rejection\n');
  setTimeout(() => {
    throw new Error('a bug in a timer');
  }, 10);
}, 50);
// Keeps the process up: only the policy may end it.
setInterval(() => {}, 1_000);
