import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../../src/assistant.js';
import { createLogger, createPseudonymiser } from '../../../src/logger.js';
import { realAssistant } from '../../support/assistant.js';
import { commandForm, eventEnvelope, FAKE_BOT_USER_ID, FORM, interactionForm, postSigned, type RecordedCall } from '../../support/fake-slack.js';
import { captureLogs } from '../../support/log-capture.js';
import { say } from '../../support/say.js';
import { type SlackHarness, startSlackHarness } from './harness.js';

let assistant: Assistant;
let harness: SlackHarness;
let tsCounter = 0;
const ts = () => `1700000300.${String(++tsCounter).padStart(6, '0')}`;

beforeAll(() => {
  assistant = realAssistant();
});
afterEach(async () => {
  await harness?.close();
});

const dm = (channel: string, text: string, user = 'UANA') => ({ type: 'message', channel_type: 'im', channel, user, text, ts: ts() });
const send = (event: Record<string, unknown>, eventId?: string) => postSigned(harness.eventsUrl, eventEnvelope(event, eventId));
async function until(condition: () => boolean, limitMs = 5_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
const postsTo = (channel: string) => (call: RecordedCall) => call.method === 'chat.postMessage' && call.args.channel === channel;

describe('bounded, fair answering', () => {
  it('answers a flood from one DM in order up to its bound, then says once to wait', async () => {
    harness = await startSlackHarness(assistant, { channel: { concurrentAnswers: 1, queuedPerConversation: 3 } });
    harness.fake.delayMs = 50;
    const questions = ['Wer ist Ansprechpartner?', 'Was ist die Engagierte Stadt?', 'Gibt es Förderung?', 'Hallo', 'Kontakt', 'Danke'];
    for (const question of questions) expect((await send(dm('DFLOOD', question))).status).toBe(200);
    await harness.channel.stop();
    const answers = harness.fake.calls.filter(postsTo('DFLOOD')).map((call) => String(call.args.text));
    expect(answers).toHaveLength(4);
    expect(answers.filter((text) => text === say('de', 'slack-busy'))).toHaveLength(1);
    expect(answers[0]).toContain('0451 122 2029');
    // Nothing is left over for a restart: what was not answered was told so.
    expect(harness.storage.intake.countUnfinished({ channel: 'slack' })).toBe(0);
  });

  it('lets another conversation through after at most one answer of a flooding one', async () => {
    harness = await startSlackHarness(assistant, { channel: { concurrentAnswers: 1, queuedPerConversation: 10 } });
    harness.fake.delayMs = 30;
    for (let i = 0; i < 10; i++) await send(dm('DBUSY', `Frage ${i}`));
    await send(dm('DOTHER', 'Wer ist Ansprechpartner?', 'UBEN'));
    await harness.fake.waitFor(postsTo('DOTHER'), 10_000);
    const order = harness.fake.callsOf('chat.postMessage').map((call) => call.args.channel);
    expect(order.indexOf('DOTHER')).toBeLessThanOrEqual(2);
  });

  it('asks Slack to re-send events when too much is queued, and answers the re-sent ones', async () => {
    harness = await startSlackHarness(assistant, { channel: { concurrentAnswers: 1, queuedInTotal: 2 } });
    harness.fake.delayMs = 100;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(dm(`DFULL${i}`, 'Hallo'), `EvFULL${i}`)).status);
    expect(statuses).toEqual([200, 200, 503, 503]);
    await harness.fake.waitFor(postsTo('DFULL1'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Slack's retry of a refused event is a first delivery for the bot.
    const retried = await postSigned(harness.eventsUrl, eventEnvelope(dm('DFULL2', 'Hallo'), 'EvFULL2'), { retryNum: 1 });
    expect(retried.status).toBe(200);
    await harness.fake.waitFor(postsTo('DFULL2'));
  });

  it('answers a slash command that finds no room with a notice in its ack', async () => {
    harness = await startSlackHarness(assistant, { channel: { concurrentAnswers: 1, queuedInTotal: 1 } });
    harness.fake.delayMs = 200;
    await send(dm('DFIRST', 'Hallo'));
    const command = commandForm({ text: 'Kontakt', channel_id: 'CCMD', user_id: 'UANA', response_url: harness.fake.responseUrl() });
    const response = await postSigned(harness.eventsUrl, command, { contentType: FORM });
    expect(await response.json()).toEqual({ response_type: 'ephemeral', text: say('de', 'slack-overloaded') });
  });
});

describe('logs', () => {
  it.each(['info', 'debug'])('hold no Slack ids, no question and no answer text at %s', async (level) => {
    const logs = captureLogs();
    const logger = createLogger({ level, pretty: false, destination: logs, pseudonymise: createPseudonymiser('test-key') });
    harness = await startSlackHarness(assistant, { logger });
    await send(dm('DSECRET1', 'Wie heißt Herr Geheimnisvoll?', 'USECRET1'));
    await harness.fake.waitFor(postsTo('DSECRET1'));
    const threadTs = ts();
    await send({ type: 'app_mention', channel: 'CSECRET2', user: 'USECRET1', text: `<@${FAKE_BOT_USER_ID}> Kontakt`, ts: threadTs });
    await harness.fake.waitFor(postsTo('CSECRET2'));
    const command = commandForm({ text: 'Kontakt', channel_id: 'CSECRET3', user_id: 'USECRET1', response_url: harness.fake.responseUrl() });
    await postSigned(harness.eventsUrl, command, { contentType: FORM });
    await harness.fake.waitFor((call) => call.method === 'response_url');
    await send({ type: 'app_home_opened', user: 'USECRET1', channel: 'DSECRET1', tab: 'home', event_ts: ts() });
    await harness.fake.waitFor((call) => call.method === 'views.publish');
    harness.fake.failures['chat.postMessage'] = 'channel_not_found';
    await send(dm('DSECRET4', 'Hallo', 'USECRET1'));
    await until(() => logs.text().includes('slack apology failed too'));
    const press = interactionForm({
      type: 'block_actions',
      user: { id: 'USECRET1' },
      container: { type: 'message', channel_id: 'CSECRET2', is_ephemeral: false, thread_ts: threadTs },
      actions: [{ type: 'button', action_id: 'choice:0', value: 'c:all', action_ts: ts() }],
    });
    await postSigned(harness.eventsUrl, press, { contentType: FORM });
    await harness.channel.stop();

    const text = logs.text();
    // One summary line with counts at info, a line per answer at debug.
    expect(text).toContain('slack answers sent');
    if (level === 'debug') expect(text).toContain('slack answer sent');
    if (level === 'debug') expect(text).toContain('[payload omitted]');
    expect(text).toContain('channel_not_found');
    for (const secret of ['USECRET1', 'DSECRET1', 'CSECRET2', 'CSECRET3', 'DSECRET4', FAKE_BOT_USER_ID, 'Geheimnisvoll', '0451 122 2029']) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
