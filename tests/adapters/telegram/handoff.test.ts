import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, Reply } from '../../../src/reply.js';
import { realAssistant } from '../../support/assistant.js';
import { eventually } from '../../support/fake-handoff-ports.js';
import { FakeTelegram } from '../../support/fake-telegram.js';
import { say } from '../../support/say.js';
import { FakeBoard, type HandoffBot, startHandoffBot, temporaryDataDir } from './handoff-harness.js';
import { type RecordingAssistant, recording, scriptedAssistant, startPollingBot } from './harness.js';

/**
 * "Ask a person" on Telegram, end to end: the real channel polls the fake Bot API, the
 * real hand-off core keeps its tickets in SQLite in a temporary directory, and a fake
 * board records what would go to Slack.
 */

const CHAT = 7_770_001_234;
const OTHER_CHAT = 7_770_009_876;
const USER = { firstName: 'Wiebke', lastName: 'Quandtxylander', username: 'wiebke_q_1984' };
const QUESTION = 'Gibt es beim Forum auch Termine am Wochenende?';
const BUTTON_DE = 'An das Team weitergeben';
const BUTTON_EN = 'Ask the team';

const CONTACT: Contact = {
  name: 'Koordinierungsstelle',
  office: 'Rathaus',
  department: '',
  phone: '0451 000000',
  email: 'kontakt@example.org',
  text: 'Koordinierungsstelle, Rathaus',
};

/** Declines questions (with a contact), answers greetings; English when the text is. */
function decliningCore(): RecordingAssistant {
  return recording(
    scriptedAssistant((message): Partial<Reply> => {
      const text = message.text.replace(/^\/(frage|question)\s*/, '');
      const locale = /\b(is|are|the|weekend)\b/i.test(text) || message.text.startsWith('/question') ? 'en' : 'de';
      if (message.choiceId) return { text: 'Das Programm …', locale };
      if (text.includes('?')) return { text: 'Das weiß ich leider nicht.', locale, fallback: true, handoff: true, contacts: [CONTACT] };
      return { text: 'Guten Tag!', locale };
    }),
  );
}

let fake: FakeTelegram;
let board: FakeBoard;
let data: ReturnType<typeof temporaryDataDir>;
const bots: HandoffBot[] = [];

async function start(options: Partial<Parameters<typeof startHandoffBot>[0]> = {}): Promise<HandoffBot> {
  fake ??= await FakeTelegram.start();
  board ??= new FakeBoard();
  data ??= temporaryDataDir();
  const bot = await startHandoffBot({ assistant: decliningCore(), fake, dir: data.dir, board, ...options });
  bots.push(bot);
  return bot;
}

afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop();
  await fake?.close();
  data?.remove();
  (fake as unknown) = undefined;
  (board as unknown) = undefined;
  (data as unknown) = undefined;
});

const ticketStates = (bot: HandoffBot) =>
  (bot.db.prepare('SELECT state FROM handoff_ticket ORDER BY id').all() as { state: string }[]).map((r) => r.state);
const sentTo = (chatId: number) => fake.sentMessages(chatId).map((call) => call.visibleText ?? '');

/** The citizen asks, and the bot offers the button: returns the message carrying it. */
async function askUntilOffered(chatId: number, text: string, label = BUTTON_DE) {
  fake.deliver(fake.updates.text(chatId, text, { from: USER }));
  return fake.waitForButton(chatId, label);
}

