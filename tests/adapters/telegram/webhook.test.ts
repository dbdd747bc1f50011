import type { Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../../adapters/telegram/channel.js';
import { secretMatches } from '../../../adapters/telegram/webhook.js';
import type { Channel } from '../../../src/channel.js';
import { type RunningHttpServer, startHttpServer } from '../../../src/http-server.js';
import { realAssistant } from '../../support/assistant.js';
import { FAKE_TOKEN, FakeTelegram } from '../../support/fake-telegram.js';
import { capturedLogger, type RecordingAssistant, recording, TEST_TIMINGS } from './harness.js';

const SECRET = 'TEST-webhook-secret_0123456789';
const PATH = '/telegram/webhook-test';

let fake: FakeTelegram;
let channel: Channel;
let server: RunningHttpServer;
let assistant: RecordingAssistant;

beforeEach(async () => {
  fake = await FakeTelegram.start();
  assistant = recording(realAssistant());
  const webhook = { url: `https://bot.example.org${PATH}`, path: PATH, secret: SECRET };
  channel = createTelegramChannel({ token: FAKE_TOKEN, apiRoot: fake.apiRoot, webhook }, assistant, capturedLogger().logger, TEST_TIMINGS);
  server = await startHttpServer(channel.routes, { host: '127.0.0.1', port: 0 });
  await channel.start();
});

afterEach(async () => {
  await channel.stop();
  await server.close();
  await fake.close();
});

function post(update: Update, secret: string | null = SECRET): Promise<Response> {
  return fetch(`http://127.0.0.1:${server.port}${PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
    body: JSON.stringify(update),
  });
}

describe('Telegram channel in webhook mode', () => {
  it('registers the webhook with its secret and does not poll', () => {
    expect(fake.callsOf('setWebhook')[0]?.payload).toMatchObject({ url: `https://bot.example.org${PATH}`, secret_token: SECRET });
    expect(fake.callsOf('getUpdates')).toEqual([]);
    expect([...channel.routes.keys()]).toEqual([PATH]);
  });

  it('refuses a wrong or missing secret with 401', async () => {
    expect((await post(fake.updates.text(501, 'Hallo'), 'wrong-secret')).status).toBe(401);
    expect((await post(fake.updates.text(501, 'Hallo'), null)).status).toBe(401);
    expect((await post(fake.updates.text(501, 'Hallo'), `${SECRET}x`)).status).toBe(401);
    expect(assistant.received).toEqual([]);
  });

  it('answers an update with the right secret', async () => {
    const response = await post(fake.updates.text(502, 'Wie ist die Telefonnummer?'));
    expect(response.status).toBe(200);
    const answer = await fake.waitFor(
      () => fake.sentMessages(502).find((call) => call.visibleText?.includes('0451 122 2029')),
      'an answer with the phone number',
    );
    expect(answer).toBeDefined();
  });

  it('answers an update Telegram delivers twice only once', async () => {
    const update = fake.updates.text(503, 'Hallo');
    const statuses = await Promise.all([post(update), post(update)]).then((rs) => rs.map((r) => r.status));
    expect(statuses).toEqual([200, 200]);
    expect((await post(update)).status).toBe(200);
    // One chat is handled in order: once a later update is answered, the re-sends have been seen.
    expect((await post(fake.updates.text(503, 'Danke'))).status).toBe(200);
    await fake.waitFor(() => assistant.received.length === 2 && fake.sentMessages(503).length >= 2, 'two answers');
    expect(assistant.received.map((m) => m.text)).toEqual(['Hallo', 'Danke']);
  });

  it('rejects requests that are not updates', async () => {
    const get = await fetch(`http://127.0.0.1:${server.port}${PATH}`);
    expect(get.status).toBe(405);
    const junk = await fetch(`http://127.0.0.1:${server.port}${PATH}`, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
      body: '{"no":"update"}',
    });
    expect(junk.status).toBe(400);
  });

  it('takes any update with an update_id, however broken the rest, and never answers 500', async () => {
    const broken = [
      { message: null },
      { message: { chat: 'x' } },
      { callback_query: [] },
      { edited_message: { chat: { id: 505 }, text: 7 } },
      { poll: {} },
    ];
    for (const content of broken) expect((await post(fake.updates.raw(content))).status).toBe(200);
    const junk = await Promise.all(
      ['null', '[1]', '{"update_id":"7"}', '{"update_id":1.5}', '{'].map(async (body) => {
        const response = await fetch(`http://127.0.0.1:${server.port}${PATH}`, {
          method: 'POST',
          headers: { 'x-telegram-bot-api-secret-token': SECRET },
          body,
        });
        return response.status;
      }),
    );
    expect(junk).toEqual([400, 400, 400, 400, 400]);
    // And the bot goes on answering.
    expect((await post(fake.updates.text(505, 'Hallo'))).status).toBe(200);
    await fake.waitFor(() => fake.sentMessages(505)[0], 'the answer after the broken updates');
    expect(assistant.received.map((m) => m.text)).toEqual(['Hallo']);
  });

  it('answers 200 once the update is recorded, without waiting for the answer', async () => {
    fake.failNext('sendMessage', { status: 'hang' });
    const response = await post(fake.updates.text(506, 'Hallo'));
    expect(response.status).toBe(200);
    expect(fake.sentMessages(506)).toEqual([]);
  });

  it('asks Telegram to deliver again later (503) once stopped', async () => {
    await channel.stop();
    expect((await post(fake.updates.text(504, 'Hallo'))).status).toBe(503);
    expect(assistant.received).toEqual([]);
  });
});

describe('secretMatches', () => {
  it('accepts only the exact secret', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(SECRET.slice(0, -1), SECRET)).toBe(false);
    expect(secretMatches('', SECRET)).toBe(false);
    expect(secretMatches(undefined, SECRET)).toBe(false);
    expect(secretMatches([SECRET, SECRET], SECRET)).toBe(false);
  });
});
