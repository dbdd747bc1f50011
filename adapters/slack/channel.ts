import { App, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Assistant } from '../../src/assistant.js';
import type { Channel, HttpHandler } from '../../src/channel.js';
import type { SlackConfig } from '../../src/config.js';
import type { Handoff } from '../../src/handoff/handoff.js';
import type { HandoffBoardProvider } from '../../src/handoff/port.js';
import type { AnswerAdopter } from '../../src/knowledge/adopt.js';
import type { Logger } from '../../src/logger.js';
import type { IntakeStore } from '../../src/storage/intake.js';
import { AnswerCountLog } from './answer-counts.js';
import { createAnswerQueue } from './answer-queue.js';
import { createBoltLogger } from './bolt-logger.js';
import { createBoundedMemory } from './bounded-memory.js';
import { createHandoffBoard } from './handoff-board.js';
import { registerHandoffListeners } from './handoff-listeners.js';
import { ANSWER_MODAL, HANDOFF_ACTIONS } from './handoff-render.js';
import { handoffReplyOf } from './handoff-reply.js';
import { SlackHttpReceiver } from './http-receiver.js';
import { IntakeReceiver } from './intake-receiver.js';
import { registerListeners } from './listeners.js';
import { createNodeHttpFetch } from './node-http-fetch.js';
import { SlackStartError, withStartRetries } from './slack-errors.js';
import { responseUrlOn, type SlackEventFields, type TranslationContext, translateEvent } from './to-message.js';
import { createUserLocales, DEFAULT_LOCALE } from './user-locales.js';

export { SlackStartError } from './slack-errors.js';

/** Where Slack posts events, commands and interactions in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

const SLACK_API_URL = 'https://slack.com/api/';
const DAY_MS = 24 * 60 * 60 * 1000;
const ANSWER_COUNTS_INTERVAL_MS = 60_000;

export interface SlackChannelOptions {
  /** The durable intake: what Slack delivered is stored here before it is acknowledged. */
  intake: IntakeStore;
  /**
   * The bot's ids. Given, they spare the `auth.test` call at start (tests pass them so
   * nothing ever reaches slack.com); left out, `start()` asks Slack, which also checks
   * that SLACK_BOT_TOKEN is valid.
   */
  botId?: string;
  botUserId?: string;
  /**
   * Answers being sent at once (default 100, the Web API client's own request limit).
   * Each mostly waits on one Web API call (100–300 ms to Slack), so a small number would
   * bound throughput long before the CPU does; answers still start one per turn of the
   * event loop, after pending acks, and the client pauses them all when Slack rate-limits.
   */
  concurrentAnswers?: number;
  /** Questions one conversation may have waiting (default 10); more get one "please wait" notice. */
  queuedPerConversation?: number;
  /** Questions all conversations together may have waiting (default 2,000); beyond it Slack is asked to re-send later. */
  queuedInTotal?: number;
  /** Threads remembered for follow-ups without a mention (default 10,000, for a week each). */
  rememberedThreads?: number;
  /** Start-up attempts while the Web API cannot be reached (default 5, back-off from 1 s). */
  startAttempts?: number;
  startRetryDelayMs?: number;
  /** "Ask a person" (docs/handoff.md); undefined when it is off. Needs `handoffChannel`. */
  handoff?: Handoff | undefined;
  /** SLACK_HANDOFF_CHANNEL: the channel id where the tickets are posted. */
  handoffChannel?: string | undefined;
  /** Writes a ticket's answer into the knowledge ("Als Antwort übernehmen"); without it the button is not shown. */
  adopter?: AnswerAdopter | undefined;
}

/** The Slack channel; with the hand-off on, also the board the tickets go to. */
export type SlackChannel = Channel & Partial<HandoffBoardProvider>;

/** The hand-off's buttons and modal: handled without the answer queue, so never turned away when it is full. */
function isHandoffInteraction(body: Record<string, unknown>): boolean {
  if (body.type === 'view_submission') return (body.view as { callback_id?: unknown } | undefined)?.callback_id === ANSWER_MODAL;
  if (body.type !== 'block_actions' || !Array.isArray(body.actions)) return false;
  const actionIds: unknown[] = Object.values(HANDOFF_ACTIONS);
  return body.actions.some((action) => actionIds.includes((action as { action_id?: unknown } | null)?.action_id));
}

