/** How much work may wait, and how much may run at once. */
export interface QueueLimits {
  /** Items one chat may have waiting or running; more are refused with `chat-full`. */
  perChat: number;
  /** Items all chats together may have waiting or running; more are refused with `full`. */
  total: number;
  /** Chats answered at the same time (each chat runs one item at a time). */
  concurrency: number;
}

export type Offer = 'queued' | 'chat-full' | 'full';

/**
 * A fair work queue: each chat's items run one after another, in order, and chats take
 * turns, so a chat with hundreds of messages waiting gets one turn per round like every
 * other chat instead of every slot. What one chat and all chats may have waiting is
 * bounded, so a flood costs a refusal (which the caller answers politely), not memory.
 *
 * This replaces `sequentialize` under `@grammyjs/runner`: there, every update of a busy
 * chat holds one of the runner's slots while it waits for its turn, so one flooding chat
 * can take them all and silence every other chat.
 *
 * ```ts
 * const queue = new ChatQueue(limits, (update) => bot.handleUpdate(update));
 * if (queue.offer(String(chatId), update) !== 'queued') await sayBusy(chatId);
 * await queue.idle(); // on stop
 * ```
 */
export class ChatQueue<T> {
  private readonly waiting = new Map<string, T[]>();
  /** Chats with items waiting and none running, in the order they get their next turn. */
  private readonly turns: string[] = [];
  private readonly running = new Set<string>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private roomWaiters: (() => void)[] = [];

  constructor(
    private readonly limits: QueueLimits,
    private readonly work: (item: T) => Promise<void>,
  ) {}

  /** Items waiting or running. */
  get size(): number {
    return this.pending;
  }

  /** How many more items fit before the total limit. */
  get room(): number {
    return Math.max(0, this.limits.total - this.pending);
  }

  /**
   * Queues the item behind the chat's earlier ones, unless a limit is reached.
   * `force` skips the limits, for work that was accepted before (after a restart).
   */
  offer(chat: string, item: T, force = false): Offer {
    if (!force && this.pending >= this.limits.total) return 'full';
    const queued = this.waiting.get(chat);
    if (!force && (queued?.length ?? 0) + (this.running.has(chat) ? 1 : 0) >= this.limits.perChat) return 'chat-full';
    if (queued) queued.push(item);
    else {
      this.waiting.set(chat, [item]);
      if (!this.running.has(chat)) this.turns.push(chat);
    }
    this.pending++;
    this.pump();
    return 'queued';
  }

  /**
   * Replaces a waiting (not yet running) item of the chat for which `matches` is true,
   * e.g. a message the user has since edited; returns the replaced item.
   */
  replaceWaiting(chat: string, matches: (item: T) => boolean, item: T): T | undefined {
    const queued = this.waiting.get(chat);
    const index = queued?.findIndex(matches) ?? -1;
    if (!queued || index === -1) return undefined;
    const [replaced] = queued.splice(index, 1, item);
    return replaced;
  }

  /** Resolves once nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Resolves once at least one more item fits (at once if it does now). */
  whenRoom(): Promise<void> {
    if (this.room > 0) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running.size < this.limits.concurrency && this.turns.length > 0) {
      const chat = this.turns.shift()!;
      const queued = this.waiting.get(chat)!;
      const item = queued.shift()!;
      if (queued.length === 0) this.waiting.delete(chat);
      this.running.add(chat);
      void this.run(chat, item);
    }
  }

  private async run(chat: string, item: T): Promise<void> {
    try {
      await this.work(item);
    } catch {
      // `work` handles its own faults; a throw here must not stop the queue.
    } finally {
      this.running.delete(chat);
      this.pending--;
      // To the back of the line: the other chats with work go first.
      if (this.waiting.has(chat)) this.turns.push(chat);
      this.pump();
      this.notify();
    }
  }

  private notify(): void {
    if (this.room > 0 && this.roomWaiters.length > 0) for (const wake of this.roomWaiters.splice(0)) wake();
    if (this.pending === 0 && this.idleWaiters.length > 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }
}
