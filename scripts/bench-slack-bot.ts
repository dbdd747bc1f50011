import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackChannel } from '../adapters/slack/channel.js';
import { startHttpServer } from '../src/http-server.js';
import { createLogger } from '../src/logger.js';
import { openStorage } from '../src/storage/storage.js';
import { realAssistant } from '../tests/support/assistant.js';
import { FAKE_BOT_ID, FAKE_BOT_TOKEN, FAKE_BOT_USER_ID, FAKE_SIGNING_SECRET } from '../tests/support/fake-slack.js';

/**
 * The bot side of `bench-slack.ts`, run as its own process like in production, so the
 * load generator and the fake Slack do not share its event loop. Talks over IPC:
 * receives the fake's API URL as argument, sends `{ port }` when ready, drains and
 * sends `{ stopped: true }` on `'stop'`.
 */
const apiUrl = process.argv[2];
if (!apiUrl || !process.send) throw new Error('start me from scripts/bench-slack.ts');

const logger = createLogger({ level: 'silent', pretty: false });
const storage = openStorage({ dir: mkdtempSync(join(tmpdir(), 'bench-slack-')), logger });
const channel = createSlackChannel(
  { botToken: FAKE_BOT_TOKEN, appToken: undefined, signingSecret: FAKE_SIGNING_SECRET, apiUrl, responseUrlOrigin: new URL(apiUrl).origin },
  realAssistant(),
  logger,
  { botId: FAKE_BOT_ID, botUserId: FAKE_BOT_USER_ID, intake: storage.intake },
);
const server = await startHttpServer(channel.routes, { host: '127.0.0.1', port: 0 });
await channel.start();
process.send({ port: server.port });
process.on('message', async (message) => {
  if (message !== 'stop') return;
  await channel.stop();
  await server.close();
  process.send?.({ stopped: true });
  process.disconnect();
});
