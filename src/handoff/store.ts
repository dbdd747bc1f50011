import { createHmac, randomBytes } from 'node:crypto';
import type { Locale } from '../message.js';
import type { SqliteDatabase } from '../storage/database.js';
import type { BoardMessage, TicketState, TicketView } from './port.js';

/**
 * The hand-off tickets in the bot's SQLite database (tables `handoff_*`, see
 * src/storage/migrations.ts). Every change of state and the outbox items it causes are
 * written in one transaction, so a crash at any point leaves either both or neither.
 *
 * What is kept, and for how long:
 * - `chat_id` (the citizen's Telegram chat) while an offer or ticket is not closed; set to
 *   NULL when it is closed or expires. An outbox item that relays an answer carries its own
 *   copy until it is sent. With `secure_delete` and a WAL checkpoint after each closing
 *   (see {@link HandoffStore.scrubFile}), the id is then gone from the file itself.
 * - `quota_key`, a keyed hash of the chat id (key random per database), for the daily
 *   cap; cleared a day after the ticket was opened.
 * - the question, the last answer and who answered (Slack user ids) until the ticket is
 *   deleted, HANDOFF_RETENTION_DAYS after it was closed.
 */

export interface OfferRow {
  offerId: string;
  ticketNumber: number;
  state: TicketState | 'offered';
  chatId: string | null;
}

export type OutboxKind = 'post' | 'update' | 'relay';

export interface OutboxItem {
  id: number;
  ticketNumber: number;
  kind: OutboxKind;
  chatId: string | null;
  text: string | null;
  attempts: number;
  /** Set when an earlier attempt started and never finished: the process may have died mid-call. */
  startedAt: number | null;
}

export type TicketRef = { number: number } | { board: BoardMessage };

export interface Limits {
  maxOpenPerChat: number;
  maxPerDay: number;
}

export type OpenResult =
  | { status: 'opened'; ticket: TicketView }
  | { status: 'already-open'; ticket: TicketView }
  | { status: 'unknown-offer' }
  | { status: 'too-many-open'; limit: number }
  | { status: 'daily-cap'; limit: number };

export type AnswerResult =
  | { status: 'recorded'; ticket: TicketView }
  | { status: 'duplicate' }
  | { status: 'closed'; ticket: TicketView }
  | { status: 'unknown-ticket' };

export type CloseResult = { status: 'closed'; ticket: TicketView } | { status: 'already-closed'; ticket: TicketView } | { status: 'unknown-ticket' };

