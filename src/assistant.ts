import { compose } from './dialogue/compose.js';
import { ConversationStore } from './dialogue/conversation.js';
import { decide } from './dialogue/decide.js';
import { KnowledgeView } from './dialogue/knowledge-view.js';
import { choiceIdFor, intentName, type Topic, topicFromChoiceId } from './dialogue/topic.js';
import { Catalogue } from './i18n/catalogue.js';
import { PRODUCT_MESSAGES_DIR, readMessageSources } from './i18n/messages.js';
import type { Knowledge } from './knowledge/schema.js';
import type { ChannelName, IncomingMessage, Locale } from './message.js';
import type { Reply } from './reply.js';
import { buildLexicon, type Lexicon } from './understanding/lexicon.js';
import { parseMessage } from './understanding/parse.js';

/**
 * The channel-agnostic core: one message in, one reply out. Synchronous and cheap, so
 * adapters call it directly inside their handlers. Conversation context is kept inside,
 * keyed by `message.conversationId`.
 *
 * ```ts
 * const assistant = createAssistant(loadKnowledge('knowledge'));
 * const reply = assistant.respond({ channel: 'terminal', conversationId: 'local', text: 'Wer ist Ansprechpartner?' });
 * console.log(renderPlainText(reply));
 * ```
 */
export interface Assistant {
  respond(message: IncomingMessage): Reply;
  /**
   * A sentence from the message catalogue (`messages/*.ftl`, plus the knowledge's own),
   * with the knowledge's names filled in: what adapters say themselves (apologies,
   * command menus, descriptions), so that no channel writes user-facing text in code.
   *
   * ```ts
   * await ctx.reply(assistant.say('de', 'telegram-apology'));
   * ```
   */
  say(locale: Locale, id: string, args?: Record<string, string | number>): string;
}

/** A question the bot could not answer, for editors to see what is missing. No user id. */
export interface UnansweredQuestion {
  text: string;
  locale: Locale;
  channel: ChannelName;
}

export interface AssistantOptions {
  /** Called for every question that got the "I don't know" answer. Must not throw. */
  onUnanswered?: (question: UnansweredQuestion) => void;
}

export interface ReloadableAssistant extends Assistant {
  /** Swaps in new knowledge (hot reload); conversations keep going. */
  setKnowledge(knowledge: Knowledge): void;
}

export function createAssistant(knowledge: Knowledge, options: AssistantOptions = {}): ReloadableAssistant {
  let current = prepare(knowledge);
  const conversations = new ConversationStore();

  return {
    setKnowledge(next) {
      current = prepare(next);
    },

    say(locale, id, args) {
      return current.catalogue.format(locale, id, args);
    },

    respond(message) {
      const { view, lexicon } = current;
      const state = conversations.get(message.conversationId);
      const chosen = message.choiceId ? topicFromChoiceId(message.choiceId) : undefined;
      const parse = chosen ? undefined : parseMessage(message.text ?? '', lexicon);
      const decision = chosen ? { topic: chosen, confidence: 1, locale: undefined } : decide(parse!, state, lexicon, view.knowledge);
      const topic = knownTopic(decision.topic, lexicon);

      const locale: Locale = topic.kind === 'language' ? topic.locale : (decision.locale ?? state.locale ?? message.localeHint ?? 'de');
      const composed = compose(topic, locale, view, state.lastTopic);
      const choices = composed.choices.flatMap(({ topic: choiceTopic, label }) => {
        const id = choiceIdFor(choiceTopic);
        return id ? [{ id, label, topic: choiceTopic }] : [];
      });

      const remembers = !['smalltalk', 'unreadable', 'fallback', 'language', 'clarify'].includes(topic.kind);
      conversations.set(message.conversationId, {
        locale,
        lastTopic: remembers ? topic : state.lastTopic,
        lastEntityId:
          topic.kind === 'entity' ? topic.id : topic.kind === 'programme' ? view.knowledge.programme.id : remembers ? undefined : state.lastEntityId,
        lastChoices: choices.map((choice) => choice.topic),
      });

      if (composed.fallback && topic.kind === 'fallback' && parse && parse.text !== '') {
        try {
          options.onUnanswered?.({ text: parse.text, locale, channel: message.channel });
        } catch {
          // Recording is best effort; the user still gets the answer.
        }
      }

      return {
        text: tidy(composed.text),
        locale,
        intent: intentName(topic),
        confidence: Math.round(Math.max(0, Math.min(1, decision.confidence)) * 100) / 100,
        fallback: composed.fallback,
        choices: choices.map(({ id, label }) => ({ id, label })),
        links: composed.links,
        contacts: composed.contact ? [composed.contact] : [],
        handoff: composed.fallback && topic.kind === 'fallback' && parse !== undefined && parse.text !== '',
      };
    },
  };
}

/** Names that end in a full stop ("ePunkt e.V.") at the end of a sentence would end in two. */
function tidy(text: string): string {
  return text.replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

function prepare(knowledge: Knowledge): { view: KnowledgeView; lexicon: Lexicon; catalogue: Catalogue } {
  const catalogue = Catalogue.fromSources(readMessageSources(PRODUCT_MESSAGES_DIR), {
    globals: { bot: knowledge.programme.botName ?? knowledge.programme.name, programme: knowledge.programme.name },
  });
  return { view: new KnowledgeView(knowledge), lexicon: buildLexicon(knowledge), catalogue };
}

/** A topic naming an entity that no longer exists (after a reload, or a forged button) falls back. */
function knownTopic(topic: Topic, lexicon: Lexicon): Topic {
  if (topic.kind === 'entity' && !lexicon.entities.has(topic.id)) return { kind: 'fallback' };
  if (topic.kind === 'clarify' && topic.ids.length === 0) return { kind: 'fallback' };
  return topic;
}