describe('the offer', () => {
  it('follows a decline with the consent button; nothing goes to the board before the press', async () => {
    const bot = await start();
    const question = fake.updates.text(CHAT, QUESTION, { from: USER });
    fake.deliver(question);
    const { call, button } = await fake.waitForButton(CHAT, BUTTON_DE);

    // The decline, its contact card, then the offer, which quotes the question it would pass on.
    const calls = fake.calls.filter((c) => ['sendMessage', 'sendContact'].includes(c.method) && c.payload.chat_id === CHAT);
    expect(calls.map((c) => c.visibleText ?? c.method)).toEqual([
      expect.stringContaining('Das weiß ich leider nicht.'),
      'sendContact',
      say('de', 'handoff-telegram-offer'),
    ]);
    expect(call.payload.reply_parameters).toMatchObject({ message_id: question.message!.message_id });
    expect(FakeTelegram.buttonsOf(call)).toHaveLength(1);
    const offerId = (bot.db.prepare('SELECT offer_id FROM handoff_ticket').get() as { offer_id: string }).offer_id;
    expect(button.callback_data).toBe(`handoff:${offerId}`);

    await new Promise((resolve) => setTimeout(resolve, 100)); // several outbox rounds
    expect(ticketStates(bot)).toEqual(['offered']);
    expect(bot.pending()).toBe(0);
    expect(board.posts).toEqual([]);
    expect(fake.rejectedCalls()).toEqual([]);
  });

  it('follows a decline of the real core too, in the language of the question', async () => {
    await start({ assistant: realAssistant() });
    await askUntilOffered(CHAT, 'Gibt es beim Forum Ehrenamt auch Termine am Wochenende?');
    await askUntilOffered(OTHER_CHAT, 'Do you have a dog?', BUTTON_EN);
    expect(board.posts).toEqual([]);
  });

  it('shows the button at once on /frage <text>, before any answer, and passes on only the text after the command', async () => {
    await start();
    fake.deliver(fake.updates.text(CHAT, `/frage ${QUESTION}`, { from: USER }));
    const { call, button } = await fake.waitForButton(CHAT, BUTTON_DE);
    expect(fake.sentMessages(CHAT)).toEqual([call]);
    expect(board.posts).toEqual([]);

    fake.press(CHAT, call, button, { from: USER });
    await eventually(() => board.posts.length === 1, 'the ticket');
    expect(board.posts[0]!.ticket.question).toBe(QUESTION);
    // The press waits in the chat's queue behind /frage: once it is answered, /frage is done, and got no answer of the core.
    const opened = say('de', 'handoff-telegram-opened', { number: '1' });
    await fake.waitFor(() => sentTo(CHAT).includes(opened), 'the confirmation');
    expect(sentTo(CHAT)).toEqual([call.visibleText, opened]);
  });

  it('asks for the question on a bare /frage and takes the next message as it', async () => {
    await start();
    fake.deliver(fake.updates.text(CHAT, '/frage', { from: USER }));
    await fake.waitFor(() => sentTo(CHAT).includes(say('de', 'handoff-telegram-ask')), 'the request for the question');
    const { call, button } = await askUntilOffered(CHAT, 'Wer hilft beim Umzug von Vereinen');
    fake.press(CHAT, call, button, { from: USER });
    await eventually(() => board.posts.length === 1, 'the ticket');
    expect(board.posts[0]!.ticket.question).toBe('Wer hilft beim Umzug von Vereinen');
    // Only the one message after the request counts: the next is an ordinary one again.
    fake.deliver(fake.updates.text(CHAT, 'Hallo', { from: USER }));
    await fake.waitFor(() => sentTo(CHAT).includes('Guten Tag!'), 'the greeting');
  });

  it('offers /question in English', async () => {
    await start();
    await askUntilOffered(CHAT, '/question Are there meetings at the weekend?', BUTTON_EN);
  });

  it('offers nothing in a group, and points /frage to the private chat', async () => {
    const bot = await start();
    const GROUP = -100_777_000_111;
    fake.deliver(fake.updates.text(GROUP, `/frage ${QUESTION}`, { from: USER }));
    const note = say('de', 'handoff-telegram-private-only', { link: `https://t.me/${fake.botInfo.username}` });
    await fake.waitFor(() => sentTo(GROUP).includes(note), 'the pointer to the private chat');
    fake.deliver(fake.updates.text(GROUP, `@${fake.botInfo.username} ${QUESTION}`, { from: USER }));
    await fake.waitFor(() => sentTo(GROUP).some((text) => text.includes('Das weiß ich leider nicht.')), 'the decline');
    expect(fake.sentMessages(GROUP).flatMap(FakeTelegram.buttonsOf)).toEqual([]);
    expect(ticketStates(bot)).toEqual([]);
  });

  it('says so when the question will be cut', async () => {
    await start({ config: { maxQuestionLength: 40 } });
    const { call } = await askUntilOffered(CHAT, `${QUESTION} Und wie ist es an Feiertagen, auch im Sommer?`);
    expect(call.visibleText).toContain(say('de', 'handoff-telegram-offer-truncated'));
  });
});

