import type { FluentVariable } from '@fluent/bundle';
import { candidateOfChoice } from './dialogue/choices.js';
import {
  adoptedReply,
  base,
  type ComposeContext,
  type Composed,
  compose,
  composeCandidate,
  languageAskedFor,
  menuChoices,
} from './dialogue/compose.js';
import { type ConversationState, ConversationStore, REMEMBERED_SUBJECTS } from './dialogue/conversation.js';
import { type Decision, decide } from './dialogue/decide.js';
import { questionParts } from './dialogue/parts.js';
import { Catalogue, NameValue } from './i18n/catalogue.js';
import { PRODUCT_MESSAGES_DIR, readMessageSources } from './i18n/messages.js';
import type { Knowledge } from './knowledge/knowledge.js';
import type { ChannelName, IncomingMessage, Locale } from './message.js';
import type { Reply } from './reply.js';
import { loadModel, prepareUnderstanding, type Understanding, type UnderstandingModel } from './understanding/model.js';
import type { Reading } from './understanding/read.js';

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
  /** Called for every question that got an honest "I don't know". Must not throw. */
  onUnanswered?: (question: UnansweredQuestion) => void;
  /** The fitted model; by default `model/understanding.json`. */
  model?: UnderstandingModel;
  /** Told about faults in the message catalogue (a missing message or parameter). */
  onCatalogueError?: (problem: string) => void;
  /** Shown every decision with all its candidates (for fitting the weights and for diagnostics). */
  onDecision?: (decision: Decision, message: IncomingMessage) => void;
  /** How long a conversation is remembered without a message (default 30 minutes), and the clock. */
  conversations?: { idleMs?: number; now?: () => number };
}

export interface ReloadableAssistant extends Assistant {
  /** Swaps in new knowledge (hot reload); conversations keep going. */
  setKnowledge(knowledge: Knowledge): void;
}

/** Commands the core understands, by their name in either language. */
const COMMANDS: Record<string, string> = {
  hilfe: 'help',
  help: 'help',
  kontakt: 'person',
  contact: 'person',
  partner: 'local-partners',
  partners: 'local-partners',
  akteure: 'actors',
  actors: 'actors',
  programm: 'about',
  programme: 'about',
  program: 'about',
};

export function createAssistant(knowledge: Knowledge, options: AssistantOptions = {}): ReloadableAssistant {
  const model = options.model ?? loadModel();
  let current = prepare(knowledge, model, options.onCatalogueError);
  const conversations = new ConversationStore(undefined, options.conversations?.idleMs, options.conversations?.now);

  return {
    setKnowledge(next) {
      current = prepare(next, model, options.onCatalogueError);
    },

    say(locale, id, args) {
      return current.catalogue.format(locale, id, args);
    },

    respond(message) {
      const { understanding, catalogue, globals } = current;
      const state = conversations.get(message.conversationId);
      const reading = understanding.read(message.choiceId ? '' : (message.text ?? ''));
      const locale = localeOf(reading, understanding, state, message);
      const context: ComposeContext = {
        understanding,
        locale,
        reading,
        ...(state.facet ? { previousFacet: state.facet } : {}),
        subjects: state.subjects,
        ...(state.roles.length > 0 ? { previousRoles: state.roles } : {}),
        say: (id, args) => catalogue.format(locale, id, { ...globals, ...(args ?? {}) }),
        has: (id) => catalogue.has(locale, id),
      };
      const { composed, confidence } = answer(message, reading, state, context, options.onDecision);
      const replyLocale = composed.locale ?? locale;
      // A language switch is confirmed in the language switched to.
      if (composed.intent === 'chat.language') composed.text = catalogue.format(replyLocale, 'chat-language', globals);
      conversations.set(message.conversationId, { ...after(state, composed), locale: replyLocale });
      if (composed.fallback && reading.text !== '') {
        try {
          options.onUnanswered?.({ text: reading.text, locale: replyLocale, channel: message.channel });
        } catch {
          // Recording is best effort; the user still gets the answer.
        }
      }
      return {
        text: composed.text.replace(/(?<!\.)\.\.(?!\.)/g, '.'),
        locale: replyLocale,
        intent: composed.intent,
        confidence: Math.round(confidence * 100) / 100,
        fallback: composed.fallback,
        choices: composed.choices,
        links: composed.links,
        contacts: composed.contacts,
        handoff: composed.handoff,
      };
    },
  };
}

