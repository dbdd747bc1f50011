/**
 * A bot process that is killed with SIGKILL in the middle of a hand-off, for
 * tests/handoff/crash.test.ts:
 *   node --import tsx tests/support/handoff-then-kill.ts <dir> post|relay
 * `post`: the citizen consents and the Slack call hangs. `relay`: the ticket is posted,
 * a member answers, and the Telegram call hangs. Either way it prints "in flight" once
 * the call has started, and the test kills it there.
 */
import { createHandoff } from '../../src/handoff/handoff.js';
import { createLogger } from '../../src/logger.js';
import { openDatabase } from '../../src/storage/database.js';
import { FakeBoard, FakeChat } from './fake-handoff-ports.js';

const [dir, mode] = process.argv.slice(2);
const db = openDatabase({ dir: dir as string });
const handoff = createHandoff({
  db,
  config: { channel: 'C0HANDOFF1', retentionDays: 30, maxOpenPerChat: 3, maxPerDay: 5, maxQuestionLength: 1500, postIntervalMs: 0 },
  logger: createLogger({ level: 'silent', pretty: false }),
  idleMs: 10,
});
const hang = () => {
  process.stdout.write('in flight\n');
  return new Promise<never>(() => {});
};
const board = new FakeBoard();
const chat = new FakeChat();
if (mode === 'post') board.postTicket = hang;
else chat.relayAnswer = hang;
handoff.start({ board, chat });

const offer = handoff.offer({ chatId: '5550001234', question: 'Gibt es Termine am Wochenende?', locale: 'de' });
if (offer.status !== 'offered') throw new Error(offer.status);
handoff.consent({ offerId: offer.offerId, chatId: '5550001234' });
if (mode === 'relay') {
  const waitForPost = setInterval(() => {
    const posted = board.posts[0];
    if (!posted) return;
    clearInterval(waitForPost);
    handoff.answer({ ticket: { board: posted.message }, key: 'C0HANDOFF1:1700000001.000100', text: 'Ja, samstags.', answeredBy: 'U0MEMBER01' });
  }, 5);
}
setInterval(() => {}, 1000);
