import type { Api } from 'grammy';
import type { Assistant } from '../../src/assistant.js';
import type { Handoff } from '../../src/handoff/handoff.js';
import type { Logger } from '../../src/logger.js';
import type { Locale } from '../../src/message.js';
import { refusalText, renderConsent, ticketArgs } from './handoff-render.js';
import type { BotIdentity, ConsentTranslation, MessageTranslation } from './to-message.js';

export interface HandoffFlowOptions {
  /** The core's hand-off; undefined when it is off (then `/frage` is an ordinary question). */
  handoff: Handoff | undefined;
  assistant: Assistant;
  logger: Logger;
  /** How long after a bare `/frage` the next message counts as the question (default 10 minutes). */
  awaitQuestionMs?: number;
}

/**
 * The citizen's side of "Ask a person" on Telegram: when to offer the consent button,
 * what a press does, and the replies when the hand-off cannot take a question. The core
 * ({@link Handoff}) decides and stores; this only translates.
 *
 * - A declined question (`reply.handoff`) in a private chat: the decline as usual, then
 *   the consent message. Nothing leaves the bot before the press.
 * - `/frage <text>` (`/question`): the consent message at once, instead of the bot's own
 *   answer: the citizen asked for a person. `/frage` alone asks for the question, and the
 *   next message of that chat (within ten minutes, in memory) is taken as it.
 * - Groups get no hand-off (the answer would reach everyone there, and anyone could
 *   press the button): `/frage` in a group points to the private chat.
 * - A press: the core opens one ticket however often it is pressed; the second press
 *   gets a short notice on the button, the callback query is always answered.
 *
 * ```ts
 * const flow = createHandoffFlow({ handoff, assistant, logger });
 * if (await flow.askTeam(api, translation, me)) return;  // `/frage` handled
 * ... send the core's reply ...
 * if (reply.handoff) await flow.offerAfterDecline(api, translation, reply.locale);
 * ```
 */
export interface HandoffFlow {
  /** Handles `/frage` and the message after a bare `/frage`; false when the update is not one (answer it as usual). */
  askTeam(api: Api, translation: MessageTranslation, me: BotIdentity): Promise<boolean>;
  /** After the core declined a question: the consent button, or why the team cannot take it now. */
  offerAfterDecline(api: Api, translation: MessageTranslation, locale: Locale): Promise<void>;
  /** A press of the consent button. */
  consent(api: Api, translation: ConsentTranslation): Promise<void>;
}

const DEFAULT_AWAIT_QUESTION_MS = 10 * 60_000;
const MAX_AWAITED_CHATS = 10_000;

