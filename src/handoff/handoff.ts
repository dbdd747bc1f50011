import type { HandoffConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Locale } from '../message.js';
import type { SqliteDatabase } from '../storage/database.js';
import { type Outbox, startOutbox } from './outbox.js';
import type { HandoffBoard, HandoffChat, TicketView } from './port.js';
import { type AnswerResult, type CloseResult, createHandoffStore, type OpenResult, type TicketRef } from './store.js';

export type { TicketRef };

/** What {@link Handoff.offer} decided: show the consent button with `offerId`, or say why not. */
export type OfferResult =
  | { status: 'offered'; offerId: string; truncated: boolean }
  | { status: 'too-many-open'; limit: number }
  | { status: 'daily-cap'; limit: number }
  | { status: 'empty' };

/**
 * "Ask a person": a citizen's question that the bot could not answer goes, with consent,
 * to the network team and the team's answer comes back into the citizen's chat.
 *
 * The lifecycle, channel-agnostic (the adapters translate):
 * 1. `offer` – the bot declined a question (or `/frage <text>`): the question is kept
 *    locally, and the adapter shows the consent button carrying `offerId` (≤ 64 bytes).
 *    Nothing has left the process.
 * 2. `consent` – the citizen pressed it: the ticket is open and its post is queued.
 *    Pressing twice is one ticket; another chat's `offerId` is refused.
 * 3. `answer` – a member replied in the ticket's thread or in the modal: stored before the
 *    adapter acknowledges it, relayed to the citizen, the message updated. Each `key`
 *    (Slack: channel and message ts) counts once, across restarts.
 * 4. `close` – a member closed it, or HANDOFF_RETENTION_DAYS ran out: the chat id is
 *    deleted, from the file itself.
 *
 * Everything goes out through the outbox (see `startOutbox`): at most one new ticket per
 * `postIntervalMs` in the channel, retries with back-off, and after a crash what was not
 * sent goes out as soon as `start` runs.
 *
 * ```ts
 * const handoff = createHandoff({ db: storage.db, config: config.handoff, logger });
 * // Telegram adapter, on a declined question:
 * const offer = handoff.offer({ chatId: String(chat.id), question: text, locale });
 * if (offer.status === 'offered') showButton(`handoff:${offer.offerId}`);
 * // Telegram adapter, on the button press:
 * const result = handoff.consent({ offerId, chatId: String(chat.id) });
 * // Slack adapter, on a thread reply in the hand-off channel (before acknowledging):
 * handoff.answer({ ticket: { board: { channel, ts: thread_ts } }, key: `${channel}:${ts}`, text, answeredBy: user });
 * // main, once both channels run:
 * handoff.start({ board: slack.handoffBoard, chat: telegram.handoffChat });
 * ```
 */
export interface Handoff {
  offer(input: { chatId: string; question: string; locale: Locale }): OfferResult;
  consent(input: { offerId: string; chatId: string }): OpenResult;
  answer(input: { ticket: TicketRef; key: string; text: string; answeredBy: string }): AnswerResult;
  close(input: { ticket: TicketRef; closedBy: string }): CloseResult;
  /** A ticket as the board shows it, with the last answer (for "Als Antwort übernehmen"). */
  ticket(ref: TicketRef): (TicketView & { lastAnswer: string | undefined }) | undefined;
  /** Starts sending through the ports, and the hourly retention sweep. */
  start(ports: { board: HandoffBoard; chat: HandoffChat }): void;
  /** Finishes the delivery in flight and stops; what is left goes out after the next start. */
  stop(): Promise<void>;
}

export interface HandoffOptions {
  db: SqliteDatabase;
  config: HandoffConfig;
  logger: Logger;
  /** Injectable clock, for tests. */
  now?: () => number;
  /** Passed to the outbox (tests use short ones). */
  idleMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** An offer the citizen did not take up within a day is forgotten. */
const OFFER_TTL_MS = DAY_MS;

export function createHandoff(options: HandoffOptions): Handoff {
  const { config } = options;
  const now = options.now ?? Date.now;
  const logger = options.logger.child({ component: 'handoff' });
  const store = createHandoffStore(options.db);
  const limits = { maxOpenPerChat: config.maxOpenPerChat, maxPerDay: config.maxPerDay };
  let outbox: Outbox | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;

  const sweep = () => {
    try {
      const { expired, deleted } = store.sweep(now(), { retentionMs: config.retentionDays * DAY_MS, offerTtlMs: OFFER_TTL_MS });
      store.scrubFile();
      if (expired + deleted > 0) logger.info({ expired, deleted, retentionDays: config.retentionDays }, 'hand-off retention applied');
      if (expired > 0) outbox?.kick();
    } catch (error) {
      logger.warn({ err: error }, 'hand-off retention sweep failed; trying again in an hour');
    }
  };

  return {
    offer(input) {
      const question = input.question.trim();
      if (question === '') return { status: 'empty' };
      const refused = store.limitReached(input.chatId, limits, now());
      if (refused) return refused;
      const truncated = question.length > config.maxQuestionLength;
      const kept = truncated ? `${question.slice(0, config.maxQuestionLength - 1).trimEnd()}…` : question;
      const { offerId } = store.createOffer({ chatId: input.chatId, question: kept, locale: input.locale, truncated }, now());
      return { status: 'offered', offerId, truncated };
    },
    consent(input) {
      const result = store.openTicket(input.offerId, input.chatId, limits, now());
      if (result.status === 'opened') {
        logger.info({ ticket: result.ticket.number, locale: result.ticket.locale }, 'hand-off ticket opened');
        outbox?.kick();
      }
      return result;
    },
    answer(input) {
      const result = store.recordAnswer(input.ticket, { key: input.key, text: input.text, answeredBy: input.answeredBy }, now());
      if (result.status === 'recorded') {
        logger.info({ ticket: result.ticket.number }, 'hand-off answer recorded');
        outbox?.kick();
      }
      return result;
    },
    close(input) {
      const result = store.closeTicket(input.ticket, input.closedBy, 'closed', now());
      if (result.status === 'closed') {
        store.scrubFile();
        logger.info({ ticket: result.ticket.number }, 'hand-off ticket closed');
        outbox?.kick();
      }
      return result;
    },
    ticket: (ref) => store.ticket(ref),
    start(ports) {
      if (outbox) return;
      sweep();
      outbox = startOutbox({
        store,
        ...ports,
        logger,
        postIntervalMs: config.postIntervalMs,
        now,
        ...(options.idleMs ? { idleMs: options.idleMs } : {}),
      });
      sweepTimer = setInterval(sweep, HOUR_MS);
      sweepTimer.unref();
    },
    async stop() {
      if (sweepTimer) clearInterval(sweepTimer);
      await outbox?.stop();
      outbox = undefined;
    },
  };
}
