/**
 * A small in-memory map that forgets: entries expire after `ttlMs`, and beyond
 * `maxEntries` the least recently set one goes first. For what the Slack adapter
 * remembers only to be helpful (threads it answered in, users' languages), where
 * forgetting costs little and growing without bound would cost memory.
 *
 * ```ts
 * const threads = createBoundedMemory<true>({ maxEntries: 10_000, ttlMs: 7 * DAY_MS });
 * threads.set('C1:1700000000.000100', true);
 * threads.get('C1:1700000000.000100'); // true, for a week or until 10,000 newer threads
 * ```
 */
export interface BoundedMemory<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
}

export interface BoundedMemoryOptions {
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
}

export function createBoundedMemory<V>({ maxEntries, ttlMs, now = Date.now }: BoundedMemoryOptions): BoundedMemory<V> {
  // A Map iterates in insertion order; `set` re-inserts, so the first entry is the stalest.
  const entries = new Map<string, { value: V; expires: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires > now()) return entry.value;
      entries.delete(key);
      return undefined;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, { value, expires: now() + ttlMs });
      for (const [oldest, entry] of entries) {
        if (entries.size <= maxEntries && entry.expires > now()) break;
        entries.delete(oldest);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
