import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackChannel, SlackStartError } from '../../../adapters/slack/channel.js';
import type { SlackConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { openStorage, type Storage } from '../../../src/storage/storage.js';
import { replyOf } from '../../support/assistant.js';
import { FAKE_BOT_ID, FAKE_BOT_TOKEN, FAKE_BOT_USER_ID, FAKE_SIGNING_SECRET, type FakeSlack, startFakeSlack } from '../../support/fake-slack.js';
import { captureLogs } from '../../support/log-capture.js';
import { say } from '../../support/say.js';

/** What an operator sees when Slack will not start: the variable, the fix, one line per retry, no stack traces. */

let fake: FakeSlack | undefined;
let storage: Storage | undefined;
let dir: string | undefined;
afterEach(async () => {
  await fake?.close();
  storage?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  fake = storage = dir = undefined;
});

const core = {
  say,
  respond: () => replyOf({ confidence: 0, fallback: true }),
};

function channelFor(config: Partial<SlackConfig>, options: { botIds?: boolean; attempts?: number } = {}) {
  const logs = captureLogs();
  dir = mkdtempSync(join(tmpdir(), 'slack-start-'));
  storage = openStorage({ dir, logger: createLogger({ level: 'silent', pretty: false }) });
  const channel = createSlackChannel(
    {
      botToken: FAKE_BOT_TOKEN,
      appToken: undefined,
      signingSecret: FAKE_SIGNING_SECRET,
      apiUrl: fake?.apiUrl,
      responseUrlOrigin: 'https://hooks.slack.com',
      ...config,
    },
    core,
    createLogger({ level: 'info', pretty: false, destination: logs }),
    {
      intake: storage.intake,
      startAttempts: options.attempts ?? 3,
      startRetryDelayMs: 10,
      ...(options.botIds ? { botId: FAKE_BOT_ID, botUserId: FAKE_BOT_USER_ID } : {}),
    },
  );
  return { channel, logs };
}

describe('Slack channel start', () => {
  it.each([
    ['token_revoked', /SLACK_BOT_TOKEN \(token_revoked\): it was revoked\. Fix: .*reinstall the app/],
    ['invalid_auth', /SLACK_BOT_TOKEN \(invalid_auth\): it is not a valid token\. Fix: set the Bot User OAuth Token/],
  ])('names SLACK_BOT_TOKEN and the fix when Slack answers %s', async (code, message) => {
    fake = await startFakeSlack();
    fake.tokenError = code;
    const { channel } = channelFor({});
    const failure = await channel.start().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SlackStartError);
    expect((failure as Error).message).toMatch(message);
  });

  it('tries an unreachable Web API again with one line per retry, then names SLACK_API_URL', async () => {
    fake = await startFakeSlack();
    const apiUrl = fake.apiUrl;
    await fake.close();
    fake = undefined;
    const { channel, logs } = channelFor({ apiUrl }, { attempts: 3 });
    const failure = await channel.start().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SlackStartError);
    expect((failure as Error).message).toMatch(/cannot be reached \(ECONNREFUSED\) after 3 attempts.*SLACK_API_URL/);
    const lines = logs.records();
    expect(lines.map((line) => line.msg)).toEqual([
      expect.stringMatching(/cannot be reached \(ECONNREFUSED\); trying again in 0\.01 s$/),
      expect.stringMatching(/cannot be reached \(ECONNREFUSED\); trying again in 0\.02 s$/),
    ]);
    expect(logs.text()).not.toContain('    at ');
  });

  it('names SLACK_APP_TOKEN and the fix when Slack refuses the app token (Socket Mode)', async () => {
    fake = await startFakeSlack();
    const { channel } = channelFor({ appToken: 'xapp-wrong-token', signingSecret: undefined }, { botIds: true });
    const failure = await channel.start().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SlackStartError);
    expect((failure as Error).message).toMatch(/SLACK_APP_TOKEN \(invalid_auth\).*connections:write/);
  });
});
