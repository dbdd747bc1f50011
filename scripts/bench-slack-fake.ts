/**
 * The fake Slack Web API of `bench-slack.ts` in its own process, so that answering the
 * subject's calls does not compete with sending it events: in one process, a subject
 * that answers fast would slow down the very client that measures its acks. Talks over
 * IPC: sends `{ apiUrl, origin }` once it listens; answers `{ type: 'posts', from }` with
 * the chat.postMessage calls from that index on (channel, and wall-clock time in ms on
 * arrival), takes `{ type: 'delay', ms }` (a slow Slack) and `{ type: 'stop' }`.
 */
import { startFakeSlack } from '../tests/support/fake-slack.js';

if (!process.send) throw new Error('start me from scripts/bench-slack.ts');
const fake = await startFakeSlack();
const posts: { channel: string; at: number }[] = [];

/** Moves new calls out of the fake's own list, which would otherwise grow with every run. */
const collect = () => {
  for (const call of fake.calls.splice(0)) {
    if (call.method === 'chat.postMessage') posts.push({ channel: String(call.args.channel), at: performance.timeOrigin + call.at });
  }
};
setInterval(collect, 50).unref();

process.on('message', (message: { type: string; from?: number; ms?: number }) => {
  if (message.type === 'posts') {
    collect();
    process.send?.({ type: 'posts', posts: posts.slice(message.from ?? 0), total: posts.length });
  } else if (message.type === 'delay') {
    fake.delayMs = message.ms ?? 0;
    process.send?.({ type: 'delay' });
  } else if (message.type === 'stop') {
    void fake.close().then(() => process.exit(0));
  }
});
process.send({ apiUrl: fake.apiUrl, origin: fake.origin });
