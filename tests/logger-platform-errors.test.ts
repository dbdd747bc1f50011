import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, scrubPlatformIds, serializeError } from '../src/logger.js';
import { captureLogs } from './support/log-capture.js';

// Real grammY and Slack Web API errors, from a server on 127.0.0.1 that says no.
const TOKEN = '123456:TEST-fake-token-for-tests-only-aaaaaaaaa';
const CHAT_ID = 4_815_162_342;
const SLACK_USER = 'U0SECRET42';
const TEXT = 'Meine Adresse ist Geheimweg 7';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.endsWith('/sendMessage')) {
        res.statusCode = 403;
        res.end(JSON.stringify({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }));
      } else {
        res.end(JSON.stringify({ ok: false, error: 'channel_not_found' }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function logged(level: 'info' | 'debug', error: unknown): string {
  const out = captureLogs();
  const logger = createLogger({ level, pretty: false, destination: out });
  logger.warn({ err: error }, 'send failed');
  logger.error({ error }, 'send failed (error key)');
  return out.text();
}

describe('platform errors in logs', () => {
  it('grammY: keeps method, error code and description; drops the payload with chat id and text', async () => {
    const error = await rejection(new Api(TOKEN, { apiRoot: base }).sendMessage(CHAT_ID, TEXT));
    expect(error).toHaveProperty('payload.chat_id', CHAT_ID); // the library does carry it
    for (const level of ['info', 'debug'] as const) {
      const text = logged(level, error);
      expect(text).not.toContain(String(CHAT_ID));
      expect(text).not.toContain('Geheimweg');
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('"stack"');
    }
    expect(serializeError(error)).toMatchObject({
      type: 'GrammyError',
      method: 'sendMessage',
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
  });

  it('grammY: a network failure keeps the system error code and no stack', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await rejection(new Api(TOKEN, { apiRoot: `http://127.0.0.1:${port}` }).sendMessage(CHAT_ID, TEXT));
    const serialized = serializeError(error);
    expect(serialized).toMatchObject({ type: 'HttpError' });
    expect(JSON.stringify(serialized)).toMatch(/ECONNREFUSED/);
    expect(JSON.stringify(serialized)).not.toContain(String(CHAT_ID));
    expect(serialized.stack).toBeUndefined();
  });

  it('Slack: keeps the code and the API error; drops the request with user id and text', async () => {
    const client = new webApi.WebClient('xoxb-test-not-a-real-token', { slackApiUrl: `${base}/api/`, retryConfig: { retries: 0 } });
    const error = await rejection(client.chat.postMessage({ channel: SLACK_USER, text: TEXT }));
    for (const level of ['info', 'debug'] as const) {
      const text = logged(level, error);
      expect(text).not.toContain(SLACK_USER);
      expect(text).not.toContain('Geheimweg');
    }
    expect(serializeError(error)).toMatchObject({ code: 'slack_webapi_platform_error', error: 'channel_not_found' });
  });

  it('a fault in our own code keeps its stack; nested causes and aggregate errors are serialized the same way', () => {
    const inner = Object.assign(new Error(`chat ${CHAT_ID} gone`), { payload: { text: TEXT } });
    const outer = new AggregateError([inner], 'a channel did not stop cleanly', { cause: inner });
    const serialized = serializeError(outer);
    expect(serialized.stack).toContain('AggregateError');
    expect(serialized.errors?.[0]?.message).toBe('chat [id] gone');
    expect(serialized.cause?.message).toBe('chat [id] gone');
    expect(JSON.stringify(serialized)).not.toContain('Geheimweg');
    expect(serializeError('thrown string with U0SECRET42')).toEqual({ type: 'string', message: 'thrown string with [id]' });
    expect(serializeError({ chat_id: CHAT_ID })).toEqual({ type: 'object', message: '[not an Error]' });
  });

  it('ids inside free text are scrubbed, other numbers stay', () => {
    expect(scrubPlatformIds(`chat -100${CHAT_ID} and user ${CHAT_ID}, Slack ${SLACK_USER} in C0123ABCDE`)).toBe(
      'chat [id] and user [id], Slack [id] in [id]',
    );
    expect(scrubPlatformIds('port 3000, ts 1700000000.123456, u_0123456789abcdef, CONNECTION, 2024-05-01')).toBe(
      'port 3000, ts 1700000000.123456, u_0123456789abcdef, CONNECTION, 2024-05-01',
    );
  });

  it('ids at well-known fields (top level and one below) are pseudonymised, also chat ids', () => {
    const out = captureLogs();
    const logger = createLogger({ level: 'debug', pretty: false, destination: out, pseudonymise: (id) => (id ? 'u_0000000000000001' : undefined) });
    logger.debug({ chatId: CHAT_ID, chat: { id: CHAT_ID }, message: { chat_id: CHAT_ID }, user_id: SLACK_USER }, `got ${CHAT_ID}`);
    expect(out.text()).not.toContain(String(CHAT_ID));
    expect(out.text()).not.toContain(SLACK_USER);
    expect(out.records()[0]).toMatchObject({ chatId: 'u_0000000000000001', chat: { id: 'u_0000000000000001' } });
  });
});
