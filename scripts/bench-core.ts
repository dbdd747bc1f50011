import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { NODE_FLAGS } from '../src/process-flags.js';
import { APP_ASK, buildForBench } from './bench-build.js';

/**
 * The core's own figures, all of the production build with the production flags: cold start
 * (process start to first answer), warm per-message latency over the evaluation questions,
 * messages per second on one core, and peak memory of the batch interface. Printed, never asserted in tests.
 */

type Row = { check: string; measured: string | number; target: string; ok: string };

const EVAL_FILES = ['eval/questions.jsonl', 'eval/holdout.jsonl', 'eval/fresh.jsonl', 'eval/round1.jsonl', 'eval/round2.jsonl'];

function questions(): { conversation: string; text: string }[] {
  return EVAL_FILES.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { id: string; q: string; conv?: string })
      .map((item) => ({ conversation: item.conv ?? item.id, text: item.q })),
  );
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/**
 * Per-message latencies (ms, sorted) of one assistant of the compiled build (module by module, so that
 * the script can import the assistant; the code is the bundle's), in a process of its own with the
 * production flags: what `npm run start:prod` and the image run, not the tsx process of this script
 * (which wraps every function for its names and runs without the memory flags).
 * `warmPasses` passes over the questions first warm the JIT and the typo cache, as in a bot that has
 * been running a while; the `passes` after them are measured. Each pass has conversations of its own.
 */
function latencies(passes: number, warmPasses: number): Promise<{ ms: number[]; seconds: number }> {
  const script = `
    const { createAssistant } = await import(${JSON.stringify(pathToFileURL('dist/src/assistant.js').href)});
    const { loadKnowledge } = await import(${JSON.stringify(pathToFileURL('dist/src/knowledge/load.js').href)});
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const items = JSON.parse(input);
    const assistant = createAssistant(loadKnowledge('knowledge'));
    const ms = [];
    let started = 0n;
    for (let pass = 0; pass < ${warmPasses + passes}; pass++) {
      if (pass === ${warmPasses}) started = process.hrtime.bigint();
      for (const item of items) {
        const before = process.hrtime.bigint();
        assistant.respond({ channel: 'batch', conversationId: pass + ':' + item.conversation, text: item.text });
        if (pass >= ${warmPasses}) ms.push(Number(process.hrtime.bigint() - before) / 1e6);
      }
    }
    process.stdout.write(JSON.stringify({ ms, seconds: Number(process.hrtime.bigint() - started) / 1e9 }));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, '--input-type=module', '-e', script], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdin.end(JSON.stringify(questions()));
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the latency run exited with ${code}`));
      const result = JSON.parse(output) as { ms: number[]; seconds: number };
      resolve({ ms: result.ms.sort((a, b) => a - b), seconds: result.seconds });
    });
  });
}

/** Process start to first answer on standard output, for the compiled production build. */
async function coldStart(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...NODE_FLAGS, APP_ASK, 'Wer ist Ansprechpartner?'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      child.stdout.once('data', () => {
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      });
      child.once('error', reject);
      child.once('exit', () => resolve());
    });
  }
  return times.sort((a, b) => a - b);
}

/** Peak resident memory (VmHWM) of the batch interface answering every question ten times. */
async function peakMemoryMb(): Promise<number> {
  const input = `${Array.from({ length: 10 }, (_, pass) =>
    questions()
      .map((q) => JSON.stringify({ conversation: `${pass}:${q.conversation}`, text: q.text }))
      .join('\n'),
  ).join('\n')}\n`;
  const child = spawn(process.execPath, [...NODE_FLAGS, APP_ASK, '--jsonl'], { stdio: ['pipe', 'ignore', 'ignore'] });
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // The process has already gone; the last reading stands.
    }
  }, 5);
  // Hold the last line back a moment so the reading after the work is taken while it still runs.
  child.stdin.write(input);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  child.stdin.end();
  await new Promise((resolve) => child.once('exit', resolve));
  clearInterval(poll);
  return peakKb / 1024;
}

export async function benchCore(): Promise<Row[]> {
  await buildForBench();
  const firstPass = await latencies(1, 0);
  const warm = await latencies(20, 3);
  const cold = await coldStart(7);
  const rss = await peakMemoryMb();
  const p99 = percentile(warm.ms, 99);
  const coldMedian = percentile(cold, 50);
  return [
    { check: 'questions per pass (the evaluation sets)', measured: firstPass.ms.length, target: '', ok: 'info' },
    {
      check: 'first pass p50 / p99 (ms), fresh caches',
      measured: `${round(percentile(firstPass.ms, 50))} / ${round(percentile(firstPass.ms, 99))}`,
      target: '',
      ok: 'info',
    },
    { check: 'warm p50 (ms)', measured: round(percentile(warm.ms, 50)), target: '', ok: 'info' },
    { check: 'warm p99 (ms)', measured: round(p99), target: '≤ 1', ok: p99 <= 1 ? 'yes' : 'NO' },
    { check: 'messages per second, one core', measured: Math.round(warm.ms.length / warm.seconds), target: '', ok: 'info' },
    {
      check: 'cold start to first answer, median of 7 (ms)',
      measured: Math.round(coldMedian),
      target: '≤ 300',
      ok: coldMedian <= 300 ? 'yes' : 'NO',
    },
    { check: 'peak RSS, batch interface (MB)', measured: round(rss, 1), target: '≤ 80', ok: rss <= 80 ? 'yes' : 'NO' },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchCore();
  console.table(rows);
  if (rows.some((row) => row.ok === 'NO')) process.exitCode = 1;
}
