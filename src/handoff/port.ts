import type { Locale } from '../message.js';

/**
 * The ports of the hand-off: what the core needs from the platforms, implemented by the
 * adapters. The Slack adapter is the {@link HandoffBoard} (where the network team sees
 * tickets), the Telegram adapter the {@link HandoffChat} (where the citizen waits).
 * Nothing that crosses these ports identifies the citizen except `chatId`, and that only
 * towards Telegram.
 */

export type TicketState = 'open' | 'answered' | 'closed';

/** A ticket as the network team sees it. Never carries the citizen's chat id, name or username. */
export interface TicketView {
  /** The short number shown as `#<n>`; also what the Slack buttons carry. */
  number: number;
  state: TicketState;
  /** The citizen's question, verbatim (cut at the configured length). */
  question: string;
  /** True when the question was cut; show a note then. */
  truncated: boolean;
  locale: Locale;
  /** Milliseconds since the epoch, when the citizen agreed to pass the question on. */
  openedAt: number;
  /** Slack user ids of the members who answered, oldest first. */
  answeredBy: string[];
  /** Slack user id of the member who closed it, if a member did. */
  closedBy: string | undefined;
  /** Why it is closed: by a member, or because HANDOFF_RETENTION_DAYS ran out. */
  closeReason: 'closed' | 'expired' | undefined;
}

/** Where a ticket's message lives on the board (Slack: channel id and message ts). */
export interface BoardMessage {
  channel: string;
  ts: string;
}

/** The Slack side: the ticket as a top-level message in SLACK_HANDOFF_CHANNEL. */
export interface HandoffBoard {
  /** Posts a new ticket with its "Antworten" and "Schließen" buttons; returns where it is. */
  postTicket(ticket: TicketView): Promise<BoardMessage>;
  /** Shows the ticket's new state and who answered (`chat.update`). */
  updateTicket(ticket: TicketView, message: BoardMessage): Promise<void>;
  /**
   * Optional, for a post that was in flight when the process died: the ticket's message if
   * it was posted after all (e.g. found by its metadata in the channel's recent history),
   * so that it is not posted twice. Without it such a post is sent again.
   */
  findTicket?(ticket: TicketView): Promise<BoardMessage | undefined>;
}

/** The Telegram side: the citizen's chat. */
export interface HandoffChat {
  /**
   * Sends the team's answer to the citizen, marked as coming from the network team,
   * safely rendered (Slack's `&lt;` `&gt;` `&amp;` decoded, then escaped for Telegram,
   * split at 4,096 characters).
   */
  relayAnswer(chatId: string, answer: { ticketNumber: number; text: string; locale: Locale }): Promise<void>;
}

/**
 * Thrown by a port when trying again cannot help (the citizen blocked the bot, the
 * channel is gone): the item is given up at once instead of being retried.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}

/** A channel that can be the hand-off board (the Slack adapter); main looks for it. */
export interface HandoffBoardProvider {
  readonly handoffBoard: HandoffBoard;
}

/** A channel that can relay answers to citizens (the Telegram adapter); main looks for it. */
export interface HandoffChatProvider {
  readonly handoffChat: HandoffChat;
}