describe('the press', () => {
  it('opens exactly one ticket with the question verbatim, and nothing of the citizen reaches the board', async () => {
    await start();
    const { call, button } = await askUntilOffered(CHAT, QUESTION);
    const press = fake.press(CHAT, call, button, { from: USER });
    await fake.waitFor(() => sentTo(CHAT).includes(say('de', 'handoff-telegram-opened', { number: '1' })), 'the confirmation');
    await eventually(() => board.posts.length === 1, 'the ticket');

    expect(board.posts[0]!.ticket).toMatchObject({ number: 1, question: QUESTION, state: 'open', locale: 'de', truncated: false });
    const onBoard = JSON.stringify({ posts: board.posts, updates: board.updates });
    for (const personal of [String(CHAT), USER.firstName, USER.lastName, USER.username]) expect(onBoard).not.toContain(personal);

    expect(fake.callsOf('answerCallbackQuery').map((c) => c.payload)).toEqual([{ callback_query_id: press.callback_query!.id }]);
    // The button comes off its message, so that it is not pressed again.
    await fake.waitFor(() => fake.callsOf('editMessageReplyMarkup')[0], 'the button removed');
    expect(fake.callsOf('editMessageReplyMarkup')[0]!.payload).toMatchObject({ chat_id: CHAT, message_id: call.messageId });
    expect(fake.rejectedCalls()).toEqual([]);
  });

  it('makes one ticket when pressed twice, and answers the second press with a notice on the button', async () => {
    const bot = await start();
    const { call, button } = await askUntilOffered(CHAT, QUESTION);
    const first = fake.press(CHAT, call, button, { from: USER });
    const second = fake.press(CHAT, call, button, { from: USER });
    const notice = say('de', 'handoff-telegram-already-open', { number: '1' });
    await fake.waitFor(() => fake.callsOf('answerCallbackQuery').length === 2, 'both presses answered');
    await eventually(() => board.posts.length === 1 && bot.pending() === 0, 'the ticket');
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(board.posts).toHaveLength(1);
    expect(ticketStates(bot)).toEqual(['open']);
    expect(fake.callsOf('answerCallbackQuery').map((c) => c.payload)).toEqual([
      { callback_query_id: first.callback_query!.id },
      { callback_query_id: second.callback_query!.id, text: notice },
    ]);
    expect(sentTo(CHAT).filter((text) => text.includes('#1'))).toEqual([say('de', 'handoff-telegram-opened', { number: '1' })]);
  });

  it('says the notice in the chat when the press can no longer be answered (e.g. answered late after a restart)', async () => {
    await start();
    const { call, button } = await askUntilOffered(CHAT, QUESTION);
    fake.press(CHAT, call, button, { from: USER });
    await eventually(() => board.posts.length === 1, 'the ticket');
    // The first press is answered after its ticket is posted; only the second one's answer may fail.
    await fake.waitFor(() => fake.callsOf('answerCallbackQuery').length === 1, 'the answer to the first press');
    fake.failNext('answerCallbackQuery', { status: 400, description: 'query is too old and response timeout expired or query ID is invalid' });
    fake.press(CHAT, call, button, { from: USER });
    const notice = say('de', 'handoff-telegram-already-open', { number: '1' });
    await fake.waitFor(() => sentTo(CHAT).includes(notice), 'the notice as a message');
  });

  it('refuses an unknown offer and a press from another chat clearly, opening nothing', async () => {
    const bot = await start();
    const unknown = say('de', 'handoff-telegram-unknown-offer');
    const madeUp = fake.updates.buttonPress(CHAT, 'handoff:AAAAAAAAAAAA', { from: USER });
    fake.deliver(madeUp);
    await fake.waitFor(() => sentTo(CHAT).includes(unknown), 'the reply to a made-up offer');

    const { button } = await askUntilOffered(CHAT, QUESTION);
    fake.deliver(fake.updates.buttonPress(OTHER_CHAT, button.callback_data!, { from: { ...USER, id: OTHER_CHAT } }));
    await fake.waitFor(() => sentTo(OTHER_CHAT).includes(unknown), 'the reply to a press from another chat');

    expect(ticketStates(bot)).toEqual(['offered']);
    expect(board.posts).toEqual([]);
    expect(fake.callsOf('answerCallbackQuery')).toHaveLength(2);
  });

  it('answers a press with a note when the hand-off is off (e.g. after a restart without Slack)', async () => {
    await start();
    const { call, button } = await askUntilOffered(CHAT, QUESTION);
    await bots.splice(0)[0]!.stop();
    const without = await startPollingBot(decliningCore(), { fake });
    try {
      fake.press(CHAT, call, button, { from: USER });
      await fake.waitFor(() => sentTo(CHAT).includes(say('de', 'handoff-telegram-unavailable')), 'the note');
      expect(fake.callsOf('answerCallbackQuery')).toHaveLength(1);
    } finally {
      await without.channel.stop();
    }
  });
});

