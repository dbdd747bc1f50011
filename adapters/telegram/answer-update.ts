import type { Api, Context, MiddlewareFn } from 'grammy';
import type { ReplyParameters } from 'grammy/types';
import type { Assistant } from '../../src/assistant.js';
import type { Logger } from '../../src/logger.js';
import { render } from './render.js';
import { nonTextNote } from './texts.js';
import { toMessage } from './to-message.js';

export interface AnswerDependencies {
  assistant: Assistant;
  logger: Logger;
  /** Keyed hash for user ids, so logs never hold a raw Telegram id. */
  pseudonymise: (userId: string | undefined) => string | undefined;
}

const answeredCallbacks = new WeakSet<Context>();

/** True once the button spinner of this update has been stopped; `bot.catch` then need not try again. */
export function isCallbackAnswered(ctx: Context): boolean {
  return answeredCallbacks.has(ctx);
}

/**
 * The bot's one piece of middleware: translate the update, ask the core, send the
 * rendered reply. A pressed button is acknowledged first, so its spinner stops even
 * if answering fails; faults propagate to `bot.catch`, which apologises.
 *
 * ```ts
 * bot.use(answerUpdates({ assistant, logger, pseudonymise }));
 * ```
 */
export function answerUpdates({ assistant, logger, pseudonymise }: AnswerDependencies): MiddlewareFn<Context> {
  return async (ctx) => {
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery();
      answeredCallbacks.add(ctx);
    }
    const translation = toMessage(ctx.update, ctx.me);
    const updateId = ctx.update.update_id;
    if (translation.kind === 'ignore') {
      logger.debug({ updateId, reason: translation.reason }, 'update ignored');
      return;
    }
    const replyTo = replyParameters(translation.replyToMessageId);
    if (translation.kind === 'non-text') {
      logger.info({ updateId, kind: 'non-text' }, 'answered with the text-only note');
      await ctx.api.sendMessage(translation.chatId, nonTextNote(translation.locale), replyTo);
      return;
    }

    const { chatId, message } = translation;
    await showTyping(ctx.api, chatId, logger);
    const reply = assistant.respond(message);
    const rendered = render(reply);
    if (rendered.skippedChoiceIds.length > 0) {
      logger.warn({ updateId, choiceIds: rendered.skippedChoiceIds }, 'choice ids do not fit callback_data, buttons left out');
    }
    for (const [i, outgoing] of rendered.messages.entries()) {
      // Only the first part quotes the question; the rest follow it directly.
      await ctx.api.sendMessage(chatId, outgoing.text, { ...outgoing.options, ...(i === 0 ? replyTo : {}) });
    }
    if (rendered.contactCard) {
      const card = rendered.contactCard;
      await ctx.api.sendContact(chatId, card.phoneNumber, card.firstName, { vcard: card.vcard });
    }
    logger.info(
      {
        updateId,
        user: pseudonymise(message.userId),
        button: message.choiceId !== undefined,
        textLength: message.text.length,
        intent: reply.intent,
        confidence: reply.confidence,
        fallback: reply.fallback,
        locale: reply.locale,
        messages: rendered.messages.length,
        contactCard: rendered.contactCard !== undefined,
      },
      'answered',
    );
  };
}

/**
 * "typing …" in the chat header. Cosmetic, so a failure is logged and forgotten
 * rather than delaying or failing the answer (it is also exempt from retries).
 */
async function showTyping(api: Api, chatId: number, logger: Logger): Promise<void> {
  try {
    await api.sendChatAction(chatId, 'typing');
  } catch (error) {
    logger.debug({ err: error }, 'typing action failed');
  }
}

function replyParameters(messageId: number | undefined): { reply_parameters?: ReplyParameters } {
  return messageId === undefined ? {} : { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };
}
