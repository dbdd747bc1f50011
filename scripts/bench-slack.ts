import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { eventEnvelope, FAKE_BOT_USER_ID, FAKE_SIGNING_SECRET, slackSignature, startFakeSlack } from '../tests/support/fake-slack.js';

/**
 * End-to-end load on the Slack adapter: signed Events API requests into the real Bolt
 * app in HTTP mode, answers recorded by the fake Slack Web API, all on 127.0.0.1.
 * Every tenth event is also re-sent as a Slack retry, which must not be answered.
 * The bot runs in its own process (`bench-slack-bot.ts`), as in production: Slack's
 * side (load and Web API) would otherwise compete for the bot's one event loop.
 */

/** Starts the bot process against the fake Slack and resolves once it listens. */
async function startBotProcess(apiUrl: string): Promise<{ bot: ChildProcess; port: number }> {
  const bot = fork(fileURLToPath(new URL('./bench-slack-bot.ts', import.meta.url)), [apiUrl], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROF] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await once(bot, 'message')) as [{ port: number }];
  return { bot, port: ready.port };
}

/** Asks the bot to stop, which waits for every answer in flight, then waits for it to exit. */
async function stopBotProcess(bot: ChildProcess): Promise<void> {
  const exited = once(bot, 'exit');
  bot.send('stop');
  await exited;
}

export interface SlackBenchOptions {
  events?: number;
  conversations?: number;
  concurrency?: number;
}

const QUESTIONS = [
  'Wie ist die Telefonnummer?',
  'Wer ist Ansprechpartner?',
  'Was ist die Engagierte Stadt?',
  'Wie kann meine Organisation Partner werden?',
  'Who can I contact?',
  'Gibt es Förderung für Vereine?',
  'Quantenschaum Xylophon?',
];

/**
 * Posts one signed event like Slack and resolves with the status once the response is
 * complete. Plain node:http on kept-alive sockets: fetch costs enough CPU to compete
 * with the bot on a small machine.
 */
function postEvent(agent: Agent, url: URL, body: string, retryNum?: number): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': slackSignature(FAKE_SIGNING_SECRET, timestamp, body),
  };
  if (retryNum !== undefined) Object.assign(headers, { 'x-slack-retry-num': retryNum, 'x-slack-retry-reason': 'http_timeout' });
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Unmeasured events sent first. */
const WARM_UP_EVENTS = 200;

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Runs the benchmark and returns rows for a table (check, measured, target, ok).
 *
 * ```ts
 * console.table(await benchSlack());
 * ```
 */
