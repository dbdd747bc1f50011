import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandoffConfig } from '../../src/config.js';
import { createHandoff, type Handoff } from '../../src/handoff/handoff.js';
import { createLogger } from '../../src/logger.js';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../src/storage/database.js';
import { eventually, FakeBoard, FakeChat } from '../support/fake-handoff-ports.js';
import { captureLogs } from '../support/log-capture.js';

const CHAT = '5550001234';
const OTHER_CHAT = '5550009999';
const QUESTION = 'Gibt es beim Forum Ehrenamt auch Termine am Wochenende?';

const config: HandoffConfig = {
  channel: 'C0HANDOFF1',
  retentionDays: 30,
  maxOpenPerChat: 2,
  maxPerDay: 3,
  maxQuestionLength: 200,
  postIntervalMs: 0,
};

let dir: string;
let db: SqliteDatabase;
let clock: number | undefined;
const running: Handoff[] = [];
const logs = captureLogs();

function open(overrides: Partial<HandoffConfig> = {}): Handoff {
  const handoff = createHandoff({
    db,
    config: { ...config, ...overrides },
    logger: createLogger({ level: 'debug', pretty: false, destination: logs }),
    now: () => clock ?? Date.now(),
    idleMs: 20,
  });
  running.push(handoff);
  return handoff;
}

/** A crash: the old instance is abandoned mid-work, a new process opens the same file. */
function restart(overrides: Partial<HandoffConfig> = {}): Handoff {
  db = openDatabase({ dir });
  return open(overrides);
}

