import { describe, expect, it } from 'vitest';
import { createEventDedupe } from '../../../adapters/slack/event-dedupe.js';

describe('createEventDedupe', () => {
  it('says yes once per event id', () => {
    const seen = createEventDedupe();
    expect(seen.firstTime('Ev1')).toBe(true);
    expect(seen.firstTime('Ev1')).toBe(false);
    expect(seen.firstTime('Ev2')).toBe(true);
  });

  it('forgets ids after the time to live', () => {
    let now = 0;
    const seen = createEventDedupe({ ttlMs: 1000, now: () => now });
    seen.firstTime('Ev1');
    now = 999;
    expect(seen.firstTime('Ev1')).toBe(false);
    now = 1000;
    expect(seen.firstTime('Ev1')).toBe(true);
  });

  it('stays bounded, forgetting the oldest ids first', () => {
    const seen = createEventDedupe({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd']) seen.firstTime(id);
    expect(seen.firstTime('d')).toBe(false);
    expect(seen.firstTime('a')).toBe(true);
  });
});