export async function benchSlack({
  events = 1000,
  conversations = 100,
  concurrency = 50,
}: SlackBenchOptions = {}): Promise<Record<string, string | number>[]> {
  const fake = await startFakeSlack();
  const { bot, port } = await startBotProcess(fake.apiUrl);
  const url = new URL(`http://127.0.0.1:${port}/slack/events`);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

  // Each conversation is one thread in its own channel; its answers arrive in that thread.
  const jobs = Array.from({ length: events }, (_, i) => {
    const conversation = i % conversations;
    const eventId = `EvBENCH${i}`;
    const body = eventEnvelope(
      {
        type: 'app_mention',
        channel: `CBENCH${conversation}`,
        user: `UBENCH${conversation}`,
        text: `<@${FAKE_BOT_USER_ID}> ${QUESTIONS[i % QUESTIONS.length]}`,
        ts: `1700000001.${String(i).padStart(6, '0')}`,
        thread_ts: `1700000000.${String(conversation).padStart(6, '0')}`,
      },
      eventId,
    );
    return { conversation, body, retry: i % 10 === 0 };
  });

  // Warm-up: the first requests pay for lazy module loading and JIT; keep them out of the figures.
  const warmUp = Array.from({ length: WARM_UP_EVENTS }, (_, i) =>
    eventEnvelope({
      type: 'app_mention',
      channel: 'CWARMUP',
      user: 'UWARMUP',
      text: `<@${FAKE_BOT_USER_ID}> Hallo`,
      ts: `1600000000.${String(i).padStart(6, '0')}`,
    }),
  );
  // Batches as wide as the load itself, so every kept-alive socket exists before measuring.
  for (let start = 0; start < warmUp.length; start += concurrency) {
    await Promise.all(warmUp.slice(start, start + concurrency).map((body) => postEvent(agent, url, body)));
  }
  await fake.waitFor(() => fake.callsOf('chat.postMessage').length >= WARM_UP_EVENTS, 20_000);
  fake.calls.length = 0;

  const ackMs: number[] = [];
  const sentAt: number[][] = Array.from({ length: conversations }, () => []);
  let failedAcks = 0;
  let retriesSent = 0;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (!job) break;
      const started = performance.now();
      sentAt[job.conversation]?.push(started);
      const status = await postEvent(agent, url, job.body);
      ackMs.push(performance.now() - started);
      if (status !== 200) failedAcks++;
      if (job.retry) {
        await postEvent(agent, url, job.body, 1);
        retriesSent++;
      }
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const sendSeconds = (performance.now() - began) / 1000;

  const answers = () => fake.callsOf('chat.postMessage');
  const deadline = performance.now() + 20_000;
  while (answers().length < events && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  // Everything in flight has been answered (or failed) after this; late duplicates would show now.
  agent.destroy();
  await stopBotProcess(bot);
  await fake.close();

  const answeredAt: number[][] = Array.from({ length: conversations }, () => []);
  for (const call of answers()) answeredAt[Number(String(call.args.channel).replace('CBENCH', ''))]?.push(call.at);
  let lost = 0;
  let duplicated = 0;
  const answerMs: number[] = [];
  for (let c = 0; c < conversations; c++) {
    const sent = sentAt[c] ?? [];
    const got = (answeredAt[c] ?? []).sort((a, b) => a - b);
    lost += Math.max(0, sent.length - got.length);
    duplicated += Math.max(0, got.length - sent.length);
    // Pair the k-th question of a thread with its k-th answer.
    for (let k = 0; k < Math.min(sent.length, got.length); k++) answerMs.push((got[k] ?? 0) - (sent[k] ?? 0));
  }

  const ackP99 = percentile(ackMs, 99);
  return [
    { check: 'events sent (signed, HTTP)', measured: events, target: `${conversations} conversations, ${concurrency} concurrent`, ok: 'info' },
    { check: 'warm-up events before (not measured)', measured: WARM_UP_EVENTS, target: '', ok: 'info' },
    { check: 'retries re-sent (same event_id)', measured: retriesSent, target: 'not answered again', ok: 'info' },
    { check: 'acks per second', measured: round(events / sendSeconds), target: '', ok: 'info' },
    { check: 'ack p50 (ms)', measured: round(percentile(ackMs, 50)), target: '', ok: 'info' },
    { check: 'ack p99 (ms)', measured: round(ackP99), target: '≤ 50', ok: ackP99 <= 50 ? 'yes' : 'NO' },
    { check: 'non-200 acks', measured: failedAcks, target: '0', ok: failedAcks === 0 ? 'yes' : 'NO' },
    { check: 'event → chat.postMessage p50 (ms)', measured: round(percentile(answerMs, 50)), target: '', ok: 'info' },
    { check: 'event → chat.postMessage p99 (ms)', measured: round(percentile(answerMs, 99)), target: '', ok: 'info' },
    { check: 'lost answers', measured: lost, target: '0', ok: lost === 0 ? 'yes' : 'NO' },
    { check: 'duplicated answers', measured: duplicated, target: '0', ok: duplicated === 0 ? 'yes' : 'NO' },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchSlack();
  console.table(rows);
  if (rows.some((row) => row.ok === 'NO')) process.exitCode = 1;
}
