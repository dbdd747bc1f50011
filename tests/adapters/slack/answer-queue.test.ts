import { describe, expect, it } from 'vitest';
import { createAnswerQueue } from '../../../adapters/slack/answer-queue.js';

/** Work that records when it starts and finishes when told to. */
function gate(log: string[], name: string) {
  let open: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    work: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
    },
    open: () => open(),
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('createAnswerQueue', () => {
  it('keeps one conversation in order, one at a time, and lets others through in turn', async () => {
    const queue = createAnswerQueue({ concurrency: 2, perConversation: 10, total: 100 });
    const log: string[] = [];
    const a1 = gate(log, 'a1');
    const a2 = gate(log, 'a2');
    const b1 = gate(log, 'b1');
    queue.push('a', a1.work);
    queue.push('a', a2.work);
    queue.push('b', b1.work);
    for (let i = 0; i < 5; i++) await turn();
    expect(log).toEqual(['start a1', 'start b1']);
    b1.open();
    a1.open();
    for (let i = 0; i < 5; i++) await turn();
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    a2.open();
    await queue.drain();
    expect(queue.size).toBe(0);
  });

  it('refuses more than its bound per conversation unless forced, and says when it is full', async () => {
    const queue = createAnswerQueue({ concurrency: 1, perConversation: 2, total: 3 });
    const never = () => new Promise<void>(() => {});
    expect(queue.push('a', never)).toBe('queued');
    expect(queue.push('a', never)).toBe('queued');
    expect(queue.push('a', never)).toBe('conversation-full');
    expect(queue.isFull()).toBe(false);
    expect(queue.push('a', never, { force: true })).toBe('queued');
    expect(queue.isFull()).toBe(true);
  });

  it('goes on after work that fails', async () => {
    const queue = createAnswerQueue({ concurrency: 1, perConversation: 5, total: 10 });
    const ran: string[] = [];
    queue.push('a', async () => {
      throw new Error('broken');
    });
    queue.push('a', async () => {
      ran.push('second');
    });
    await queue.drain();
    expect(ran).toEqual(['second']);
  });
});