function offerAndConsent(handoff: Handoff, chatId = CHAT, question = QUESTION) {
  const offer = handoff.offer({ chatId, question, locale: 'de' });
  if (offer.status !== 'offered') throw new Error(`not offered: ${offer.status}`);
  const result = handoff.consent({ offerId: offer.offerId, chatId });
  if (result.status !== 'opened') throw new Error(`not opened: ${result.status}`);
  return result.ticket;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-'));
  db = openDatabase({ dir });
  clock = undefined;
  logs.lines.length = 0;
});
afterEach(async () => {
  for (const handoff of running.splice(0)) await Promise.race([handoff.stop(), new Promise((resolve) => setTimeout(resolve, 50))]);
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('hand-off lifecycle (in-memory ports, real SQLite)', () => {
  it('offer → consent → post → answer → relay → close, with no chat id on the board and none left in the file', async () => {
    const board = new FakeBoard();
    const chat = new FakeChat();
    const handoff = open();
    handoff.start({ board, chat });

    const offer = handoff.offer({ chatId: CHAT, question: QUESTION, locale: 'de' });
    expect(offer).toMatchObject({ status: 'offered', truncated: false });
    if (offer.status !== 'offered') return;
    expect(Buffer.byteLength(`handoff:${offer.offerId}`)).toBeLessThanOrEqual(64); // fits Telegram's callback_data
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(board.posts).toHaveLength(0); // nothing leaves before the press

    const consent = handoff.consent({ offerId: offer.offerId, chatId: CHAT });
    expect(consent.status).toBe('opened');
    await eventually(() => board.posts.length === 1, 'the post');
    const [post] = board.posts;
    expect(post?.ticket).toMatchObject({ number: 1, state: 'open', question: QUESTION, locale: 'de', truncated: false, answeredBy: [] });
    expect(JSON.stringify(post)).not.toContain(CHAT);

    const answer = handoff.answer({
      ticket: { board: post!.message },
      key: `C0HANDOFF1:1700000001.000100`,
      text: 'Ja, samstags ab 10 Uhr.',
      answeredBy: 'U0MEMBER01',
    });
    expect(answer.status).toBe('recorded');
    await eventually(() => chat.relays.length === 1 && board.updates.length === 1, 'the relay and the update');
    expect(chat.relays[0]).toEqual({ chatId: CHAT, ticketNumber: 1, text: 'Ja, samstags ab 10 Uhr.', locale: 'de' });
    expect(board.updates[0]?.ticket).toMatchObject({ state: 'answered', answeredBy: ['U0MEMBER01'] });

    // A further reply in the thread follows; the same reply delivered again does not.
    handoff.answer({ ticket: { number: 1 }, key: 'C0HANDOFF1:1700000001.000200', text: 'Und sonntags ab 12.', answeredBy: 'U0MEMBER02' });
    expect(
      handoff.answer({ ticket: { number: 1 }, key: 'C0HANDOFF1:1700000001.000200', text: 'Und sonntags ab 12.', answeredBy: 'U0MEMBER02' }),
    ).toEqual({
      status: 'duplicate',
    });
    await eventually(() => chat.relays.length === 2, 'the second relay');

    expect(handoff.close({ ticket: { number: 1 }, closedBy: 'U0MEMBER01' }).status).toBe('closed');
    await eventually(() => board.updates.at(-1)?.ticket.state === 'closed', 'the closed state on the board');
    expect(board.updates.at(-1)?.ticket).toMatchObject({ closedBy: 'U0MEMBER01', closeReason: 'closed', answeredBy: ['U0MEMBER01', 'U0MEMBER02'] });
    expect(handoff.answer({ ticket: { number: 1 }, key: 'late', text: 'noch was', answeredBy: 'U0MEMBER03' }).status).toBe('closed');
    expect(handoff.ticket({ number: 1 })?.lastAnswer).toBe('Und sonntags ab 12.');

    // Gone from the table and from the bytes of the file (and no WAL left holding an old copy).
    expect(db.prepare('SELECT count(*) FROM handoff_ticket WHERE chat_id IS NOT NULL').pluck().get()).toBe(0);
    await handoff.stop();
    const file = readFileSync(join(dir, 'bot.sqlite'));
    expect(file.includes(CHAT)).toBe(false);
    const wal = join(dir, 'bot.sqlite-wal');
    if (existsSync(wal)) expect(readFileSync(wal).includes(CHAT)).toBe(false);
    expect(logs.text()).not.toContain(CHAT);
  });

  it('pressing twice makes one ticket; another chat cannot use the offer', async () => {
    const board = new FakeBoard();
    const handoff = open();
    handoff.start({ board, chat: new FakeChat() });
    const offer = handoff.offer({ chatId: CHAT, question: QUESTION, locale: 'en' });
    if (offer.status !== 'offered') throw new Error('not offered');
    expect(handoff.consent({ offerId: offer.offerId, chatId: OTHER_CHAT })).toEqual({ status: 'unknown-offer' });
    expect(handoff.consent({ offerId: offer.offerId, chatId: CHAT }).status).toBe('opened');
    expect(handoff.consent({ offerId: offer.offerId, chatId: CHAT }).status).toBe('already-open');
    expect(handoff.consent({ offerId: offer.offerId, chatId: OTHER_CHAT })).toEqual({ status: 'unknown-offer' });
    expect(handoff.consent({ offerId: 'made-up', chatId: CHAT })).toEqual({ status: 'unknown-offer' });
    await eventually(() => board.posts.length === 1, 'the post');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(board.posts).toHaveLength(1);
  });

  it('cuts a long question and says so', () => {
    const handoff = open();
    const offer = handoff.offer({ chatId: CHAT, question: `Frage ${'x'.repeat(500)}`, locale: 'de' });
    expect(offer).toMatchObject({ status: 'offered', truncated: true });
    if (offer.status !== 'offered') return;
    const result = handoff.consent({ offerId: offer.offerId, chatId: CHAT });
    expect(result.status === 'opened' && result.ticket.question.length).toBe(200);
    expect(result.status === 'opened' && result.ticket).toMatchObject({ truncated: true });
    expect(handoff.offer({ chatId: CHAT, question: '   ', locale: 'de' })).toEqual({ status: 'empty' });
  });

  it('limits open tickets per chat and tickets per day; closing frees a slot, the day cap waits a day', () => {
    clock = Date.UTC(2026, 4, 1, 12);
    const handoff = open();
    offerAndConsent(handoff);
    offerAndConsent(handoff);
    expect(handoff.offer({ chatId: CHAT, question: QUESTION, locale: 'de' })).toEqual({ status: 'too-many-open', limit: 2 });
    // An offer made before the limit was reached is refused at the press too.
    const early = handoff.offer({ chatId: OTHER_CHAT, question: QUESTION, locale: 'de' });
    offerAndConsent(handoff, OTHER_CHAT);
    offerAndConsent(handoff, OTHER_CHAT);
    if (early.status !== 'offered') throw new Error('not offered');
    expect(handoff.consent({ offerId: early.offerId, chatId: OTHER_CHAT })).toEqual({ status: 'too-many-open', limit: 2 });

    handoff.close({ ticket: { number: 1 }, closedBy: 'U0MEMBER01' });
    offerAndConsent(handoff); // the third of the day
    handoff.close({ ticket: { number: 2 }, closedBy: 'U0MEMBER01' });
    expect(handoff.offer({ chatId: CHAT, question: QUESTION, locale: 'de' })).toEqual({ status: 'daily-cap', limit: 3 });
    clock += 24 * 60 * 60 * 1000 + 1;
    expect(handoff.offer({ chatId: CHAT, question: QUESTION, locale: 'de' }).status).toBe('offered');
  });

  it('queues a burst: new tickets reach the channel at most one per postIntervalMs', async () => {
    const board = new FakeBoard();
    const handoff = open({ postIntervalMs: 100, maxOpenPerChat: 10, maxPerDay: 10 });
    handoff.start({ board, chat: new FakeChat() });
    for (let i = 0; i < 4; i++) offerAndConsent(handoff, `${CHAT}${i}`);
    await eventually(() => board.posts.length === 4, 'four posts');
    const gaps = board.posts.slice(1).map((post, i) => post.at - (board.posts[i]?.at ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(95);
    expect(board.posts.map((post) => post.ticket.number)).toEqual([1, 2, 3, 4]);
  });
});

describe('hand-off across restarts', () => {
  it('consent, then a crash before the post: the next start posts it within 15 s, once', async () => {
    const deadBoard = new FakeBoard();
    deadBoard.next.push('hang'); // the process dies while Slack has not answered
    const first = open();
    first.start({ board: deadBoard, chat: new FakeChat() });
    offerAndConsent(first);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const board = new FakeBoard();
    const second = restart();
    const started = Date.now();
    second.start({ board, chat: new FakeChat() });
    await eventually(() => board.posts.length === 1, 'the post after the restart');
    expect(Date.now() - started).toBeLessThan(15_000);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(board.posts).toHaveLength(1);
    expect(deadBoard.posts).toHaveLength(0);
  });

  it('a post that did reach Slack before the crash is found, not posted again (when the board can look)', async () => {
    const board = new FakeBoard('C0HANDOFF1', true);
    const first = open();
    first.start({ board, chat: new FakeChat() });
    offerAndConsent(first);
    await eventually(() => board.posts.length === 1, 'the post');
    // Simulate the crash between Slack's answer and the commit: the item is back to "started, not finished".
    db.prepare("INSERT INTO handoff_outbox (ticket_id, kind, created_at, due_at, attempts, started_at) VALUES (1, 'post', 0, 0, 1, 0)").run();
    db.prepare('UPDATE handoff_ticket SET board_channel = NULL, board_ts = NULL').run();
    await first.stop();

    const second = restart();
    const sameChannel = new FakeBoard('C0HANDOFF1', true);
    sameChannel.adopt(board);
    second.start({ board: sameChannel, chat: new FakeChat() });
    await eventually(() => db.prepare('SELECT count(*) FROM handoff_outbox').pluck().get() === 0, 'the outbox to drain');
    expect(sameChannel.posts).toHaveLength(1);
    expect(second.ticket({ number: 1 })).toBeDefined();
    expect(db.prepare('SELECT board_ts FROM handoff_ticket WHERE id = 1').pluck().get()).toBe(board.posts[0]?.message.ts);
  });

  it('answer recorded, then a crash before the relay: the next start relays it, once; the duplicate delivery of the reply is ignored', async () => {
    const board = new FakeBoard();
    const stuckChat = new FakeChat();
    stuckChat.next.push('hang');
    const first = open();
    first.start({ board, chat: stuckChat });
    offerAndConsent(first);
    await eventually(() => board.posts.length === 1, 'the post');
    first.answer({ ticket: { board: board.posts[0]!.message }, key: 'C0HANDOFF1:1.1', text: 'Ja.', answeredBy: 'U0MEMBER01' });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const chat = new FakeChat();
    const second = restart();
    // Slack re-sends the reply it saw no 200 for.
    expect(second.answer({ ticket: { board: board.posts[0]!.message }, key: 'C0HANDOFF1:1.1', text: 'Ja.', answeredBy: 'U0MEMBER01' })).toEqual({
      status: 'duplicate',
    });
    second.start({ board, chat });
    await eventually(() => chat.relays.length === 1, 'the relay after the restart');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(chat.relays).toEqual([{ chatId: CHAT, ticketNumber: 1, text: 'Ja.', locale: 'de' }]);
    expect(stuckChat.relays).toHaveLength(0);
  });

  it('closing while an answer waits for Telegram still delivers it, then the chat id is gone', async () => {
    const board = new FakeBoard();
    const chat = new FakeChat();
    chat.next.push('fail');
    const handoff = open();
    handoff.start({ board, chat });
    offerAndConsent(handoff);
    await eventually(() => board.posts.length === 1, 'the post');
    handoff.answer({ ticket: { number: 1 }, key: 'k1', text: 'Antwort', answeredBy: 'U0MEMBER01' });
    handoff.close({ ticket: { number: 1 }, closedBy: 'U0MEMBER01' });
    await eventually(() => chat.relays.length === 1, 'the retried relay', 5_000);
    await eventually(() => db.prepare('SELECT count(*) FROM handoff_outbox').pluck().get() === 0, 'the outbox to drain');
    expect(readFileSync(join(dir, 'bot.sqlite')).includes(CHAT)).toBe(false);
    expect(logs.text()).toMatch(/hand-off delivery failed; retrying/);
  });
});

describe('hand-off retention and failures', () => {
  it('closes tickets older than HANDOFF_RETENTION_DAYS (chat id deleted, board updated) and deletes closed ones later', async () => {
    clock = Date.UTC(2026, 0, 1);
    const board = new FakeBoard();
    const first = open({ retentionDays: 10 });
    offerAndConsent(first);
    const offerOnly = first.offer({ chatId: OTHER_CHAT, question: QUESTION, locale: 'de' });
    expect(offerOnly.status).toBe('offered');
    first.start({ board, chat: new FakeChat() });
    await eventually(() => board.posts.length === 1, 'the post');
    await first.stop();

    clock += 11 * 24 * 60 * 60 * 1000;
    const second = open({ retentionDays: 10 });
    second.start({ board, chat: new FakeChat() });
    await eventually(() => board.updates.at(-1)?.ticket.closeReason === 'expired', 'the expiry on the board');
    expect(db.prepare('SELECT count(*) FROM handoff_ticket WHERE chat_id IS NOT NULL').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM handoff_ticket WHERE state = 'offered'").pluck().get()).toBe(0);
    await second.stop();

    clock += 11 * 24 * 60 * 60 * 1000;
    open({ retentionDays: 10 }).start({ board, chat: new FakeChat() });
    expect(db.prepare('SELECT count(*) FROM handoff_ticket').pluck().get()).toBe(0);
  });

  it('gives up a relay the platform refuses for good, without retrying', async () => {
    const board = new FakeBoard();
    const chat = new FakeChat();
    chat.next.push('fail-permanently');
    const handoff = open();
    handoff.start({ board, chat });
    offerAndConsent(handoff);
    await eventually(() => board.posts.length === 1, 'the post');
    handoff.answer({ ticket: { number: 1 }, key: 'k1', text: 'Antwort', answeredBy: 'U0MEMBER01' });
    await eventually(() => logs.text().includes('hand-off delivery given up'), 'giving up');
    expect(db.prepare("SELECT count(*) FROM handoff_outbox WHERE kind = 'relay'").pluck().get()).toBe(0);
    expect(chat.relays).toHaveLength(0);
  });
});
