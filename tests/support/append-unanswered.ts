/**
 * A separate process that records questions, for the concurrent-writers test:
 *   node --import tsx tests/support/append-unanswered.ts <dir> <writer> <count>
 */
import { openUnansweredStore } from '../../src/unanswered/store.js';

const [dir, writer, count] = process.argv.slice(2);
const store = openUnansweredStore({ dir: dir as string, retentionDays: 90 });
for (let i = 0; i < Number(count); i++) {
  // Long enough that a non-atomic writer would visibly interleave.
  store.record({ text: `writer ${writer} question ${i} ${'x'.repeat(300)}`, locale: 'de', channel: 'telegram' });
}
