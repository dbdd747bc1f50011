import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ANSWER_MODAL, HANDOFF_ACTIONS, TICKET_METADATA_TYPE } from '../../../adapters/slack/handoff-render.js';
import { intakeEntryOf } from '../../../adapters/slack/intake-record.js';
import { type Assistant, createAssistant } from '../../../src/assistant.js';
import type { BoardMessage } from '../../../src/handoff/port.js';
import { createAnswerAdopter } from '../../../src/knowledge/adopt.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { createLogger } from '../../../src/logger.js';
import { openStorage } from '../../../src/storage/storage.js';
import { replyOf } from '../../support/assistant.js';
import { eventually } from '../../support/fake-handoff-ports.js';
import {
  eventEnvelope,
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FORM,
  interactionForm,
  nextTriggerId,
  postSigned,
  type RecordedCall,
  startFakeSlack,
} from '../../support/fake-slack.js';
import { knowledgeCopy, removeKnowledgeDirs } from '../../support/knowledge-dirs.js';
import { say } from '../../support/say.js';
import { type SlackHarness, startSlackHarness } from './harness.js';

/** The network team's side of "ask a person": tickets in a Slack channel, answered in the thread or a modal. */

const HANDOFF_CHANNEL = 'C0HANDOFF01';
const CHAT_ID = '987654321';
const MEMBER = 'UMEMBER1';

let harness: SlackHarness;
let tsCounter = 0;
const ts = () => `1800000000.${String(++tsCounter).padStart(6, '0')}`;

/** The team's side needs only the catalogue; a question to the bot gets a plain "no". */
const quietAssistant: Assistant = {
  say,
  respond: (message) => replyOf({ text: 'Dazu weiß ich nichts.', confidence: 0, fallback: true, handoff: message.channel === 'telegram' }),
};

afterEach(async () => {
  await harness?.close();
});
afterAll(removeKnowledgeDirs);

const start = async (options: { adopter?: Parameters<typeof createAnswerAdopter>[0] } = {}) => {
  harness = await startSlackHarness(quietAssistant, {
    handoff: { channel: HANDOFF_CHANNEL, ...(options.adopter ? { adopter: createAnswerAdopter(options.adopter) } : {}) },
  });
  return harness;
};

const handoffOf = () => {
  if (!harness.handoff) throw new Error('the harness runs without the hand-off');
  return harness.handoff;
};

/** A citizen's question, with consent, as the Telegram side would pass it; resolves with the ticket's post. */
async function openTicket(question: string, locale: 'de' | 'en' = 'de'): Promise<{ number: number; post: RecordedCall; message: BoardMessage }> {
  const handoff = handoffOf();
  const offer = handoff.offer({ chatId: CHAT_ID, question, locale });
  if (offer.status !== 'offered') throw new Error(`no offer: ${offer.status}`);
  const opened = handoff.consent({ offerId: offer.offerId, chatId: CHAT_ID });
  if (opened.status !== 'opened') throw new Error(`not opened: ${opened.status}`);
  const { number } = opened.ticket;
  const post = await harness.fake.waitFor(
    (call) => call.method === 'chat.postMessage' && (call.args.metadata as { event_payload?: { ticket?: number } })?.event_payload?.ticket === number,
  );
  await eventually(() => handoff.ticket({ number }) !== undefined && boardOf(number) !== undefined, 'the post to be stored');
  return { number, post, message: boardOf(number) as BoardMessage };
}

const boardOf = (number: number): BoardMessage | undefined => {
  const message = harness.fake
    .messages(HANDOFF_CHANNEL)
    .find((m) => (m.metadata as { event_payload?: { ticket?: number } })?.event_payload?.ticket === number);
  return message ? { channel: message.channel, ts: message.ts } : undefined;
};

const send = (event: Record<string, unknown>, eventId?: string) => postSigned(harness.eventsUrl, eventEnvelope(event, eventId));
const interact = (payload: Record<string, unknown>) => postSigned(harness.eventsUrl, interactionForm(payload), { contentType: FORM });

const threadReply = (message: BoardMessage, text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  channel_type: 'channel',
  channel: message.channel,
  user: MEMBER,
  text,
  ts: ts(),
  thread_ts: message.ts,
  ...extra,
});

