/**
 * A separate process that records questions, or prunes, for the concurrency tests:
 *   node --import tsx tests/support/append-unanswered.ts <dir> <writer> <count>
 *   node --import tsx tests/support/append-unanswered.ts <dir> prune <times>
 */
import { openDatabase } from '../../src/storage/database.js';
import { createUnansweredStore } from '../../src/unanswered/store.js';

const [dir, writer, count] = process.argv.slice(2);
const db = openDatabase({ dir: dir as string });
const store = createUnansweredStore(db, { retentionDays: 30 });
for (let i = 0; i < Number(count); i++) {
  if (writer === 'prune') store.prune();
  else if (!store.record({ text: `writer ${writer} question ${i} ${'x'.repeat(300)}`, locale: 'de', channel: 'telegram' })) process.exit(3);
}
db.close();
