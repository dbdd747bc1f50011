/**
 * `npm run kb:check`: everything an editor should run after changing knowledge/*.yaml.
 *
 *   1. loads and checks every file, printing each problem as `file:line:column: field: message`
 *      (editors and terminals turn that into a link to the spot);
 *   2. runs the evaluation (`scripts/eval.ts`), which asks the bot every test question.
 *
 * Exit code 0 when both are fine, 1 otherwise. Usage: npm run kb:check [-- <knowledge dir>]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnowledgeError, loadKnowledge } from '../src/knowledge/load.js';
import { locateField } from '../src/knowledge/locate.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'knowledge'));
const shown = (file: string) => path.relative(process.cwd(), file) || file;

function checkKnowledge(): boolean {
  console.log(`1/2 Checking the knowledge in ${shown(dir)} …`);
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
    const first = readFileSync(path.join(dir, name), 'utf8').split('\n', 1)[0] ?? '';
    if (!first.includes('yaml-language-server: $schema=')) {
      console.log(`  hint: ${name} does not start with "# yaml-language-server: $schema=../schema/knowledge.schema.json";`);
      console.log('        add that line and your editor checks the file while you type.');
    }
  }
  try {
    const knowledge = loadKnowledge(dir);
    console.log(`  ok: ${knowledge.organisations.length} organisations, ${knowledge.people.length} people, ${knowledge.events.length} events`);
    return true;
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    console.log(`  ${error.problems.length} problem(s); the bot would refuse to load this (a running bot keeps the old version):`);
    for (const problem of error.problems) {
      const file = path.join(dir, problem.file);
      let where = shown(file);
      try {
        const at = locateField(readFileSync(file, 'utf8'), problem.field);
        if (at) where += `:${at.line}:${at.column}`;
      } catch {
        // "(all files)" and other pseudo-files have no position.
      }
      console.log(`  ${where}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`);
    }
    return false;
  }
}

function runEvaluation(): boolean {
  console.log('\n2/2 Asking the bot every question of the evaluation …');
  // The same Node with the same TypeScript loader this script runs under (tsx).
  const result = spawnSync(process.execPath, [...process.execArgv, path.join(repoRoot, 'scripts', 'eval.ts')], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  return result.status === 0;
}

const knowledgeOk = checkKnowledge();
// Without loadable knowledge every question would fail: the evaluation adds nothing.
const evalOk = knowledgeOk && runEvaluation();
console.log(
  knowledgeOk && evalOk
    ? '\nkb:check passed: the knowledge loads and the bot answers the evaluation questions.'
    : `\nkb:check FAILED: ${knowledgeOk ? 'see the failed evaluation questions above' : 'fix the problems listed above first'}.`,
);
process.exit(knowledgeOk && evalOk ? 0 : 1);
