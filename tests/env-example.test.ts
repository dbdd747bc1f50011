import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, withDotEnv } from '../src/config.js';

const example = readFileSync('.env.example', 'utf8');
const assignments = Object.fromEntries([...example.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1] as string, m[2] as string]));

describe('.env.example', () => {
  it('lists every variable the config reads', () => {
    const source = readFileSync('src/config.ts', 'utf8');
    const read = [...source.matchAll(/^\s{4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(10);
    for (const name of read) expect(Object.keys(assignments), `${name} missing from .env.example`).toContain(name);
  });

  it('is itself a valid configuration whose values are the defaults', () => {
    expect(parseConfig(assignments)).toEqual(parseConfig({}));
  });
});

describe('config errors', () => {
  it('name each wrong variable and say how to fix it', () => {
    try {
      parseConfig({ PORT: '70000', SHUTDOWN_TIMEOUT_MS: 'soon', UNANSWERED_ENABLED: 'vielleicht', SLACK_BOT_TOKEN: 'xoxp-user' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT: use a whole number from 0 to 65535$/m);
      expect(problems).toMatch(/^SHUTDOWN_TIMEOUT_MS: /m);
      expect(problems).toMatch(/^UNANSWERED_ENABLED: use true or false$/m);
      expect(problems).toMatch(/^SLACK_BOT_TOKEN: a bot token starts with xoxb-$/m);
    }
  });
});

describe('data directory', () => {
  it('is DATA_DIR, falls back to the old UNANSWERED_DIR, and defaults to data', () => {
    expect(parseConfig({}).dataDir).toBe('data');
    expect(parseConfig({ UNANSWERED_DIR: '/srv/old' }).dataDir).toBe('/srv/old');
    expect(parseConfig({ UNANSWERED_DIR: '/srv/old', DATA_DIR: '/srv/new' }).dataDir).toBe('/srv/new');
    expect(parseConfig({ DATA_DIR: ' ' }).dataDir).toBe('data');
  });
});

describe('.env file', () => {
  it('fills in what the environment does not set; the environment wins, even when empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dotenv-'));
    try {
      const file = join(dir, 'bot.env');
      writeFileSync(file, '# comment\nPORT=4000\nLOG_LEVEL="debug"\nHOST=127.0.0.1\nPSEUDONYM_KEY=from-file\n');
      const env = withDotEnv({ ENV_FILE: file, LOG_LEVEL: 'warn', PSEUDONYM_KEY: '' });
      expect(env).toMatchObject({ PORT: '4000', HOST: '127.0.0.1', LOG_LEVEL: 'warn', PSEUDONYM_KEY: '' });
      expect(parseConfig(env)).toMatchObject({ port: 4000, host: '127.0.0.1', logLevel: 'warn', pseudonymKey: undefined });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is optional, and a wrong value in it is named like one in the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dotenv-'));
    try {
      expect(withDotEnv({ ENV_FILE: join(dir, 'missing.env'), PORT: '1' })).toEqual({ ENV_FILE: join(dir, 'missing.env'), PORT: '1' });
      writeFileSync(join(dir, '.env'), 'PORT=abc\n');
      expect(() => parseConfig(withDotEnv({ ENV_FILE: join(dir, '.env') }))).toThrow(/PORT: use a whole number/);
      expect(() => withDotEnv({ ENV_FILE: dir })).toThrow(/ENV_FILE: cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hand-off config', () => {
  const both = { TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };

  it('is off unless Telegram, Slack and SLACK_HANDOFF_CHANNEL are all set, and says why when only the channel is', () => {
    expect(parseConfig(both).handoff).toBeUndefined();
    expect(parseConfig({ ...both, SLACK_HANDOFF_CHANNEL: 'C0123ABCDE' }).handoff).toEqual({
      channel: 'C0123ABCDE',
      retentionDays: 30,
      maxOpenPerChat: 3,
      maxPerDay: 5,
      maxQuestionLength: 1500,
      postIntervalMs: 1000,
    });
    const telegramOnly = parseConfig({ TELEGRAM_BOT_TOKEN: both.TELEGRAM_BOT_TOKEN, SLACK_HANDOFF_CHANNEL: 'C0123ABCDE' });
    expect(telegramOnly.handoff).toBeUndefined();
    expect(telegramOnly.handoffOffBecause).toMatch(/needs both TELEGRAM_BOT_TOKEN and SLACK_BOT_TOKEN/);
  });

  it('wants the channel id, not its name, and limits in range', () => {
    expect(() => parseConfig({ ...both, SLACK_HANDOFF_CHANNEL: '#fragen' })).toThrow(/SLACK_HANDOFF_CHANNEL: use the channel's id/);
    expect(() => parseConfig({ ...both, HANDOFF_RETENTION_DAYS: '0' })).toThrow(/HANDOFF_RETENTION_DAYS: use a whole number from 1 to 365/);
  });
});
