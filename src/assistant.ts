import type { IncomingMessage } from './message.js';
import type { Reply } from './reply.js';

/**
 * The channel-agnostic core: one message in, one reply out. Synchronous and cheap, so
 * adapters call it directly inside their handlers. Conversation context is kept inside,
 * keyed by `message.conversationId`.
 */
export interface Assistant {
  respond(message: IncomingMessage): Reply;
}

// TEMPORARY placeholder until the real core lands (same module, same export names).
export function createAssistant(): Assistant {
  return {
    respond(message) {
      return {
        text: `echo: ${message.text}`,
        locale: message.localeHint ?? 'de',
        intent: null,
        confidence: 0,
        fallback: true,
        choices: [{ id: 'menu:contact', label: 'Kontakt' }],
        links: [],
      };
    },
  };
}
