import { createTelegramChannel } from '../adapters/telegram/channel.js';
import { createLogger } from '../src/logger.js';
import { realAssistant } from '../tests/support/assistant.js';
import { FAKE_TOKEN } from '../tests/support/fake-telegram.js';

/**
 * The bot side of `bench-telegram.ts`: the real Telegram channel in polling mode with
 * the real core, in its own process as in production, so the fake Bot API does not
 * share its event loop. Receives the fake's `apiRoot` as argument, sends `'ready'`
 * once polling, drains and exits on `'stop'`.
 */
const apiRoot = process.argv[2];
if (!apiRoot || !process.send) throw new Error('start me from scripts/bench-telegram.ts');

const channel = createTelegramChannel(
  { token: FAKE_TOKEN, apiRoot, webhook: undefined },
  realAssistant(),
  createLogger({ level: 'silent', pretty: false }),
);
await channel.start();
process.send('ready');
process.on('message', async (message) => {
  if (message !== 'stop') return;
  await channel.stop();
  process.disconnect();
});
