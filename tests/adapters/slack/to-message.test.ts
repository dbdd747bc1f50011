import { describe, expect, it } from 'vitest';
import {
  responseUrlOn,
  type TranslationContext,
  translateAction,
  translateBody,
  translateCommand,
  translateEvent,
} from '../../../adapters/slack/to-message.js';

const BOT = 'UBOT';
const HOOKS = 'https://hooks.slack.com';
const ctx: TranslationContext = { botUserId: BOT, acceptsResponseUrl: responseUrlOn(HOOKS) };
/** A context in which the bot takes part in thread 1.1 of channel C1. */
const inThread: TranslationContext = { ...ctx, isBotThread: (channel, threadTs) => channel === 'C1' && threadTs === '1.1' };

describe('translateEvent', () => {
  it('turns a mention into a question in the thread of the mention, without the mention', () => {
    const result = translateEvent({ type: 'app_mention', channel: 'C1', user: 'U1', text: `<@${BOT}> Wer ist Ansprechpartner?`, ts: '1.1' }, ctx);
    expect(result).toMatchObject({
      answer: true,
      message: { channel: 'slack', conversationId: 'slack:C1:1.1', userId: 'U1', text: 'Wer ist Ansprechpartner?' },
      target: { kind: 'post', channel: 'C1', threadTs: '1.1' },
    });
  });

  it('keeps a mention inside a thread in that thread', () => {
    const result = translateEvent({ type: 'app_mention', channel: 'C1', user: 'U1', text: `<@${BOT}> hi`, ts: '2.2', thread_ts: '1.1' }, ctx);
    expect(result).toMatchObject({ message: { conversationId: 'slack:C1:1.1' }, target: { threadTs: '1.1' } });
  });

  it('strips a leading mention even before the bot knows its own id', () => {
    const result = translateEvent({ type: 'app_mention', channel: 'C1', user: 'U1', text: '<@UOTHER|bot> Kontakt', ts: '1.1' });
    expect(result).toMatchObject({ message: { text: 'Kontakt' } });
  });

  it('answers a top-level DM in the DM and a DM thread in the thread', () => {
    expect(translateEvent({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'Hallo', ts: '3.3' }, ctx)).toMatchObject({
      message: { conversationId: 'slack:D1' },
      target: { kind: 'post', channel: 'D1' },
    });
    const threaded = translateEvent(
      { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'Hallo', ts: '4.4', thread_ts: '3.3' },
      ctx,
    );
    expect(threaded).toMatchObject({ message: { conversationId: 'slack:D1:3.3' }, target: { threadTs: '3.3' } });
  });

  it('asks for the help when only the mention was sent', () => {
    expect(translateEvent({ type: 'app_mention', channel: 'C1', user: 'U1', text: `<@${BOT}>`, ts: '1.1' }, ctx)).toMatchObject({
      message: { text: '/help' },
    });
  });

  it('hands the core the text the user typed, not Slack’s wire format', () => {
    const result = translateEvent(
      {
        type: 'message',
        channel_type: 'im',
        channel: 'D1',
        user: 'U1',
        ts: '1.1',
        text: '&lt;b&gt; &amp; <!channel> <@U2|ana> <#C9|allgemein> <https://x.de|x.de>',
      },
      ctx,
    );
    expect(result).toMatchObject({ message: { text: '<b> & @channel @ana #allgemein x.de' } });
  });

  it.each([
    ['the bot itself', { user: BOT }],
    ['another bot', { bot_id: 'B2' }],
    ['a bot_message', { subtype: 'bot_message' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a deletion', { subtype: 'message_deleted' }],
    ['a channel message outside a thread', { channel_type: 'channel', channel: 'C1' }],
    ['a group DM message', { channel_type: 'mpim', channel: 'G1' }],
    ['a text that is not a string but a user that is a number', { user: 42 }],
  ])('skips %s', (_name, override) => {
    const event = { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'Hallo', ts: '1.1', ...override };
    expect(translateEvent(event, ctx).answer).toBe(false);
  });

  it('answers a reply in a thread the bot takes part in, without a mention, in that thread', () => {
    const reply = {
      type: 'message',
      channel_type: 'channel',
      channel: 'C1',
      user: 'U1',
      text: 'und die Telefonnummer?',
      ts: '1.5',
      thread_ts: '1.1',
    };
    expect(translateEvent(reply, inThread)).toMatchObject({
      answer: true,
      message: { conversationId: 'slack:C1:1.1', text: 'und die Telefonnummer?' },
      target: { kind: 'post', channel: 'C1', threadTs: '1.1', after: '1.5' },
    });
    expect(translateEvent({ ...reply, channel_type: 'group' }, inThread).answer).toBe(true);
  });

  it('leaves threads without the bot, thread parents and replies that mention the bot (app_mention answers those) alone', () => {
    const reply = { type: 'message', channel_type: 'channel', channel: 'C1', user: 'U1', text: 'Hallo', ts: '2.5', thread_ts: '2.2' };
    expect(translateEvent(reply, inThread)).toMatchObject({ answer: false, reason: 'thread without the bot' });
    expect(translateEvent({ ...reply, ts: '1.1', thread_ts: '1.1' }, inThread).answer).toBe(false);
    expect(translateEvent({ ...reply, thread_ts: '1.1', text: `<@${BOT}> Hallo` }, inThread)).toMatchObject({ answer: false });
    expect(translateEvent({ ...reply, thread_ts: '1.1' }, ctx).answer).toBe(false);
  });

  it('does not answer a mention in a DM twice: the DM message answers it', () => {
    expect(translateEvent({ type: 'app_mention', channel: 'D1', user: 'U1', text: `<@${BOT}> hi`, ts: '1.1' }, ctx).answer).toBe(false);
  });

  it('hands the core the user’s Slack language as a hint', () => {
    const event = { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'Hallo', ts: '1.1' };
    expect(translateEvent(event, { ...ctx, localeOf: () => 'en' })).toMatchObject({ message: { localeHint: 'en' } });
  });

  it('still answers a message that shares a file', () => {
    const event = { type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'D1', user: 'U1', text: 'Siehe Datei', ts: '1.1' };
    expect(translateEvent(event, ctx).answer).toBe(true);
  });
});

describe('translateCommand', () => {
  it('answers ephemerally through the response_url, context per person and channel', () => {
    const result = translateCommand(
      {
        command: '/engagiert',
        text: 'Kontakt',
        channel_id: 'C1',
        user_id: 'U1',
        response_url: `${HOOKS}/commands/T1/1/x`,
      },
      ctx,
    );
    expect(result).toMatchObject({
      answer: true,
      message: { conversationId: 'slack:C1:U1', text: 'Kontakt', userId: 'U1' },
      target: { kind: 'ephemeral', responseUrl: `${HOOKS}/commands/T1/1/x` },
    });
  });

  it('turns an empty command into the help', () => {
    const command = { command: '/engagiert', text: '  ', channel_id: 'C1', user_id: 'U1', response_url: `${HOOKS}/commands/x` };
    expect(translateCommand(command, ctx)).toMatchObject({ message: { text: '/help' } });
  });

  it.each([
    'http://127.0.0.1:8080/steal',
    'https://hooks.slack.com.evil.example/x',
    'http://hooks.slack.com/commands/x',
    'https://evil.example/?https://hooks.slack.com/',
    'not a url',
  ])('never takes a response_url outside Slack: %s', (responseUrl) => {
    const command = { command: '/engagiert', text: 'Kontakt', channel_id: 'C1', user_id: 'U1', response_url: responseUrl };
    expect(translateCommand(command, ctx)).toMatchObject({ answer: false, reason: 'response_url outside Slack' });
  });
});

describe('translateAction', () => {
  const press = (container: Record<string, unknown>, message?: Record<string, unknown>) => ({
    type: 'block_actions',
    user: { id: 'U1' },
    channel: { id: 'C1' },
    container: { type: 'message', channel_id: 'C1', ...container },
    ...(message ? { message } : {}),
    response_url: `${HOOKS}/actions/r`,
    actions: [{ action_id: 'choice:1', value: 'topic:funding', action_ts: '3.3' }],
  });

  it('answers a button under a threaded answer in that thread, as a choice', () => {
    expect(translateAction(press({}, { ts: '2.2', thread_ts: '1.1' }), ctx)).toMatchObject({
      message: { conversationId: 'slack:C1:1.1', choiceId: 'topic:funding', text: '' },
      target: { kind: 'post', channel: 'C1', threadTs: '1.1', after: '3.3' },
    });
  });

  it('answers a button under a top-level DM answer in the DM', () => {
    expect(translateAction(press({ channel_id: 'D1' }, { ts: '2.2' }), ctx)).toMatchObject({
      message: { conversationId: 'slack:D1' },
      target: { kind: 'post', channel: 'D1' },
    });
  });

  it('answers a button on an ephemeral answer through its response_url, in the command’s context', () => {
    expect(translateAction(press({ is_ephemeral: true }), ctx)).toMatchObject({
      message: { conversationId: 'slack:C1:U1', choiceId: 'topic:funding' },
      target: { kind: 'ephemeral', responseUrl: `${HOOKS}/actions/r` },
    });
    const forged = { ...press({ is_ephemeral: true }), response_url: 'http://127.0.0.1:1/x' };
    expect(translateAction(forged, ctx)).toMatchObject({ answer: false, reason: 'response_url outside Slack' });
  });

  it('answers a button on the App Home in the user’s DM with the bot', () => {
    const home = { ...press({}), container: { type: 'view', view_id: 'V1' }, channel: undefined, view: { type: 'home', private_metadata: 'D42' } };
    expect(translateAction(home, ctx)).toMatchObject({
      message: { conversationId: 'slack:D42', choiceId: 'topic:funding' },
      target: { kind: 'post', channel: 'D42' },
    });
    // Without the DM id (or with something else in the metadata), Slack's DM by user id.
    const bare = { ...home, view: { type: 'home', private_metadata: 'C1; drop table' } };
    expect(translateAction(bare, ctx)).toMatchObject({ target: { kind: 'post', channel: 'U1' } });
    expect(translateAction({ ...home, view: { type: 'modal' } }, ctx).answer).toBe(false);
  });

  it('skips buttons that are not suggestions', () => {
    const other = { ...press({}, { ts: '2.2' }), actions: [{ action_id: 'something_else', value: 'x' }] };
    expect(translateAction(other, ctx).answer).toBe(false);
  });
});

describe('translateBody', () => {
  it('recognises event envelopes, commands and interactions', () => {
    const event = { type: 'app_mention', channel: 'C1', user: 'U1', text: 'x', ts: '1.1' };
    expect(translateBody({ type: 'event_callback', event }, ctx).answer).toBe(true);
    const command = { command: '/engagiert', text: '', channel_id: 'C1', user_id: 'U1', response_url: `${HOOKS}/c` };
    expect(translateBody(command, ctx).answer).toBe(true);
    expect(translateBody({ type: 'view_submission' }, ctx).answer).toBe(false);
    expect(translateBody(undefined, ctx).answer).toBe(false);
  });

  it.each([
    null,
    [],
    'text',
    { type: 'event_callback', event: null },
    { type: 'event_callback', event: 'x' },
    { type: 'event_callback', event: { type: 'message', text: { not: 'a string' }, channel: ['C1'], user: 'U1', ts: 1 } },
    { command: '/engagiert', text: 5, channel_id: null, user_id: 'U1', response_url: {} },
    { type: 'block_actions', actions: 'x', user: null },
    { type: 'block_actions', actions: [null], user: { id: 'U1' } },
  ])('skips odd shapes without throwing: %j', (body) => {
    expect(translateBody(body, ctx).answer).toBe(false);
  });
});
