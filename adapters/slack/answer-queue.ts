/**
 * The answers waiting to be sent, bounded, fair and in order: each conversation (a
 * thread, a DM, a person's slash commands in one channel) has its own line and at most
 * one answer in progress, so its answers arrive in the order they were asked; free
 * slots go round the conversations in turn, so one busy thread cannot hold up the
 * others beyond its own turn. What waits here is small (the translated question, not
 * Bolt's request context), and bounded per conversation and in total.
 *
 * Everything queued is also in the durable intake, so what is still here when the
 * process ends is answered after the restart, not lost.
 *
 * ```ts
 * const queue = createAnswerQueue({ concurrency: 8, perConversation: 10, total: 2000 });
 * if (queue.push('slack:C1:1.1', () => answer(translation)) === 'conversation-full') tellToWait();
 * await queue.drain();
 * ```
 */
export interface AnswerQueue {
  /**
   * Queues work for one conversation, unless the conversation already has
   * `perConversation` items; `force` queues anyway (the one "please wait" notice).
   * The work must not throw; a rejection is swallowed to keep the queue going.
   */
  push(conversation: string, work: () => Promise<void>, options?: { force?: boolean }): 'queued' | 'conversation-full';
  /** True when `total` items are queued or running: new work should wait outside (Slack re-sends events). */
  isFull(): boolean;
  /** Items queued or running. */
  readonly size: number;
  /** Resolves once nothing is queued or running. */
  drain(): Promise<void>;
}

export interface AnswerQueueOptions {
  /** Answers in progress at once, across conversations. */
  concurrency: number;
  /** Items one conversation may have queued or running. */
  perConversation: number;
  /** Items all conversations together may have queued or running. */
  total: number;
}

export function createAnswerQueue({ concurrency, perConversation, total }: AnswerQueueOptions): AnswerQueue {
  /** Per conversation, its items in order; the first one is running once the conversation got a slot. */
  const lines = new Map<string, Array<() => Promise<void>>>();
  /** Conversations with waiting work and nothing running, in the order they get a slot. */
  const ready: string[] = [];
  let running = 0;
  let size = 0;
  let idle: Array<() => void> = [];

  const start = (conversation: string) => {
    const line = lines.get(conversation);
    const work = line?.[0];
    if (!line || !work) return;
    running++;
    void work()
      .catch(() => {})
      .finally(() => {
        running--;
        size--;
        line.shift();
        if (line.length > 0) ready.push(conversation);
        else lines.delete(conversation);
        schedule();
        if (size === 0) {
          for (const resolve of idle) resolve();
          idle = [];
        }
      });
  };

  // One answer is started per turn of the event loop, from its check phase (setImmediate),
  // so that pending I/O comes in between: under load a request waiting for its ack
  // (Slack allows 3 s) is read and acknowledged before the next answer is worked on.
  let scheduled = false;
  const startOne = () => {
    scheduled = false;
    if (running < concurrency && ready.length > 0) start(ready.shift() as string);
    schedule();
  };
  const schedule = () => {
    if (scheduled || running >= concurrency || ready.length === 0) return;
    scheduled = true;
    setImmediate(startOne);
  };

  return {
    push(conversation, work, options = {}) {
      const line = lines.get(conversation);
      if (line && line.length >= perConversation && !options.force) return 'conversation-full';
      size++;
      if (line) {
        line.push(work);
      } else {
        lines.set(conversation, [work]);
        ready.push(conversation);
      }
      schedule();
      return 'queued';
    },
    isFull: () => size >= total,
    get size() {
      return size;
    },
    drain() {
      if (size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
