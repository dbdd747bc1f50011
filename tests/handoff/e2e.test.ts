import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/fake-handoff-ports.js';
import {
  eventEnvelope,
  FAKE_BOT_TOKEN,
  FAKE_SIGNING_SECRET,
  type FakeSlack,
  FORM,
  interactionForm,
  postSigned,
  type RecordedCall,
  startFakeSlack,
} from '../support/fake-slack.js';
import { FAKE_TOKEN, FakeTelegram } from '../support/fake-telegram.js';
import { type MainProcess, startMain } from '../support/main-process.js';

/**
 * "Ask a person" end to end: the real process (`src/main.ts`, as `npm start` runs it) with
 * the real Telegram channel polling the fake Bot API and the real Slack channel in HTTP
 * mode against the fake Slack, the real core declining the question, the real hand-off on
 * SQLite in DATA_DIR. The process is killed (SIGKILL) while Slack is taking the ticket's
 * post, and again after the answer reached the citizen; each time a new process on the
 * same DATA_DIR must go on where the last one stopped, losing nothing and doubling nothing.
 */

const HANDOFF_CHANNEL = 'C0E2EHANDOFF';
const CHAT = 5_550_123_456;
const CITIZEN = { id: CHAT, firstName: 'Wiebke', lastName: 'Quandtxylander', username: 'wiebke_q_1984' };
// A question about another city service: the core declines it, whatever it learns about the programme.
const QUESTION = 'Wo beantrage ich einen Anwohnerparkausweis?';
const MEMBER = 'UE2EMEMBER';
const RELAY_HEADER = 'Antwort aus dem Netzwerk';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function environment(tg: FakeTelegram, slack: FakeSlack, dataDir: string): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
    TELEGRAM_API_ROOT: tg.apiRoot,
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_RESPONSE_URL_ORIGIN: slack.origin,
    SLACK_HANDOFF_CHANNEL: HANDOFF_CHANNEL,
    HANDOFF_POST_INTERVAL_MS: '0',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    KNOWLEDGE_RELOAD: 'false',
  };
}

/** A bot process with both channels and the hand-off running; resolves with where Slack posts to it. */
async function startBot(env: Record<string, string>, logs: string[]): Promise<{ main: MainProcess; eventsUrl: string }> {
  const main = startMain(env);
  cleanups.push(async () => {
    if (main.child.exitCode === null && main.child.signalCode === null) main.child.kill('SIGKILL');
    await main.exit;
  });
  const port = await main.port;
  await eventually(() => main.stderr().includes('hand-off to the network team is on'), 'the hand-off to start', 20_000);
  logs.push(''); // a slot for this process's log, filled in when it ends
  const slot = logs.length - 1;
  void main.exit.then(() => (logs[slot] = main.stderr()));
  return { main, eventsUrl: `http://127.0.0.1:${port}/slack/events` };
}

async function kill(main: MainProcess, signal: NodeJS.Signals): Promise<void> {
  main.child.kill(signal);
  const { code, signal: by } = await main.exit;
  if (signal === 'SIGTERM') expect(code, main.stderr()).toBe(0);
  else expect(by).toBe(signal);
}

const ticketPosts = (slack: FakeSlack) =>
  slack.callsOf('chat.postMessage').filter((call) => call.args.channel === HANDOFF_CHANNEL && !call.args.thread_ts);
const updatesShowing = (slack: FakeSlack, text: string) =>
  slack.callsOf('chat.update').filter((call) => JSON.stringify(call.args.blocks).includes(text));

