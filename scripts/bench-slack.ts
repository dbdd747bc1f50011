import { type ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { eventEnvelope, FAKE_BOT_TOKEN, FAKE_BOT_USER_ID, FAKE_SIGNING_SECRET, slackSignature } from '../tests/support/fake-slack.js';
import { buildForBench, compiled } from './bench-build.js';

/**
 * End-to-end load on Slack over HTTP, black box, side by side with a bare Bolt app
 * (`bench-slack-peer.ts`): each runs as its own process, the bot started exactly as
 * `npm start` starts it (its Node flags read from package.json, its real entry point,
 * configuration and database), the peer with the same Node flags. Both get the same
 * signed Events API requests over HTTP and answer into the same fake Web API on
 * 127.0.0.1, which runs in a process of its own (`bench-slack-fake.ts`) so that serving
 * the answers does not slow down the client that measures the acks. Rounds alternate
 * between the two; the medians are reported.
 *
 * A second run holds the bot's memory to account: 3,000 events while the Web API takes a
 * second per call, the case that once grew the heap without bound.
 */

export interface SlackBenchOptions {
  events?: number;
  conversations?: number;
  concurrency?: number;
  rounds?: number;
  /** Also run the slow-Web-API memory check (default true). */
  slowApi?: boolean;
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

/** Unmeasured events sent first: lazy loading and JIT are paid once by a long-running bot. */
const WARM_UP_EVENTS = 300;
const ANSWER_DEADLINE_MS = 30_000;
const MB = 1024 * 1024;

/**
 * How the bot is started: the command line of `npm run start:prod` (the compiled build, as the
 * image runs it; or of the npm script named in BENCH_SLACK_BOT_SCRIPT, e.g. `start` for tsx), split
 * into the Node flags and the rest (`dist/app/main.js`). BENCH_SLACK_NODE_FLAGS replaces the
 * flags, for trying others.
 */
function botCommand(): { script: string; flags: string[]; rest: string[] } {
  const script = process.env.BENCH_SLACK_BOT_SCRIPT ?? 'start:prod';
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [node, ...args] = (scripts[script] ?? '').trim().split(/\s+/);
  if (node !== 'node' || args.length === 0) throw new Error(`npm run ${script} is not "node …": ${scripts[script]}`);
  const firstNonFlag = args.findIndex((arg) => !arg.startsWith('--') || arg === '--import' || arg === '--require');
  const flags = args.slice(0, firstNonFlag);
  const override = process.env.BENCH_SLACK_NODE_FLAGS;
  return { script, flags: override === undefined ? flags : override.split(/\s+/).filter(Boolean), rest: args.slice(firstNonFlag) };
}

/** The fake Web API, in its own process (`bench-slack-fake.ts`). */
interface FakeSlack {
  apiUrl: string;
  origin: string;
  /** chat.postMessage calls from index `from` on; `at` is wall-clock milliseconds. */
  posts(from: number): Promise<{ posts: { channel: string; at: number }[]; total: number }>;
  setDelay(ms: number): Promise<void>;
  close(): Promise<void>;
}

async function startFake(): Promise<FakeSlack> {
  const child = fork(fileURLToPath(new URL('./bench-slack-fake.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await once(child, 'message')) as [{ apiUrl: string; origin: string }];
  const ask = async <T>(message: Record<string, unknown>): Promise<T> => {
    child.send(message);
    const [answer] = (await once(child, 'message')) as [T];
    return answer;
  };
  return {
    ...ready,
    posts: (from) => ask({ type: 'posts', from }),
    setDelay: async (ms) => {
      await ask({ type: 'delay', ms });
    },
    close: async () => {
      const exited = once(child, 'exit');
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

/** Wall-clock milliseconds, comparable with the fake process's times. */
const now = () => performance.timeOrigin + performance.now();

interface Subject {
  name: 'bot' | 'bare Bolt';
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

async function waitForPort(readOutput: () => string, pattern: RegExp, child: ChildProcess): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const match = pattern.exec(readOutput());
    if (match) return Number(match[1]);
    if (child.exitCode !== null) throw new Error(`exited before listening:\n${readOutput()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`did not listen within 30 s:\n${readOutput()}`);
}

/** Starts a process whose output goes to a file (a pipe would make the bench's event loop part of the measurement). */
async function startSubject(name: Subject['name'], args: string[], env: Record<string, string>, pattern: RegExp): Promise<Subject> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-slack-'));
  const outFile = join(dir, 'output.log');
  const out = openSync(outFile, 'w');
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: join(dir, 'data'), ...env },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const port = await waitForPort(() => readFileSync(outFile, 'utf8'), pattern, child);
  return {
    name,
    child,
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const slackEnv = (fake: FakeSlack) => ({
  SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
  SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
  SLACK_API_URL: fake.apiUrl,
  SLACK_RESPONSE_URL_ORIGIN: fake.origin,
});

const startBot = (fake: FakeSlack) =>
  startSubject(
    'bot',
    [...botCommand().flags, ...botCommand().rest],
    { ...slackEnv(fake), HOST: '127.0.0.1', PORT: '0', KNOWLEDGE_RELOAD: 'false' },
    /"port":(\d+)[^\n]*http server listening/,
  );

/** The bot's Node flags, so that the comparison is of code, not of runtime settings; BENCH_SLACK_PEER_FLAGS overrides. */
const peerFlags = () => {
  const override = process.env.BENCH_SLACK_PEER_FLAGS;
  return override === undefined ? botCommand().flags : override.split(/\s+/).filter(Boolean);
};
const startPeer = (fake: FakeSlack) =>
  startSubject('bare Bolt', [...peerFlags(), compiled('scripts/bench-slack-peer.ts')], slackEnv(fake), /\{"port":(\d+)\}/);

/** The process's resident set size in bytes (Linux). */
function rssOf(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** CPU time the process has used so far, in milliseconds (Linux; clock ticks of 10 ms). */
function cpuMsOf(pid: number | undefined): number {
  try {
    // The fields after the command name, which is in parentheses and may contain spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Samples RSS every 20 ms until stopped; resolves with the peak. */
function sampleRss(pid: number | undefined): { stop(): number } {
  let peak = rssOf(pid);
  const timer = setInterval(() => {
    const now = rssOf(pid);
    if (now > peak) peak = now;
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * Posts one signed event as Slack does and resolves with the status once the response
 * is complete. Plain node:http on kept-alive sockets: fetch costs enough CPU to compete
 * with the subject on a small machine.
 */
function postEvent(agent: Agent, url: URL, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': slackSignature(FAKE_SIGNING_SECRET, timestamp, body),
  };
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const median = (values: number[]) => percentile(values, 50);
const round = (value: number) => Math.round(value * 100) / 100;

/** Mentions, one thread per conversation in its own channel; `tag` keeps runs apart. */
function mentions(count: number, conversations: number, tag: string): { channel: string; body: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const conversation = i % conversations;
    const channel = `C${tag}${conversation}`;
    const event = {
      type: 'app_mention',
      channel,
      user: `U${tag}${conversation}`,
      text: `<@${FAKE_BOT_USER_ID}> ${QUESTIONS[i % QUESTIONS.length]}`,
      ts: `1700000001.${String(i).padStart(6, '0')}`,
      thread_ts: `1700000000.${String(conversation).padStart(6, '0')}`,
    };
    return { channel, body: eventEnvelope(event, `Ev${tag}${i}`) };
  });
}

interface Run {
  eventsPerSecond: number;
  ackP50: number;
  ackP99: number;
  answerP50: number;
  answerP99: number;
  /** RSS when the load starts (after the warm-up): what the process holds before any queue. */
  startRssMb: number;
  peakRssMb: number;
  /** CPU time of the subject per event answered: unlike throughput, hardly affected by other load on the machine. */
  cpuMsPerEvent: number;
  lost: number;
  duplicated: number;
  failedAcks: number;
}

/** Sends `jobs` with `concurrency` workers and waits for one answer per event in its channel. */
async function drive(fake: FakeSlack, subject: Subject, jobs: { channel: string; body: string }[], concurrency: number): Promise<Run> {
  const url = new URL(`http://127.0.0.1:${subject.port}/slack/events`);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const channels = new Set(jobs.map((job) => job.channel));
  const sent = new Map<string, number[]>();
  const ackMs: number[] = [];
  let failedAcks = 0;
  let next = 0;
  const firstPost = (await fake.posts(Number.MAX_SAFE_INTEGER)).total;
  const startRss = rssOf(subject.child.pid);
  const rss = sampleRss(subject.child.pid);
  const cpuBefore = cpuMsOf(subject.child.pid);
  const began = now();
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (!job) break;
      const started = now();
      const times = sent.get(job.channel) ?? [];
      times.push(started);
      sent.set(job.channel, times);
      const status = await postEvent(agent, url, job.body).catch(() => 0);
      ackMs.push(now() - started);
      if (status !== 200) failedAcks++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const answers = async () => (await fake.posts(firstPost)).posts.filter((post) => channels.has(post.channel));
  const deadline = performance.now() + ANSWER_DEADLINE_MS;
  let got = await answers();
  while (got.length < jobs.length && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    got = await answers();
  }
  const lastAnswer = Math.max(...got.map((post) => post.at));
  const peakRss = rss.stop();
  const cpuMs = cpuMsOf(subject.child.pid) - cpuBefore;
  // Late duplicates would show within this pause.
  await new Promise((resolve) => setTimeout(resolve, 200));
  agent.destroy();

  const answeredAt = new Map<string, number[]>();
  for (const post of await answers()) {
    const times = answeredAt.get(post.channel) ?? [];
    times.push(post.at);
    answeredAt.set(post.channel, times);
  }
  let lost = 0;
  let duplicated = 0;
  const answerMs: number[] = [];
  for (const [channel, times] of sent) {
    const answered = (answeredAt.get(channel) ?? []).sort((a, b) => a - b);
    lost += Math.max(0, times.length - answered.length);
    duplicated += Math.max(0, answered.length - times.length);
    // The k-th question of a thread is paired with its k-th answer.
    for (let k = 0; k < Math.min(times.length, answered.length); k++) answerMs.push((answered[k] ?? 0) - (times[k] ?? 0));
  }
  return {
    eventsPerSecond: got.length / ((lastAnswer - began) / 1000),
    ackP50: percentile(ackMs, 50),
    ackP99: percentile(ackMs, 99),
    answerP50: percentile(answerMs, 50),
    answerP99: percentile(answerMs, 99),
    startRssMb: startRss / MB,
    peakRssMb: peakRss / MB,
    cpuMsPerEvent: cpuMs / got.length,
    lost,
    duplicated,
    failedAcks,
  };
}

/** One round for one subject: a fresh process, a warm-up, the measured load, a stop. */
async function round1(
  fake: FakeSlack,
  start: (fake: FakeSlack) => Promise<Subject>,
  options: Required<SlackBenchOptions>,
  tag: string,
): Promise<Run> {
  const subject = await start(fake);
  try {
    await drive(fake, subject, mentions(WARM_UP_EVENTS, options.conversations, `W${tag}`), options.concurrency);
    return await drive(fake, subject, mentions(options.events, options.conversations, `M${tag}`), options.concurrency);
  } finally {
    await subject.stop();
  }
}

/** 3,000 events while every Web API call takes a second: what the bot holds meanwhile. */
async function slowApiRun(fake: FakeSlack): Promise<{ peakRssMb: number; acked: number; deferred: number }> {
  const subject = await startBot(fake);
  try {
    const url = new URL(`http://127.0.0.1:${subject.port}/slack/events`);
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    await drive(fake, subject, mentions(WARM_UP_EVENTS, 100, 'SW'), 50);
    await fake.setDelay(1_000);
    const rss = sampleRss(subject.child.pid);
    const jobs = mentions(3_000, 300, 'SLOW');
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++];
          if (job) statuses.push(await postEvent(agent, url, job.body).catch(() => 0));
        }
      }),
    );
    // Let the answers in flight pile up for a few seconds, as they would behind a slow Slack.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const peak = rss.stop();
    agent.destroy();
    // What is still queued is in the database; a kill loses none of it (see process.test.ts).
    subject.child.kill('SIGKILL');
    return { peakRssMb: peak / MB, acked: statuses.filter((s) => s === 200).length, deferred: statuses.filter((s) => s === 503).length };
  } finally {
    await fake.setDelay(0);
    await subject.stop();
  }
}

const TARGETS = { throughput: 0.8, ackP99: 1.25, rssMb: 120 };

/**
 * Runs the benchmark and returns rows for a table: the bot, the bare Bolt app, their
 * ratio, the target and whether it is met.
 *
 * ```ts
 * console.table(await benchSlack());
 * ```
 */
export async function benchSlack(options: SlackBenchOptions = {}): Promise<Record<string, string | number>[]> {
  const settings: Required<SlackBenchOptions> = { events: 1000, conversations: 100, concurrency: 50, rounds: 3, slowApi: true, ...options };
  await buildForBench();
  const fake = await startFake();
  const runs: Record<'bot' | 'peer', Run[]> = { bot: [], peer: [] };
  try {
    for (let r = 0; r < settings.rounds; r++) {
      // Alternating, so that a slower moment of the machine does not favour one of them.
      runs.peer.push(await round1(fake, startPeer, settings, `P${r}`));
      runs.bot.push(await round1(fake, startBot, settings, `B${r}`));
    }
    const slow = settings.slowApi ? await slowApiRun(fake) : { peakRssMb: Number.NaN, acked: 0, deferred: 0 };
    const of = (subject: 'bot' | 'peer', metric: keyof Run) => median(runs[subject].map((run) => run[metric]));
    const sum = (subject: 'bot' | 'peer', metric: keyof Run) => runs[subject].reduce((total, run) => total + run[metric], 0);
    const row = (check: string, metric: keyof Run, target = '', ok = 'info') => ({
      check,
      bot: round(of('bot', metric)),
      'bare Bolt': round(of('peer', metric)),
      ratio: Number((of('bot', metric) / of('peer', metric)).toFixed(2)),
      target,
      ok,
    });
    const throughputRatio = of('bot', 'eventsPerSecond') / of('peer', 'eventsPerSecond');
    const ackRatio = of('bot', 'ackP99') / of('peer', 'ackP99');
    const lost = sum('bot', 'lost');
    const duplicated = sum('bot', 'duplicated');
    const failed = sum('bot', 'failedAcks');
    const { script, flags: botFlags } = botCommand();
    const flags = botFlags.join(' ') || '(none)';
    const peerFlagText = peerFlags().join(' ') || '(none)';
    return [
      {
        check: `load (median of ${settings.rounds} rounds each)`,
        bot: `${settings.events} events`,
        'bare Bolt': `${settings.conversations} threads`,
        ratio: '',
        target: `${settings.concurrency} concurrent`,
        ok: 'info',
      },
      { check: `node flags (bot: npm run ${script})`, bot: flags, 'bare Bolt': peerFlagText, ratio: '', target: '', ok: 'info' },
      row('events answered per second', 'eventsPerSecond', `≥ ${TARGETS.throughput}× bare`, throughputRatio >= TARGETS.throughput ? 'yes' : 'NO'),
      row('CPU per event (ms)', 'cpuMsPerEvent'),
      row('ack p50 (ms)', 'ackP50'),
      row('ack p99 (ms)', 'ackP99', `≤ ${TARGETS.ackP99}× bare`, ackRatio <= TARGETS.ackP99 ? 'yes' : 'NO'),
      row('event → answer p50 (ms)', 'answerP50'),
      row('event → answer p99 (ms)', 'answerP99'),
      row('RSS before the load, after warm-up (MB)', 'startRssMb'),
      row('peak RSS under load (MB)', 'peakRssMb', `≤ ${TARGETS.rssMb}`, of('bot', 'peakRssMb') <= TARGETS.rssMb ? 'yes' : 'NO'),
      {
        check: 'slow Web API (1 s per call), 3,000 events: peak RSS (MB)',
        bot: round(slow.peakRssMb),
        'bare Bolt': '',
        ratio: '',
        target: `≤ ${TARGETS.rssMb}`,
        ok: slow.peakRssMb <= TARGETS.rssMb ? 'yes' : 'NO',
      },
      { check: '  … acked / asked to re-send (503)', bot: `${slow.acked} / ${slow.deferred}`, 'bare Bolt': '', ratio: '', target: '', ok: 'info' },
      {
        check: 'bot: lost / duplicated answers, non-200 acks',
        bot: `${lost} / ${duplicated} / ${failed}`,
        'bare Bolt': '',
        ratio: '',
        target: '0 / 0 / 0',
        ok: lost + duplicated + failed === 0 ? 'yes' : 'NO',
      },
    ];
  } finally {
    await fake.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchSlack();
  console.table(rows);
  if (rows.some((row) => row.ok === 'NO')) process.exitCode = 1;
}
