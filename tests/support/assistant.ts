import { type Assistant, createAssistant } from '../../src/assistant.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Reply } from '../../src/reply.js';

/** The real core, loaded from the repository's knowledge, for adapter tests. */
export function realAssistant(): Assistant {
  return createAssistant(loadKnowledge('knowledge'));
}

/** A reply for scripted assistants: an empty German answer, with what a test sets. */
export function replyOf(overrides: Partial<Reply> = {}): Reply {
  return {
    text: '',
    locale: 'de',
    intent: null,
    confidence: 1,
    fallback: false,
    choices: [],
    links: [],
    contacts: [],
    handoff: false,
    ...overrides,
  };
}
