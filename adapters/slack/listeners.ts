import type { App, Context, webApi } from '@slack/bolt';
import type { Assistant } from '../../src/assistant.js';
import type { Logger } from '../../src/logger.js';
import type { Locale } from '../../src/message.js';
import type { AnswerCountLog } from './answer-counts.js';
import type { AnswerQueue } from './answer-queue.js';
import { buildHomeView } from './app-home.js';
import { createBoundedMemory } from './bounded-memory.js';
import { alreadyAnswered, deliver } from './deliver.js';
import type { IntakeTicket } from './intake-receiver.js';
import { renderNotice, renderReply } from './render.js';
import { operatorHint } from './slack-errors.js';
import {
  type Answerable,
  CHOICE_ACTION_PREFIX,
  FOREIGN_RESPONSE_URL,
  type SlackActionFields,
  type SlackEventFields,
  type Translation,
  type TranslationContext,
  translateAction,
  translateBody,
  translateCommand,
  translateEvent,
} from './to-message.js';
import { DEFAULT_LOCALE, type UserLocales } from './user-locales.js';

/** What Bolt's extended error handler receives (the type itself is not exported; the last `error` overload is it). */
type FailureArgs = Parameters<Parameters<App['error']>[0]>[0];

/** The slash command registered in manifest.yaml. */
export const SLASH_COMMAND = '/engagiert';

/** One "too many questions" notice per conversation and minute, however many questions overflow. */
const BUSY_NOTICE_INTERVAL_MS = 60_000;

export interface ListenerDeps {
  assistant: Assistant;
  logger: Logger;
  queue: AnswerQueue;
  locales: UserLocales;
  /** Builds the translation context for a request (bot id, thread memory, response_url check, locales). */
  translation(botUserId: string | undefined): TranslationContext;
  /** Called when the bot is about to answer in a channel thread: replies there need no mention from now on. */
  joinedThread(channel: string, threadTs: string): void;
  /** Counts answers for the summary line. */
  counts: AnswerCountLog;
}

const ticketOf = (context: Context): IntakeTicket | undefined => context.intake as IntakeTicket | undefined;

/**
 * Wires Slack's events, the slash command, the suggestion buttons and the App Home
 * to the core. Every listener acks first (commands and buttons have 3 seconds),
 * translates, and queues the answer (see answer-queue.ts), holding the request's intake
 * ticket until the answer is sent. Faults in an answer are logged and apologised for in
 * the same place; faults in a listener go to `app.error`, which does the same.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const { assistant, logger, queue, locales, counts } = deps;
  const noticed = createBoundedMemory<true>({ maxEntries: 1_000, ttlMs: BUSY_NOTICE_INTERVAL_MS });
  const localeOf = (translation: Answerable): Locale => locales.known(translation.message.userId ?? '') ?? DEFAULT_LOCALE;

  const apologise = async (client: webApi.WebClient, translation: Answerable) => {
    try {
      await deliver(client, translation.target, renderNotice(assistant.say(localeOf(translation), 'slack-apology')));
    } catch (error) {
      logger.warn({ err: error }, 'slack apology failed too');
    }
  };

  const answerNow = async (kind: string, translation: Answerable, client: webApi.WebClient, ticket: IntakeTicket | undefined) => {
    const key = ticket?.key;
    try {
      if (ticket?.recovered && key && translation.target.kind === 'post') {
        const answered = await alreadyAnswered(client, translation.target, key).catch(() => false);
        if (answered) {
          logger.info({ kind }, 'slack answer was sent before the restart; not sent again');
          return;
        }
      }
      const reply = assistant.respond(translation.message);
      await deliver(client, translation.target, renderReply(reply, assistant.say), key);
      counts.count('answered');
      if (reply.fallback) counts.count('fallbacks');
      // userId is pseudonymised by the logger, only if the line is written.
      logger.debug(
        { kind, userId: translation.message.userId, intent: reply.intent, fallback: reply.fallback, confidence: reply.confidence },
        'slack answer sent',
      );
    } catch (error) {
      counts.count('failed');
      const method = translation.target.kind === 'post' ? 'chat.postMessage' : 'response_url';
      const hint = operatorHint(error);
      logger.error({ err: error, kind, method, ...(hint ? { hint } : {}) }, 'slack answer failed');
      await apologise(client, translation);
    }
  };

  const answer = (kind: string, translation: Translation, client: webApi.WebClient, ticket: IntakeTicket | undefined) => {
    if (!translation.answer) {
      if (translation.reason === FOREIGN_RESPONSE_URL) logger.warn({ kind }, 'slack request with a response_url outside Slack ignored');
      else logger.debug({ kind, reason: translation.reason }, 'slack payload skipped');
      return;
    }
    const { target, message } = translation;
    if (target.kind === 'post' && target.threadTs && !target.channel.startsWith('D')) deps.joinedThread(target.channel, target.threadTs);
    const done = ticket?.hold() ?? (() => {});
    const work = () => answerNow(kind, translation, client, ticket).finally(done);
    // What a restart recovers was accepted before; it is not turned away now.
    if (queue.push(message.conversationId, work, { force: ticket?.recovered === true }) === 'queued') return;
    done();
    logger.warn({ kind }, 'slack question not answered: too many queued in its conversation');
    if (noticed.get(message.conversationId)) return;
    noticed.set(message.conversationId, true);
    const notice = renderNotice(assistant.say(localeOf(translation), 'slack-busy'));
    queue.push(message.conversationId, () => deliver(client, target, notice).catch((error) => logger.warn({ err: error }, 'slack notice failed')), {
      force: true,
    });
  };

  app.event('app_mention', async ({ event, context, client }) => {
    answer('mention', translateEvent(event as SlackEventFields, deps.translation(context.botUserId)), client, ticketOf(context));
  });

  app.event('message', async ({ event, context, client }) => {
    answer('message', translateEvent(event as SlackEventFields, deps.translation(context.botUserId)), client, ticketOf(context));
  });

  app.command(SLASH_COMMAND, async ({ command, ack, client, context }) => {
    await ack();
    answer('command', translateCommand(command, deps.translation(context.botUserId)), client, ticketOf(context));
  });

  app.action({ type: 'block_actions', action_id: new RegExp(`^${CHOICE_ACTION_PREFIX}\\d+$`) }, async ({ body, ack, client, context }) => {
    await ack();
    answer('button', translateAction(body as SlackActionFields, deps.translation(context.botUserId)), client, ticketOf(context));
  });

  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    const done = ticketOf(context)?.hold() ?? (() => {});
    const publish = async () => {
      try {
        const locale = await locales.lookUp(client, event.user);
        await client.views.publish({ user_id: event.user, view: buildHomeView(assistant, { locale, dmChannel: event.channel }) });
        logger.info({ kind: 'home', userId: event.user, locale }, 'slack app home published');
      } catch (error) {
        const hint = operatorHint(error);
        logger.error({ err: error, kind: 'home', ...(hint ? { hint } : {}) }, 'slack app home failed');
      } finally {
        done();
      }
    };
    // Publishing is idempotent: with ten publications for one user already queued, the eleventh adds nothing.
    if (queue.push(`home:${event.user}`, publish) !== 'queued') done();
  });

  // Needs `extendedErrorHandler: true` on the App, so the handler sees the body it failed on.
  app.error(async ({ error, body, context }: FailureArgs) => {
    logger.error({ err: error }, 'slack handler failed');
    const translation = translateBody(body, deps.translation(context?.botUserId));
    if (translation.answer) await apologise(app.client, translation);
  });
}