/** A press of one of the ticket's buttons, as Slack posts it. */
const press = (actionId: string, number: number, message: BoardMessage, triggerId = nextTriggerId()) => ({
  type: 'block_actions',
  trigger_id: triggerId,
  user: { id: MEMBER, name: 'ana' },
  channel: { id: message.channel },
  container: { type: 'message', channel_id: message.channel, message_ts: message.ts },
  message: { ts: message.ts, text: '' },
  response_url: harness.fake.responseUrl(),
  actions: [{ type: 'button', action_id: actionId, value: String(number), block_id: `handoff:${number}`, action_ts: ts() }],
});

/** The modal's submission with `text` typed in. */
const submission = (view: { id: string; callback_id: unknown; private_metadata: unknown }, text: string, triggerId = nextTriggerId()) => ({
  type: 'view_submission',
  trigger_id: triggerId,
  user: { id: MEMBER, name: 'ana' },
  view: {
    id: view.id,
    type: 'modal',
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    state: { values: { answer: { text: { type: 'plain_text_input', value: text } } } },
  },
});

const buttonsOf = (call: RecordedCall) =>
  ((call.args.blocks as { type: string; elements?: { type: string; action_id?: string; value?: string; text?: { text: string } }[] }[]) ?? [])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? []);
const updatesOf = (message: BoardMessage) => harness.fake.callsOf('chat.update').filter((call) => call.args.ts === message.ts);
const shown = (call: RecordedCall) => JSON.stringify(call.args.blocks);

/** Waits until the outbox has nothing left (relays and updates all sent). */
const settled = async (relays: number, updates: number, message: BoardMessage) =>
  eventually(() => harness.chat.relays.length >= relays && updatesOf(message).length >= updates, `${relays} relays and ${updates} updates`);

describe('the ticket in Slack', () => {
  it('is a top-level message with the question verbatim, #<n>, language, time and buttons, and no Telegram id anywhere', async () => {
    await start();
    const question = 'Gibt es <b>Parkplätze</b> & Toiletten? <!channel> *bitte*';
    const { number, post } = await openTicket(question);
    expect(post.args.channel).toBe(HANDOFF_CHANNEL);
    expect(post.args.thread_ts).toBeUndefined();
    const escaped = 'Gibt es &lt;b&gt;Parkplätze&lt;/b&gt; &amp; Toiletten? &lt;!channel&gt; *bitte*';
    expect(shown(post)).toContain(escaped);
    expect(String(post.args.text)).toContain(escaped);
    expect(shown(post)).toContain(`#${number}`);
    expect(shown(post)).toContain('Deutsch');
    expect(shown(post)).toMatch(/<!date\^\d+\^/);
    expect(buttonsOf(post).map((button) => [button.action_id, button.text?.text, button.value])).toEqual([
      [HANDOFF_ACTIONS.answer, 'Antworten', String(number)],
      [HANDOFF_ACTIONS.close, 'Schließen', String(number)],
    ]);
    expect(post.args.metadata).toEqual({ event_type: TICKET_METADATA_TYPE, event_payload: { ticket: number } });
    // Nothing of the citizen: not in the text, the blocks, the button values or the metadata.
    for (const call of harness.fake.calls) expect(JSON.stringify(call.args)).not.toContain(CHAT_ID);
  });

  it('is found again by its metadata, so that a post in flight at a crash is not posted twice', async () => {
    await start();
    const { number, message } = await openTicket('Wann ist das nächste Forum?');
    const ticket = handoffOf().ticket({ number });
    const board = harness.channel.handoffBoard;
    expect(await board?.findTicket?.(ticket!)).toEqual(message);
    expect(await board?.findTicket?.({ ...ticket!, number: number + 1 })).toBeUndefined();
  });
});

