import { describe, expect, it } from 'vitest';
import { translateAction, translateBody, translateCommand, translateEvent } from '../../../adapters/slack/to-message.js';

const BOT = 'UBOT';

describe('translateEvent', () => {
  it('turns a mention into a question in the thread of the mention, without the mention', () => {
    const result = translateEvent({ type: 'app_mention', channel: 'C1', user: 'U1', text: `<@${BOT}> Wer ist Ansprechpartner?`, ts: '1.1' }, BOT);
    expect(result).toMatchObject({
      answer: true,
      message: { channel: 'slack', conversationId: 'slack:C1:1.1', userId: 'U1', text: 'Wer ist Ansprechpartner?' },
      target: { kind: 'post', channel: 'C1', threadTs: '1.1' },
    });
  });

  it('keeps a mention inside a thread in that thread', () => {
    const result = translateEvent({ type: 'app_mention', channel: 'C1', user: 'U1', text: `<@${BOT}> hi`, ts: '2.2', thread_ts: '1.1' }, BOT);
    expect(result).toMatchObject({ message: { conversationId: 'slack:C1:1.1' }, target: { threadTs: '1.1' } });
  });

  it('strips a leading mention even before the bot knows its own id', () => {
    const result = translateEvent({ type: 'app_mention', channel: 'C1', user: 'U1', text: '<@UOTHER|bot> Kontakt', ts: '1.1' });
    expect(result).toMatchObject({ message: { text: 'Kontakt' } });
  });

  it('answers a top-level DM in the DM and a DM thread in the thread', () => {
    expect(translateEvent({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'Hallo', ts: '3.3' }, BOT)).toMatchObject({
      message: { conversationId: 'slack:D1' },
      target: { kind: 'post', channel: 'D1' },
    });
    const threaded = translateEvent(
      { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'Hallo', ts: '4.4', thread_ts: '3.3' },
      BOT,
    );
    expect(threaded).toMatchObject({ message: { conversationId: 'slack:D1:3.3' }, target: { threadTs: '3.3' } });
  });

  it('asks for the help when only the mention was sent', () => {
    expect(translateEvent({ type: 'app_mention', channel: 'C1', user: 'U1', text: `<@${BOT}>`, ts: '1.1' }, BOT)).toMatchObject({
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
      BOT,
    );
    expect(result).toMatchObject({ message: { text: '<b> & @channel @ana #allgemein x.de' } });
  });

  it.each([
    ['the bot itself', { user: BOT }],
    ['another bot', { bot_id: 'B2' }],
    ['a bot_message', { subtype: 'bot_message' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a deletion', { subtype: 'message_deleted' }],
    ['a channel message that is not a DM', { channel_type: 'channel' }],
  ])('skips %s', (_name, override) => {
    const event = { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'Hallo', ts: '1.1', ...override };
    expect(translateEvent(event, BOT).answer).toBe(false);
  });

  it('still answers a message that shares a file', () => {
    const event = { type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'D1', user: 'U1', text: 'Siehe Datei', ts: '1.1' };
    expect(translateEvent(event, BOT).answer).toBe(true);
  });
});

describe('translateCommand', () => {
  it('answers ephemerally through the response_url, context per person and channel', () => {
    const result = translateCommand({
      command: '/engagiert',
      text: 'Kontakt',
      channel_id: 'C1',
      user_id: 'U1',
      response_url: 'https://hooks.example/r',
    });
    expect(result).toMatchObject({
      answer: true,
      message: { conversationId: 'slack:C1:U1', text: 'Kontakt', userId: 'U1' },
      target: { kind: 'ephemeral', responseUrl: 'https://hooks.example/r' },
    });
  });

  it('turns an empty command into the help', () => {
    expect(translateCommand({ command: '/engagiert', text: '  ', channel_id: 'C1', user_id: 'U1', response_url: 'u' })).toMatchObject({
      message: { text: '/help' },
    });
  });
});

describe('translateAction', () => {
  const press = (container: Record<string, unknown>, message?: Record<string, unknown>) => ({
    type: 'block_actions',
    user: { id: 'U1' },
    channel: { id: 'C1' },
    container: { type: 'message', channel_id: 'C1', ...container },
    ...(message ? { message } : {}),
    response_url: 'https://hooks.example/r',
    actions: [{ action_id: 'choice:1', value: 'topic:funding' }],
  });

  it('answers a button under a threaded answer in that thread, as a choice', () => {
    expect(translateAction(press({}, { ts: '2.2', thread_ts: '1.1' }))).toMatchObject({
      message: { conversationId: 'slack:C1:1.1', choiceId: 'topic:funding', text: '' },
      target: { kind: 'post', channel: 'C1', threadTs: '1.1' },
    });
  });

  it('answers a button under a top-level DM answer in the DM', () => {
    expect(translateAction(press({ channel_id: 'D1' }, { ts: '2.2' }))).toMatchObject({
      message: { conversationId: 'slack:D1' },
      target: { kind: 'post', channel: 'D1' },
    });
  });

  it('answers a button on an ephemeral answer through its response_url, in the command’s context', () => {
    expect(translateAction(press({ is_ephemeral: true }))).toMatchObject({
      message: { conversationId: 'slack:C1:U1', choiceId: 'topic:funding' },
      target: { kind: 'ephemeral', responseUrl: 'https://hooks.example/r' },
    });
  });

  it('skips buttons that are not suggestions', () => {
    const other = { ...press({}, { ts: '2.2' }), actions: [{ action_id: 'something_else', value: 'x' }] };
    expect(translateAction(other).answer).toBe(false);
  });
});

describe('translateBody', () => {
  it('recognises event envelopes, commands and interactions', () => {
    const event = { type: 'app_mention', channel: 'C1', user: 'U1', text: 'x', ts: '1.1' };
    expect(translateBody({ type: 'event_callback', event }).answer).toBe(true);
    expect(translateBody({ command: '/engagiert', text: '', channel_id: 'C1', user_id: 'U1', response_url: 'u' }).answer).toBe(true);
    expect(translateBody({ type: 'view_submission' }).answer).toBe(false);
    expect(translateBody(undefined).answer).toBe(false);
  });
});
