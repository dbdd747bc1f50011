import type { Api, Context, MiddlewareFn } from 'grammy';
import type { ReplyParameters } from 'grammy/types';
import type { Assistant } from '../../src/assistant.js';
import type { Logger } from '../../src/logger.js';
import type { Reply } from '../../src/reply.js';
import type { HandoffFlow } from './handoff-flow.js';
import { LastCards } from './last-cards.js';
import { render } from './render.js';
import { type BotIdentity, type Translation, toMessage } from './to-message.js';
import type { TrafficLog } from './traffic-log.js';

export interface AnswerDependencies {
  assistant: Assistant;
  logger: Logger;
  /** Keyed hash for user ids, so logs never hold a raw Telegram id. */
  pseudonymise: (userId: string | undefined) => string | undefined;
  /** "typing …" is shown only for an answer that is not sent within this many milliseconds. */
  typingAfterMs: number;
  /** Counts answers for the summary line. */
  traffic: TrafficLog;
  /** "Ask a person": the consent button after a decline and on `/frage`, and its presses. */
  handoff: HandoffFlow;
}

/**
 * The bot's one piece of middleware: translate the update, ask the core, send the
 * rendered reply. A plain answer is one `sendMessage`; a pressed button is acknowledged
 * alongside, so its spinner stops even if answering fails; a contact card follows where
 * the core names a contact, unless the chat's previous answer brought the same card.
 * A decline the network team could answer is followed by the hand-off's consent button,
 * `/frage` and the button's presses go to the hand-off ({@link HandoffFlow}).
 * Faults propagate to the caller, which apologises or tries again later.
 *
 * ```ts
 * bot.use(answerUpdates({ assistant, logger, pseudonymise, typingAfterMs: 2000, traffic, handoff }));
 * ```
 */
export function answerUpdates({ assistant, logger, pseudonymise, typingAfterMs, traffic, handoff }: AnswerDependencies): MiddlewareFn<Context> {
  const lastCards = new LastCards();
  return async (ctx) => {
    const translation = toMessage(ctx.update, ctx.me);
    const updateId = ctx.update.update_id;
    // The hand-off answers its own button presses (with a notice where one fits).
    if (translation.kind === 'consent') return handoff.consent(ctx.api, translation);
    const acknowledged = translation.callbackQueryId ? acknowledge(ctx.api, translation.callbackQueryId, logger) : undefined;
    try {
      await answer(ctx.api, translation, updateId, ctx.me);
    } finally {
      await acknowledged;
    }
  };

  async function answer(api: Api, translation: Exclude<Translation, { kind: 'consent' }>, updateId: number, me: BotIdentity): Promise<void> {
    if (translation.kind === 'ignore') {
      logger.debug({ updateId, reason: translation.reason }, 'update ignored');
      return;
    }
    const replyTo = replyParameters(translation.replyToMessageId);
    if (translation.kind === 'non-text') {
      await api.sendMessage(translation.chatId, assistant.say(translation.locale ?? 'de', 'telegram-non-text'), replyTo);
      traffic.count('nonText');
      logger.debug({ updateId }, 'answered with the text-only note');
      return;
    }

    if (await handoff.askTeam(api, translation, me)) {
      traffic.count('answered');
      return;
    }
    const { chatId, message } = translation;
    let reply = assistant.respond(message);
    // `t.me/<bot>?start=<anything>`: a link the core does not know still opens the bot, so it gets the welcome.
    if (translation.deepLink && reply.fallback) reply = assistant.respond({ ...message, text: '/start' });
    const rendered = render(reply, assistant.say);
    if (rendered.skippedChoiceIds.length > 0) {
      logger.warn({ updateId, choiceIds: rendered.skippedChoiceIds }, 'choice ids do not fit callback_data, buttons left out');
    }
    const typing = typingAfter(api, chatId, typingAfterMs, logger);
    let cardSent = false;
    try {
      for (const [i, outgoing] of rendered.messages.entries()) {
        // Only the first part quotes the question; the rest follow it directly.
        await api.sendMessage(chatId, outgoing.text, { ...outgoing.options, ...(i === 0 ? replyTo : {}) });
      }
      const card = rendered.contactCard;
      if (card && lastCards.isNew(chatId, card.vcard)) {
        await api.sendContact(chatId, card.phoneNumber, card.firstName, { vcard: card.vcard });
        cardSent = true;
      } else if (!card) lastCards.forget(chatId);
      if (reply.handoff) await handoff.offerAfterDecline(api, translation, reply.locale);
    } finally {
      typing.cancel();
    }
    traffic.count('answered');
    if (reply.fallback) traffic.count('fallbacks');
    // The pseudonym is a keyed hash: computed only for a line that is written.
    if (logger.isLevelEnabled('debug'))
      logger.debug(answeredFields(updateId, reply, rendered.messages.length, cardSent, pseudonymise(message.userId)), 'answered');
  }
}

function answeredFields(updateId: number, reply: Reply, messages: number, contactCard: boolean, user: string | undefined) {
  return {
    updateId,
    user,
    intent: reply.intent,
    confidence: reply.confidence,
    fallback: reply.fallback,
    locale: reply.locale,
    messages,
    contactCard,
  };
}

/** Stops the button's spinner. Cosmetic: a failure is logged, never fatal to the answer. */
async function acknowledge(api: Api, callbackQueryId: string, logger: Logger): Promise<void> {
  try {
    await api.answerCallbackQuery(callbackQueryId);
  } catch (error) {
    logger.debug({ description: error instanceof Error ? error.message : String(error) }, 'button press could not be acknowledged');
  }
}

/**
 * "typing …" in the chat header, but only once an answer is late (Telegram slow, a
 * retry under way): an answer ready at once would pay a Bot API call for nothing.
 */
function typingAfter(api: Api, chatId: number, delayMs: number, logger: Logger): { cancel(): void } {
  const timer = setTimeout(() => {
    api.sendChatAction(chatId, 'typing').catch((error: unknown) => {
      logger.debug({ description: error instanceof Error ? error.message : String(error) }, 'typing action failed');
    });
  }, delayMs);
  return { cancel: () => clearTimeout(timer) };
}

function replyParameters(messageId: number | undefined): { reply_parameters?: ReplyParameters } {
  return messageId === undefined ? {} : { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };
}
