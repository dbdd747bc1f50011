import { type Assistant, createAssistant } from '../../src/assistant.js';

/** The real core, loaded from the repository's knowledge, for adapter tests. */
export function realAssistant(): Assistant {
  return createAssistant();
}
