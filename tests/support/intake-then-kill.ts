/**
 * A process that records intake items, finishes some, and is then killed with SIGKILL
 * (no clean close, no checkpoint), for the "nothing lost" test:
 *   node --import tsx tests/support/intake-then-kill.ts <dir> <count>
 * Item i is finished when i is even.
 */
import { openDatabase } from '../../src/storage/database.js';
import { createIntakeStore } from '../../src/storage/intake.js';

const [dir, count] = process.argv.slice(2);
const intake = createIntakeStore(openDatabase({ dir: dir as string }));
for (let i = 0; i < Number(count); i++) {
  intake.record({ channel: 'telegram', key: String(i), queue: `chat-${i % 3}`, payload: { i } });
  if (i % 2 === 0) intake.markDone('telegram', String(i));
}
process.kill(process.pid, 'SIGKILL');
