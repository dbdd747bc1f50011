import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import { checkSlackRequest, isSslCheck, parseSlackBody, slackContentType } from './slack-request.js';

/** Thrown by the app's `processEvent` when there is no room for more work: Slack should send the request again later. */
export class SlackBusyError extends Error {
  readonly code = 'slack_bot_busy';
  constructor() {
    super('no room for more answers right now');
    this.name = 'SlackBusyError';
  }
}

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** Injectable clock (milliseconds), for the timestamp window in tests. */
  now?: () => number;
}

/** The raw body; the shared HTTP server has bounded its length (Content-Length required, 1 MiB) and its time. */
const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const retryNumOf = (req: IncomingMessage): number | undefined => {
  const value = req.headers['x-slack-retry-num'];
  const parsed = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isInteger(parsed) ? parsed : undefined;
};

/**
 * Bolt's receiver for HTTP mode, mounted at `/slack/events` on the bot's one HTTP
 * server (it never listens itself). It takes a request only as Slack sends it: one of
 * Slack's two content types (else 415), a timestamp within five minutes either way and
 * a valid signature over the raw body (else 401), a body that is an object (else 400,
 * e.g. `null`). Then it hands the app one `ReceiverEvent`, whose `ack` answers the
 * request; whatever the app throws ends in a status, never in the process.
 *
 * ```ts
 * const receiver = new SlackHttpReceiver({ signingSecret, logger });
 * const app = new App({ token, receiver });
 * routes.set('/slack/events', receiver.requestListener);
 * ```
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  private readonly now: () => number;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.now = options.now ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  /** Nothing to start: the shared HTTP server routes requests here. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** The request handler for `/slack/events`; never throws, never rejects. */
  readonly requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error: unknown) => {
      this.options.logger.error({ err: error }, 'slack request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const log = this.options.logger;
    const rawBody = await readBody(req);
    if (isSslCheck(rawBody, slackContentType(req.headers['content-type']))) {
      res.writeHead(200).end();
      return;
    }
    const checked = checkSlackRequest(req.headers, rawBody, this.options.signingSecret, this.now());
    if ('status' in checked) {
      log.warn({ status: checked.status, reason: checked.reason }, 'slack request refused');
      res.writeHead(checked.status).end();
      return;
    }
    const body = parseSlackBody(rawBody, checked.contentType);
    if (!body) {
      log.warn({ status: 400 }, 'slack request refused: the body is not an object');
      res.writeHead(400).end();
      return;
    }
    if (body.type === 'url_verification') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ challenge: String(body.challenge ?? '') }));
      return;
    }

    let acked = false;
    const ack = async (response?: unknown): Promise<void> => {
      if (acked || res.headersSent) return;
      acked = true;
      if (response === undefined || response === '') res.writeHead(200).end();
      else if (typeof response === 'string') res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(response);
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(response));
    };
    const event: ReceiverEvent = { body, ack, retryNum: retryNumOf(req), retryReason: req.headers['x-slack-retry-reason'] as string | undefined };
    try {
      if (!this.app) throw new Error('the receiver was not given to an App');
      await this.app.processEvent(event);
    } catch (error) {
      if (error instanceof SlackBusyError) {
        // Slack re-sends an event it did not get a 2xx for (after about a minute, then five).
        if (!res.headersSent) res.writeHead(503, { 'retry-after': '60' }).end();
        return;
      }
      log.error({ err: error }, 'slack request could not be handled');
      if (!res.headersSent) res.writeHead(500).end();
      return;
    }
    // Nobody claimed the request (no listener for it): Slack needs no more than a 200.
    await ack();
  }
}
