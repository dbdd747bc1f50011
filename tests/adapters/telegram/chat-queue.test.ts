import { describe, expect, it } from 'vitest';
import { ChatQueue } from '../../../adapters/telegram/chat-queue.js';

/** Work that finishes only when the test says so, to look at the queue in between. */
function controlledWork() {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const work = (item: string) =>
    new Promise<void>((resolve) => {
      started.push(item);
      finishers.set(item, resolve);
    });
  const finish = async (item: string) => {
    finishers.get(item)!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, work, finish };
}

describe('ChatQueue', () => {
  it('runs one item per chat at a time, in order, and gives chats turns so a busy chat cannot crowd out the others', async () => {
    const { started, work, finish } = controlledWork();
    const queue = new ChatQueue<string>({ perChat: 100, total: 1000, concurrency: 2 }, work);
    for (let i = 1; i <= 5; i++) queue.offer('flood', `flood-${i}`);
    queue.offer('a', 'a-1');
    queue.offer('b', 'b-1');
    expect(started).toEqual(['flood-1', 'a-1']);
    await finish('flood-1');
    // The flood chat queues behind b, which has waited since before flood-1 finished.
    expect(started).toEqual(['flood-1', 'a-1', 'b-1']);
    await finish('a-1');
    expect(started.at(-1)).toBe('flood-2');
    await finish('b-1');
    await finish('flood-2');
    expect(started.at(-1)).toBe('flood-3');
  });

  it('refuses beyond the per-chat and the total limit, counting the running item, and forced offers pass', () => {
    const queue = new ChatQueue<string>({ perChat: 2, total: 3, concurrency: 1 }, () => new Promise(() => {}));
    expect(queue.offer('a', 'a-1')).toBe('queued'); // running
    expect(queue.offer('a', 'a-2')).toBe('queued');
    expect(queue.offer('a', 'a-3')).toBe('chat-full');
    expect(queue.offer('b', 'b-1')).toBe('queued');
    expect(queue.offer('c', 'c-1')).toBe('full');
    expect(queue.room).toBe(0);
    expect(queue.offer('c', 'c-1', true)).toBe('queued');
    expect(queue.size).toBe(4);
  });

  it('replaces a waiting item, but never the one already running', async () => {
    const { started, work, finish } = controlledWork();
    const queue = new ChatQueue<string>({ perChat: 10, total: 10, concurrency: 1 }, work);
    queue.offer('a', 'one');
    queue.offer('a', 'two');
    expect(queue.replaceWaiting('a', (item) => item === 'one', 'one-edited')).toBeUndefined();
    expect(queue.replaceWaiting('a', (item) => item === 'two', 'two-edited')).toBe('two');
    await finish('one');
    expect(started).toEqual(['one', 'two-edited']);
  });

  it('keeps going after work that throws, and idle() resolves once everything is done', async () => {
    const done: string[] = [];
    const queue = new ChatQueue<string>({ perChat: 10, total: 10, concurrency: 2 }, async (item) => {
      if (item === 'bad') throw new Error('boom');
      done.push(item);
    });
    queue.offer('a', 'bad');
    queue.offer('a', 'good');
    await queue.idle();
    expect(done).toEqual(['good']);
    expect(queue.size).toBe(0);
  });

  it('whenRoom waits until an item finishes', async () => {
    const { work, finish } = controlledWork();
    const queue = new ChatQueue<string>({ perChat: 10, total: 1, concurrency: 1 }, work);
    queue.offer('a', 'one');
    let roomy = false;
    void queue.whenRoom().then(() => (roomy = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(roomy).toBe(false);
    await finish('one');
    expect(roomy).toBe(true);
  });
});
