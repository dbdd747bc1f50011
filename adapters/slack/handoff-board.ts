import type { webApi } from '@slack/bolt';
import { type BoardMessage, type HandoffBoard, PermanentDeliveryError, type TicketView } from '../../src/handoff/port.js';
import type { Logger } from '../../src/logger.js';
import { renderTicket, TICKET_METADATA_TYPE } from './handoff-render.js';
import type { Say } from './render.js';
import { operatorHint, platformErrorCode } from './slack-errors.js';

export interface HandoffBoardOptions {
  client: webApi.WebClient;
  /** SLACK_HANDOFF_CHANNEL: the channel's id. */
  channel: string;
  say: Say;
  /** Whether the tickets offer "Als Antwort übernehmen". */
  adoptable: boolean;
  logger: Logger;
}

/** Refusals that no retry can change: the message itself is wrong, or (for an update) it is gone. */
const PERMANENT_FOR_POST = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'invalid_metadata_format', 'invalid_metadata_schema']);
const PERMANENT_FOR_UPDATE = new Set([...PERMANENT_FOR_POST, 'message_not_found', 'cant_update_message', 'edit_window_closed', 'is_archived']);

/** How far back `findTicket` looks before the ticket was opened (clocks differ a little), and how many pages. */
const FIND_SLACK_SECONDS = 60;
const FIND_PAGES = 5;

/**
 * The hand-off board in Slack: each ticket a top-level message in SLACK_HANDOFF_CHANNEL
 * (see handoff-render.ts), updated in place as its state changes. Failures are thrown
 * for the hand-off's outbox to retry; refusals no retry can change are thrown as
 * {@link PermanentDeliveryError}, and an operator hint (invite the bot, a scope) is logged.
 *
 * ```ts
 * const board = createHandoffBoard({ client, channel: 'C0123456789', say, adoptable: true, logger });
 * const message = await board.postTicket(ticket); // { channel, ts }
 * ```
 */
export function createHandoffBoard(options: HandoffBoardOptions): HandoffBoard {
  const { client, channel, logger } = options;
  const render = (ticket: TicketView) => renderTicket(ticket, { say: options.say, adoptable: options.adoptable });

  const failed = (error: unknown, method: string, ticket: TicketView, permanent: ReadonlySet<string>): Error => {
    const code = platformErrorCode(error);
    const hint = operatorHint(error);
    if (hint) logger.warn({ method, ticket: ticket.number, code, hint }, 'slack hand-off call refused');
    if (code !== undefined && permanent.has(code)) return new PermanentDeliveryError(`${method} refused: ${code}`, { cause: error });
    return error instanceof Error ? error : new Error(String(error));
  };

  return {
    async postTicket(ticket) {
      try {
        const result = await client.chat.postMessage({ channel, ...render(ticket), unfurl_links: false, unfurl_media: false });
        if (!result.ts) throw new Error('chat.postMessage returned no ts');
        return { channel: result.channel ?? channel, ts: result.ts };
      } catch (error) {
        throw failed(error, 'chat.postMessage', ticket, PERMANENT_FOR_POST);
      }
    },

    async updateTicket(ticket, message) {
      try {
        await client.chat.update({ channel: message.channel, ts: message.ts, ...render(ticket) });
      } catch (error) {
        throw failed(error, 'chat.update', ticket, PERMANENT_FOR_UPDATE);
      }
    },

    // The outbox asks only for a post that was in flight at a crash: it is recent, so a few pages of history are enough.
    async findTicket(ticket): Promise<BoardMessage | undefined> {
      const oldest = String(Math.floor(ticket.openedAt / 1000) - FIND_SLACK_SECONDS);
      let cursor: string | undefined;
      for (let page = 0; page < FIND_PAGES; page++) {
        let result: Awaited<ReturnType<typeof client.conversations.history>>;
        try {
          result = await client.conversations.history({ channel, oldest, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) });
        } catch (error) {
          // Slack said no (a missing scope): post again rather than never. Network faults are retried by the outbox.
          if (platformErrorCode(error) === undefined) throw error;
          logger.warn({ err: error, ticket: ticket.number, hint: operatorHint(error) }, 'slack hand-off ticket look-up refused; posting it again');
          return undefined;
        }
        for (const message of result.messages ?? []) {
          const metadata = (message as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }).metadata;
          if (metadata?.event_type === TICKET_METADATA_TYPE && metadata.event_payload?.ticket === ticket.number && message.ts) {
            return { channel, ts: message.ts };
          }
        }
        cursor = result.response_metadata?.next_cursor || undefined;
        if (!result.has_more || !cursor) break;
      }
      return undefined;
    },
  };
}
