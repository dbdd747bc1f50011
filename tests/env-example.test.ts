import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

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