describe('answering a ticket', () => {
  it('"Antworten" opens a modal; its submission is recorded before the ack and goes to the citizen', async () => {
    await start();
    const { number, message } = await openTicket('Gibt es Parkplätze?');
    expect((await interact(press(HANDOFF_ACTIONS.answer, number, message))).status).toBe(200);
    const opened = await harness.fake.waitFor((call) => call.method === 'views.open');
    const view = opened.args.view as { callback_id: string; private_metadata: string; blocks: { type: string; element?: { multiline?: boolean } }[] };
    expect(view.callback_id).toBe(ANSWER_MODAL);
    expect(view.private_metadata).toBe(String(number));
    expect(view.blocks.find((block) => block.type === 'input')?.element?.multiline).toBe(true);
    expect(JSON.stringify(view)).not.toContain(CHAT_ID);

    const response = await interact(submission({ id: 'VMODAL1', ...view }, 'Ja, im Parkhaus <am Markt> & daneben.'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    // Handed on in Slack's wire form, like a thread reply: the relay decodes it for the citizen.
    const wire = 'Ja, im Parkhaus &lt;am Markt&gt; &amp; daneben.';
    // The ack closed the modal: by then the answer is in the database.
    expect(handoffOf().ticket({ number })).toMatchObject({ state: 'answered', answeredBy: [MEMBER], lastAnswer: wire });
    await settled(1, 1, message);
    expect(harness.chat.relays).toEqual([{ chatId: CHAT_ID, ticketNumber: number, text: wire, locale: 'de' }]);
    const update = updatesOf(message).at(-1) as RecordedCall;
    expect(shown(update)).toContain(`<@${MEMBER}>`);
    expect(buttonsOf(update).map((button) => button.action_id)).toEqual([HANDOFF_ACTIONS.answer, HANDOFF_ACTIONS.close]);
  });

  it('a submission for a ticket closed meanwhile keeps the modal open and says so', async () => {
    await start();
    const { number, message } = await openTicket('Gibt es Parkplätze?');
    await interact(press(HANDOFF_ACTIONS.close, number, message));
    const response = await interact(submission({ id: 'VLATE', callback_id: ANSWER_MODAL, private_metadata: String(number) }, 'Ja.'));
    expect(await response.json()).toEqual({
      response_action: 'errors',
      errors: { answer: say('de', 'handoff-slack-closed-modal', { number: String(number) }) },
    });
    await harness.channel.stop();
    await handoffOf().stop();
    expect(harness.chat.relays).toEqual([]);
  });

  it('an empty submission keeps the modal open with a note, and nothing is relayed', async () => {
    await start();
    const { number, message } = await openTicket('Gibt es Parkplätze?');
    const response = await interact(submission({ id: 'VEMPTY', callback_id: ANSWER_MODAL, private_metadata: String(number) }, '   '));
    expect(await response.json()).toEqual({ response_action: 'errors', errors: { answer: 'Bitte schreiben Sie eine Antwort.' } });
    expect(handoffOf().ticket({ number })?.state).toBe('open');
    expect(boardOf(number)).toEqual(message);
  });

  it('a thread reply is relayed with the names of mentioned members; later replies follow; edits, bots and other threads are not', async () => {
    await start();
    harness.fake.userNames.set('UANA', 'Ana Beispiel');
    const { number, message } = await openTicket('Wen kann ich fragen?');
    await send(
      threadReply(message, 'Fragen Sie <@UANA> oder <@UGONE> bei <https://www.luebeck.de/ehrenamt|der Stadt> &amp; schreiben Sie &lt;bitte&gt;.'),
    );
    await settled(1, 1, message);
    // Slack's wire form, as the relay takes it (it decodes and escapes for Telegram); a name where one is known.
    const relayed =
      'Fragen Sie <@UANA|Ana Beispiel> oder <@UGONE> bei <https://www.luebeck.de/ehrenamt|der Stadt> &amp; schreiben Sie &lt;bitte&gt;.';
    expect(harness.chat.relays[0]).toEqual({ chatId: CHAT_ID, ticketNumber: number, text: relayed, locale: 'de' });

    const root = { channel: message.channel, ts: message.ts };
    await send({ ...threadReply(root, 'bearbeitet'), subtype: 'message_changed' });
    await send({ ...threadReply(root, 'von einem anderen Bot'), bot_id: 'BOTHER' });
    await send({ ...threadReply(root, 'vom Bot selbst'), user: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID });
    await send(threadReply({ channel: message.channel, ts: ts() }, 'ein anderer Thread'));
    await send({ type: 'message', channel_type: 'channel', channel: HANDOFF_CHANNEL, user: MEMBER, text: 'oben im Kanal', ts: ts() });
    await send(threadReply(message, 'Und freitags ist das Büro bis 12 Uhr offen.'));
    await settled(2, 2, message);
    expect(harness.chat.relays.map((relay) => relay.text)).toEqual([relayed, 'Und freitags ist das Büro bis 12 Uhr offen.']);
    // The assistant did not answer any of it: the ticket's thread belongs to the team.
    expect(harness.fake.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === message.ts)).toEqual([]);
  });

  it('a mention of the bot in a ticket thread is relayed, not answered by the bot', async () => {
    await start();
    const { message } = await openTicket('Wen kann ich fragen?');
    const reply = threadReply(message, `<@${FAKE_BOT_USER_ID}> Rufen Sie das Büro an.`);
    await send({ ...reply, type: 'app_mention' });
    await send(reply);
    await settled(1, 1, message);
    expect(harness.chat.relays.map((relay) => relay.text)).toEqual(['Rufen Sie das Büro an.']);
    await harness.channel.stop();
    expect(harness.fake.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === message.ts)).toEqual([]);
  });
});