describe('limits', () => {
  const refusal = (id: string, limit: number) => say('de', id, { limit });

  it('says so instead of offering when the chat has too many open tickets', async () => {
    const bot = await start({ config: { maxOpenPerChat: 1 } });
    const { call, button } = await askUntilOffered(CHAT, QUESTION);
    fake.press(CHAT, call, button, { from: USER });
    await eventually(() => board.posts.length === 1, 'the ticket');

    fake.deliver(fake.updates.text(CHAT, 'Und gibt es Parkplätze?', { from: USER }));
    await fake.waitFor(() => sentTo(CHAT).includes(refusal('handoff-telegram-too-many-open', 1)), 'the refusal after a decline');
    fake.deliver(fake.updates.text(CHAT, '/frage Und gibt es Parkplätze?', { from: USER }));
    await fake.waitFor(() => sentTo(CHAT).filter((t) => t === refusal('handoff-telegram-too-many-open', 1)).length === 2, 'the refusal on /frage');
    expect(ticketStates(bot)).toEqual(['open']);
  });

  it('refuses a press that would go over the limit (two offers taken up one after the other)', async () => {
    await start({ config: { maxOpenPerChat: 1 } });
    const first = await askUntilOffered(CHAT, QUESTION);
    fake.deliver(fake.updates.text(CHAT, 'Gibt es Parkplätze?', { from: USER }));
    await fake.waitFor(() => fake.sentMessages(CHAT).filter((c) => FakeTelegram.buttonsOf(c).length === 1).length === 2, 'the second offer');
    const second = await fake.waitForButton(CHAT, BUTTON_DE);
    fake.press(CHAT, first.call, first.button, { from: USER });
    fake.press(CHAT, second.call, second.button, { from: USER });
    await fake.waitFor(() => sentTo(CHAT).includes(refusal('handoff-telegram-too-many-open', 1)), 'the refusal');
    await eventually(() => board.posts.length === 1, 'the one ticket');
  });

  it('says when the daily cap is reached', async () => {
    const bot = await start({ config: { maxPerDay: 1 } });
    const { call, button } = await askUntilOffered(CHAT, QUESTION);
    fake.press(CHAT, call, button, { from: USER });
    await eventually(() => board.posts.length === 1, 'the ticket');
    bot.handoff.close({ ticket: { number: 1 }, closedBy: 'U0MEMBER01' });

    fake.deliver(fake.updates.text(CHAT, '/frage Gibt es Parkplätze?', { from: USER }));
    await fake.waitFor(() => sentTo(CHAT).includes(refusal('handoff-telegram-daily-cap', 1)), 'the daily cap');
  });
});

describe('the logs', () => {
  it('hold no chat id, user id, name or question, at debug level, across offer, press and relay', async () => {
    const bot = await start({ logLevel: 'debug' });
    const { call, button } = await askUntilOffered(CHAT, QUESTION);
    fake.press(CHAT, call, button, { from: USER });
    await eventually(() => board.posts.length === 1, 'the ticket');
    bot.handoff.answer({ ticket: { number: 1 }, key: 'C0HANDOFF1:1700000001.000100', text: 'Ja, samstags.', answeredBy: 'U0MEMBER01' });
    await fake.waitFor(() => sentTo(CHAT).some((t) => t.includes('Ja, samstags.')), 'the relay');
    fake.failNext('sendMessage', { status: 403, description: 'bot was blocked by the user' });
    bot.handoff.answer({ ticket: { number: 1 }, key: 'C0HANDOFF1:1700000002.000100', text: 'Und sonntags.', answeredBy: 'U0MEMBER01' });
    await eventually(() => bot.pending() === 0, 'the outbox empty');

    const logs = bot.logLines.join('\n');
    expect(logs).toContain('hand-off ticket opened');
    expect(logs).toContain('hand-off delivery given up');
    for (const secret of [String(CHAT), USER.firstName, USER.lastName, USER.username, QUESTION]) expect(logs).not.toContain(secret);
  });
});
