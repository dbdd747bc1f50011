import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Update } from 'grammy/types';
import { render } from '../adapters/telegram/render.js';
import type { IncomingMessage } from '../src/message.js';
import { realAssistant } from '../tests/support/assistant.js';
import { FAKE_TOKEN, FakeTelegram, type RecordedCall } from '../tests/support/fake-telegram.js';
import { checkTelegramHtml } from '../tests/support/telegram-html.js';
import { APP_MAIN, buildForBench, compiled } from './bench-build.js';
import { startFlags, startWatched, type WatchedProcess } from './bench-telegram-process.js';

/**
 * The Telegram channel under load, side by side with a bare grammY bot
 * (`bench-telegram-peer.ts`) through the same black-box harness: a fake Bot API on
 * 127.0.0.1 serves `getUpdates` and records every call; each bot runs in its own
 * process, this one exactly as the image starts it (same Node flags, the production build,
 * configuration from the environment, logs at `info`).
 *
 * Per bot, after an unmeasured warm-up, two runs of 2,000 updates over 200 chats
 * (10 per chat, in order):
 * - paced (500 updates/s, below what either bot can take): latency from "update
 *   served" to "sendMessage received", as a user feels it on a busy day;
 * - a burst of all 2,000 at once: throughput, CPU per update, peak memory.
 * Every chat's answers are checked (this bot's against a fresh core fed the same
 * sequence, the peer's against its fixed text), so a lost, doubled or misrouted
 * answer cannot hide behind a good number.
 */

export interface TelegramBenchOptions {
  updates?: number;
  chats?: number;
  /** Updates per second in the paced run. */
  pacedRate?: number;
  /**
   * Rounds, each measuring the peer and then this bot; every figure is the median over
   * rounds (memory: the highest). More rounds smooth out a machine that is busy with
   * other work. Default `BENCH_ROUNDS` or 1.
   */
  rounds?: number;
}

/** One chat's script, rotated per chat so that chats differ; `press:` is a button press. */
const STEPS = [
  '/start',
  'press:first-menu-choice',
  'Wie ist die Telefonnummer?',
  'Was ist die Engagierte Stadt?',
  'Wer ist Ansprechpartner?',
  'Wie kann meine Organisation Partner werden?',
  'Who can I contact?',
  '/kontakt',
  'Gibt es Förderung für Vereine?',
  'Quantenschaum Xylophon?',
];

const PEER_ANSWER = 'Danke für Ihre Nachricht.';
const ANSWER_DEADLINE_MS = 60_000;
const TARGET = { throughputRatio: 0.8, p99Ratio: 1.25, rssMb: 120 };

type Row = Record<string, string | number>;

/** What is measured of one bot in one round. */
interface Figures {
  throughput: number;
  pacedP50: number;
  pacedP99: number;
  burstP50: number;
  burstP99: number;
  /** CPU time of the bot process per update during the burst, ms. */
  cpuMsPerUpdate: number;
  /** Peak resident memory during the burst, MB. */
  rssMb: number;
  apiCallsPerUpdate: number;
  getUpdatesCalls: number;
  /** Lost, doubled, unexpected or refused answers and updates served twice, both runs. */
  faults: number;
}

/**
 * Runs both bots and returns one row per figure: peer, this bot, ratio, target, ok.
 *
 * ```ts
 * console.table(await benchTelegram());
 * ```
 */
export async function benchTelegram({
  updates = 2000,
  chats = 200,
  pacedRate = 500,
  rounds = Number(process.env.BENCH_ROUNDS ?? 1),
}: TelegramBenchOptions = {}): Promise<Row[]> {
  await buildForBench();
  const peerRounds: Figures[] = [];
  const botRounds: Figures[] = [];
  for (let round = 0; round < rounds; round++) {
    const [peer, bot] = await measureBoth({ updates, chats, pacedRate });
    peerRounds.push(peer);
    botRounds.push(bot);
  }
  return compare(combine(peerRounds), combine(botRounds), { updates, chats, pacedRate, rounds });
}