describe('the hand-off across both channels and two crashes', () => {
  it('question → consent → ticket → thread reply → answer in the chat, once; closing deletes the chat id', async () => {
    const tg = await FakeTelegram.start();
    const slack = await startFakeSlack();
    const dataDir = mkdtempSync(join(tmpdir(), 'handoff-e2e-'));
    cleanups.push(
      () => tg.close(),
      () => slack.close(),
      () => rmSync(dataDir, { recursive: true, force: true }),
    );
    const env = environment(tg, slack, dataDir);
    const logs: string[] = [];
    const relays = () => tg.sentMessages(CHAT).filter((call) => call.visibleText?.startsWith(RELAY_HEADER));

    // 1. The real core declines; the offer comes first, nothing goes to Slack before the press.
    let bot = await startBot(env, logs);
    tg.deliver(tg.updates.text(CHAT, QUESTION, { from: CITIZEN }));
    const offer = await tg.waitForButton(CHAT, 'An das Team weitergeben');
    expect(ticketPosts(slack)).toEqual([]);
    // Slack takes its time to answer the post: the process dies after Slack has the ticket, before it hears so.
    slack.delayMs = 10_000;
    tg.press(CHAT, offer.call, offer.button, { from: CITIZEN });
    const post = await slack.waitFor((call) => ticketPosts(slack).includes(call), 15_000);
    expect(JSON.stringify(post.args.blocks)).toContain(QUESTION);
    expect(JSON.stringify(post.args.blocks)).toContain('#1');

    // 2. The next process looks the ticket up in the channel instead of posting it again.
    await kill(bot.main, 'SIGKILL');
    slack.delayMs = 0;
    bot = await startBot(env, logs);
    await slack.waitFor((call) => call.method === 'conversations.history' && call.args.channel === HANDOFF_CHANNEL, 15_000);
    const ticketTs = slack.messages(HANDOFF_CHANNEL).find((message) => !message.thread_ts)?.ts as string;
    const reply = {
      type: 'message',
      channel_type: 'channel',
      channel: HANDOFF_CHANNEL,
      user: MEMBER,
      text: 'Beim Bürgerservice &amp; online: <https://www.luebeck.de/ehrenamt|Seite der Stadt>',
      ts: '1900000000.000100',
      thread_ts: ticketTs,
    };
    expect((await postSigned(bot.eventsUrl, eventEnvelope(reply, 'EvE2EREPLY1'))).status).toBe(200);
    const relayed = await tg.waitFor(() => relays()[0], 'the answer in the chat');
    expect(relayed.visibleText).toBe(`${RELAY_HEADER} (#1):\n\nBeim Bürgerservice & online: Seite der Stadt (https://www.luebeck.de/ehrenamt)`);
    // The message shows who answered; that update is queued after the relay, so the relay is done once it is seen.
    await slack.waitFor((call) => updatesShowing(slack, `<@${MEMBER}>`).includes(call), 15_000);

    // 3. Killed again: Slack's retry of the reply, the same reply under another event id, then a new one.
    await kill(bot.main, 'SIGKILL');
    bot = await startBot(env, logs);
    await postSigned(bot.eventsUrl, eventEnvelope(reply, 'EvE2EREPLY1'), { retryNum: 1 });
    await postSigned(bot.eventsUrl, eventEnvelope(reply, 'EvE2EREPLY1BIS'));
    await postSigned(bot.eventsUrl, eventEnvelope({ ...reply, text: 'Den Antrag gibt es auch als PDF.', ts: '1900000000.000200' }, 'EvE2EREPLY2'));
    await tg.waitFor(() => relays()[1], 'the second answer');

    // 4. "Schließen", then a clean stop.
    const close = {
      type: 'block_actions',
      user: { id: MEMBER },
      channel: { id: HANDOFF_CHANNEL },
      container: { type: 'message', channel_id: HANDOFF_CHANNEL, message_ts: ticketTs },
      message: { ts: ticketTs },
      actions: [{ type: 'button', action_id: 'handoff:close', value: '1', action_ts: '1900000000.000300' }],
    };
    expect((await postSigned(bot.eventsUrl, interactionForm(close), { contentType: FORM })).status).toBe(200);
    await slack.waitFor((call) => updatesShowing(slack, `Geschlossen von <@${MEMBER}>`).includes(call), 15_000);
    await kill(bot.main, 'SIGTERM');

    expect(ticketPosts(slack)).toHaveLength(1);
    expect(relays().map((call) => call.visibleText?.split('\n\n')[1])).toEqual([
      'Beim Bürgerservice & online: Seite der Stadt (https://www.luebeck.de/ehrenamt)',
      'Den Antrag gibt es auch als PDF.',
    ]);
    // The citizen never reached Slack, and after closing is in neither the logs nor the data directory.
    const citizen = [String(CHAT), CITIZEN.firstName, CITIZEN.lastName, CITIZEN.username];
    for (const call of slack.calls as RecordedCall[]) for (const trace of citizen) expect(JSON.stringify(call.args)).not.toContain(trace);
    await eventually(() => logs.every(Boolean), 'the logs of all three processes');
    for (const log of logs) for (const trace of citizen) expect(log).not.toContain(trace);
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, file));
      for (const trace of citizen) expect(bytes.includes(trace), `${trace} in ${file}`).toBe(false);
    }
  }, 90_000);
});
