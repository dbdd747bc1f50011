import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../../src/assistant.js';
import { realAssistant } from '../../support/assistant.js';
import {
  commandForm,
  eventEnvelope,
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FORM,
  interactionForm,
  postSigned,
  type RecordedCall,
} from '../../support/fake-slack.js';
import { say } from '../../support/say.js';
import { type SlackHarness, startSlackHarness } from './harness.js';

let assistant: Assistant;
let harness: SlackHarness;
let tsCounter = 0;
/** A fresh Slack timestamp, so that every test has its own threads and conversations. */
const ts = () => `1700000000.${String(++tsCounter).padStart(6, '0')}`;

beforeAll(() => {
  assistant = realAssistant();
});
afterEach(async () => {
  await harness?.close();
});

const dm = (channel: string, text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  channel_type: 'im',
  channel,
  user: 'UANA',
  text,
  ts: ts(),
  ...extra,
});

const sendEvent = (event: Record<string, unknown>, eventId?: string, retryNum?: number) =>
  postSigned(harness.eventsUrl, eventEnvelope(event, eventId), retryNum === undefined ? {} : { retryNum });

const postsTo = (channel: string) => (call: RecordedCall) => call.method === 'chat.postMessage' && call.args.channel === channel;

/** Block Kit buttons in a recorded message, in order. */
const buttonsOf = (call: RecordedCall) =>
  ((call.args.blocks ?? []) as Array<{ type: string; elements?: Array<{ type: string; action_id: string; value: string }> }>)
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? [])
    .filter((element) => element.type === 'button');

/**
 * Sends a normal DM, waits for its answer and stops the channel, which waits for
 * everything in flight: after that, whatever was not answered never will be.
 */
async function settle(): Promise<void> {
  await sendEvent(dm('DCONTROL', 'Hallo'));
  await harness.fake.waitFor(postsTo('DCONTROL'));
  await harness.channel.stop();
}

