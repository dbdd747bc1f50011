import { type BoardMessage, type HandoffBoard, type HandoffChat, PermanentDeliveryError, type TicketView } from '../../src/handoff/port.js';
import type { Locale } from '../../src/message.js';

/** What a fake port should do with its next call. */
export type FakeBehaviour = 'ok' | 'fail' | 'fail-permanently' | 'hang';

/** Records every call; `next` scripts the outcome of coming calls (default: succeed). */
abstract class FakePort {
  readonly next: FakeBehaviour[] = [];
  protected async behave(): Promise<void> {
    const behaviour = this.next.shift() ?? 'ok';
    if (behaviour === 'fail') throw new Error('the platform is down');
    if (behaviour === 'fail-permanently') throw new PermanentDeliveryError('Forbidden: bot was blocked by the user');
    if (behaviour === 'hang') await new Promise(() => {});
  }
}

/** An in-memory Slack channel: tickets are messages with a ts. */
export class FakeBoard extends FakePort implements HandoffBoard {
  readonly posts: { ticket: TicketView; message: BoardMessage; at: number }[] = [];
  readonly updates: { ticket: TicketView; message: BoardMessage }[] = [];
  private counter = 0;
  constructor(
    readonly channel = 'C0HANDOFF1',
    private readonly canFind = false,
  ) {
    super();
  }
  async postTicket(ticket: TicketView): Promise<BoardMessage> {
    await this.behave();
    const message = { channel: this.channel, ts: `1700000000.${String(++this.counter).padStart(6, '0')}` };
    this.posts.push({ ticket: structuredClone(ticket), message, at: Date.now() });
    return message;
  }
  async updateTicket(ticket: TicketView, message: BoardMessage): Promise<void> {
    await this.behave();
    this.updates.push({ ticket: structuredClone(ticket), message });
  }
  /** Shares what another board (the same Slack channel before a restart) holds. */
  adopt(other: FakeBoard): void {
    this.posts.push(...other.posts);
    this.counter = other.counter;
  }
  get findTicket(): HandoffBoard['findTicket'] {
    if (!this.canFind) return undefined;
    return async (ticket) => this.posts.find((post) => post.ticket.number === ticket.number)?.message;
  }
}

/** An in-memory Telegram: answers relayed per chat. */
export class FakeChat extends FakePort implements HandoffChat {
  readonly relays: { chatId: string; ticketNumber: number; text: string; locale: Locale }[] = [];
  async relayAnswer(chatId: string, answer: { ticketNumber: number; text: string; locale: Locale }): Promise<void> {
    await this.behave();
    this.relays.push({ chatId, ...answer });
  }
}

/** Polls until `check` holds (the outbox works in the background); fails with `what` after `limitMs`. */
export async function eventually(check: () => boolean, what: string, limitMs = 15_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
