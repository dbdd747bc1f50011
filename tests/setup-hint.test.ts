import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { Api } from 'grammy';
import { describe, expect, it } from 'vitest';
import { explainStartFailure } from '../src/setup-hint.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('start failures explained to the operator', () => {
  it('an unreachable Bot API names the network and TELEGRAM_API_ROOT', async () => {
    const port = await closedPort();
    const error = await rejection(new Api('123456:TEST-aaaaaaaaaaaaaaaaaaaaaaaaaaaaa', { apiRoot: `http://127.0.0.1:${port}` }).getMe());
    expect(explainStartFailure('telegram', error, { socketMode: false })).toMatch(
      /cannot reach the Telegram Bot API \(ECONNREFUSED\).*TELEGRAM_API_ROOT/,
    );
  });

  it('an unreachable Slack API names SLACK_API_URL', async () => {
    const port = await closedPort();
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: `http://127.0.0.1:${port}/api/`, retryConfig: { retries: 0 } });
    const error = await rejection(client.auth.test());
    expect(explainStartFailure('slack', error, { socketMode: false })).toMatch(/cannot reach the Slack API \(ECONNREFUSED\).*SLACK_API_URL/);
  });

  it('in Socket Mode a refused token names both Slack tokens', () => {
    const refused = Object.assign(new Error('An API error occurred: invalid_auth'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'invalid_auth' },
    });
    const wrapped = new Error('Slack did not start', { cause: refused });
    expect(explainStartFailure('slack', wrapped, { socketMode: true })).toMatch(/SLACK_BOT_TOKEN.*SLACK_APP_TOKEN/);
  });

  it('says nothing it does not know', () => {
    expect(explainStartFailure('telegram', new Error('something else'), { socketMode: false })).toBeUndefined();
    expect(explainStartFailure('slack', undefined, { socketMode: false })).toBeUndefined();
  });
});