async function measureBoth({ updates, chats, pacedRate }: { updates: number; chats: number; pacedRate: number }): Promise<[Figures, Figures]> {
  const menuChoice = firstMenuChoice();
  const ours = expectedAnswers(menuChoice);
  const peerAnswers = STEPS.map(() => STEPS.map(() => [PEER_ANSWER]));
  const dir = mkdtempSync(join(tmpdir(), 'bench-telegram-'));
  try {
    const plan = { updates, chats, pacedRate, menuChoice };
    const peer = await measure(
      'peer',
      (apiRoot) => [compiled('scripts/bench-telegram-peer.ts'), [FAKE_TOKEN, apiRoot, PEER_ANSWER], {}],
      { ...plan, expected: peerAnswers },
      dir,
    );
    const bot = await measure(
      'bot',
      (apiRoot) => [
        APP_MAIN,
        [],
        {
          TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
          TELEGRAM_API_ROOT: apiRoot,
          HOST: '127.0.0.1',
          PORT: '0',
          LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
          DATA_DIR: join(dir, 'data'),
          // A developer's own .env must not change what is measured.
          ENV_FILE: join(dir, 'no.env'),
        },
      ],
      { ...plan, expected: ours },
      dir,
    );
    return [peer, bot];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Launch = (apiRoot: string) => [script: string, args: string[], env: Record<string, string>];

async function measure(
  name: string,
  launch: Launch,
  plan: Omit<RunPlan, 'firstChat' | 'rate'> & { pacedRate: number },
  dir: string,
): Promise<Figures> {
  const fake = await FakeTelegram.start();
  const [script, args, env] = launch(fake.apiRoot);
  const bot = startWatched(name, script, args, env, dir);
  let paced: Run;
  let burst: Run;
  let rssMb: number;
  let cpuMsPerUpdate: number;
  try {
    await waitForPolling(fake, bot);
    // A full unmeasured run first: the first second of load pays for JIT compilation and
    // lazily built state, which a long-running bot has long paid for.
    await drive(fake, { ...plan, firstChat: 90_000, rate: plan.pacedRate });
    paced = await drive(fake, { ...plan, firstChat: 10_000, rate: plan.pacedRate });
    bot.resetPeak();
    const cpuBefore = bot.cpuMs();
    burst = await drive(fake, { ...plan, firstChat: 20_000, rate: Number.POSITIVE_INFINITY });
    cpuMsPerUpdate = (bot.cpuMs() - cpuBefore) / plan.updates;
    rssMb = bot.peakRssMb();
  } finally {
    // SIGTERM lets the bot finish, so a late duplicate would be recorded before the counting below.
    await bot.stop();
    await fake.close();
  }
  const p = summarise(fake, paced);
  const b = summarise(fake, burst);
  const faults = (run: RunResult) => run.lost + run.duplicated + run.unexpected + run.rejected + run.servedTwice;
  return {
    throughput: b.updatesPerSecond,
    pacedP50: percentile(p.latencyMs, 50),
    pacedP99: percentile(p.latencyMs, 99),
    burstP50: percentile(b.latencyMs, 50),
    burstP99: percentile(b.latencyMs, 99),
    cpuMsPerUpdate,
    rssMb,
    apiCallsPerUpdate: b.apiCallsPerUpdate,
    getUpdatesCalls: b.getUpdatesCalls,
    faults: faults(p) + faults(b),
  };
}

/** The median of each figure over rounds; memory the highest, faults the sum. */
function combine(rounds: Figures[]): Figures {
  const median = (key: keyof Figures) =>
    percentile(
      rounds.map((r) => r[key]),
      50,
    );
  return {
    throughput: median('throughput'),
    pacedP50: median('pacedP50'),
    pacedP99: median('pacedP99'),
    burstP50: median('burstP50'),
    burstP99: median('burstP99'),
    cpuMsPerUpdate: median('cpuMsPerUpdate'),
    rssMb: Math.max(...rounds.map((r) => r.rssMb)),
    apiCallsPerUpdate: median('apiCallsPerUpdate'),
    getUpdatesCalls: median('getUpdatesCalls'),
    faults: rounds.reduce((sum, r) => sum + r.faults, 0),
  };
}

async function waitForPolling(fake: FakeTelegram, bot: WatchedProcess): Promise<void> {
  const exited = new Promise<never>((_, reject) =>
    bot.child.once('exit', (code) => reject(new Error(`the bot process exited with ${code} before polling; see its log`))),
  );
  await Promise.race([fake.waitFor(() => fake.calls.some((call) => call.method === 'getUpdates'), 'the first getUpdates', 30_000), exited]);
}

function compare(peer: Figures, bot: Figures, plan: { updates: number; chats: number; pacedRate: number; rounds: number }): Row[] {
  const ratio = (ours: number, theirs: number) => round(ours / theirs, 2);
  const verdict = (pass: boolean) => (pass ? 'yes' : 'NO');
  const info = (check: string, key: keyof Figures, digits = 1): Row => ({
    check,
    'bare grammY': round(peer[key], digits),
    'this bot': round(bot[key], digits),
    ratio: ratio(bot[key], peer[key]),
    target: '',
    ok: 'info',
  });
  const throughput = ratio(bot.throughput, peer.throughput);
  const p99 = ratio(bot.pacedP99, peer.pacedP99);
  const flags = startFlags().join(' ') || '(no flags)';
  return [
    {
      check: `setup: ${plan.updates} updates per run, ${plan.chats} chats, ${plan.rounds} round(s), medians; node ${flags}`,
      'bare grammY': '',
      'this bot': '',
      ratio: '',
      target: '',
      ok: 'info',
    },
    {
      ...info('burst: updates per second', 'throughput'),
      target: `ratio ≥ ${TARGET.throughputRatio}`,
      ok: verdict(throughput >= TARGET.throughputRatio),
    },
    info(`paced ${plan.pacedRate}/s: served → sendMessage p50 (ms)`, 'pacedP50'),
    {
      ...info(`paced ${plan.pacedRate}/s: served → sendMessage p99 (ms)`, 'pacedP99'),
      target: `ratio ≤ ${TARGET.p99Ratio}`,
      ok: verdict(p99 <= TARGET.p99Ratio),
    },
    info('burst: served → sendMessage p50 (ms)', 'burstP50'),
    info('burst: served → sendMessage p99 (ms)', 'burstP99'),
    info('burst: CPU per update (ms)', 'cpuMsPerUpdate', 3),
    { ...info('burst: peak resident memory (MB)', 'rssMb'), target: `this bot ≤ ${TARGET.rssMb}`, ok: verdict(bot.rssMb <= TARGET.rssMb) },
    // Button acknowledgements and contact cards are real calls; they are counted, not hidden.
    info('burst: Bot API calls per update', 'apiCallsPerUpdate'),
    info('burst: getUpdates calls', 'getUpdatesCalls'),
    {
      ...info('lost, doubled, unexpected or refused answers; updates served twice', 'faults'),
      ratio: '',
      target: 'this bot 0',
      ok: verdict(bot.faults === 0),
    },
  ];
}

interface RunResult {
  updatesPerSecond: number;
  latencyMs: number[];
  lost: number;
  duplicated: number;
  unexpected: number;
  rejected: number;
  servedTwice: number;
  apiCallsPerUpdate: number;
  getUpdatesCalls: number;
}

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** The id of the first button under the /start menu, which the scripted chats press. */
function firstMenuChoice(): string {
  const reply = realAssistant().respond(message('bench-menu', '/start'));
  const id = reply.choices[0]?.id;
  if (!id) throw new Error('the core answered /start without menu choices; the benchmark presses the first one');
  return id;
}

/** Visible texts a fresh core sends for each step of each rotation of the script. */
function expectedAnswers(menuChoice: string): string[][][] {
  return STEPS.map((_, rotation) => {
    const assistant = realAssistant();
    return scriptFor(rotation).map((step) => {
      const reply = assistant.respond(stepMessage('bench-expected', step, menuChoice));
      return render(reply, assistant.say).messages.map((m) => visibleText(m.text));
    });
  });
}

function scriptFor(rotation: number): string[] {
  return STEPS.map((_, k) => STEPS[(rotation + k) % STEPS.length]!);
}

function stepMessage(conversationId: string, step: string, menuChoice: string): IncomingMessage {
  return step.startsWith('press:') ? { ...message(conversationId, ''), choiceId: menuChoice } : message(conversationId, step);
}

function message(conversationId: string, text: string): IncomingMessage {
  return { channel: 'telegram', conversationId, userId: '1', text, localeHint: 'de' };
}

function visibleText(html: string): string {
  const check = checkTelegramHtml(html);
  return check.ok ? check.visibleText : `<invalid: ${check.error}>`;
}

function stepUpdate(fake: FakeTelegram, chatId: number, step: string, menuChoice: string): Update {
  return step.startsWith('press:') ? fake.updates.buttonPress(chatId, menuChoice) : fake.updates.text(chatId, step);
}

interface RunPlan {
  updates: number;
  chats: number;
  firstChat: number;
  menuChoice: string;
  /** Visible texts per script rotation and step. */
  expected: string[][][];
  /** Updates per second; infinite means all at once. */
  rate: number;
}

interface Run {
  plan: RunPlan;
  schedule: { chatId: number; chat: number; k: number; update: Update }[];
  /** The run's slice of `fake.calls`. */
  callsFrom: number;
  callsTo: number;
}

/** Delivers one run's updates and waits until all expected answers arrived (or a deadline passed). */
async function drive(fake: FakeTelegram, plan: RunPlan): Promise<Run> {
  // Update i goes to chat i % chats, so all chats are busy at once, each with its steps in order.
  const schedule = Array.from({ length: plan.updates }, (_, i) => {
    const chat = i % plan.chats;
    const k = Math.floor(i / plan.chats);
    const step = scriptFor(chat % STEPS.length)[k % STEPS.length]!;
    return { chatId: plan.firstChat + chat, chat, k, update: stepUpdate(fake, plan.firstChat + chat, step, plan.menuChoice) };
  });
  const answersDue = schedule.reduce((sum, s) => sum + (plan.expected[s.chat % STEPS.length]![s.k]?.length ?? 0), 0);
  let answered = 0;
  const countAnswers = (call: RecordedCall) => {
    if (call.method === 'sendMessage' && call.status === 200) answered++;
  };
  fake.onCall(countAnswers);
  const callsFrom = fake.calls.length;
  await deliverAt(
    fake,
    schedule.map((s) => s.update),
    plan.rate,
  );
  // Missing answers are counted as lost later; the deadline only ends the wait for them.
  await fake.waitFor(() => answered >= answersDue, 'all answers', ANSWER_DEADLINE_MS).catch(() => undefined);
  fake.offCall(countAnswers);
  return { plan, schedule, callsFrom, callsTo: fake.calls.length };
}

function summarise(fake: FakeTelegram, { plan, schedule, callsFrom, callsTo }: Run): RunResult {
  const calls = fake.calls.slice(callsFrom, callsTo);
  const firstServed = Math.min(...schedule.map((s) => fake.servedAt.get(s.update.update_id) ?? Number.POSITIVE_INFINITY));
  const lastAnswer = Math.max(...calls.filter((call) => call.method === 'sendMessage').map((call) => call.at));
  const result: RunResult = {
    updatesPerSecond: plan.updates / ((lastAnswer - firstServed) / 1000),
    latencyMs: [],
    lost: 0,
    duplicated: 0,
    unexpected: 0,
    rejected: calls.filter((call) => call.status === 400).length,
    servedTwice: schedule.filter((s) => (fake.serveCount.get(s.update.update_id) ?? 0) > 1).length,
    apiCallsPerUpdate: calls.filter((call) => call.method !== 'getUpdates').length / plan.updates,
    getUpdatesCalls: calls.filter((call) => call.method === 'getUpdates').length,
  };
  const received = new Map<number, RecordedCall[]>();
  for (const call of fake.sentMessages()) {
    const chatId = Number(call.payload.chat_id);
    received.set(chatId, [...(received.get(chatId) ?? []), call]);
  }
  for (let chat = 0; chat < plan.chats; chat++) {
    const chatId = plan.firstChat + chat;
    const expected = schedule.filter((s) => s.chatId === chatId).map((s) => ({ update: s.update, texts: plan.expected[chat % STEPS.length]![s.k]! }));
    // All of the chat's messages, also any that came after the run: a late duplicate still counts.
    compareChat(expected, received.get(chatId) ?? [], fake, result);
  }
  return result;
}

/**
 * Walks one chat's received messages against the expected answers, in order: each
 * expected answer found is timed from its update being served, one not found is lost.
 * Messages in between or after are duplicated if they repeat the answer before them,
 * else unexpected.
 */
function compareChat(expected: { update: Update; texts: string[] }[], received: RecordedCall[], fake: FakeTelegram, result: RunResult): void {
  const matchesAt = (p: number, texts: string[]) => texts.every((text, j) => received[p + j]?.visibleText === text);
  let previous: string[] = [];
  const classify = (from: number, to: number) => {
    for (let q = from; q < to; q++) {
      if (previous.includes(received[q]!.visibleText ?? '')) result.duplicated++;
      else result.unexpected++;
    }
  };
  let p = 0;
  for (const { update, texts } of expected) {
    let found = p;
    while (found < received.length && !matchesAt(found, texts)) found++;
    if (found >= received.length) {
      result.lost++;
      continue;
    }
    classify(p, found);
    result.latencyMs.push(received[found]!.at - (fake.servedAt.get(update.update_id) ?? Number.NaN));
    previous = texts;
    p = found + texts.length;
  }
  classify(p, received.length);
}

/** Hands the updates to the fake's `getUpdates` at `rate` per second, catching up after timer lag. */
async function deliverAt(fake: FakeTelegram, updates: Update[], rate: number): Promise<void> {
  if (!Number.isFinite(rate)) {
    for (const update of updates) fake.deliver(update);
    return;
  }
  const start = performance.now();
  let next = 0;
  while (next < updates.length) {
    const due = Math.min(updates.length, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    while (next < due) fake.deliver(updates[next++]!);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchTelegram();
  console.table(rows);
  if (rows.some((row) => row.ok === 'NO')) process.exitCode = 1;
}
