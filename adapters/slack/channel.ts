import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Assistant } from '../../src/assistant.js';
import type { Channel, HttpHandler } from '../../src/channel.js';
import type { SlackConfig } from '../../src/config.js';
import { createPseudonymiser, type Logger } from '../../src/logger.js';
import { createBoltLogger } from './bolt-logger.js';
import { createEventDedupe } from './event-dedupe.js';
import { GuardedReceiver } from './guarded-receiver.js';
import { registerListeners } from './listeners.js';

/** Where Slack posts events, commands and interactions in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackChannelOptions {
  /**
   * The bot's ids. Given, they spare the `auth.test` call at start (tests pass them so
   * nothing ever reaches slack.com); left out, `start()` asks Slack, which also checks
   * that SLACK_BOT_TOKEN is valid.
   */
  botId?: string;
  botUserId?: string;
  /** Answers worked on at once (default 8); the rest queue behind them, already acked. */
  concurrentAnswers?: number;
  /** Hashes user ids for the logs; by default a fresh key per process. */
  pseudonymise?: (userId: string | undefined) => string | undefined;
}

/** Thrown by `start()` when Slack refuses the bot token; names the variable to fix. */
export class SlackStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SlackStartError';
  }
}

/**
 * The Slack channel: Bolt in Socket Mode when `config.appToken` is set, else in HTTP
 * mode, where the channel does not listen itself but offers `routes` (`/slack/events`)
 * for the one shared HTTP server. Bolt checks the signature on the raw body there.
 *
 * ```ts
 * const slack = createSlackChannel(config.slack, assistant, logger);
 * const server = await startHttpServer(new Map([...otherRoutes, ...slack.routes]), config);
 * await slack.start();
 * process.once('SIGTERM', () => slack.stop());
 * ```
 */
export function createSlackChannel(config: SlackConfig, assistant: Assistant, logger: Logger, options: SlackChannelOptions = {}): Channel {
  const log = logger.child({ channel: 'slack' });
  const boltLogger = createBoltLogger(log.child({ component: 'bolt' }));
  const socketMode = config.appToken !== undefined;
  if (!socketMode && !config.signingSecret) {
    throw new SlackStartError('SLACK_SIGNING_SECRET is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  const clientOptions = (): webApi.WebClientOptions => ({
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    logger: boltLogger,
    // Bounded: the default retries for half an hour, which would hold up shutdown.
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
    timeout: 10_000,
  });

  const httpReceiver = socketMode
    ? undefined
    : new HTTPReceiver({ signingSecret: config.signingSecret as string, endpoints: SLACK_EVENTS_PATH, logger: boltLogger });
  const receiver = new GuardedReceiver(
    httpReceiver ?? new SocketModeReceiver({ appToken: config.appToken as string, logger: boltLogger }),
    createEventDedupe(),
    () => log.debug('slack retry of an answered event skipped'),
  );
  let app: App | undefined;
  let accepting = false;

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
    try {
      const result = await new webApi.WebClient(config.botToken, clientOptions()).auth.test();
      return { botId: result.bot_id, botUserId: result.user_id };
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
      throw new SlackStartError(`Slack did not accept SLACK_BOT_TOKEN (${code}); check the token and SLACK_API_URL`, {
        cause: error,
      });
    }
  };

  return {
    name: 'slack',
    routes,
    async start() {
      if (app) return;
      const ids = await identify();
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
        pseudonymise: options.pseudonymise ?? createPseudonymiser(undefined),
        concurrentAnswers: options.concurrentAnswers ?? 8,
      });
      if (socketMode) await app.start();
      accepting = true;
      log.info({ mode: socketMode ? 'socket' : 'http' }, 'slack channel started');
    },
    async stop() {
      if (!app || !accepting) return;
      accepting = false;
      if (socketMode) await app.stop();
      await receiver.drain();
      log.info('slack channel stopped');
    },
  };
}