interface TicketRow {
  id: number;
  offer_id: string;
  state: TicketState | 'offered';
  chat_id: string | null;
  locale: Locale;
  question: string;
  truncated: number;
  offered_at: number;
  opened_at: number | null;
  close_reason: 'closed' | 'expired' | null;
  closed_by: string | null;
  answered_by: string;
  last_answer: string | null;
  board_channel: string | null;
  board_ts: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export type HandoffStore = ReturnType<typeof createHandoffStore>;

/**
 * ```ts
 * const store = createHandoffStore(storage.db);
 * const { offerId } = store.createOffer({ chatId: '42', question: 'Gibt es Parkplätze?', locale: 'de', truncated: false }, Date.now());
 * store.openTicket(offerId, '42', { maxOpenPerChat: 3, maxPerDay: 5 }, Date.now()); // + outbox "post", one transaction
 * ```
 */
export function createHandoffStore(db: SqliteDatabase) {
  const secret = (db.prepare('SELECT key FROM handoff_secret WHERE id = 1').get() as { key: Buffer }).key;
  const quotaKey = (chatId: string) => createHmac('sha256', secret).update(chatId).digest('hex');

  const byId = db.prepare<[number], TicketRow>('SELECT * FROM handoff_ticket WHERE id = ?');
  const byOffer = db.prepare<[string], TicketRow>('SELECT * FROM handoff_ticket WHERE offer_id = ?');
  const byBoard = db.prepare<[string, string], TicketRow>('SELECT * FROM handoff_ticket WHERE board_channel = ? AND board_ts = ?');
  const insertOffer = db.prepare<[string, string, string, string, number, number]>(
    "INSERT INTO handoff_ticket (offer_id, state, chat_id, locale, question, truncated, offered_at) VALUES (?, 'offered', ?, ?, ?, ?, ?)",
  );
  const countOpen = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM handoff_ticket WHERE chat_id = ? AND state IN ('open', 'answered')",
  );
  const countToday = db.prepare<[string, number], { n: number }>('SELECT count(*) AS n FROM handoff_ticket WHERE quota_key = ? AND opened_at >= ?');
  const markOpen = db.prepare<[number, string, number]>("UPDATE handoff_ticket SET state = 'open', opened_at = ?, quota_key = ? WHERE id = ?");
  const enqueue = db.prepare<[number, string, string | null, string | null, number, number]>(
    'INSERT INTO handoff_outbox (ticket_id, kind, chat_id, text, created_at, due_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const dropPendingUpdates = db.prepare<[number]>("DELETE FROM handoff_outbox WHERE ticket_id = ? AND kind = 'update' AND started_at IS NULL");
  const seeAnswer = db.prepare<[string, number, number]>(
    'INSERT INTO handoff_answer_seen (key, ticket_id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const markAnswered = db.prepare<[string, string, number]>(
    "UPDATE handoff_ticket SET state = 'answered', answered_by = ?, last_answer = ? WHERE id = ?",
  );
  const markClosed = db.prepare<[number, string, string | null, number]>(
    "UPDATE handoff_ticket SET state = 'closed', closed_at = ?, close_reason = ?, closed_by = ?, chat_id = NULL WHERE id = ?",
  );
  const nextDue = db.prepare<[number], OutboxRow>('SELECT * FROM handoff_outbox WHERE due_at <= ? ORDER BY id LIMIT 1');
  const nextDueNotPost = db.prepare<[number], OutboxRow>("SELECT * FROM handoff_outbox WHERE due_at <= ? AND kind != 'post' ORDER BY id LIMIT 1");
  const nextDueAt = db.prepare<[], { due: number | null }>('SELECT min(due_at) AS due FROM handoff_outbox');
  const markStarted = db.prepare<[number, number]>('UPDATE handoff_outbox SET started_at = ?, attempts = attempts + 1 WHERE id = ?');
  const deleteItem = db.prepare<[number]>('DELETE FROM handoff_outbox WHERE id = ?');
  const postpone = db.prepare<[number, number]>('UPDATE handoff_outbox SET due_at = ?, started_at = NULL WHERE id = ?');
  const setBoard = db.prepare<[string, string, number]>('UPDATE handoff_ticket SET board_channel = ?, board_ts = ? WHERE id = ?');

  const view = (row: TicketRow): TicketView => ({
    number: row.id,
    state: row.state === 'offered' ? 'open' : row.state,
    question: row.question,
    truncated: row.truncated === 1,
    locale: row.locale,
    openedAt: row.opened_at ?? row.offered_at,
    answeredBy: JSON.parse(row.answered_by) as string[],
    closedBy: row.closed_by ?? undefined,
    closeReason: row.close_reason ?? undefined,
  });
  const find = (ref: TicketRef): TicketRow | undefined => ('number' in ref ? byId.get(ref.number) : byBoard.get(ref.board.channel, ref.board.ts));
  const queueUpdate = (ticketId: number, now: number) => {
    // The message shows the state when the update is sent: one pending update per ticket is enough.
    dropPendingUpdates.run(ticketId);
    enqueue.run(ticketId, 'update', null, null, now, now);
  };

  return {
    quotaKey,

    /** Keeps the question of a declined message until the citizen decides; nothing leaves the process. */
    createOffer(input: { chatId: string; question: string; locale: Locale; truncated: boolean }, now: number): { offerId: string } {
      const offerId = randomBytes(9).toString('base64url');
      insertOffer.run(offerId, input.chatId, input.locale, input.question, input.truncated ? 1 : 0, now);
      return { offerId };
    },

    /** Counts against the limits without creating anything (to refuse before offering). */
    limitReached(chatId: string, limits: Limits, now: number): { status: 'too-many-open' | 'daily-cap'; limit: number } | undefined {
      return limitsCheck(countOpen.get(chatId)?.n ?? 0, countToday.get(quotaKey(chatId), now - DAY_MS)?.n ?? 0, limits);
    },

    /** The citizen pressed the button: the offer becomes an open ticket and its post is queued. Pressing twice is one ticket. */
    openTicket: db.transaction((offerId: string, chatId: string, limits: Limits, now: number): OpenResult => {
      const row = byOffer.get(offerId);
      // Another chat's offer id is as unknown as a made-up one (and so is one whose ticket is closed: its chat id is gone).
      if (!row || row.chat_id !== chatId) return { status: 'unknown-offer' };
      if (row.state !== 'offered') return { status: 'already-open', ticket: view(row) };
      const refused = limitsCheck(countOpen.get(chatId)?.n ?? 0, countToday.get(quotaKey(chatId), now - DAY_MS)?.n ?? 0, limits);
      if (refused) return refused;
      markOpen.run(now, quotaKey(chatId), row.id);
      enqueue.run(row.id, 'post', null, null, now, now);
      return { status: 'opened', ticket: view(byId.get(row.id) as TicketRow) };
    }),

    /** A member answered (a thread reply or the modal): relay it and update the message, once per `key`. */
    recordAnswer: db.transaction((ref: TicketRef, answer: { key: string; text: string; answeredBy: string }, now: number): AnswerResult => {
      const row = find(ref);
      if (!row || row.state === 'offered') return { status: 'unknown-ticket' };
      if (row.state === 'closed') return { status: 'closed', ticket: view(row) };
      if (seeAnswer.run(answer.key, row.id, now).changes === 0) return { status: 'duplicate' };
      const answeredBy = JSON.parse(row.answered_by) as string[];
      if (!answeredBy.includes(answer.answeredBy)) answeredBy.push(answer.answeredBy);
      markAnswered.run(JSON.stringify(answeredBy), answer.text, row.id);
      enqueue.run(row.id, 'relay', row.chat_id, answer.text, now, now);
      queueUpdate(row.id, now);
      return { status: 'recorded', ticket: view(byId.get(row.id) as TicketRow) };
    }),

    /** Closes a ticket: the chat id goes (answers already queued keep their own copy until sent). */
    closeTicket: db.transaction((ref: TicketRef, closedBy: string | null, reason: 'closed' | 'expired', now: number): CloseResult => {
      const row = find(ref);
      if (!row || row.state === 'offered') return { status: 'unknown-ticket' };
      if (row.state === 'closed') return { status: 'already-closed', ticket: view(row) };
      markClosed.run(now, reason, closedBy, row.id);
      queueUpdate(row.id, now);
      return { status: 'closed', ticket: view(byId.get(row.id) as TicketRow) };
    }),

    ticket(ref: TicketRef): (TicketView & { lastAnswer: string | undefined }) | undefined {
      const row = find(ref);
      return row && row.state !== 'offered' ? { ...view(row), lastAnswer: row.last_answer ?? undefined } : undefined;
    },

    boardMessage(ticketNumber: number): BoardMessage | undefined {
      const row = byId.get(ticketNumber);
      return row?.board_channel && row.board_ts ? { channel: row.board_channel, ts: row.board_ts } : undefined;
    },

    /** The oldest item due; posts only when `postsAllowed` (they are paced so that a burst does not flood the channel). */
    nextDue(now: number, postsAllowed: boolean): OutboxItem | undefined {
      const row = postsAllowed ? nextDue.get(now) : nextDueNotPost.get(now);
      return row ? toItem(row) : undefined;
    },
    /** When the next item falls due, if any. */
    nextDueAt: (): number | undefined => nextDueAt.get()?.due ?? undefined,
    /** Recorded before the call, so that a restart knows the call may have happened. */
    markStarted: (id: number, now: number) => void markStarted.run(now, id),
    /** Sent (or given up): the item and any chat id it carried are deleted. */
    finish: (id: number) => void deleteItem.run(id),
    posted: db.transaction((item: OutboxItem, message: BoardMessage) => {
      setBoard.run(message.channel, message.ts, item.ticketNumber);
      deleteItem.run(item.id);
    }),
    retryAt: (id: number, dueAt: number) => void postpone.run(dueAt, id),

    /**
     * Retention: expired offers deleted; tickets opened longer than `retentionMs` ago closed
     * (chat id gone); closed tickets deleted `retentionMs` after closing, with what belongs
     * to them; quota hashes cleared after a day. Returns how many tickets expired and how many were deleted.
     */
    sweep: db.transaction((now: number, options: { retentionMs: number; offerTtlMs: number }): { expired: number; deleted: number } => {
      const oldest = now - options.retentionMs;
      db.prepare<[number]>("DELETE FROM handoff_ticket WHERE state = 'offered' AND offered_at < ?").run(now - options.offerTtlMs);
      db.prepare<[number]>('UPDATE handoff_ticket SET quota_key = NULL WHERE quota_key IS NOT NULL AND opened_at < ?').run(now - DAY_MS);
      const stale = db
        .prepare<[number], { id: number }>("SELECT id FROM handoff_ticket WHERE state IN ('open', 'answered') AND opened_at < ?")
        .all(oldest);
      for (const { id } of stale) {
        markClosed.run(now, 'expired', null, id);
        queueUpdate(id, now);
      }
      // An answer that could not be relayed within the retention time is not relayed any more.
      db.prepare<[number]>("DELETE FROM handoff_outbox WHERE kind = 'relay' AND created_at < ?").run(oldest);
      const deleted = db.prepare<[number]>("DELETE FROM handoff_ticket WHERE state = 'closed' AND closed_at < ?").run(oldest).changes;
      return { expired: stale.length, deleted };
    }),

    /**
     * Moves every change into the main file and empties the WAL, so that deleted chat ids
     * (overwritten with zeros by `secure_delete`) are not left in an old WAL frame either.
     */
    scrubFile: () => void db.pragma('wal_checkpoint(TRUNCATE)'),
  };
}

interface OutboxRow {
  id: number;
  ticket_id: number;
  kind: OutboxKind;
  chat_id: string | null;
  text: string | null;
  attempts: number;
  started_at: number | null;
}

function toItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    ticketNumber: row.ticket_id,
    kind: row.kind,
    chatId: row.chat_id,
    text: row.text,
    attempts: row.attempts,
    startedAt: row.started_at,
  };
}

function limitsCheck(open: number, today: number, limits: Limits): { status: 'too-many-open' | 'daily-cap'; limit: number } | undefined {
  if (open >= limits.maxOpenPerChat) return { status: 'too-many-open', limit: limits.maxOpenPerChat };
  if (today >= limits.maxPerDay) return { status: 'daily-cap', limit: limits.maxPerDay };
  return undefined;
}
