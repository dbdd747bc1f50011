/**
 * At most `size` answers in progress at once; the rest wait their turn in arrival
 * order. Under a burst this keeps the event loop free for what has a deadline (acking
 * within Slack's 3 seconds) while the answers, which Slack rate-limits anyway, follow.
 *
 * ```ts
 * const slots = createAnswerSlots(8);
 * await slots.run(() => deliver(client, target, renderReply(assistant.respond(message))));
 * ```
 */
export interface AnswerSlots {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createAnswerSlots(size: number): AnswerSlots {
  let busy = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else busy--;
  };
  return {
    async run(work) {
      if (busy < size) busy++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
