/**
 * Remembers Events API `event_id`s for a while so that an event Slack re-sends
 * (`X-Slack-Retry-Num`, or a Socket Mode retry) is answered only once. Bounded in
 * size and time: Slack gives up retrying after about five minutes.
 *
 * ```ts
 * const seen = createEventDedupe();
 * if (!seen.firstTime(body.event_id)) return; // a retry: already answered
 * ```
 */
export interface EventDedupe {
  /** True the first time an id is seen within the window, false for repeats. */
  firstTime(eventId: string): boolean;
}

export interface EventDedupeOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export function createEventDedupe({ ttlMs = 60 * 60 * 1000, maxEntries = 10_000, now = Date.now }: EventDedupeOptions = {}): EventDedupe {
  // A Map iterates in insertion order, so the oldest entries come first.
  const seenUntil = new Map<string, number>();
  const forgetExpired = (at: number) => {
    for (const [id, expiry] of seenUntil) {
      if (expiry > at && seenUntil.size < maxEntries) break;
      seenUntil.delete(id);
    }
  };
  return {
    firstTime(eventId) {
      const at = now();
      forgetExpired(at);
      const expiry = seenUntil.get(eventId);
      if (expiry !== undefined && expiry > at) return false;
      seenUntil.set(eventId, at + ttlMs);
      return true;
    },
  };
}
