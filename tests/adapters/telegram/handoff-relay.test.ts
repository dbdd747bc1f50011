import { GrammyError, HttpError } from 'grammy';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramChannel, type TelegramChannel } from '../../../adapters/telegram/channel.js';
import { renderRelay } from '../../../adapters/telegram/handoff-render.js';
import { createHandoff } from '../../../src/handoff/handoff.js';
import { PermanentDeliveryError } from '../../../src/handoff/port.js';
import { startHttpServer } from '../../../src/http-server.js';
import type { Reply } from '../../../src/reply.js';
import { closeDatabase, openDatabase } from '../../../src/storage/database.js';
import { eventually } from '../../support/fake-handoff-ports.js';
import { FAKE_TOKEN, FakeTelegram } from '../../support/fake-telegram.js';
import { say } from '../../support/say.js';
import { checkTelegramHtml } from '../../support/telegram-html.js';
import { FakeBoard, type HandoffBot, startHandoffBot, TEST_HANDOFF_CONFIG, temporaryDataDir } from './handoff-harness.js';
import { capturedLogger, scriptedAssistant, TEST_TIMINGS } from './harness.js';

const visibleHtml = (html: string) => {
  const check = checkTelegramHtml(html);
  return check.ok ? check.visibleText : `refused: ${check.error}`;
};

/** The way back: the team's answer into the citizen's chat, through the real channel and the hand-off's outbox. */

const CHAT = 7_770_001_234;
const QUESTION = 'Gibt es Termine am Wochenende?';
const BUTTON = 'An das Team weitergeben';
const HEADER = 'Antwort aus dem Netzwerk (#1):';
const core = () =>
  scriptedAssistant(
    (m): Partial<Reply> => (m.text.includes('?') ? { text: 'Das weiß ich nicht.', fallback: true, handoff: true } : { text: 'Hallo!' }),
  );

let fake: FakeTelegram;
let board: FakeBoard;
let data: ReturnType<typeof temporaryDataDir>;
const cleanups: (() => unknown)[] = [];

async function start(): Promise<HandoffBot> {
  const bot = await startHandoffBot({ assistant: core(), fake, dir: data.dir, board });
  cleanups.push(() => bot.stop());
  return bot;
}