function answer(
  message: IncomingMessage,
  reading: Reading,
  state: ConversationState,
  context: ComposeContext,
  onDecision?: AssistantOptions['onDecision'],
): { composed: Composed; confidence: number } {
  const { understanding, say } = context;
  const chat = (id: string, extra: Partial<Composed> = {}): { composed: Composed; confidence: number } => ({
    composed: base(say(id), `chat.${id.replace(/^chat-/, '')}`, extra),
    confidence: 1,
  });
  const picked = message.choiceId ?? numberPick(reading, state);
  if (picked !== undefined) {
    const candidate = candidateOfChoice(picked, understanding);
    if (candidate) return { composed: composeCandidate(candidate, context), confidence: 1 };
    return chat('chat-help', { choices: menuChoices(context) });
  }
  if (reading.command) {
    const { name, argument } = reading.command;
    if (name === 'start' && (argument === '' || !COMMANDS[argument.toLowerCase()])) return chat('welcome', { choices: menuChoices(context) });
    if (name === 'sprache' || name === 'language') {
      const wanted: Locale = /^en/i.test(argument) ? 'en' : /^de/i.test(argument) ? 'de' : context.locale === 'de' ? 'en' : 'de';
      return { composed: { ...chat('chat-language').composed, intent: 'chat.language', locale: wanted }, confidence: 1 };
    }
    const intent = COMMANDS[name === 'start' ? argument.toLowerCase() : name];
    const candidate = intent
      ? candidateOfChoice(
          intent === 'person'
            ? `f:person:${understanding.knowledge.contacts[0]?.id}`
            : intent === 'about'
              ? `f:about:${understanding.knowledge.programme.id}`
              : `f:${intent}`,
          understanding,
        )
      : undefined;
    if (candidate) return { composed: composeCandidate(candidate, context), confidence: 1 };
    if (name !== 'frage' && name !== 'question') return chat('chat-help', { choices: menuChoices(context) });
  }
  if (reading.tokens.length === 0) return chat(reading.text === '' ? 'chat-empty' : 'chat-unreadable');
  const several = answerEach(questionParts(reading.text, understanding.lexicon.questionWords), reading, state, context);
  if (several) return several;
  const decision = decide(reading, understanding, state, onDecision !== undefined);
  onDecision?.(decision, message);
  const composed = compose(decision, context);
  // The network team's answer to this question, or to one much like it, beats "I don't know"; a near copy beats anything.
  const adopted = understanding.adopted.match(reading);
  if (adopted && (adopted.similarity >= ADOPTED_SURE || (composed.fallback && adopted.similarity >= ADOPTED_LIKELY))) {
    return { composed: adoptedReply(adopted.answer, context), confidence: adopted.similarity };
  }
  return { composed, confidence: decision.confidence };
}

/** The conversation after a reply: what it remembers of its subject, kind of question, choices and claimed roles. */
function after(state: ConversationState, composed: Composed): ConversationState {
  const { remember } = composed;
  return {
    locale: state.locale,
    subjects: remember?.subject
      ? [remember.subject, ...state.subjects.filter((id) => id !== remember.subject)].slice(0, REMEMBERED_SUBJECTS)
      : state.subjects,
    facet: remember?.facet ?? (remember ? undefined : state.facet),
    choices: composed.choices.map((choice) => choice.id),
    roles: remember?.roles ?? [],
  };
}

/**
 * Two questions in one message, each answered: every part is decided on its own, with the
 * names of the whole message as its context ("Was macht der Verein, und wie erreiche ich ihn?"),
 * and the answers are joined. Only when every part has an answer of its own; otherwise the
 * message is answered as a whole.
 */
