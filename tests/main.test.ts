import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readUnanswered } from '../src/unanswered/store.js';
import { startDelayingProxy } from './support/delaying-proxy.js';
import { FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET, startFakeSlack } from './support/fake-slack.js';
import { FAKE_TOKEN, FakeTelegram } from './support/fake-telegram.js';
import { type MainProcess, startMain, waitForStatus } from './support/main-process.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'main-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function track(main: MainProcess): MainProcess {
  cleanups.push(() => main.child.exitCode === null && main.child.kill('SIGKILL'));
  return main;
}

describe('npm start: configuration', () => {
  it('fails at start naming the variable that is wrong', async () => {
    const main = track(startMain({ PORT: 'abc', TELEGRAM_BOT_TOKEN: 'not-a-token' }));
    const { code } = await main.exit;
    expect(code).toBe(1);
    expect(main.stderr()).toMatch(/PORT: use a whole number/);
    expect(main.stderr()).toMatch(/TELEGRAM_BOT_TOKEN: expected the form 123456:ABC/);
    // The rejected value is not echoed: it may be a secret pasted into the wrong variable.
    expect(main.stderr()).not.toContain('not-a-token');
    expect(main.stdout()).toBe('');
  });

  it('without channels and without a terminal, says which variables to set and exits 2 instead of hanging', async () => {
    const main = track(startMain({}));
    const { code } = await main.exit;
    expect(code).toBe(2);
    expect(main.stderr()).toContain('TELEGRAM_BOT_TOKEN');
    expect(main.stderr()).toContain('SLACK_BOT_TOKEN');
    expect(main.stdout()).toBe('');
  });

  it('refuses broken knowledge at start, naming file and field', async () => {
    const dir = tempDir();
    cpSync('knowledge', dir, { recursive: true });
    const people = join(dir, 'people.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('name: Jens Ilse', 'name: ""'));
    const main = track(startMain({ KNOWLEDGE_DIR: dir, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }));
    expect((await main.exit).code).toBe(1);
    expect(main.stderr()).toMatch(/people\.yaml → people\.0\.name/);
  });
});

describe('npm start: a token the platform refuses', () => {
  it('Telegram: names TELEGRAM_BOT_TOKEN and where to get the right one, exits 1, no stack trace', async () => {
    const fake = await FakeTelegram.start({ token: '999999:the-token-telegram-knows-aaaaaaaaaaaaaaaa' });
    cleanups.push(() => fake.close());
    const main = track(startMain({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, HOST: '127.0.0.1', PORT: '0' }));
    expect((await main.exit).code).toBe(1);
    expect(main.stderr()).toMatch(/TELEGRAM_BOT_TOKEN was refused by Telegram \(401 Unauthorized\).*@BotFather/);
    expect(main.stderr()).not.toMatch(/\n\s+at |\\n\s+at /);
    expect(main.stderr()).not.toContain(FAKE_TOKEN);
  });

  it('Slack: names SLACK_BOT_TOKEN, exits 1', async () => {
    const fake = await startFakeSlack();
    cleanups.push(() => fake.close());
    const main = track(
      startMain({
        SLACK_BOT_TOKEN: 'xoxb-revoked-token',
        SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        HOST: '127.0.0.1',
        PORT: '0',
      }),
    );
    expect((await main.exit).code).toBe(1);
    expect(main.stderr()).toMatch(/SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/);
    expect(main.stderr()).not.toContain('xoxb-revoked-token');
  });
});

describe('npm start with Telegram (against a fake Bot API on 127.0.0.1)', () => {
  it('is ready once started; on SIGTERM during an answer delivers it and exits 0; logs hold no token, user id or text', async () => {
    const fake = await FakeTelegram.start();
    cleanups.push(() => fake.close());
    let main: MainProcess | undefined;
    let signalled = false;
    const proxy = await startDelayingProxy({
      target: fake.apiRoot,
      hold: /\/sendMessage$/,
      holdMs: 700,
      onHold: () => {
        if (signalled) return;
        signalled = true;
        main?.child.kill('SIGTERM');
      },
    });
    cleanups.push(() => proxy.close());

    const userId = 987654321;
    // Out of scope, so it is also recorded as unanswered.
    const question = 'Wie wird das Wetter morgen, geheimwort?';
    const unansweredDir = tempDir();
    main = track(
      startMain({
        TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
        TELEGRAM_API_ROOT: proxy.url,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        UNANSWERED_DIR: unansweredDir,
        PSEUDONYM_KEY: 'test-key',
      }),
    );
    const port = await main.port;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200);

    fake.deliver(fake.updates.text(userId, question, { from: { id: userId, languageCode: 'de' } }));
    const { code, signal } = await main.exit;

    expect(signalled).toBe(true);
    expect(fake.sentMessages(userId)).toHaveLength(1); // the answer in flight arrived
    expect({ code, signal }).toEqual({ code: 0, signal: null });

    const logs = main.stderr();
    expect(logs).toContain('shutdown complete');
    expect(logs).not.toContain(FAKE_TOKEN);
    expect(logs).not.toContain(FAKE_TOKEN.split(':')[1]);
    expect(logs).not.toContain(String(userId));
    expect(logs).not.toContain('geheimwort');
    expect(main.stdout()).toBe('');

    // Recorded for the editors, without anything that identifies the asker.
    // Closed cleanly: no -wal file, and the database file itself holds no trace of who asked.
    expect(existsSync(join(unansweredDir, 'bot.sqlite-wal'))).toBe(false);
    expect(readFileSync(join(unansweredDir, 'bot.sqlite')).includes(String(userId))).toBe(false);
    expect(readUnanswered({ dir: unansweredDir, retentionDays: 90 })).toMatchObject([{ text: question, locale: 'de', channel: 'telegram' }]);
  }, 60_000);
});

describe('npm start with Slack in HTTP mode (against a fake Slack on 127.0.0.1)', () => {
  it('mounts /slack/events next to the health endpoints and shuts down cleanly', async () => {
    const fake = await startFakeSlack();
    cleanups.push(() => fake.close());
    const main = track(
      startMain({
        SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
        SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        HOST: '127.0.0.1',
        PORT: '0',
        UNANSWERED_ENABLED: 'false',
      }),
    );
    const port = await main.port;
    await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200);
    // Unsigned: Bolt's receiver must refuse it, which shows the route is Bolt's.
    const unsigned = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: '{}' });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(unsigned.status).toBeLessThan(500);

    main.child.kill('SIGINT');
    expect((await main.exit).code).toBe(0);
    expect(main.stderr()).not.toContain(FAKE_BOT_TOKEN);
    expect(main.stderr()).not.toContain(FAKE_SIGNING_SECRET);
  }, 60_000);
});
