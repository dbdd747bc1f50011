import { createHash } from 'node:crypto';
import { type Api, GrammyError } from 'grammy';
import type { Assistant } from '../../src/assistant.js';
import { type HandoffChat, PermanentDeliveryError } from '../../src/handoff/port.js';
import type { Logger } from '../../src/logger.js';
import { apiSignal } from './api-transformers.js';
import { renderRelay } from './handoff-render.js';

export interface HandoffChatOptions {
  api: Api;
  say: Assistant['say'];
  logger: Logger;
  /** Aborts a relay in flight when the channel stops; the outbox sends it after the next start. */
  signal: AbortSignal;
}

/** Relays whose first parts went out but not the rest; a retry sends only the rest. Bounded. */
const REMEMBERED_PARTIAL_RELAYS = 1000;

/**
 * The hand-off's {@link HandoffChat} on Telegram: sends the team's answer into the
 * citizen's chat, marked as coming from the network team ({@link renderRelay}), through
 * the bot's API client with its timeouts and retries (network failures, 429, 5xx).
 *
 * A chat that can never get it (403: the citizen blocked the bot or deleted the account;
 * 400 "chat not found") throws {@link PermanentDeliveryError}, so the outbox gives the
 * relay up at once; any other failure is thrown as it is and the outbox tries again with
 * back-off. An answer longer than one message goes out in parts, and a retry after a
 * failed part does not send the parts already delivered again (remembered in memory:
 * only a crash in between can repeat them).
 *
 * ```ts
 * handoff.start({ board: slack.handoffBoard, chat: createHandoffChat({ api: bot.api, say, logger, signal }) });
 * ```
 */
export function createHandoffChat({ api, say, logger, signal }: HandoffChatOptions): HandoffChat {
  const partsSent = new Map<string, number>();
  return {
    async relayAnswer(chatId, answer) {
      const chat = Number(chatId);
      if (!/^-?\d+$/.test(chatId) || !Number.isSafeInteger(chat)) throw new PermanentDeliveryError('not a Telegram chat id');
      const parts = renderRelay(answer, say);
      const key = relayKey(chatId, answer.ticketNumber, answer.text);
      const alreadySent = partsSent.get(key) ?? 0;
      try {
        for (let i = alreadySent; i < parts.length; i++) {
          const part = parts[i]!;
          await api.sendMessage(chat, part.text, part.options, apiSignal(signal));
          if (i + 1 < parts.length) remember(partsSent, key, i + 1);
        }
      } catch (error) {
        if (!isPermanent(error)) throw error;
        partsSent.delete(key);
        throw new PermanentDeliveryError(`Telegram refused the chat for good: ${error.description}`, { cause: error });
      }
      partsSent.delete(key);
      logger.debug({ ticket: answer.ticketNumber, messages: parts.length - alreadySent }, 'team answer relayed to the citizen');
    },
  };
}

/**
 * Refusals that do not change with time. Telegram says 403 when the user blocked the
 * bot, deactivated the account or the bot was removed from the chat, and 400
 * "chat not found" when the chat does not exist (any more).
 */
function isPermanent(error: unknown): error is GrammyError {
  if (!(error instanceof GrammyError)) return false;
  return error.error_code === 403 || (error.error_code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(error.description));
}

/** Identifies one relay in memory without keeping the answer's text or the chat id in the clear. */
function relayKey(chatId: string, ticketNumber: number, text: string): string {
  return createHash('sha256').update(`${chatId}\n${ticketNumber}\n${text}`).digest('base64url');
}

function remember(map: Map<string, number>, key: string, value: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED_PARTIAL_RELAYS) map.delete(map.keys().next().value as string);
}