function answerEach(
  parts: string[],
  whole: Reading,
  state: ConversationState,
  context: ComposeContext,
): { composed: Composed; confidence: number } | undefined {
  if (parts.length < 2) return undefined;
  const { understanding } = context;
  const named = whole.mentions.flatMap((m) => m.ids.slice(0, 1));
  let partState: ConversationState = { ...state, subjects: [...new Set([...named, ...state.subjects])] };
  const answers: { composed: Composed; confidence: number }[] = [];
  let confidence = 1;
  const seen = new Set<string>();
  for (const part of parts) {
    const reading = understanding.read(part);
    const decision = decide(reading, understanding, partState);
    if (decision.kind !== 'answer' || decision.candidate.facet.kind === 'chat') return undefined;
    const key = `${decision.candidate.facet.id}:${decision.candidate.subject?.id ?? ''}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const composed = compose(decision, { ...context, reading });
    if (composed.fallback) return undefined;
    answers.push({ composed, confidence: decision.confidence });
    // A later part follows on from the earlier one as in a conversation ("Was ist X, und wann ging es los?").
    partState = after(partState, composed);
    confidence = Math.min(confidence, decision.confidence);
  }
  // An answer that leads into the contact card ("… erreichen Sie so:") goes last, and the card answers a second such question too.
  const withCard = answers.filter((a) => a.composed.contacts.length > 0);
  answers.splice(0, answers.length, ...answers.filter((a) => a.composed.contacts.length === 0), ...withCard.slice(0, 1));
  const text = answers.map((a) => a.composed.text).join('\n\n');
  if (text.length > MAX_JOINED) return undefined;
  const last = answers[answers.length - 1]!.composed;
  const composed: Composed = {
    ...last,
    text,
    intent: answers[0]!.composed.intent,
    choices: [],
    links: unique(
      answers.flatMap((a) => a.composed.links),
      (l) => l.url,
    ),
    contacts: unique(
      answers.flatMap((a) => a.composed.contacts),
      (c) => JSON.stringify(c),
    ),
  };
  return { composed, confidence };
}

/** Two answers longer than this together are more than a chat message: the message is then answered as a whole. */
const MAX_JOINED = 700;

function unique<T>(items: T[], keyOf: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) if (!byKey.has(keyOf(item))) byKey.set(keyOf(item), item);
  return [...byKey.values()];
}

/** Similarity (0..1) from which an adopted answer is given in any case, and from which it is given instead of not knowing. */
const ADOPTED_SURE = 0.8;
const ADOPTED_LIKELY = 0.45;

/** "2" after a numbered list of choices picks the second. */
function numberPick(reading: Reading, state: ConversationState): string | undefined {
  const match = /^\s*(\d)\s*[.)]?\s*$/.exec(reading.text);
  return match ? (state.choices[Number(match[1]) - 1] ?? '') : undefined;
}

/**
 * The language of the reply: the message's own when its words tell, else the
 * conversation's, else the platform's hint, else German.
 */
function localeOf(reading: Reading, understanding: Understanding, state: ConversationState, message: IncomingMessage): Locale {
  return languageAskedFor(reading) ?? understanding.languageOf(reading) ?? state.locale ?? message.localeHint ?? 'de';
}

interface Prepared {
  understanding: Understanding;
  catalogue: Catalogue;
  globals: Record<string, FluentVariable>;
}

function prepare(knowledge: Knowledge, model: UnderstandingModel, onError?: (problem: string) => void): Prepared {
  const globals: Record<string, FluentVariable> = {
    bot: knowledge.city.name.text.de,
    town: knowledge.town,
    city: new NameValue(knowledge.city.name),
    programme: knowledge.programme.name.text.de,
  };
  const catalogue = Catalogue.fromSources([...readMessageSources(PRODUCT_MESSAGES_DIR), ...knowledge.messages], {
    globals,
    ...(onError ? { onError } : {}),
  });
  return { understanding: prepareUnderstanding(knowledge, model), catalogue, globals };
}
