import type { Locale } from '../message.js';

/** What the bot remembers of one conversation between messages. */
export interface ConversationState {
  /** The language of the conversation so far; short messages ("ok") keep it. */
  locale: Locale | undefined;
  /** The subjects last talked about, most recent first (a few): "und die Telefonnummer?", "haben die auch eine Webseite?". */
  subjects: string[];
  /** The kind of question last asked, for "und die Körber-Stiftung?". */
  facet: string | undefined;
  /** The choices last offered (as choice ids), so that typing "2" picks the second. */
  choices: string[];
  /** The roles the last yes/no question claimed ("… zu den Programmträgern?"), for "Und die X auch?". */
  roles: string[];
}

export const freshConversation = (): ConversationState => ({ locale: undefined, subjects: [], facet: undefined, choices: [], roles: [] });

/** How many subjects of the conversation a follow-up may refer to. */
export const REMEMBERED_SUBJECTS = 3;

/** One empty list for every conversation without choices or subjects: most have none, and thousands of conversations are kept. */
const NONE = Object.freeze([]) as unknown as string[];

/** A state as kept: one object per conversation, with the time of its last message. */
type Kept = ConversationState & { touched: number };

/**
 * Conversation states in memory: forgotten after a while of silence (a follow-up an
 * hour later should not inherit an old subject, and nothing is kept longer than it
 * helps), and the least recently used dropped first when there are very many.
 */
export class ConversationStore {
  private readonly states = new Map<string, Kept>();
  private lastSweep: number;

  constructor(
    private readonly limit = 50_000,
    private readonly idleMs = 30 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  get(id: string): ConversationState {
    const entry = this.states.get(id);
    if (!entry || this.now() - entry.touched > this.idleMs) return freshConversation();
    return entry;
  }

  set(id: string, state: ConversationState): void {
    const now = this.now();
    this.states.delete(id);
    this.states.set(id, {
      locale: state.locale,
      subjects: state.subjects.length > 0 ? state.subjects : NONE,
      facet: state.facet,
      choices: state.choices.length > 0 ? state.choices : NONE,
      roles: state.roles.length > 0 ? state.roles : NONE,
      touched: now,
    });
    if (this.states.size > this.limit) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
    // Idle conversations leave memory on time, not only when the size cap is reached.
    if (now - this.lastSweep > this.idleMs / 4) this.sweep(now);
  }

  get size(): number {
    return this.states.size;
  }

  /** Drops every conversation idle for longer than the limit (oldest first, so it stops early). */
  sweep(now = this.now()): void {
    this.lastSweep = now;
    for (const [id, entry] of this.states) {
      if (now - entry.touched <= this.idleMs) break;
      this.states.delete(id);
    }
  }
}