/**
 * The Slack channel: Bolt in Socket Mode when `config.appToken` is set, else in HTTP
 * mode, where the channel does not listen itself but offers `routes` (`/slack/events`)
 * for the one shared HTTP server. Either way every request goes through the durable
 * intake (intake-receiver.ts) before it is acknowledged, and what a previous process
 * left unanswered is answered at start.
 *
 * ```ts
 * const slack = createSlackChannel(config.slack, assistant, logger, { intake: storage.intake });
 * const server = await startHttpServer(new Map([...otherRoutes, ...slack.routes]), config);
 * await slack.start();
 * process.once('SIGTERM', () => slack.stop());
 * ```
 */
export function createSlackChannel(config: SlackConfig, assistant: Assistant, logger: Logger, options: SlackChannelOptions): SlackChannel {
  const log = logger.child({ channel: 'slack' });
  const boltLogger = createBoltLogger(log.child({ component: 'bolt' }));
  const socketMode = config.appToken !== undefined;
  if (!socketMode && !config.signingSecret) {
    throw new SlackStartError('SLACK_SIGNING_SECRET is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  const apiUrl = config.apiUrl ?? SLACK_API_URL;
  // One connection pool for all of the channel's clients.
  const fetch = createNodeHttpFetch();
  const clientOptions = (): webApi.WebClientOptions => ({
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    fetch,
    logger: boltLogger,
    // About 15 s of retries at most (0.5 + 1 + 2 + 4 + 8): a stop runs out of time before
    // that, and what is left stays in the intake for the next start.
    retryConfig: { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 8_000 },
    timeout: 10_000,
  });

  const queue = createAnswerQueue({
    concurrency: options.concurrentAnswers ?? 100,
    perConversation: options.queuedPerConversation ?? 10,
    total: options.queuedInTotal ?? 2_000,
  });
  const threads = createBoundedMemory<true>({ maxEntries: options.rememberedThreads ?? 10_000, ttlMs: 7 * DAY_MS });
  const locales = createUserLocales();
  const counts = new AnswerCountLog(log, ANSWER_COUNTS_INTERVAL_MS);
  const { handoff, handoffChannel } = options;
  const isTicket = (channel: string, ts: string) => handoff?.ticket({ board: { channel, ts } }) !== undefined;
  const translation = (botUserId: string | undefined): TranslationContext => ({
    ...(botUserId ? { botUserId } : {}),
    isBotThread: (channel, threadTs) => threads.get(`${channel}:${threadTs}`) === true,
    acceptsResponseUrl: responseUrlOn(config.responseUrlOrigin),
    localeOf: (userId) => locales.known(userId),
    ...(handoff && handoffChannel ? { isHandoffThread: (channel, threadTs) => channel === handoffChannel && isTicket(channel, threadTs) } : {}),
  });
  let botUserId = options.botUserId;
  /** A member's reply in a ticket's thread: kept in the intake like a question, handled by the hand-off's listener. */
  const isTicketReply = (event: SlackEventFields) => {
    if (!handoff || !handoffChannel) return false;
    const reply = handoffReplyOf(event, { handoffChannel, botUserId });
    return reply !== undefined && isTicket(reply.channel, reply.threadTs);
  };

  const httpReceiver = socketMode ? undefined : new SlackHttpReceiver({ signingSecret: config.signingSecret as string, logger: log });
  const receiver = new IntakeReceiver(
    httpReceiver ??
      new SocketModeReceiver({ appToken: config.appToken as string, logger: boltLogger, installerOptions: { clientOptions: clientOptions() } }),
    {
      intake: options.intake,
      logger: log,
      // Every message in the bot's channels arrives; only those it answers are written down.
      keep: (body) => {
        const event = body.event as SlackEventFields | undefined;
        if (!(body.type === 'event_callback' && event?.type === 'message')) return true;
        return translateEvent(event, translation(botUserId)).answer || isTicketReply(event);
      },
      isFull: (body) => {
        if (!queue.isFull()) return false;
        const event = body.event as SlackEventFields | undefined;
        return !(isHandoffInteraction(body) || (body.type === 'event_callback' && event !== undefined && isTicketReply(event)));
      },
      busyResponse: () => ({ response_type: 'ephemeral', text: assistant.say(DEFAULT_LOCALE, 'slack-overloaded') }),
    },
  );
  let app: App | undefined;
  let accepting = false;
  // Its own client: the hand-off's outbox may post before or after the app runs, and retries what fails.
  const handoffBoard =
    handoff && handoffChannel
      ? createHandoffBoard({
          client: new webApi.WebClient(config.botToken, clientOptions()),
          channel: handoffChannel,
          say: assistant.say,
          adoptable: options.adopter !== undefined,
          logger: log.child({ component: 'handoff' }),
        })
      : undefined;

  const routes = new Map<string, HttpHandler>();
  if (httpReceiver) {
    routes.set(SLACK_EVENTS_PATH, (req, res) => {
      if (!accepting) {
        // Slack retries later; by then a running instance answers.
        res.writeHead(503, { 'retry-after': '5' }).end();
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      httpReceiver.requestListener(req, res);
    });
  }

  const identify = async () => {
    if (options.botId && options.botUserId) return { botId: options.botId, botUserId: options.botUserId };
    // No retries and no warnings inside the client: the loop below says what happens, one line per attempt.
    const quiet = createBoltLogger(log.child({ component: 'bolt' }, { level: 'error' }));
    const client = new webApi.WebClient(config.botToken, { ...clientOptions(), logger: quiet, retryConfig: { retries: 0 } });
    const result = await withStartRetries(() => client.auth.test(), {
      logger: log,
      variable: 'SLACK_BOT_TOKEN',
      apiUrl,
      ...(options.startAttempts ? { attempts: options.startAttempts } : {}),
      ...(options.startRetryDelayMs ? { firstDelayMs: options.startRetryDelayMs } : {}),
    });
    return { botId: result.bot_id, botUserId: result.user_id };
  };

  return {
    name: 'slack',
    routes,
    ...(handoffBoard ? { handoffBoard } : {}),
    async start() {
      if (app) return;
      const ids = await identify();
      botUserId = ids.botUserId;
      app = new App({
        token: config.botToken,
        ...ids,
        receiver,
        logger: boltLogger,
        clientOptions: clientOptions(),
        extendedErrorHandler: true,
        // Our translation skips every bot message, this bot's included, and no conversation store is needed.
        ignoreSelf: false,
        convoStore: false,
        tokenVerificationEnabled: false,
      });
      registerListeners(app, {
        assistant,
        logger: log,
        queue,
        locales,
        translation,
        joinedThread: (channel, threadTs) => threads.set(`${channel}:${threadTs}`, true),
        counts,
      });
      if (handoff && handoffChannel) {
        registerHandoffListeners(app, {
          handoff,
          adopter: options.adopter,
          channel: handoffChannel,
          say: assistant.say,
          logger: log.child({ component: 'handoff' }),
        });
      }
      // Before new requests: what the last process left unanswered is older, and answered first.
      const recovered = await receiver.recover();
      if (recovered > 0) log.info({ recovered }, 'slack requests from before the restart queued for answering');
      if (socketMode) {
        const started = app;
        await withStartRetries(() => started.start(), { logger: log, variable: 'SLACK_APP_TOKEN', apiUrl, attempts: options.startAttempts ?? 5 });
      }
      accepting = true;
      log.info({ mode: socketMode ? 'socket' : 'http' }, 'slack channel started');
    },
    async stop() {
      if (!app || !accepting) return;
      accepting = false;
      if (socketMode) await app.stop();
      await receiver.drain();
      // What is still queued when the shutdown runs out of time stays in the intake.
      await queue.drain();
      receiver.flush();
      counts.stop();
      log.info('slack channel stopped');
    },
  };
}
