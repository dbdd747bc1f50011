import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../../src/assistant.js';
import { realAssistant } from '../../support/assistant.js';
import { eventEnvelope, FAKE_BOT_USER_ID, FORM, interactionForm, postSigned, type RecordedCall } from '../../support/fake-slack.js';
import { say } from '../../support/say.js';
import { type SlackHarness, startSlackHarness } from './harness.js';

/** What a network member meets in Slack: follow-ups in threads, the contact once, the App Home in their language. */

let assistant: Assistant;
let harness: SlackHarness;
let tsCounter = 0;
const ts = () => `1700000200.${String(++tsCounter).padStart(6, '0')}`;

beforeAll(() => {
  assistant = realAssistant();
});
afterEach(async () => {
  await harness?.close();
});

const send = (event: Record<string, unknown>) => postSigned(harness.eventsUrl, eventEnvelope(event));
const postsTo = (channel: string) => (call: RecordedCall) => call.method === 'chat.postMessage' && call.args.channel === channel;
/** What the message shows: its blocks, or its mrkdwn text when it has none (the text is only the notification otherwise). */
const shown = (call: RecordedCall) => (call.args.blocks ? JSON.stringify(call.args.blocks) : String(call.args.text));

/** Sends a DM, waits for its answer and stops the channel, which waits for everything in flight. */
async function settle(): Promise<void> {
  await send({ type: 'message', channel_type: 'im', channel: 'DCONTROL', user: 'UANA', text: 'Hallo', ts: ts() });
  await harness.fake.waitFor(postsTo('DCONTROL'));
  await harness.channel.stop();
}

/** A mention that opens a thread in `channel`, and the bot's answer there. */
async function mention(channel: string, text: string): Promise<{ threadTs: string; answer: RecordedCall }> {
  const threadTs = ts();
  await send({ type: 'app_mention', channel, user: 'UANA', text: `<@${FAKE_BOT_USER_ID}> ${text}`, ts: threadTs });
  return { threadTs, answer: await harness.fake.waitFor(postsTo(channel)) };
}

describe('threads the bot takes part in', () => {
  it('answers a follow-up in the thread without a new mention, with the thread’s context', async () => {
    harness = await startSlackHarness(assistant);
    const { threadTs, answer } = await mention('CFOLLOW', 'Wer ist Ansprechpartner?');
    await send({
      type: 'message',
      channel_type: 'channel',
      channel: 'CFOLLOW',
      user: 'UBEN',
      text: 'und die E-Mail?',
      ts: ts(),
      thread_ts: threadTs,
    });
    const followUp = await harness.fake.waitFor((call) => postsTo('CFOLLOW')(call) && call !== answer);
    expect(followUp.args.thread_ts).toBe(threadTs);
    expect(shown(followUp)).toContain('ehrenamt@luebeck.de');
  });

  it('leaves other threads and plain channel messages alone, and answers a mention in its thread once', async () => {
    harness = await startSlackHarness(assistant);
    const { threadTs } = await mention('CQUIET', 'Hallo');
    await send({ type: 'message', channel_type: 'channel', channel: 'CQUIET', user: 'UBEN', text: 'Wer ist Ansprechpartner?', ts: ts() });
    const otherThread = ts();
    await send({ type: 'message', channel_type: 'channel', channel: 'CQUIET', user: 'UBEN', text: 'Kontakt?', ts: ts(), thread_ts: otherThread });
    // Slack sends a mention in a thread twice: as app_mention and as a message.
    const replyTs = ts();
    const text = `<@${FAKE_BOT_USER_ID}> Kontakt?`;
    await send({ type: 'app_mention', channel: 'CQUIET', user: 'UBEN', text, ts: replyTs, thread_ts: threadTs });
    await send({ type: 'message', channel_type: 'channel', channel: 'CQUIET', user: 'UBEN', text, ts: replyTs, thread_ts: threadTs });
    await settle();
    const answers = harness.fake.calls.filter(postsTo('CQUIET'));
    expect(answers).toHaveLength(2);
    expect(answers.every((call) => call.args.thread_ts === threadTs)).toBe(true);
  });
});

describe('answers', () => {
  it('show the contact once, with tappable tel: and mailto: links', async () => {
    harness = await startSlackHarness(assistant);
    const { answer } = await mention('CCONTACT', 'Wer ist Ansprechpartner?');
    const blocks = shown(answer);
    expect(blocks.match(/0451 122 2029/g)).toHaveLength(1);
    expect(blocks.match(/ehrenamt@luebeck\.de\|/g)).toHaveLength(1);
    expect(blocks).toContain('<tel:04511222029|0451 122 2029>');
    expect(blocks).toContain('<mailto:ehrenamt@luebeck.de|ehrenamt@luebeck.de>');
  });

  it('apologise in the catalogue’s words when the core fails', async () => {
    harness = await startSlackHarness({
      say,
      respond() {
        throw new Error('the core broke');
      },
    });
    const { answer } = await mention('CSORRY', 'Hallo');
    expect(answer.args.text).toBe(say('de', 'slack-apology'));
  });
});

describe('App Home', () => {
  it('is published in the user’s language, with topic buttons that answer in the DM', async () => {
    harness = await startSlackHarness(assistant);
    harness.fake.userLocales.set('UENG', 'en-GB');
    await send({ type: 'app_home_opened', user: 'UENG', channel: 'DENG', tab: 'home', event_ts: ts() });
    const publish = await harness.fake.waitFor((call) => call.method === 'views.publish');
    const view = publish.args.view as {
      blocks: Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>;
      private_metadata?: string;
    };
    expect(JSON.stringify(view)).toContain(say('en', 'slack-home-topics'));
    expect(view.private_metadata).toBe('DENG');
    const button = view.blocks.find((block) => block.type === 'actions')?.elements?.at(-1);
    expect(button).toBeDefined();
    if (!button) return;

    const press = interactionForm({
      type: 'block_actions',
      user: { id: 'UENG' },
      container: { type: 'view', view_id: 'VFAKEVIEW' },
      view: { id: 'VFAKEVIEW', type: 'home', private_metadata: view.private_metadata },
      actions: [{ type: 'button', action_id: button.action_id, value: button.value, action_ts: ts() }],
    });
    expect((await postSigned(harness.eventsUrl, press, { contentType: FORM })).status).toBe(200);
    const answer = await harness.fake.waitFor(postsTo('DENG'));
    expect(answer.args.thread_ts).toBeUndefined();
    expect(shown(answer)).toContain('0451 122 2029');
  });

  it('is German when Slack does not tell the language', async () => {
    harness = await startSlackHarness(assistant);
    harness.fake.failures['users.info'] = 'missing_scope';
    await send({ type: 'app_home_opened', user: 'UANA', channel: 'DANA', tab: 'home', event_ts: ts() });
    const publish = await harness.fake.waitFor((call) => call.method === 'views.publish');
    expect(JSON.stringify(publish.args.view)).toContain(say('de', 'slack-home-topics'));
  });
});
