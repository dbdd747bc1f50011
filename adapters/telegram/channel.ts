import { type ApiClientOptions, Bot, GrammyError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Assistant } from '../../src/assistant.js';
import type { Channel, HttpHandler } from '../../src/channel.js';
import type { TelegramConfig } from '../../src/config.js';
import type { Handoff } from '../../src/handoff/handoff.js';
import type { HandoffChatProvider } from '../../src/handoff/port.js';
import { createPseudonymiser, type Logger } from '../../src/logger.js';
import type { IntakeStore } from '../../src/storage/intake.js';
import { answerUpdates } from './answer-update.js';
import { apiSignal, attemptTimeoutMs, type CallPolicy, DEFAULT_CALL_POLICY, installCallPolicy } from './api-transformers.js';
import type { QueueLimits } from './chat-queue.js';
import { explainPollingStop } from './errors.js';
import { createHandoffChat } from './handoff-chat.js';
import { createHandoffFlow } from './handoff-flow.js';
import { createMemoryIntake, createStoredIntake } from './intake.js';
import { createNodeHttpFetch } from './node-http-fetch.js';
import { type Polling, startPolling } from './polling.js';
import { publishProfile } from './profile.js';
import { TrafficLog } from './traffic-log.js';
import { createUpdatePipeline } from './update-pipeline.js';
import { createWebhookHandler } from './webhook.js';

/** Only what the bot answers; the rest is not even fetched. */
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

/**
 * Per chat: ten waiting messages are ten seconds of Telegram's per-chat pace already. In
 * all: 500, like `@grammyjs/runner`'s default concurrency; beyond that, polling leaves
 * updates at Telegram (where they wait just as well, and cost no memory) and a webhook
 * flood gets the busy note. A hundred chats are answered at once, one connection each.
 */
export const DEFAULT_LIMITS: QueueLimits = { perChat: 10, total: 500, concurrency: 100 };
const DEFAULT_TYPING_AFTER_MS = 2000;
const DEFAULT_RETRY_PAUSE_MS = 30_000;
const TRAFFIC_LOG_INTERVAL_MS = 60_000;

export interface TelegramChannelOptions {
  /** Where updates are kept until answered (the bot's database); without it, in memory only (tests, benchmarks). */
  intake?: IntakeStore;
  /** Hashes user ids for the logs; by default a keyed hash with a per-process key. */
  pseudonymise?: (userId: string | undefined) => string | undefined;
  /** The bot's own `getMe` answer; given, start-up skips the `getMe` call (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  /** Timeouts and retries of Bot API calls; see {@link DEFAULT_CALL_POLICY}. */
  callPolicy?: Partial<CallPolicy>;
  /** Queue bounds; see {@link DEFAULT_LIMITS}. */
  limits?: Partial<QueueLimits>;
  /** "typing …" only for answers not sent within this long (default 2 s). */
  typingAfterMs?: number;
  /** Pause before an update Telegram could not take is tried again (default 30 s). */
  retryPauseMs?: number;
  /** "Ask a person" (docs/handoff.md); undefined when it is off. */
  handoff?: Handoff | undefined;
}

/** The Telegram channel: a {@link Channel} that also relays the network team's answers to citizens. */
export type TelegramChannel = Channel & HandoffChatProvider;

/**
 * The Telegram channel: grammY with long polling (`@grammyjs/runner`'s source with a
 * sink that records every batch before it is confirmed), or, when `config.webhook` is
 * set, a webhook route for the shared HTTP server. Either way updates go through one
 * pipeline: intake, a fair per-chat queue, the answering middleware. With `handoff`, a
 * declined question gets the consent button and `/frage` is in the menu; `handoffChat`
 * is the hand-off's way back into the citizen's chat (polling or webhook alike).
 *
 * ```ts
 * const telegram = createTelegramChannel(config.telegram, assistant, logger, { intake, handoff });
 * await startHttpServer(new Map([...healthRoutes, ...telegram.routes]), config); // webhook mode only needs this
 * await telegram.start();   // getMe, menu and descriptions, unfinished updates, then polling or setWebhook
 * handoff.start({ board: slack.handoffBoard, chat: telegram.handoffChat });
 * process.once('SIGTERM', () => void telegram.stop());
 * ```
 */
