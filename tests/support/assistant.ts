import { type Assistant, createAssistant } from '../../src/assistant.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

/** The real core, loaded from the repository's knowledge, for adapter tests. */
export function realAssistant(): Assistant {
  return createAssistant(loadKnowledge('knowledge'));
}
