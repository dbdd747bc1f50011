import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Update } from 'grammy/types';
import { render } from '../adapters/telegram/render.js';
import type { IncomingMessage } from '../src/message.js';
import { realAssistant } from '../tests/support/assistant.js';
import { FakeTelegram, type RecordedCall } from '../tests/support/fake-telegram.js';
import { checkTelegramHtml } from '../tests/support/telegram-html.js';

/**
 * End-to-end load on the Telegram adapter: updates served by the fake Bot API's
 * `getUpdates`, the real channel (grammY, runner, auto-retry) with the real core in
 * its own process, answers recorded by the fake, all on 127.0.0.1.
 *
 * After an unmeasured warm-up run, two runs of 2,000 updates over 200 chats (10 per
 * chat, in order):
 * - paced at the target rate of 1,000 updates/s: latency from "update served" to
 *   "sendMessage received", as a user would feel it at that load;
 * - a burst of all 2,000 at once: the throughput the adapter sustains, and the
 *   latency when updates queue up.
 * Each chat's answers are checked against what a fresh core answers to the same
 * sequence, so a lost, doubled or misrouted answer cannot hide.
 */

export interface TelegramBenchOptions {
  updates?: number;
  chats?: number;
  /** Updates per second in the paced run. */
  pacedRate?: number;
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

const ANSWER_DEADLINE_MS = 30_000;

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
 * console.table(await benchTelegram());
 * ```
 */
export async function benchTelegram({
  updates = 2000,
  chats = 200,
  pacedRate = 1000,
}: TelegramBenchOptions = {}): Promise<Record<string, string | number>[]> {
  const menuChoice = firstMenuChoice();
  const expected = expectedAnswers(menuChoice);
  const fake = await FakeTelegram.start();
  const bot = await startBotProcess(fake.apiRoot);
  const plan = { updates, chats, menuChoice, expected };
  let paced: Run;
  let burst: Run;
  try {
    // A full unmeasured run first: the first second of load pays for JIT compilation and
    // lazily built state in the bot process, which a long-running bot has long paid for.
    await drive(fake, { ...plan, firstChat: 90_000, rate: pacedRate });
    paced = await drive(fake, { ...plan, firstChat: 10_000, rate: pacedRate });
    burst = await drive(fake, { ...plan, firstChat: 20_000, rate: Number.POSITIVE_INFINITY });
  } finally {
    // Stopping drains the bot, so a late duplicate would be recorded before the counting below.
    await stopBotProcess(bot);
    await fake.close();
  }
  return [
    { check: 'updates per run (getUpdates, polling)', measured: updates, target: `${chats} chats, ${updates / chats} each in order`, ok: 'info' },
    { check: 'warm-up run before (not measured)', measured: updates, target: `paced ${pacedRate}/s, other chats`, ok: 'info' },
    ...rows(`paced ${pacedRate}/s`, summarise(fake, paced), { latency: true }),
    ...rows('burst', summarise(fake, burst), { throughput: true }),
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

function rows(label: string, run: RunResult, judge: { latency?: boolean; throughput?: boolean }): Record<string, string | number>[] {
  const p99 = percentile(run.latencyMs, 99);
  const verdict = (pass: boolean, judged = true) => (!judged ? 'info' : pass ? 'yes' : 'NO');
  return [
    {
      check: `${label}: updates per second`,
      measured: round(run.updatesPerSecond),
      target: judge.throughput ? '≥ 1000' : '',
      ok: verdict(run.updatesPerSecond >= 1000, Boolean(judge.throughput)),
    },
    { check: `${label}: served → sendMessage p50 (ms)`, measured: round(percentile(run.latencyMs, 50)), target: '', ok: 'info' },
    {
      check: `${label}: served → sendMessage p99 (ms)`,
      measured: round(p99),
      target: judge.latency ? '≤ 20' : '',
      ok: verdict(p99 <= 20, Boolean(judge.latency)),
    },
    { check: `${label}: lost answers`, measured: run.lost, target: '0', ok: verdict(run.lost === 0) },
    { check: `${label}: duplicated answers`, measured: run.duplicated, target: '0', ok: verdict(run.duplicated === 0) },
    {
      check: `${label}: unexpected or refused messages`,
      measured: run.unexpected + run.rejected,
      target: '0',
      ok: verdict(run.unexpected + run.rejected === 0),
    },
    { check: `${label}: updates served more than once`, measured: run.servedTwice, target: '0', ok: verdict(run.servedTwice === 0) },
    // The typing action and callback acknowledgements are real calls; they are counted, not hidden.
    { check: `${label}: Bot API calls per update`, measured: round(run.apiCallsPerUpdate), target: 'typing + answer (+ ack, card)', ok: 'info' },
    { check: `${label}: getUpdates calls`, measured: run.getUpdatesCalls, target: '', ok: 'info' },
  ];
}

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
      return render(reply).messages.map((m) => visibleText(m.text));
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
  for (let chat = 0; chat < plan.chats; chat++) {
    const chatId = plan.firstChat + chat;
    const expected = schedule.filter((s) => s.chatId === chatId).map((s) => ({ update: s.update, texts: plan.expected[chat % STEPS.length]![s.k]! }));
    // All of the chat's messages, also any that came after the run: a late duplicate still counts.
    compareChat(expected, fake.sentMessages(chatId), fake, result);
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

async function startBotProcess(apiRoot: string): Promise<ChildProcess> {
  const bot = fork(fileURLToPath(new URL('./bench-telegram-bot.ts', import.meta.url)), [apiRoot], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROF] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await once(bot, 'message');
  return bot;
}

/** Asks the bot to stop, which waits for every answer in flight, then waits for it to exit. */
async function stopBotProcess(bot: ChildProcess): Promise<void> {
  if (bot.exitCode !== null) return;
  const exited = once(bot, 'exit');
  bot.send('stop');
  await exited;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchTelegram();
  console.table(rows);
  if (rows.some((row) => row.ok === 'NO')) process.exitCode = 1;
}