export function createTelegramChannel(
  config: TelegramConfig,
  assistant: Assistant,
  logger: Logger,
  options: TelegramChannelOptions = {},
): TelegramChannel {
  const log = logger.child({ channel: 'telegram' });
  const policy = { ...DEFAULT_CALL_POLICY, ...options.callPolicy };
  const bot = new Bot(config.token, {
    botInfo: options.botInfo,
    client: {
      apiRoot: config.apiRoot,
      // grammY types `fetch` as node-fetch's; ours implements the part grammY calls.
      fetch: createNodeHttpFetch({ timeoutMs: (method) => attemptTimeoutMs(policy, method) }) as unknown as ApiClientOptions['fetch'],
      // A backstop only: each call has its own, shorter limit (attemptTimeoutMs).
      timeoutSeconds: policy.pollingTimeoutSeconds + 30,
    },
  });
  installCallPolicy(bot.api, log, policy);
  const lifecycle = new AbortController();
  const traffic = new TrafficLog(log, TRAFFIC_LOG_INTERVAL_MS);
  bot.use(
    answerUpdates({
      assistant,
      logger: log,
      pseudonymise: options.pseudonymise ?? createPseudonymiser(undefined),
      typingAfterMs: options.typingAfterMs ?? DEFAULT_TYPING_AFTER_MS,
      traffic,
      handoff: createHandoffFlow({ handoff: options.handoff, assistant, logger: log }),
    }),
  );

  const pipeline = createUpdatePipeline({
    bot,
    intake: options.intake
      ? createStoredIntake(options.intake, (error) => log.warn({ err: error }, 'updates answered but not marked done; a restart answers them again'))
      : createMemoryIntake(),
    assistant,
    logger: log,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    retryPauseMs: options.retryPauseMs ?? DEFAULT_RETRY_PAUSE_MS,
    traffic,
  });

  let polling: Polling | undefined;
  let accepting = false;
  const webhook = config.webhook;

  const routes = new Map<string, HttpHandler>();
  if (webhook) {
    routes.set(
      webhook.path,
      createWebhookHandler({ secret: webhook.secret, isAccepting: () => accepting, accept: (update) => pipeline.accept([update]), logger: log }),
    );
  }

  return {
    name: 'telegram',
    routes,
    handoffChat: createHandoffChat({ api: bot.api, say: assistant.say, logger: log, signal: lifecycle.signal }),

    async start() {
      await bot.init(apiSignal(lifecycle.signal));
      await publishProfile(bot.api, assistant.say, { askTeam: Boolean(options.handoff) }, lifecycle.signal).catch((error: unknown) => {
        // Cosmetic, unless the token is wrong: then nothing else will work either.
        if (error instanceof GrammyError && [401, 404].includes(error.error_code)) throw error;
        if (!lifecycle.signal.aborted) log.warn({ err: error }, 'command menu and descriptions not set');
      });
      pipeline.recover();
      if (webhook) {
        accepting = true;
        await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ALLOWED_UPDATES }, apiSignal(lifecycle.signal));
        log.info({ mode: 'webhook', path: webhook.path, bot: bot.botInfo.username }, 'Telegram channel started');
        return;
      }
      // A webhook left over from an earlier deployment makes getUpdates fail with 409.
      await bot.api.deleteWebhook({ drop_pending_updates: false }, apiSignal(lifecycle.signal));
      polling = startPolling(bot, pipeline, { timeoutSeconds: policy.pollingTimeoutSeconds, allowedUpdates: ALLOWED_UPDATES }, log);
      polling.task.catch((error: unknown) => log.fatal({ err: error }, `Telegram polling stopped: ${explainPollingStop(error)}`));
      log.info({ mode: 'polling', bot: bot.botInfo.username }, 'Telegram channel started');
    },

    async stop() {
      accepting = false;
      lifecycle.abort();
      const stopping = polling;
      polling = undefined;
      await stopping?.stop();
      await pipeline.drain();
      traffic.stop();
      log.info('Telegram channel stopped');
    },
  };
}
