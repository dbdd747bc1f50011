import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Update } from 'grammy/types';
import type { HttpHandler } from '../../src/channel.js';
import type { Logger } from '../../src/logger.js';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Updates are a few kilobytes; anything far bigger is not from Telegram. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookOptions {
  /** The `secret_token` given to `setWebhook`; Telegram echoes it in a header. */
  secret: string;
  /** False while starting or stopping: Telegram gets 503 and delivers the update again later. */
  isAccepting(): boolean;
  /** Records the update (synchronously) and queues it for answering; duplicates are dropped there. */
  accept(update: Update): void;
  logger: Logger;
}

/**
 * The HTTP handler for Telegram's webhook. It answers 401 unless the secret header
 * matches (compared in constant time), and 200 as soon as the update is recorded in the
 * intake: from then on the bot owns it, and Telegram need not wait for the answer (nor
 * re-send the update because the answer was slow). Anything that parses as JSON with an
 * integer `update_id` is taken, however broken the rest (it is answered or ignored
 * later, never a 500); other bodies get 400.
 *
 * ```ts
 * routes.set(config.webhook.path, createWebhookHandler({ secret, isAccepting, accept, logger }));
 * ```
 */
export function createWebhookHandler(options: WebhookOptions): HttpHandler {
  return (req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, 'webhook request failed');
      if (!res.headersSent) respond(res, 500, 'internal error');
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return respond(res, 405, 'use POST');
    if (!secretMatches(req.headers[SECRET_HEADER], options.secret)) {
      options.logger.warn('webhook request with a wrong or missing secret token');
      req.resume();
      return respond(res, 401, 'unauthorized');
    }
    const body = await readBody(req);
    if (body === undefined) return respond(res, 413, 'too large');
    const update = parseUpdate(body);
    if (!update) return respond(res, 400, 'not an update');
    if (!options.isAccepting()) return respond(res, 503, 'not ready');
    options.accept(update);
    respond(res, 200, 'ok');
  }
}

/**
 * Compares the header with the secret in constant time. Both sides are hashed first,
 * so neither the content nor the length of the secret leaks through timing.
 */
export function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(header), digest(secret));
}

function parseUpdate(body: string): Update | undefined {
  try {
    const value: unknown = JSON.parse(body);
    const isUpdate =
      typeof value === 'object' && value !== null && !Array.isArray(value) && Number.isSafeInteger((value as { update_id?: unknown }).update_id);
    return isUpdate ? (value as Update) : undefined;
  } catch {
    return undefined;
  }
}

/** The body as text, or undefined once it grows past {@link MAX_BODY_BYTES}. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function respond(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
}
