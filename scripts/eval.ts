/**
 * `npm run eval`: asks the real core every question of the evaluation set, in-process,
 * and judges what a plain-text user would see.
 *
 *   npm run eval                      own set (eval/questions.jsonl) + ../shared/eval-sample.jsonl
 *   npm run eval -- --file x.jsonl    another file instead
 *   npm run eval -- --verbose         print every answer too
 *
 * Exit codes: 0 at or above the threshold, 1 below it (overall accuracy of the own set,
 * or of the `--file` set), 2 when an input line is malformed (the line is named).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAssistant } from '../src/assistant.js';
import { parseConfig } from '../src/config.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { renderPlainText } from '../src/reply.js';
import { CATEGORIES, EvalFormatError, type EvalItem, parseEvalLine, scoreAnswer, type Verdict } from './eval-scoring.js';

/**
 * The gate guards against regressions on the set CI runs. It stood at 97 % while the old
 * cue-list cascade was tuned on this very set, sentence by sentence (99–100 %); the
 * redesigned core is fitted on a separate corpus and never tuned on these questions, and
 * scores about 94 % on them (eval/RESULTS.md). The gate sits just below that: a drop of a
 * few questions fails CI. How well the bot generalises is measured on fresh blind sets,
 * not here.
 */
const THRESHOLD = 0.93;
const ANSWER_PREVIEW_CHARS = 240;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OWN_SET = path.join(repoRoot, 'eval', 'questions.jsonl');
const SAMPLE_SET = path.resolve(repoRoot, '..', 'shared', 'eval-sample.jsonl');

interface EvalSet {
  name: string;
  file: string;
  items: EvalItem[];
  /** Whether the exit code depends on this set. */
  gating: boolean;
}

interface Outcome {
  item: EvalItem;
  answer: string;
  verdict: Verdict;
}

function parseArgs(argv: string[]): { file?: string; verbose: boolean } {
  let file: string | undefined;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--verbose' || arg === '-v') verbose = true;
    else if (arg === '--file') {
      file = argv[++i];
      if (!file) usage('--file needs a path');
    } else if (arg?.startsWith('--file=')) file = arg.slice('--file='.length);
    else usage(`unknown argument ${arg}`);
  }
  return file === undefined ? { verbose } : { file, verbose };
}

function usage(problem: string): never {
  console.error(`eval: ${problem}\nusage: npm run eval -- [--file <path>] [--verbose]`);
  process.exit(2);
}

/** Reads a JSONL set; any malformed line ends the run with exit code 2. */
function readSet(file: string): EvalItem[] {
  const display = path.relative(process.cwd(), file) || file;
  const problems: string[] = [];
  const items: EvalItem[] = [];
  const seen = new Map<string, number>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const lineNo = index + 1;
      try {
        const item = parseEvalLine(line);
        const first = seen.get(item.id);
        if (first !== undefined) throw new EvalFormatError(`duplicate id "${item.id}" (first on line ${first})`);
        seen.set(item.id, lineNo);
        items.push(item);
      } catch (error) {
        if (!(error instanceof EvalFormatError)) throw error;
        problems.push(`${display}:${lineNo}: ${error.message}`);
      }
    });
  // A conversation id equal to a lone question's id would merge two unrelated dialogues.
  const loneIds = new Set(items.filter((item) => item.conv === undefined).map((item) => item.id));
  for (const conv of new Set(items.map((item) => item.conv).filter((c): c is string => c !== undefined))) {
    if (loneIds.has(conv)) problems.push(`${display}: conversation id "${conv}" is also the id of a question without conv`);
  }
  if (problems.length > 0) {
    console.error(`Malformed evaluation input:\n${problems.join('\n')}`);
    process.exit(2);
  }
  if (items.length === 0) {
    console.error(`${display}: no questions`);
    process.exit(2);
  }
  return items;
}