export function createHandoffFlow(options: HandoffFlowOptions): HandoffFlow {
  const { handoff, assistant, logger } = options;
  const say = assistant.say;
  const awaiting = new AwaitedQuestions(options.awaitQuestionMs ?? DEFAULT_AWAIT_QUESTION_MS);

  async function offer(api: Api, translation: MessageTranslation, question: string, locale: Locale): Promise<void> {
    if (!handoff) return;
    const { chatId } = translation;
    const result = handoff.offer({ chatId: String(chatId), question, locale });
    logger.debug({ offer: result.status, ...(result.status === 'offered' ? { truncated: result.truncated } : {}) }, 'hand-off offer');
    if (result.status === 'offered') {
      const consent = renderConsent(result, locale, say);
      // Quoting the question shows exactly what the team would get.
      await api.sendMessage(chatId, consent.text, { ...consent.options, ...quoting(translation.messageId) });
    } else if (result.status === 'empty') {
      awaiting.add(chatId);
      await api.sendMessage(chatId, say(locale, 'handoff-telegram-ask'));
    } else {
      await api.sendMessage(chatId, refusalText(result, locale, say));
    }
  }

  /** What a press leads to: a message in the chat, or a short notice on the button itself. */
  function outcomeOf(translation: ConsentTranslation): { message: string; removeButton: boolean } | { notice: string } {
    const hinted = translation.localeHint ?? 'de';
    if (!handoff) return { message: say(hinted, 'handoff-telegram-unavailable'), removeButton: false };
    const result = handoff.consent({ offerId: translation.offerId, chatId: String(translation.chatId) });
    logger.debug({ consent: result.status, ...('ticket' in result ? { ticket: result.ticket.number } : {}) }, 'hand-off button pressed');
    switch (result.status) {
      case 'opened':
        return { message: say(result.ticket.locale, 'handoff-telegram-opened', ticketArgs(result.ticket.number)), removeButton: true };
      case 'already-open':
        return { notice: say(result.ticket.locale, 'handoff-telegram-already-open', ticketArgs(result.ticket.number)) };
      case 'unknown-offer':
        return { message: say(hinted, 'handoff-telegram-unknown-offer'), removeButton: true };
      default:
        // Over a limit now: the button may work once a ticket is closed, so it stays.
        return { message: refusalText(result, hinted, say), removeButton: false };
    }
  }

  return {
    async askTeam(api, translation, me) {
      if (!handoff) return false;
      const { chatId, message } = translation;
      // Whatever the chat sends next ends the wait; only plain text is taken as the question.
      const awaited = awaiting.take(chatId);
      const isFollowUp = awaited && !translation.askTeam && message.choiceId === undefined && !message.text.startsWith('/');
      if (!translation.askTeam && !isFollowUp) return false;
      // The core reads the question too: for its language, and for the conversation's context.
      const { locale } = assistant.respond(message);
      if (!translation.privateChat) {
        await api.sendMessage(chatId, say(locale, 'handoff-telegram-private-only', { link: `https://t.me/${me.username}` }));
        return true;
      }
      await offer(api, translation, translation.askTeam?.question ?? message.text, locale);
      return true;
    },

    async offerAfterDecline(api, translation, locale) {
      // A pressed suggestion has no question text to pass on; a group gets no hand-off.
      if (!translation.privateChat || translation.message.choiceId !== undefined || translation.message.text.trim() === '') return;
      await offer(api, translation, translation.message.text, locale);
    },

    async consent(api, translation) {
      let outcome: ReturnType<typeof outcomeOf>;
      try {
        outcome = outcomeOf(translation);
      } catch (error) {
        await answerPress(api, translation.callbackQueryId, undefined, logger);
        throw error;
      }
      if ('notice' in outcome) {
        // A press answered late (after a restart) can no longer show a notice: then say it in the chat.
        if (!(await answerPress(api, translation.callbackQueryId, outcome.notice, logger))) await api.sendMessage(translation.chatId, outcome.notice);
        return;
      }
      const acknowledged = answerPress(api, translation.callbackQueryId, undefined, logger);
      try {
        await api.sendMessage(translation.chatId, outcome.message);
      } finally {
        await acknowledged;
      }
      if (outcome.removeButton && translation.buttonMessageId !== undefined) {
        await removeButton(api, translation.chatId, translation.buttonMessageId, logger);
      }
    },
  };
}

/** Answers the callback query (stops the button's spinner), with a notice if given; false if Telegram refused. */
async function answerPress(api: Api, callbackQueryId: string, notice: string | undefined, logger: Logger): Promise<boolean> {
  try {
    await api.answerCallbackQuery(callbackQueryId, notice === undefined ? undefined : { text: notice });
    return true;
  } catch (error) {
    logger.debug({ description: error instanceof Error ? error.message : String(error) }, 'button press could not be acknowledged');
    return false;
  }
}

/** Takes the consent button off its message, so that it is not pressed again. Cosmetic: failures are only logged. */
async function removeButton(api: Api, chatId: number, messageId: number, logger: Logger): Promise<void> {
  try {
    await api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } });
  } catch (error) {
    logger.debug({ description: error instanceof Error ? error.message : String(error) }, 'consent button could not be removed');
  }
}

function quoting(messageId: number | undefined) {
  return messageId === undefined || messageId === 0 ? {} : { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };
}

/** Chats whose next message is the question for the team (after a bare `/frage`), each for a while. */
class AwaitedQuestions {
  private readonly until = new Map<number, number>();

  constructor(private readonly ttlMs: number) {}

  add(chatId: number): void {
    this.until.delete(chatId);
    this.until.set(chatId, Date.now() + this.ttlMs);
    if (this.until.size > MAX_AWAITED_CHATS) this.until.delete(this.until.keys().next().value as number);
  }

  /** True (once) if the chat's next message is awaited as its question. */
  take(chatId: number): boolean {
    const until = this.until.get(chatId);
    this.until.delete(chatId);
    return until !== undefined && until > Date.now();
  }
}
