import { describe, expect, it } from 'vitest';
import { createAnswerSlots } from '../../../adapters/slack/answer-slots.js';

describe('createAnswerSlots', () => {
  it('runs at most `size` jobs at once, the rest in arrival order, and passes results and errors through', async () => {
    const slots = createAnswerSlots(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, () => {
      let resolve = () => {};
      const promise = new Promise<void>((done) => {
        resolve = done;
      });
      return { promise, resolve };
    });
    const jobs = gates.map((gate, i) =>
      slots.run(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await gate.promise;
        running--;
        if (i === 3) throw new Error('job 3 failed');
        return i;
      }),
    );
    // Settle handlers go on at once, so job 3's rejection is never unhandled.
    const settled = Promise.allSettled(jobs);
    for (const gate of gates) {
      gate.resolve();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const results = await settled;
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });
});