describe('Slack adapter in HTTP mode (real Bolt, fake Slack on 127.0.0.1)', () => {
  describe('request signatures', () => {
    it('rejects a bad signature with 401 and answers nothing', async () => {
      harness = await startSlackHarness(assistant);
      const response = await postSigned(harness.eventsUrl, eventEnvelope(dm('DSIG', 'Hallo')), { signature: 'v0=deadbeef' });
      expect(response.status).toBe(401);
      const forged = await postSigned(harness.eventsUrl, eventEnvelope(dm('DSIG', 'Hallo')), { secret: 'someone-elses-secret' });
      expect(forged.status).toBe(401);
      await settle();
      expect(harness.fake.calls.filter(postsTo('DSIG'))).toHaveLength(0);
    });

    it('rejects a correctly signed request older than five minutes with 401', async () => {
      harness = await startSlackHarness(assistant);
      const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
      const response = await postSigned(harness.eventsUrl, eventEnvelope(dm('DOLD', 'Hallo')), { timestamp: sixMinutesAgo });
      expect(response.status).toBe(401);
      await settle();
      expect(harness.fake.calls.filter(postsTo('DOLD'))).toHaveLength(0);
    });

    it('only takes POST on /slack/events', async () => {
      harness = await startSlackHarness(assistant);
      const response = await fetch(harness.eventsUrl);
      expect(response.status).toBe(405);
    });
  });

  describe('answers', () => {
    it('answers a channel mention in the thread of that mention, without the mention', async () => {
      harness = await startSlackHarness(assistant);
      const mentionTs = ts();
      const response = await sendEvent({
        type: 'app_mention',
        channel: 'CMENTION',
        user: 'UANA',
        text: `<@${FAKE_BOT_USER_ID}> Wie ist die Telefonnummer?`,
        ts: mentionTs,
      });
      expect(response.status).toBe(200);
      const answer = await harness.fake.waitFor(postsTo('CMENTION'));
      expect(answer.args.thread_ts).toBe(mentionTs);
      expect(answer.args.text).toEqual(expect.any(String));
      expect(JSON.stringify(answer.args)).not.toContain(FAKE_BOT_USER_ID);
      expect(JSON.stringify(answer.args)).toContain('0451 122 2029');
    });

    it('answers a direct message in the DM, from the knowledge', async () => {
      harness = await startSlackHarness(assistant);
      await sendEvent(dm('DPHONE', 'Wie ist die Telefonnummer?'));
      const answer = await harness.fake.waitFor(postsTo('DPHONE'));
      expect(answer.args.thread_ts).toBeUndefined();
      expect(String(answer.args.text)).toContain('0451 122 2029');
      expect(answer.args.text).toContain('0451 122 2029');
    });

    it('answers a direct message written in a thread in that thread', async () => {
      harness = await startSlackHarness(assistant);
      const threadTs = ts();
      await sendEvent(dm('DTHREAD', 'Wer ist Ansprechpartner?', { thread_ts: threadTs }));
      const answer = await harness.fake.waitFor(postsTo('DTHREAD'));
      expect(answer.args.thread_ts).toBe(threadTs);
    });

    it('acks the slash command at once and answers ephemerally through response_url', async () => {
      harness = await startSlackHarness(assistant);
      const responseUrl = harness.fake.responseUrl();
      const response = await postSigned(
        harness.eventsUrl,
        commandForm({ text: 'Wie ist die Telefonnummer?', channel_id: 'CCMD', user_id: 'UANA', response_url: responseUrl }),
        { contentType: FORM },
      );
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
      const answer = await harness.fake.waitFor((call) => call.method === 'response_url');
      expect(answer.args.response_type).toBe('ephemeral');
      expect(JSON.stringify(answer.args)).toContain('0451 122 2029');
      expect(harness.fake.callsOf('chat.postMessage')).toHaveLength(0);
    });

    it('shows the help for an empty slash command', async () => {
      harness = await startSlackHarness(assistant);
      const help = assistant.respond({ channel: 'slack', conversationId: 'slack:test-help', text: '/help' });
      const response = await postSigned(
        harness.eventsUrl,
        commandForm({ text: '  ', channel_id: 'CHELP', user_id: 'UANA', response_url: harness.fake.responseUrl() }),
        { contentType: FORM },
      );
      expect(response.status).toBe(200);
      const answer = await harness.fake.waitFor((call) => call.method === 'response_url');
      const firstLine = help.text.trim().split('\n')[0] ?? '';
      expect(String(answer.args.text)).toContain(firstLine.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    });

    it('answers a suggestion button in the thread it was shown in', async () => {
      harness = await startSlackHarness(assistant);
      const mentionTs = ts();
      await sendEvent({
        type: 'app_mention',
        channel: 'CBUTTON',
        user: 'UANA',
        text: `<@${FAKE_BOT_USER_ID}> Quantenschaum Xylophon?`,
        ts: mentionTs,
      });
      const first = await harness.fake.waitFor(postsTo('CBUTTON'));
      const [button] = buttonsOf(first);
      expect(button, 'the "did you mean" answer offers suggestion buttons').toBeDefined();
      if (!button) return;
      const replyTs = ts();
      const response = await postSigned(
        harness.eventsUrl,
        interactionForm({
          type: 'block_actions',
          user: { id: 'UANA' },
          channel: { id: 'CBUTTON' },
          container: { type: 'message', message_ts: replyTs, channel_id: 'CBUTTON', is_ephemeral: false, thread_ts: mentionTs },
          message: { type: 'message', ts: replyTs, thread_ts: mentionTs, bot_id: FAKE_BOT_ID, text: 'x' },
          response_url: harness.fake.responseUrl(),
          actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: ts() }],
        }),
        { contentType: FORM },
      );
      expect(response.status).toBe(200);
      const second = await harness.fake.waitFor((call) => postsTo('CBUTTON')(call) && call !== first);
      expect(second.args.thread_ts).toBe(mentionTs);
    });

    it('answers a button on an ephemeral answer through that answer’s response_url', async () => {
      harness = await startSlackHarness(assistant);
      await postSigned(
        harness.eventsUrl,
        commandForm({ text: 'Quantenschaum Xylophon?', channel_id: 'CEPH', user_id: 'UANA', response_url: harness.fake.responseUrl() }),
        { contentType: FORM },
      );
      const first = await harness.fake.waitFor((call) => call.method === 'response_url');
      const [button] = buttonsOf(first);
      expect(button, 'the "did you mean" answer offers suggestion buttons').toBeDefined();
      if (!button) return;
      const buttonResponseUrl = harness.fake.responseUrl();
      await postSigned(
        harness.eventsUrl,
        interactionForm({
          type: 'block_actions',
          user: { id: 'UANA' },
          channel: { id: 'CEPH' },
          container: { type: 'message', message_ts: ts(), channel_id: 'CEPH', is_ephemeral: true },
          response_url: buttonResponseUrl,
          actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: ts() }],
        }),
        { contentType: FORM },
      );
      const second = await harness.fake.waitFor((call) => call.method === 'response_url' && call !== first);
      expect(buttonResponseUrl.endsWith(`/${second.responseUrlId}`)).toBe(true);
      expect(second.args.response_type).toBe('ephemeral');
      expect(second.args.replace_original).toBe(false);
    });

    it('publishes the App Home view when the home tab is opened', async () => {
      harness = await startSlackHarness(assistant);
      await sendEvent({ type: 'app_home_opened', user: 'UANA', channel: 'DHOME', tab: 'home', event_ts: ts() });
      const publish = await harness.fake.waitFor((call) => call.method === 'views.publish');
      expect(publish.args.user_id).toBe('UANA');
      const view = publish.args.view as { type: string; blocks: unknown[] };
      expect(view.type).toBe('home');
      expect(JSON.stringify(view.blocks)).toContain('0451 122 2029');
    });
  });

  describe('never twice, never a loop', () => {
    it('answers a retried event once, also when the retries race', async () => {
      harness = await startSlackHarness(assistant);
      const event = dm('DRETRY', 'Wer ist Ansprechpartner?');
      expect((await sendEvent(event, 'EvRETRY1')).status).toBe(200);
      await harness.fake.waitFor(postsTo('DRETRY'));
      expect((await sendEvent(event, 'EvRETRY1', 1)).status).toBe(200);
      const racing = dm('DRACE', 'Wer ist Ansprechpartner?');
      const statuses = await Promise.all([0, 1, 2, 3].map((retry) => sendEvent(racing, 'EvRACE1', retry || undefined)));
      expect(statuses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
      await settle();
      expect(harness.fake.calls.filter(postsTo('DRETRY'))).toHaveLength(1);
      expect(harness.fake.calls.filter(postsTo('DRACE'))).toHaveLength(1);
    });

    it('does not answer its own messages, other bots, edits or deletions', async () => {
      harness = await startSlackHarness(assistant);
      await sendEvent(dm('DLOOP', 'echo: Hallo', { user: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID }));
      await sendEvent(dm('DLOOP', 'Ich bin ein anderer Bot', { subtype: 'bot_message', bot_id: 'BOTHER', user: undefined }));
      await sendEvent(dm('DLOOP', '', { subtype: 'message_changed', message: { text: 'Hallo?' }, user: undefined }));
      await sendEvent(dm('DLOOP', '', { subtype: 'message_deleted', user: undefined }));
      await settle();
      expect(harness.fake.calls.filter(postsTo('DLOOP'))).toHaveLength(0);
    });

    it('escapes hostile text so it can neither inject markup nor ping a channel', async () => {
      harness = await startSlackHarness(assistant);
      // How Slack delivers "<script>alert(1)</script> & @channel": entities escaped, the ping as a token.
      await sendEvent(dm('DHOSTILE', '&lt;script&gt;alert(1)&lt;/script&gt; &amp; <!channel> <!here>'));
      const answer = await harness.fake.waitFor(postsTo('DHOSTILE'));
      const sent = JSON.stringify(answer.args);
      expect(sent).not.toMatch(/<script|<\/script|<!channel>|<!here>|<!everyone>/);
      expect(sent).not.toMatch(/&(?!amp;|lt;|gt;)/);
    });

    it('logs a fault in the core and still apologises in the same place', async () => {
      const broken: Assistant = {
        say,
        respond() {
          throw new Error('the core broke');
        },
      };
      harness = await startSlackHarness(broken);
      const threadTs = ts();
      await sendEvent({ type: 'app_mention', channel: 'CBROKEN', user: 'UANA', text: `<@${FAKE_BOT_USER_ID}> Hallo`, ts: threadTs });
      const apology = await harness.fake.waitFor(postsTo('CBROKEN'));
      expect(apology.args.thread_ts).toBe(threadTs);
      expect(apology.args.text).toContain('Entschuldigung');
    });
  });
});