async function setUp() {
  fake = await FakeTelegram.start();
  board = new FakeBoard();
  data = temporaryDataDir();
  cleanups.push(
    () => fake.close(),
    () => data.remove(),
  );
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The citizen asks and presses the button; resolves with the ticket's message on the board. */
async function openTicket(deliver: (update: Update) => unknown = (update) => fake.deliver(update)) {
  await deliver(fake.updates.text(CHAT, QUESTION));
  const { call, button } = await fake.waitForButton(CHAT, BUTTON);
  const sentBefore = fake.sentMessages(CHAT).length;
  await deliver(fake.updates.buttonPress(CHAT, button.callback_data!, { messageId: call.messageId }));
  // The ticket reaches the board before the citizen's confirmation is sent: wait for both,
  // so that a test counting the calls after this point counts only the relay's.
  await eventually(() => board.posts.length === 1 && fake.sentMessages(CHAT).length > sentBefore, 'the ticket on the board, the citizen told');
  return board.posts[0]!.message;
}

const relays = () => fake.sentMessages(CHAT).filter((call) => call.visibleText?.startsWith(HEADER));
const answerFrom = (bot: HandoffBot, message: { channel: string; ts: string }, text: string, ts = '1700000001.000100') =>
  bot.handoff.answer({ ticket: { board: message }, key: `${message.channel}:${ts}`, text, answeredBy: 'U0MEMBER01' });

describe('relaying the team’s answer', () => {
  it('sends it marked as from the network team, Slack’s entities decoded and escaped for Telegram', async () => {
    await setUp();
    const bot = await start();
    const message = await openTicket();
    answerFrom(bot, message, 'Ja &amp; gern: &lt;b&gt;samstags&lt;/b&gt;, siehe <https://example.org/termine?a=1&amp;b=2|Termine>.');
    const [relay] = await fake.waitFor(() => relays().length === 1 && relays(), 'the relay');
    expect(relay!.visibleText).toBe(`${HEADER}\n\nJa & gern: <b>samstags</b>, siehe Termine (https://example.org/termine?a=1&b=2).`);
    expect(relay!.payload.parse_mode).toBe('HTML');
    expect(fake.rejectedCalls()).toEqual([]);

    // A further reply in the thread follows, once.
    answerFrom(bot, message, 'Und sonntags.', '1700000002.000100');
    answerFrom(bot, message, 'Und sonntags.', '1700000002.000100'); // Slack delivered it twice
    await eventually(() => bot.pending() === 0 && relays().length >= 2, 'the second relay');
    expect(relays().map((call) => call.visibleText)).toEqual([relay!.visibleText, `${HEADER}\n\nUnd sonntags.`]);
  });

  it('splits an answer longer than 4,096 characters into messages in order, each accepted by Telegram', async () => {
    await setUp();
    const bot = await start();
    const message = await openTicket();
    const paragraph = `${'Wir treffen uns &amp; planen. '.repeat(60).trim()}\n\n`;
    const before = fake.sentMessages(CHAT).length;
    answerFrom(bot, message, paragraph.repeat(6));
    await eventually(() => bot.pending() === 0, 'the outbox empty');
    const parts = fake.sentMessages(CHAT).slice(before);
    expect(parts).toHaveLength(3);
    expect(fake.rejectedCalls()).toEqual([]);
    expect(parts[0]!.visibleText!.startsWith(HEADER)).toBe(true);
    for (const part of parts) expect(part.visibleText!.length).toBeLessThanOrEqual(4096);
    const words = parts
      .map((part) => part.visibleText!)
      .join(' ')
      .replace(HEADER, '')
      .match(/\S+/g)!;
    expect(words.join(' ')).toBe(paragraph.repeat(6).replaceAll('&amp;', '&').match(/\S+/g)!.join(' '));
  });

  it('gives a relay up at once when the citizen blocked the bot: one call, no retries', async () => {
    await setUp();
    const bot = await start();
    const message = await openTicket();
    const before = fake.callsOf('sendMessage').length;
    fake.failNext('sendMessage', { status: 403, description: 'bot was blocked by the user' });
    answerFrom(bot, message, 'Ja, samstags.');
    await eventually(() => bot.pending() === 0, 'the outbox empty');
    await new Promise((resolve) => setTimeout(resolve, 200)); // several outbox rounds
    expect(
      fake
        .callsOf('sendMessage')
        .slice(before)
        .map((call) => call.status),
    ).toEqual([403]);
    expect(bot.logLines.join('\n')).toContain('hand-off delivery given up');
  });

  it('survives a restart between consent and answer, and between answer and relay: each answer arrives once', async () => {
    await setUp();
    const first = await start();
    const message = await openTicket();
    await first.stop();

    // A new bot process on the same database: the member answers now.
    const second = await start();
    answerFrom(second, message, 'Ja, samstags.');
    await fake.waitFor(() => relays().length === 1, 'the relay after the restart');

    // The answer is recorded, then the process goes before relaying it.
    await second.handoff.stop();
    answerFrom(second, message, 'Und sonntags.', '1700000002.000100');
    await second.stop();
    expect(relays()).toHaveLength(1);

    const third = await start();
    await fake.waitFor(() => relays().length === 2, 'the relay left over, sent by the next start');
    await eventually(() => third.pending() === 0, 'the outbox empty');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(relays().map((call) => call.visibleText)).toEqual([`${HEADER}\n\nJa, samstags.`, `${HEADER}\n\nUnd sonntags.`]);
    expect(board.posts).toHaveLength(1);
  });

  it('works the same when updates come by webhook', async () => {
    await setUp();
    const db = openDatabase({ dir: data.dir });
    const { logger } = capturedLogger();
    const handoff = createHandoff({ db, config: TEST_HANDOFF_CONFIG, logger, idleMs: 20 });
    const webhook = { url: 'https://bot.example.org/telegram/hook', path: '/telegram/hook', secret: 'TEST-webhook-secret_0123456789' };
    const channel = createTelegramChannel({ token: FAKE_TOKEN, apiRoot: fake.apiRoot, webhook }, core(), logger, { ...TEST_TIMINGS, handoff });
    const server = await startHttpServer(channel.routes, { host: '127.0.0.1', port: 0 });
    cleanups.push(
      () => closeDatabase(db),
      () => handoff.stop(),
      () => server.close(),
      () => channel.stop(),
    );
    await channel.start();
    handoff.start({ board, chat: channel.handoffChat });
    const post = async (update: Update) => {
      const response = await fetch(`http://127.0.0.1:${server.port}${webhook.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhook.secret },
        body: JSON.stringify(update),
      });
      expect(response.status).toBe(200);
    };
    const message = await openTicket(post);
    handoff.answer({ ticket: { board: message }, key: `${message.channel}:1700000001.000100`, text: 'Ja, samstags.', answeredBy: 'U0MEMBER01' });
    await fake.waitFor(() => relays().length === 1, 'the relay');
    expect(fake.callsOf('getUpdates')).toEqual([]);
  });
});

describe('the HandoffChat port', () => {
  async function channelOnly(): Promise<TelegramChannel> {
    fake = await FakeTelegram.start();
    cleanups.push(() => fake.close());
    const channel = createTelegramChannel(
      { token: FAKE_TOKEN, apiRoot: fake.apiRoot, webhook: undefined },
      core(),
      capturedLogger().logger,
      TEST_TIMINGS,
    );
    return channel;
  }
  const answer = (text = 'Ja.') => ({ ticketNumber: 1, text, locale: 'de' as const });

  it('throws PermanentDeliveryError for a blocked bot and for a chat that does not exist', async () => {
    const { handoffChat } = await channelOnly();
    fake.failNext('sendMessage', { status: 403, description: 'bot was blocked by the user' });
    await expect(handoffChat.relayAnswer(String(CHAT), answer())).rejects.toBeInstanceOf(PermanentDeliveryError);
    fake.failNext('sendMessage', { status: 400, description: 'chat not found' });
    await expect(handoffChat.relayAnswer(String(CHAT), answer())).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(handoffChat.relayAnswer('not-a-chat', answer())).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(fake.callsOf('sendMessage')).toHaveLength(2);
  });

  it('throws other failures as they are, for the outbox to retry', async () => {
    const { handoffChat } = await channelOnly();
    fake.failNext('sendMessage', { status: 'drop' }, 3); // the first try and both network retries
    const unreachable = await handoffChat.relayAnswer(String(CHAT), answer()).catch((error: unknown) => error);
    expect(unreachable).toBeInstanceOf(HttpError);
    fake.failNext('sendMessage', { status: 400, description: 'message is too long' });
    const refused = await handoffChat.relayAnswer(String(CHAT), answer()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GrammyError);
    expect(refused).not.toBeInstanceOf(PermanentDeliveryError);
    await handoffChat.relayAnswer(String(CHAT), answer());
    expect(fake.sentMessages(CHAT).map((call) => call.visibleText)).toEqual([`${HEADER}\n\nJa.`]);
  });

  it('does not send again the parts of a long answer that went out before a failure', async () => {
    const { handoffChat } = await channelOnly();
    const long = `${'Ein Satz für die Antwort. '.repeat(200)}\n\n`.repeat(3);
    let failed = false;
    fake.onCall((call) => {
      if (!failed && call.method === 'sendMessage' && call.status === 200) {
        failed = true;
        fake.failNext('sendMessage', { status: 'drop' }, 3);
      }
    });
    await expect(handoffChat.relayAnswer(String(CHAT), answer(long))).rejects.toBeInstanceOf(HttpError);
    expect(fake.sentMessages(CHAT)).toHaveLength(1);
    await handoffChat.relayAnswer(String(CHAT), answer(long));
    const expected = renderRelay(answer(long), say).map((part) => visibleHtml(part.text));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(fake.sentMessages(CHAT).map((call) => call.visibleText)).toEqual(expected);
  });
});
