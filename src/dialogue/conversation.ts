import type { Locale } from '../message.js';
import type { Topic } from './topic.js';

/** What the bot remembers of one conversation between messages. */
export interface ConversationState {
  /** The language of the conversation so far; short messages ("ok") keep it. */
  locale: Locale | undefined;
  lastTopic: Topic | undefined;
  /** The entity last talked about, for "und die Webseite?". */
  lastEntityId: string | undefined;
  /** The choices last offered, so that typing "2" picks the second. */
  lastChoices: Topic[];
}

const fresh = (): ConversationState => ({ locale: undefined, lastTopic: undefined, lastEntityId: undefined, lastChoices: [] });

/**
 * Conversation states in memory, least recently used dropped first, and forgotten after
 * a while of silence: a follow-up hours later should not inherit an old subject.
 */
export class ConversationStore {
  private readonly states = new Map<string, { state: ConversationState; touched: number }>();

  constructor(
    private readonly limit = 50_000,
    private readonly idleMs = 6 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): ConversationState {
    const entry = this.states.get(id);
    if (!entry || this.now() - entry.touched > this.idleMs) return fresh();
    return entry.state;
  }

  set(id: string, state: ConversationState): void {
    this.states.delete(id);
    this.states.set(id, { state, touched: this.now() });
    if (this.states.size > this.limit) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
  }

  get size(): number {
    return this.states.size;
  }
}
