import type { Logger } from '../logger.js';
import { type HandoffBoard, type HandoffChat, PermanentDeliveryError } from './port.js';
import type { HandoffStore, OutboxItem } from './store.js';

export interface OutboxOptions {
  store: HandoffStore;
  board: HandoffBoard;
  chat: HandoffChat;
  logger: Logger;
  /** At most one new ticket per this many milliseconds goes to the channel; the rest wait their turn. */
  postIntervalMs: number;
  /** An item that failed this often is given up (and logged). */
  maxAttempts?: number;
  /** How long to wait before looking again when nothing is due. */
  idleMs?: number;
  now?: () => number;
}

export interface Outbox {
  /** Something new was queued: look now rather than at the next tick. */
  kick(): void;
  /** Finishes the item in flight, then stops. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 5 * 60 * 1000;

/**
 * Sends what the hand-off queued (ticket posts, message updates, answers to citizens)
 * through the ports, one item at a time, oldest first. Each item is marked as started
 * before its call and deleted after it, so after a crash the next start sends what was
 * not sent, at once (well within 15 s). A post that was in flight is looked up on the
 * board first when the board can (`findTicket`), so it is not posted twice; an answer
 * that was in flight is sent again (losing it would be worse than a rare repeat).
 *
 * Failures are retried with exponential back-off (1 s, 2 s, 4 s … at most 5 min);
 * a {@link PermanentDeliveryError} or `maxAttempts` failures give the item up.
 */
export function startOutbox(options: OutboxOptions): Outbox {
  const { store, board, chat, logger } = options;
  const now = options.now ?? Date.now;
  const maxAttempts = options.maxAttempts ?? 12;
  const idleMs = options.idleMs ?? 1000;
  let lastPostAt = Number.NEGATIVE_INFINITY;
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;

  const deliver = async (item: OutboxItem): Promise<void> => {
    const ticket = store.ticket({ number: item.ticketNumber });
    if (!ticket) return store.finish(item.id); // deleted by retention meanwhile
    if (item.kind === 'post') {
      const found = item.startedAt !== null && board.findTicket ? await board.findTicket(ticket) : undefined;
      store.markStarted(item.id, now());
      lastPostAt = now();
      store.posted(item, found ?? (await board.postTicket(ticket)));
      return;
    }
    if (item.kind === 'update') {
      const message = store.boardMessage(item.ticketNumber);
      // Not posted yet (its post is failing): the update waits for it.
      if (!message) return store.retryAt(item.id, now() + idleMs);
      store.markStarted(item.id, now());
      await board.updateTicket(ticket, message);
      return store.finish(item.id);
    }
    store.markStarted(item.id, now());
    if (item.chatId !== null && item.text !== null) {
      await chat.relayAnswer(item.chatId, { ticketNumber: item.ticketNumber, text: item.text, locale: ticket.locale });
    }
    store.finish(item.id);
    // The relay carried a copy of the chat id: make sure it is gone from the file too.
    if (ticket.state === 'closed') store.scrubFile();
  };

  const fail = (item: OutboxItem, error: unknown) => {
    const attempts = item.attempts + 1;
    if (error instanceof PermanentDeliveryError || attempts >= maxAttempts) {
      logger.error({ err: error, kind: item.kind, ticket: item.ticketNumber, attempts }, 'hand-off delivery given up');
      store.finish(item.id);
      return;
    }
    const delayMs = Math.min(1000 * 2 ** (attempts - 1), MAX_BACKOFF_MS);
    logger.warn({ err: error, kind: item.kind, ticket: item.ticketNumber, attempts, retryInMs: delayMs }, 'hand-off delivery failed; retrying');
    store.retryAt(item.id, now() + delayMs);
  };

  const drain = async () => {
    timer = undefined;
    while (running) {
      const postsAllowed = now() - lastPostAt >= options.postIntervalMs;
      const item = store.nextDue(now(), postsAllowed);
      if (!item) break;
      try {
        await deliver(item);
      } catch (error) {
        fail(item, error);
      }
    }
  };

  const schedule = (delayMs?: number) => {
    if (!running || inFlight) return;
    if (timer) clearTimeout(timer);
    const dueAt = store.nextDueAt();
    const untilDue = dueAt === undefined ? idleMs : Math.max(0, Math.min(idleMs, dueAt - now()));
    const untilPost = Math.max(0, lastPostAt + options.postIntervalMs - now());
    timer = setTimeout(run, delayMs ?? Math.max(untilDue, Math.min(untilPost, idleMs)));
    timer.unref();
  };

  const run = () => {
    if (inFlight || !running) return;
    inFlight = drain()
      .catch((error: unknown) => logger.error({ err: error }, 'hand-off outbox failed; trying again'))
      .finally(() => {
        inFlight = undefined;
        if (running) schedule();
      });
  };

  // At start: whatever a crash or a stop left behind goes out now.
  run();

  return {
    kick() {
      if (!inFlight) schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
