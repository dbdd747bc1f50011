import { describe, expect, it } from 'vitest';
import { createLogger, createPseudonymiser, scrubSecrets } from '../src/logger.js';
import { captureLogs } from './support/log-capture.js';

// Shaped like the real thing, but not real.
const TELEGRAM_TOKEN = '7012345678:AAHfake-Token_for-tests-only-1234567890';
const SHORT_TELEGRAM_TOKEN = '123456:ABCtest';
const SLACK_BOT_TOKEN = 'xoxb-1111111111-2222222222-FakeFakeFakeFake';
const SLACK_APP_TOKEN = 'xapp-1-A0FAKE-3333333333-abcdef0123456789';
const SIGNING_SECRET = '8f14e45fceea167a5a36dedd4bea2543';
const USER_ID = '987654321';

function setup(level = 'info') {
  const out = captureLogs();
  const pseudonymise = createPseudonymiser('test-key');
  const logger = createLogger({
    level,
    pretty: false,
    destination: out,
    secrets: [SHORT_TELEGRAM_TOKEN, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SIGNING_SECRET, undefined],
    pseudonymise,
  });
  return { out, logger, pseudonymise };
}

function expectNoSecret(text: string) {
  for (const secret of [TELEGRAM_TOKEN, SHORT_TELEGRAM_TOKEN, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SIGNING_SECRET]) {
    expect(text).not.toContain(secret);
  }
}

describe('logger redaction', () => {
  it('removes tokens from message strings, including the Telegram token inside a request URL', () => {
    const { out, logger } = setup();
    logger.info(`calling https://api.telegram.org/bot${TELEGRAM_TOKEN}/sendMessage`);
    logger.warn(`Slack said no to ${SLACK_BOT_TOKEN}`);
    logger.error('app token %s rejected', SLACK_APP_TOKEN);
    expectNoSecret(out.text());
    expect(out.text()).toContain('[redacted]');
  });

  it('removes secrets at any depth of a logged object, not only at the known field names', () => {
    const { out, logger } = setup();
    logger.info({ config: { telegram: { token: SHORT_TELEGRAM_TOKEN }, slack: { signingSecret: SIGNING_SECRET } } }, 'config');
    logger.info({ request: { headers: { Authorization: `Bearer ${SLACK_BOT_TOKEN}` } }, url: `/bot${TELEGRAM_TOKEN}/getMe` });
    logger.info({ note: `secret was ${SIGNING_SECRET}` }, 'deep string');
    expectNoSecret(out.text());
  });

  it('removes secrets from errors: message, stack and extra fields', () => {
    const { out, logger } = setup();
    const error = Object.assign(new Error(`401 for /bot${TELEGRAM_TOKEN}/getUpdates`), {
      config: { token: SLACK_BOT_TOKEN, data: `token=${SLACK_BOT_TOKEN}&signing=${SIGNING_SECRET}` },
    });
    logger.error({ err: error }, 'failed');
    logger.error({ error }, 'failed under another key');
    expectNoSecret(out.text());
  });

  it('pseudonymises user ids at the usual fields and drops raw payloads', () => {
    const { out, logger, pseudonymise } = setup();
    logger.info({ userId: USER_ID }, 'message');
    logger.info({ update: { from: { id: Number(USER_ID) } }, from: { id: Number(USER_ID) } }, 'update');
    logger.info({ message: { userId: USER_ID, raw: { from: { id: Number(USER_ID), first_name: 'Erika' } } } }, 'nested');
    logger.info({ raw: { user: USER_ID } }, 'raw');
    const text = out.text();
    expect(text).not.toContain(USER_ID);
    expect(text).not.toContain('Erika');
    expect(text).toContain(pseudonymise(USER_ID));
  });

  it('leaves an id that is already a pseudonym as it is, so the trail stays the same', () => {
    const { out, logger, pseudonymise } = setup();
    logger.info({ user: pseudonymise(USER_ID) }, 'already hashed by the adapter');
    logger.info({ userId: USER_ID }, 'raw');
    const [first, second] = out.records();
    expect(first?.user).toBe(pseudonymise(USER_ID));
    expect(second?.userId).toBe(pseudonymise(USER_ID));
  });

  it('gives one user the same pseudonym for one key, and another for another key', () => {
    const a = createPseudonymiser('key-a');
    const b = createPseudonymiser('key-b');
    expect(a(USER_ID)).toBe(a(USER_ID));
    expect(a(USER_ID)).not.toBe(b(USER_ID));
    expect(a(USER_ID)).not.toContain(USER_ID);
    expect(a(undefined)).toBeUndefined();
  });

  it('keeps ordinary text that only looks a little like a token', () => {
    expect(scrubSecrets('Treffen um 12:30, Tel. 0451 122 2029')).toBe('Treffen um 12:30, Tel. 0451 122 2029');
  });

  it('writes nothing below the level, so debug-level message texts stay out of info logs', () => {
    const { out, logger } = setup('info');
    logger.debug({ text: 'Wie ist die Telefonnummer?' }, 'message text');
    expect(out.text()).toBe('');
  });
});