function runSet(set: EvalSet, verbose: boolean): Outcome[] {
  // A fresh core per set, so conversation ids of different files never share context.
  // The knowledge the bot would answer from: KNOWLEDGE_DIR, as for `npm start` (kb:check points it at the folder it checks).
  const assistant = createAssistant(loadKnowledge(parseConfig(process.env).knowledgeDir));
  return set.items.map((item) => {
    let answer: string;
    let verdict: Verdict;
    try {
      const reply = assistant.respond({ channel: 'batch', conversationId: item.conv ?? item.id, text: item.q });
      answer = renderPlainText(reply);
      verdict = scoreAnswer(item, { text: answer, fallback: reply.fallback, locale: reply.locale });
    } catch (error) {
      answer = '';
      verdict = { pass: false, reasons: [`the core threw: ${(error as Error).stack ?? String(error)}`] };
    }
    if (verbose) {
      const mark = verdict.pass ? 'ok  ' : 'FAIL';
      console.log(`${mark} ${item.id} [${item.cat}] ${JSON.stringify(item.q)}\n     → ${oneLine(answer)}`);
    }
    return { item, answer, verdict };
  });
}

function oneLine(text: string, max = Number.POSITIVE_INFINITY): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function percent(passed: number, total: number): string {
  return total === 0 ? '-' : `${((100 * passed) / total).toFixed(1)}%`;
}

function report(set: EvalSet, outcomes: Outcome[]): number {
  const rows: string[][] = [];
  const cats = [...CATEGORIES, ...new Set(outcomes.map((o) => o.item.cat))].filter((c, i, all) => all.indexOf(c) === i);
  for (const cat of cats) {
    const inCat = outcomes.filter((o) => o.item.cat === cat);
    if (inCat.length === 0) continue;
    const passed = inCat.filter((o) => o.verdict.pass).length;
    rows.push([cat, String(passed), String(inCat.length), percent(passed, inCat.length)]);
  }
  const passed = outcomes.filter((o) => o.verdict.pass).length;
  const accuracy = passed / outcomes.length;
  rows.push(['overall', String(passed), String(outcomes.length), percent(passed, outcomes.length)]);

  const header = ['category', 'passed', 'total', 'accuracy'];
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => (r[col] ?? '').length)));
  const fmt = (cells: string[]) => cells.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  ');

  console.log(`\n== ${set.name}: ${path.relative(process.cwd(), set.file) || set.file}`);
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row, i) => {
    if (i === rows.length - 1) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    console.log(fmt(row));
  });

  const failures = outcomes.filter((o) => !o.verdict.pass);
  if (failures.length > 0) {
    console.log(`\nFailures (${failures.length}):`);
    for (const { item, answer, verdict } of failures) {
      const where = item.conv ? ` conv=${item.conv}` : '';
      console.log(`- ${item.id} [${item.cat}${where}, ${item.lang}] ${JSON.stringify(item.q)}`);
      console.log(`    answer: ${JSON.stringify(oneLine(answer, ANSWER_PREVIEW_CHARS))}`);
      for (const reason of verdict.reasons) console.log(`    why:    ${reason}`);
    }
  }
  return accuracy;
}

function main(): void {
  const { file, verbose } = parseArgs(process.argv.slice(2));
  const sets: EvalSet[] = [];
  if (file) {
    const resolved = path.resolve(file);
    if (!existsSync(resolved)) usage(`no such file: ${file}`);
    sets.push({ name: 'set', file: resolved, items: readSet(resolved), gating: true });
  } else {
    sets.push({ name: 'own set', file: OWN_SET, items: readSet(OWN_SET), gating: true });
    if (existsSync(SAMPLE_SET)) {
      sets.push({ name: 'shared sample', file: SAMPLE_SET, items: readSet(SAMPLE_SET), gating: false });
    }
  }

  let gatingAccuracy = 1;
  for (const set of sets) {
    const accuracy = report(set, runSet(set, verbose));
    if (set.gating) gatingAccuracy = Math.min(gatingAccuracy, accuracy);
  }

  const ok = gatingAccuracy >= THRESHOLD;
  console.log(`\n${ok ? 'PASS' : 'FAIL'}: ${percent(gatingAccuracy, 1)} on the gating set (threshold ${percent(THRESHOLD, 1)})`);
  process.exit(ok ? 0 : 1);
}

main();