describe('"Schließen"', () => {
  it('closes the ticket and updates the message; a reply after that gets a note only the member sees', async () => {
    await start();
    const { number, message } = await openTicket('Gibt es Parkplätze?');
    await send(threadReply(message, 'Ja, am Markt.'));
    await settled(1, 1, message);
    expect((await interact(press(HANDOFF_ACTIONS.close, number, message))).status).toBe(200);
    expect(handoffOf().ticket({ number })).toMatchObject({ state: 'closed', closedBy: MEMBER });
    await settled(1, 2, message);
    const update = updatesOf(message).at(-1) as RecordedCall;
    expect(shown(update)).toContain(`Geschlossen von <@${MEMBER}>`);
    expect(buttonsOf(update)).toEqual([]);

    await send(threadReply(message, 'Noch etwas: auch sonntags.'));
    const note = await harness.fake.waitFor((call) => call.method === 'chat.postEphemeral');
    expect(note.args).toMatchObject({ channel: HANDOFF_CHANNEL, user: MEMBER, thread_ts: message.ts });
    expect(String(note.args.text)).toContain(`#${number}`);
    expect(harness.chat.relays).toHaveLength(1);
  });
});

describe('re-deliveries', () => {
  it('a replayed button press, a repeated event and a modal sent twice answer once', async () => {
    await start();
    const { number, message } = await openTicket('Gibt es Parkplätze?');
    const reply = threadReply(message, 'Ja, am Markt.');
    await send(reply, 'EvSAME1');
    await send(reply, 'EvSAME1');
    // The same message delivered under another event id (e.g. as a thread_broadcast copy) counts once too.
    await send(reply);

    const modal = submission({ id: 'VTWICE', callback_id: ANSWER_MODAL, private_metadata: String(number) }, 'Und im Parkhaus.', 'trigger-twice');
    await interact(modal);
    await interact(modal);
    await interact({ ...modal, trigger_id: nextTriggerId() });

    const close = press(HANDOFF_ACTIONS.close, number, message, 'trigger-close');
    await interact(close);
    await interact(close);
    await settled(2, 1, message);
    await harness.channel.stop();
    await handoffOf().stop();
    expect(harness.chat.relays.map((relay) => relay.text)).toEqual(['Ja, am Markt.', 'Und im Parkhaus.']);
    // A replayed close reaching the listener would have told the member "already closed".
    expect(harness.fake.callsOf('chat.postEphemeral')).toEqual([]);
    expect(shown(updatesOf(message).at(-1) as RecordedCall)).toContain('Geschlossen');
  });

  it('hold across a restart: a reply stored but not handled before a crash is relayed once after it, a re-delivery not at all', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'slack-handoff-restart-'));
    const fake = await startFakeSlack();
    const relays: string[] = [];
    try {
      harness = await startSlackHarness(quietAssistant, { fake, dataDir, handoff: { channel: HANDOFF_CHANNEL } });
      const { number, message } = await openTicket('Gibt es Parkplätze?');
      const first = threadReply(message, 'Ja, am Markt.');
      await send(first, 'EvBEFORE1');
      await settled(1, 1, message);
      relays.push(...harness.chat.relays.map((relay) => relay.text));
      await harness.close();

      // As if the process died after storing and acknowledging this reply, before its listener ran.
      const crashed = threadReply(message, 'Und im Parkhaus.');
      const storage = openStorage({ dir: dataDir, logger: createLogger({ level: 'silent', pretty: false }) });
      const entry = (event: Record<string, unknown>, eventId: string) =>
        intakeEntryOf(JSON.parse(eventEnvelope(event, eventId)) as Record<string, unknown>, `event:${eventId}`);
      // The first reply went into the intake before Slack was acknowledged (a thread reply is kept, unlike channel chatter).
      expect(storage.intake.record(entry(first, 'EvBEFORE1')).duplicate).toBe(true);
      expect(storage.intake.record(entry(crashed, 'EvCRASHED1')).duplicate).toBe(false);
      storage.close();

      harness = await startSlackHarness(quietAssistant, { fake, dataDir, handoff: { channel: HANDOFF_CHANNEL } });
      await eventually(() => harness.chat.relays.length === 1, 'the stored reply to be relayed');
      // Slack's retries of both, and the first one under a new event id: the database remembers them.
      await send(first, 'EvBEFORE1');
      await send(crashed, 'EvCRASHED1');
      await send(first);
      await send(threadReply(message, 'Samstags auch.'));
      await eventually(() => harness.chat.relays.length === 2, 'the new reply');
      await harness.channel.stop();
      await handoffOf().stop();
      relays.push(...harness.chat.relays.map((relay) => relay.text));
      expect(relays).toEqual(['Ja, am Markt.', 'Und im Parkhaus.', 'Samstags auch.']);
      expect(handoffOf().ticket({ number })?.answeredBy).toEqual([MEMBER]);
    } finally {
      await harness.close();
      harness = undefined as unknown as SlackHarness;
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('"Als Antwort übernehmen"', () => {
  const QUESTION = 'Gibt es beim Forum Ehrenamt Parkplätze?';
  const PARKING = 'Am Veranstaltungsort gibt es ein Parkhaus; mit dem Bus ist man schneller.';

  it('is not offered without an adopter', async () => {
    await start();
    const { message } = await openTicket(QUESTION);
    await send(threadReply(message, PARKING));
    await settled(1, 1, message);
    expect(buttonsOf(updatesOf(message).at(-1) as RecordedCall).map((button) => button.action_id)).not.toContain(HANDOFF_ACTIONS.adopt);
  });

  it('writes the answer into the knowledge, and the running bot answers the question from it', async () => {
    const dir = knowledgeCopy();
    const assistant = createAssistant(loadKnowledge(dir));
    harness = await startSlackHarness(assistant, {
      handoff: { channel: HANDOFF_CHANNEL, adopter: createAnswerAdopter({ knowledgeDir: dir, onKnowledge: (next) => assistant.setKnowledge(next) }) },
    });
    const dm = (text: string) => send({ type: 'message', channel_type: 'im', channel: 'DCITIZEN1', user: 'UASKER', text, ts: ts() });
    const answersInDm = () => harness.fake.callsOf('chat.postMessage').filter((call) => call.args.channel === 'DCITIZEN1');

    await dm(QUESTION);
    await eventually(() => answersInDm().length === 1, 'the answer before');
    expect(JSON.stringify(answersInDm()[0]?.args)).not.toContain('Parkhaus');

    const { number, message } = await openTicket(QUESTION);
    await send(threadReply(message, PARKING));
    await settled(1, 1, message);
    const adopt = buttonsOf(updatesOf(message).at(-1) as RecordedCall).find((button) => button.action_id === HANDOFF_ACTIONS.adopt);
    expect(adopt?.text?.text).toBe('Als Antwort übernehmen');
    await interact(press(HANDOFF_ACTIONS.adopt, number, message));
    const note = await harness.fake.waitFor((call) => call.method === 'chat.postEphemeral');
    expect(note.args).toMatchObject({ channel: HANDOFF_CHANNEL, user: MEMBER });
    expect(String(note.args.text)).toMatch(/^Übernommen/);
    expect(readFileSync(join(dir, 'city', 'answers.yaml'), 'utf8')).toContain(PARKING);

    await dm(QUESTION);
    await eventually(() => answersInDm().length === 2, 'the answer after');
    expect(JSON.stringify(answersInDm()[1]?.args)).toContain(PARKING);
    await dm('Wo findet man beim Forum Ehrenamt einen Parkplatz?');
    await eventually(() => answersInDm().length === 3, 'the answer to a paraphrase');
    expect(JSON.stringify(answersInDm()[2]?.args)).toContain(PARKING);
  });

  it('says why when the knowledge would not take it', async () => {
    const dir = knowledgeCopy();
    const assistant = createAssistant(loadKnowledge(dir));
    harness = await startSlackHarness(assistant, {
      handoff: { channel: HANDOFF_CHANNEL, adopter: createAnswerAdopter({ knowledgeDir: dir, onKnowledge: (next) => assistant.setKnowledge(next) }) },
    });
    const { number, message } = await openTicket(QUESTION);
    await send(threadReply(message, PARKING));
    await settled(1, 1, message);
    // An editor broke the file meanwhile: the adopter refuses, and the member is told why.
    writeFileSync(join(dir, 'city', 'answers.yaml'), 'answers: [unclosed\n');
    await interact(press(HANDOFF_ACTIONS.adopt, number, message));
    const note = await harness.fake.waitFor((call) => call.method === 'chat.postEphemeral');
    expect(String(note.args.text)).toMatch(/^Nicht übernommen/);
  });
});
