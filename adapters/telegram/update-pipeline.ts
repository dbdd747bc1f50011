import { type Bot, BotError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Assistant } from '../../src/assistant.js';
import type { Logger } from '../../src/logger.js';
import type { Locale } from '../../src/message.js';
import { ChatQueue, type Offer, type QueueLimits } from './chat-queue.js';
import { isTransient } from './errors.js';
import type { UpdateIntake } from './intake.js';
import { routeOf, type Translation, toMessage } from './to-message.js';
import type { TrafficLog } from './traffic-log.js';

export interface PipelineOptions {
  bot: Bot;
  intake: UpdateIntake;
  assistant: Assistant;
  logger: Logger;
  limits: QueueLimits;
  /** Pause before an update whose answer Telegram could not take is tried again. */
  retryPauseMs: number;
  traffic: TrafficLog;
}

/**
 * Everything between "Telegram handed over updates" and "answered": record them in the
 * intake (before Telegram is told they arrived), queue them fairly per chat within the
 * limits, answer them through the bot's middleware, and mark them finished.
 *
 * - A duplicate (an `update_id` recorded before) is dropped.
 * - An edit of a message that is still waiting takes the original's place.
 * - Over a limit, the update is answered with a short note instead (at most one per chat
 *   a minute, so a flood does not become a flood of notes).
 * - A fault in answering gets an apology; a Telegram that cannot take the answer right
 *   now (network, timeout, 429, 5xx after the retries) gets the update again later, and
 *   until then it stays unfinished in the intake, where a restart finds it too.
 */
export interface UpdatePipeline {
  /** Records and queues; synchronous, so the updates are stored when it returns. */
  accept(updates: readonly Update[]): void;
  /** Queues what an earlier run left unfinished; call once, before accepting new updates. */
  recover(): number;
  /** How many more updates fit the queue, and a promise for when one does. */
  room(): number;
  whenRoom(): Promise<void>;
  /** Stops retrying, then waits for every update in the queue and every note in flight. */
  drain(): Promise<void>;
}

const NOTE_INTERVAL_MS = 60_000;

export function createUpdatePipeline(options: PipelineOptions): UpdatePipeline {
  const { bot, intake, assistant, logger: log } = options;
  const queue = new ChatQueue<Update>(options.limits, handle);
  const retryTimers = new Set<NodeJS.Timeout>();
  const notesInFlight = new Set<Promise<void>>();
  const lastNote = new Map<string, number>();
  let draining = false;

  function schedule(update: Update, force: boolean): void {
    const route = routeOf(update);
    if (route.edited && route.messageId !== undefined) {
      const sameMessage = (queued: Update) => routeOf(queued).messageId === route.messageId;
      const replaced = queue.replaceWaiting(route.chatKey, sameMessage, update);
      if (replaced) {
        void intake.finish(replaced.update_id);
        log.debug({ updateId: update.update_id, replaced: replaced.update_id }, 'edit replaces the waiting original');
        return;
      }
    }
    const offer = queue.offer(route.chatKey, update, force);
    if (offer === 'queued') return;
    void intake.finish(update.update_id);
    options.traffic.count('declined');
    log.debug({ updateId: update.update_id, limit: offer }, 'queue limit reached, update answered with a note');
    note(update, route.chatKey, offer);
  }

  async function handle(update: Update): Promise<void> {
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      const cause = error instanceof BotError ? error.error : error;
      if (isTransient(cause)) {
        log.warn({ updateId: update.update_id, err: cause, retryInSeconds: options.retryPauseMs / 1000 }, 'answer not sent, trying again later');
        options.traffic.count('retried');
        retryLater(update);
        return;
      }
      log.error({ updateId: update.update_id, err: cause }, 'answering an update failed');
      options.traffic.count('failed');
      await apologise(update);
    }
    // Durable before the chat's next update starts: a crash can then only repeat a chat's last answer.
    await intake.finish(update.update_id);
  }

  function retryLater(update: Update): void {
    // While stopping, the update stays unfinished in the intake for the next start.
    if (draining) return;
    const timer = setTimeout(() => {
      retryTimers.delete(timer);
      schedule(update, true);
    }, options.retryPauseMs);
    retryTimers.add(timer);
  }

  /** Tells the user something went wrong, where the bot would have answered. */
  async function apologise(update: Update): Promise<void> {
    const target = whereToSay(toMessage(update, bot.botInfo));
    if (!target) return;
    try {
      await bot.api.sendMessage(target.chatId, assistant.say(target.locale, 'telegram-apology'));
    } catch (error) {
      log.warn({ updateId: update.update_id, err: error }, 'apology could not be sent either');
    }
  }

  function note(update: Update, chatKey: string, offer: Exclude<Offer, 'queued'>): void {
    const translation = toMessage(update, bot.botInfo);
    const target = whereToSay(translation);
    const now = Date.now();
    const noted = target && now - (lastNote.get(chatKey) ?? Number.NEGATIVE_INFINITY) >= NOTE_INTERVAL_MS;
    if (noted) rememberNote(chatKey, now);
    const sending = (async () => {
      if (translation.kind !== 'ignore' && translation.callbackQueryId) await bot.api.answerCallbackQuery(translation.callbackQueryId);
      if (noted) await bot.api.sendMessage(target.chatId, assistant.say(target.locale, offer === 'full' ? 'telegram-busy' : 'telegram-too-many'));
    })().catch((error: unknown) => log.warn({ updateId: update.update_id, err: error }, 'busy note could not be sent'));
    notesInFlight.add(sending);
    void sending.finally(() => notesInFlight.delete(sending));
  }

  function rememberNote(chatKey: string, now: number): void {
    lastNote.set(chatKey, now);
    // Bounded: forget notes older than the interval once many chats were noted.
    if (lastNote.size > 10_000) for (const [key, at] of lastNote) if (now - at >= NOTE_INTERVAL_MS) lastNote.delete(key);
  }

  return {
    accept(updates) {
      for (const update of intake.record(updates)) schedule(update, false);
    },
    recover() {
      const left = intake.unfinished();
      for (const update of left) schedule(update, true);
      if (left.length > 0) log.info({ updates: left.length }, 'answering updates left unfinished by the last run');
      return left.length;
    },
    room: () => queue.room,
    whenRoom: () => queue.whenRoom(),
    async drain() {
      draining = true;
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
      await queue.idle();
      await Promise.all(notesInFlight);
      intake.flush();
    },
  };
}

/** The chat and language to speak in, or undefined where the bot stays silent (group chatter). */
function whereToSay(translation: Translation): { chatId: number; locale: Locale } | undefined {
  if (translation.kind === 'ignore') return undefined;
  if (translation.kind === 'non-text') return { chatId: translation.chatId, locale: translation.locale ?? 'de' };
  if (translation.kind === 'consent') return { chatId: translation.chatId, locale: translation.localeHint ?? 'de' };
  return { chatId: translation.chatId, locale: translation.message.localeHint ?? 'de' };
}
