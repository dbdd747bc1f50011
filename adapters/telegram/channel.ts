import type { AutoRetryOptions } from '@grammyjs/auto-retry';
import { type RunnerHandle, run, sequentialize } from '@grammyjs/runner';
import { type ApiClientOptions, Bot, BotError, type Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { Assistant } from '../../src/assistant.js';
import type { Channel, HttpHandler } from '../../src/channel.js';
import type { TelegramConfig } from '../../src/config.js';
import { createPseudonymiser, type Logger } from '../../src/logger.js';
import { localeFromCode } from '../../src/message.js';
import { answerUpdates, isCallbackAnswered } from './answer-update.js';
import { DEFAULT_RETRY, logFailedCalls, retryPolicy } from './api-transformers.js';
import { commandsFor } from './commands.js';
import { createNodeHttpFetch } from './node-http-fetch.js';
import { apology } from './texts.js';
import { toMessage } from './to-message.js';
import { UpdateTracker } from './update-tracker.js';
import { createWebhookHandler } from './webhook.js';

/** Only what the bot answers; edits and the rest are not even fetched. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface TelegramChannelOptions {
  /** Hashes user ids for the logs; by default a keyed hash with a per-process key. */
  pseudonymise?: (userId: string | undefined) => string | undefined;
  /** The bot's own `getMe` answer; given, start-up skips the `getMe` call (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  /** Overrides for `@grammyjs/auto-retry`; see {@link DEFAULT_RETRY}. */
  retry?: Partial<AutoRetryOptions>;
  /** Long-polling timeout of `getUpdates`, in seconds (default 30). */
  pollingTimeoutSeconds?: number;
}

/**
 * The Telegram channel: grammY with long polling through `@grammyjs/runner`
 * (updates of different chats concurrently, each chat in order), or, when
 * `config.webhook` is set, a webhook route for the shared HTTP server.
 *
 * ```ts
 * const telegram = createTelegramChannel(config.telegram, assistant, logger);
 * await startHttpServer(new Map([...healthRoutes, ...telegram.routes]), config); // webhook mode only needs this
 * await telegram.start();   // getMe, commands, then polling or setWebhook
 * process.once('SIGTERM', () => void telegram.stop());
 * ```
 */
export function createTelegramChannel(config: TelegramConfig, assistant: Assistant, logger: Logger, options: TelegramChannelOptions = {}): Channel {
  const log = logger.child({ channel: 'telegram' });
  const bot = new Bot(config.token, {
    botInfo: options.botInfo,
    // grammY types `fetch` as node-fetch's; ours implements the part grammY calls.
    client: { apiRoot: config.apiRoot, fetch: createNodeHttpFetch() as unknown as ApiClientOptions['fetch'] },
  });
  bot.api.config.use(logFailedCalls(log), retryPolicy({ ...DEFAULT_RETRY, ...options.retry }));

  const tracker = new UpdateTracker();
  const pseudonymise = options.pseudonymise ?? createPseudonymiser(undefined);
  bot.use(tracker.middleware);
  bot.use(sequentialize((ctx: Context) => (ctx.chat ? String(ctx.chat.id) : undefined)));
  // Inside the chat's turn and inside the tracker: the apology keeps the chat's order
  // and stopping waits for it. `bot.catch` covers whatever fails outside.
  bot.errorBoundary((error) => apologise(error, log), answerUpdates({ assistant, logger: log, pseudonymise }));
  bot.catch((error) => apologise(error, log));

  let runner: RunnerHandle | undefined;
  let accepting = false;
  const webhook = config.webhook;

  const routes = new Map<string, HttpHandler>();
  if (webhook) {
    routes.set(
      webhook.path,
      createWebhookHandler({
        secret: webhook.secret,
        isAccepting: () => accepting,
        handleUpdate: (update: Update) => handleOne(bot, update, log),
        logger: log,
      }),
    );
  }

  return {
    name: 'telegram',
    routes,

    async start() {
      await bot.init();
      await Promise.all([
        bot.api.setMyCommands(commandsFor(assistant, 'de')),
        bot.api.setMyCommands(commandsFor(assistant, 'de'), { language_code: 'de' }),
        bot.api.setMyCommands(commandsFor(assistant, 'en'), { language_code: 'en' }),
      ]);
      if (webhook) {
        accepting = true;
        await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ALLOWED_UPDATES });
        log.info({ mode: 'webhook', path: webhook.path, bot: bot.botInfo.username }, 'Telegram channel started');
        return;
      }
      // A webhook left over from an earlier deployment makes getUpdates fail with 409.
      await bot.api.deleteWebhook({ drop_pending_updates: false });
      runner = run(bot, {
        runner: {
          silent: true, // failed getUpdates calls are logged by logFailedCalls, without console noise
          fetch: { timeout: options.pollingTimeoutSeconds ?? 30, allowed_updates: ALLOWED_UPDATES },
        },
      });
      runner.task()?.catch((error: unknown) => log.fatal({ err: error }, 'Telegram polling stopped'));
      log.info({ mode: 'polling', bot: bot.botInfo.username }, 'Telegram channel started');
    },

    async stop() {
      accepting = false;
      if (runner) {
        const stopping = runner;
        runner = undefined;
        await stopping.stop();
      }
      await tracker.drain();
      const lastUpdateId = tracker.highestUpdateId;
      if (!webhook && lastUpdateId !== undefined) await confirmOffset(bot, lastUpdateId, log);
      log.info('Telegram channel stopped');
    },
  };
}

/** Webhook path: run one update through the middleware, faults to `bot.catch` as in polling. */
async function handleOne(bot: Bot, update: Update, log: Logger): Promise<void> {
  try {
    await bot.handleUpdate(update);
  } catch (error) {
    if (error instanceof BotError) await bot.errorHandler(error);
    else log.error({ err: error, updateId: update.update_id }, 'update could not be handled');
  }
}

/**
 * Tells Telegram that everything up to `updateId` is done; without it, the last
 * batch would be delivered again (and answered twice) after a restart.
 */
async function confirmOffset(bot: Bot, updateId: number, log: Logger): Promise<void> {
  try {
    await bot.api.getUpdates({ offset: updateId + 1, limit: 1, timeout: 0 });
  } catch (error) {
    log.warn({ err: error }, 'could not confirm the last update offset');
  }
}

/**
 * The fault handler: stop a button spinner, tell the user something went wrong, log the fault.
 * The user comes first, so that nothing that goes wrong while logging can cost the apology.
 */
async function apologise(error: BotError<Context>, log: Logger): Promise<void> {
  const ctx = error.ctx;
  const updateId = ctx.update.update_id;
  if (ctx.callbackQuery && !isCallbackAnswered(ctx)) await ctx.answerCallbackQuery().catch(() => undefined);
  // Apologise only where the bot would have spoken: never into group chatter.
  const translation = toMessage(ctx.update, ctx.me);
  const apologyFailure =
    translation.kind === 'ignore'
      ? undefined
      : await ctx.api.sendMessage(translation.chatId, apology(localeFromCode(ctx.from?.language_code))).then(
          () => undefined,
          (sendError: unknown) => sendError,
        );
  log.error({ err: error.error, updateId }, 'answering an update failed');
  if (apologyFailure) log.warn({ err: apologyFailure, updateId }, 'apology could not be sent either');
}
