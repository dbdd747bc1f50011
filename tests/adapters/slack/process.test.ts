import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  eventEnvelope,
  FAKE_BOT_TOKEN,
  FAKE_BOT_USER_ID,
  FAKE_SIGNING_SECRET,
  type FakeSlack,
  postSigned,
  type RecordedCall,
  startFakeSlack,
} from '../../support/fake-slack.js';
import { type MainProcess, startMain, waitForStatus } from '../../support/main-process.js';

/**
 * The real process (`src/main.ts`, as `npm start` runs it) in Slack HTTP mode, killed
 * or stopped while it has answers to send, then started again on the same data
 * directory: every question is answered, none twice. Slack's side is played the way
 * Slack plays it: a request that got no 200 is sent again after the restart.
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(): Promise<{ fake: FakeSlack; dataDir: string }> {
  const fake = await startFakeSlack();
  const dataDir = mkdtempSync(join(tmpdir(), 'slack-process-'));
  cleanups.push(
    () => fake.close(),
    () => rmSync(dataDir, { recursive: true, force: true }),
  );
  return { fake, dataDir };
}

async function startBot(fake: FakeSlack, dataDir: string, env: Record<string, string> = {}): Promise<{ main: MainProcess; eventsUrl: string }> {
  const main = startMain({
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_RESPONSE_URL_ORIGIN: fake.origin,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    KNOWLEDGE_RELOAD: 'false',
    ...env,
  });
  cleanups.push(() => main.child.exitCode === null && main.child.signalCode === null && main.child.kill('SIGKILL'));
  const port = await main.port;
  await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200);
  return { main, eventsUrl: `http://127.0.0.1:${port}/slack/events` };
}

/** One mention per thread, each in its own thread of one channel: its answer is recognised by thread_ts. */
function questions(count: number, prefix: string): { threadTs: string; body: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const threadTs = `1700000400.${prefix}${String(i).padStart(4, '0')}`;
    const event = {
      type: 'app_mention',
      channel: 'CLOAD',
      user: `U${prefix}${i}`,
      text: `<@${FAKE_BOT_USER_ID}> Wer ist Ansprechpartner?`,
      ts: threadTs,
    };
    return { threadTs, body: eventEnvelope(event, `Ev${prefix}${i}`) };
  });
}

const answersIn = (fake: FakeSlack, threadTs: string) =>
  fake.callsOf('chat.postMessage').filter((call: RecordedCall) => call.args.channel === 'CLOAD' && call.args.thread_ts === threadTs);

async function until(condition: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Sends what did not get a 200 again, as Slack does, until every question is acknowledged. */
async function deliverAll(eventsUrl: string, pending: { threadTs: string; body: string }[], retryNum?: number): Promise<void> {
  const statuses = await Promise.all(
    pending.map((q) =>
      postSigned(eventsUrl, q.body, retryNum === undefined ? {} : { retryNum }).then(
        (response) => response.status,
        () => 0,
      ),
    ),
  );
  const refused = pending.filter((_, i) => statuses[i] !== 200);
  if (refused.length > 0) throw new Error(`${refused.length} not acknowledged`);
}

function expectEachAnsweredOnce(fake: FakeSlack, all: { threadTs: string }[]): void {
  const counts = all.map((q) => answersIn(fake, q.threadTs).length);
  expect({ lost: counts.filter((n) => n === 0).length, doubled: counts.filter((n) => n > 1).length }).toEqual({ lost: 0, doubled: 0 });
}

describe('npm start with Slack over HTTP, interrupted under load', () => {
  it('loses and doubles nothing when killed with SIGKILL mid-load; the restart finishes what was pending', async () => {
    const { fake, dataDir } = await setUp();
    fake.delayMs = 40;
    const all = questions(60, '1');
    const first = await startBot(fake, dataDir);
    const acks = Promise.all(
      all.map((q) =>
        postSigned(first.eventsUrl, q.body).then(
          (response) => ({ q, ok: response.status === 200 }),
          () => ({ q, ok: false }),
        ),
      ),
    );
    await until(() => fake.callsOf('chat.postMessage').length >= 10, 'the first answers');
    first.main.child.kill('SIGKILL');
    await first.main.exit;
    const unacknowledged = (await acks).filter((result) => !result.ok).map((result) => result.q);
    const answeredBeforeKill = all.filter((q) => answersIn(fake, q.threadTs).length > 0).length;
    expect(answeredBeforeKill).toBeLessThan(all.length);

    fake.delayMs = 0;
    const second = await startBot(fake, dataDir);
    await deliverAll(second.eventsUrl, unacknowledged, 1);
    await until(() => all.every((q) => answersIn(fake, q.threadTs).length > 0), 'every answer after the restart');
    second.main.child.kill('SIGTERM');
    expect((await second.main.exit).code).toBe(0);
    expectEachAnsweredOnce(fake, all);
  }, 60_000);

  it('loses and doubles nothing when a stop runs past SHUTDOWN_TIMEOUT_MS; the restart finishes it', async () => {
    const { fake, dataDir } = await setUp();
    fake.delayMs = 3_000;
    const all = questions(20, '2');
    const first = await startBot(fake, dataDir, { SHUTDOWN_TIMEOUT_MS: '300' });
    await deliverAll(first.eventsUrl, all);
    // Some answers have reached Slack, their confirmations have not come back yet.
    await until(() => fake.callsOf('chat.postMessage').length >= 4, 'answers in flight');
    first.main.child.kill('SIGTERM');
    expect((await first.main.exit).code).toBe(1);
    expect(first.main.stderr()).toContain('shutdown took too long');

    fake.delayMs = 0;
    const second = await startBot(fake, dataDir);
    await until(() => all.every((q) => answersIn(fake, q.threadTs).length > 0), 'every answer after the restart');
    second.main.child.kill('SIGTERM');
    expect((await second.main.exit).code).toBe(0);
    expect(second.main.stderr()).toContain('answer was sent before the restart');
    expectEachAnsweredOnce(fake, all);
  }, 60_000);

  it('stops at start with one line naming SLACK_BOT_TOKEN when Slack refuses it', async () => {
    const { fake, dataDir } = await setUp();
    fake.tokenError = 'token_revoked';
    const main = startMain({
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
      SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
    });
    expect((await main.exit).code).toBe(1);
    const fatal = main
      .stderr()
      .split('\n')
      .filter((line) => line.includes('SLACK_BOT_TOKEN'));
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatch(/token_revoked.*reinstall the app/);
    expect(main.stderr()).not.toMatch(/\n\s+at |\\n\s+at /);
  }, 30_000);
});
