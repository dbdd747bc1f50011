import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../../src/assistant.js';
import { createLogger } from '../../../src/logger.js';
import { realAssistant } from '../../support/assistant.js';
import {
  commandForm,
  eventEnvelope,
  FAKE_BOT_ID,
  type FakeSlack,
  FORM,
  interactionForm,
  nextTriggerId,
  postSigned,
  type RecordedCall,
  startFakeSlack,
} from '../../support/fake-slack.js';
import { captureLogs } from '../../support/log-capture.js';
import { type SlackHarness, startSlackHarness } from './harness.js';

/**
 * Requests as Slack sends them, and nothing else: each case here was answered,
 * crashed the process or posted somewhere it should not before the Slack adapter
 * checked it itself.
 */

let assistant: Assistant;
let harness: SlackHarness | undefined;
let fake: FakeSlack | undefined;
let dataDir: string | undefined;
let tsCounter = 0;
const ts = () => `1700000100.${String(++tsCounter).padStart(6, '0')}`;

beforeAll(() => {
  assistant = realAssistant();
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await fake?.close();
  fake = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

const dm = (channel: string, text: string) => ({ type: 'message', channel_type: 'im', channel, user: 'UANA', text, ts: ts() });
const postsTo = (channel: string) => (call: RecordedCall) => call.method === 'chat.postMessage' && call.args.channel === channel;

/** A harness on a fake and a data directory that outlive it, so that it can be restarted. */
async function restartable(): Promise<SlackHarness> {
  fake ??= await startFakeSlack();
  dataDir ??= mkdtempSync(join(tmpdir(), 'slack-hardening-'));
  return startSlackHarness(assistant, { fake, dataDir });
}

/** A DM answered proves the process still answers; stopping then waits for everything in flight. */
async function settle(h: SlackHarness): Promise<void> {
  await postSigned(h.eventsUrl, eventEnvelope(dm('DCONTROL', 'Hallo')));
  await h.fake.waitFor(postsTo('DCONTROL'));
  await h.channel.stop();
}

describe('Slack requests as Slack sends them', () => {
  it('answers a signed body of `null` and other odd JSON with 400 and keeps running', async () => {
    harness = await startSlackHarness(assistant);
    for (const body of ['null', '[]', '"text"', '42', 'true', '{"type":', '']) {
      expect((await postSigned(harness.eventsUrl, body)).status, body).toBe(400);
    }
    for (const payload of ['null', '[1]', 'broken']) {
      const form = new URLSearchParams({ payload }).toString();
      expect((await postSigned(harness.eventsUrl, form, { contentType: FORM })).status, payload).toBe(400);
    }
    // Objects of the wrong shape are acknowledged and left alone.
    for (const body of [
      { type: 'event_callback', event: null, event_id: 'EvODD1' },
      { type: 'event_callback' },
      { type: 'block_actions', actions: 7 },
    ]) {
      expect((await postSigned(harness.eventsUrl, JSON.stringify(body))).status).toBeLessThan(500);
    }
    await settle(harness);
    expect(harness.fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('refuses a correctly signed request from more than five minutes in the future', async () => {
    harness = await startSlackHarness(assistant);
    const inSixMinutes = Math.floor(Date.now() / 1000) + 6 * 60;
    const response = await postSigned(harness.eventsUrl, eventEnvelope(dm('DFUTURE', 'Hallo')), { timestamp: inSixMinutes });
    expect(response.status).toBe(401);
    const inFourMinutes = Math.floor(Date.now() / 1000) + 4 * 60;
    expect((await postSigned(harness.eventsUrl, eventEnvelope(dm('DNEAR', 'Hallo')), { timestamp: inFourMinutes })).status).toBe(200);
    await settle(harness);
    expect(harness.fake.calls.filter(postsTo('DFUTURE'))).toHaveLength(0);
    expect(harness.fake.calls.filter(postsTo('DNEAR'))).toHaveLength(1);
  });

  it('takes only the two content types Slack uses', async () => {
    harness = await startSlackHarness(assistant);
    const body = eventEnvelope(dm('DTYPE', 'Hallo'));
    for (const contentType of ['text/plain', 'application/xml', 'multipart/form-data', 'application/jsonp']) {
      expect((await postSigned(harness.eventsUrl, body, { contentType })).status, contentType).toBe(415);
    }
    expect(
      (await postSigned(harness.eventsUrl, eventEnvelope(dm('DTYPE2', 'Hallo')), { contentType: 'application/json; charset=utf-8' })).status,
    ).toBe(200);
    await settle(harness);
    expect(harness.fake.calls.filter(postsTo('DTYPE'))).toHaveLength(0);
    expect(harness.fake.calls.filter(postsTo('DTYPE2'))).toHaveLength(1);
  });

  it('answers a replayed slash command once, also after a restart', async () => {
    harness = await restartable();
    const command = commandForm({
      text: 'Kontakt',
      channel_id: 'CREPLAY',
      user_id: 'UANA',
      response_url: harness.fake.responseUrl(),
      trigger_id: nextTriggerId(),
    });
    expect((await postSigned(harness.eventsUrl, command, { contentType: FORM })).status).toBe(200);
    expect((await postSigned(harness.eventsUrl, command, { contentType: FORM })).status).toBe(200);
    await settle(harness);
    await harness.close();
    harness = await restartable();
    expect((await postSigned(harness.eventsUrl, command, { contentType: FORM })).status).toBe(200);
    await settle(harness);
    expect(harness.fake.callsOf('response_url')).toHaveLength(1);
  });

  it('answers a button press delivered twice once, also after a restart', async () => {
    harness = await restartable();
    const press = interactionForm({
      type: 'block_actions',
      user: { id: 'UANA' },
      channel: { id: 'DPRESS' },
      container: { type: 'message', message_ts: ts(), channel_id: 'DPRESS', is_ephemeral: false },
      message: { type: 'message', ts: ts(), bot_id: FAKE_BOT_ID, text: 'x' },
      trigger_id: nextTriggerId(),
      actions: [{ type: 'button', action_id: 'choice:0', block_id: 'b', value: 'c:all', action_ts: ts() }],
    });
    await Promise.all([postSigned(harness.eventsUrl, press, { contentType: FORM }), postSigned(harness.eventsUrl, press, { contentType: FORM })]);
    await settle(harness);
    await harness.close();
    harness = await restartable();
    await postSigned(harness.eventsUrl, press, { contentType: FORM });
    await settle(harness);
    expect(harness.fake.calls.filter(postsTo('DPRESS'))).toHaveLength(1);
  });

  it('answers a retried event once when the retry comes after a restart', async () => {
    harness = await restartable();
    const event = eventEnvelope(dm('DLATE', 'Wer ist Ansprechpartner?'), 'EvLATE1');
    await postSigned(harness.eventsUrl, event);
    await settle(harness);
    await harness.close();
    harness = await restartable();
    expect((await postSigned(harness.eventsUrl, event, { retryNum: 1 })).status).toBe(200);
    await settle(harness);
    expect(harness.fake.calls.filter(postsTo('DLATE'))).toHaveLength(1);
  });

  it('never posts to a response_url outside Slack, and says so in the log', async () => {
    const hits: string[] = [];
    const elsewhere = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const port = (elsewhere.address() as AddressInfo).port;
    const logs = captureLogs();
    try {
      harness = await startSlackHarness(assistant, { logger: createLogger({ level: 'info', pretty: false, destination: logs }) });
      const forged = commandForm({ text: 'Kontakt', channel_id: 'CFORGED', user_id: 'UANA', response_url: `http://127.0.0.1:${port}/steal` });
      expect((await postSigned(harness.eventsUrl, forged, { contentType: FORM })).status).toBe(200);
      const button = interactionForm({
        type: 'block_actions',
        user: { id: 'UANA' },
        container: { type: 'message', channel_id: 'CFORGED', is_ephemeral: true },
        response_url: `http://127.0.0.1:${port}/steal-too`,
        actions: [{ type: 'button', action_id: 'choice:0', value: 'c:all', action_ts: ts() }],
      });
      expect((await postSigned(harness.eventsUrl, button, { contentType: FORM })).status).toBe(200);
      await settle(harness);
      expect(hits).toEqual([]);
      expect(logs.text()).toContain('response_url outside Slack');
    } finally {
      await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
    }
  });
});
