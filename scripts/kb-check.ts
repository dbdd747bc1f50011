/**
 * `npm run kb:check`: everything an editor should run after changing the knowledge.
 *
 *   1. loads and checks every file, printing each problem in plain words with file and
 *      line (German by default; `--lang en` for English);
 *   2. runs the evaluation (`scripts/eval.ts`), which asks the bot every test question.
 *
 * Exit code 0 when both are fine, 1 otherwise.
 * Usage: npm run kb:check [-- [--lang de|en] [<knowledge dir>]]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalogue } from '../src/i18n/catalogue.js';
import { PRODUCT_MESSAGES_DIR, readMessageSources } from '../src/i18n/messages.js';
import { explainProblems } from '../src/knowledge/explain.js';
import { KnowledgeError, loadKnowledge } from '../src/knowledge/load.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const langAt = args.indexOf('--lang');
const locale = langAt >= 0 && args[langAt + 1] === 'en' ? 'en' : 'de';
const positional = args.filter((arg, i) => arg !== '--lang' && args[i - 1] !== '--lang');
const dir = path.resolve(positional[0] ?? path.join(repoRoot, 'knowledge'));
const catalogue = Catalogue.fromSources(readMessageSources(PRODUCT_MESSAGES_DIR));

function checkKnowledge(): boolean {
  console.log(`1/2 ${path.relative(process.cwd(), dir) || dir}`);
  try {
    const knowledge = loadKnowledge(dir);
    console.log(
      `  ${catalogue.format(locale, 'kb-ok', {
        subjects: String(knowledge.subjects.size),
        organisations: String(knowledge.organisations.length),
        people: String(knowledge.people.length),
        events: String(knowledge.events.length),
        facets: String(knowledge.facets.length),
      })}`,
    );
    return true;
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    console.log(`  ${catalogue.format(locale, 'kb-summary', { count: error.problems.length })}`);
    for (const line of explainProblems(error.problems, locale)) console.log(`  - ${line}`);
    return false;
  }
}

function runEvaluation(): boolean {
  console.log('\n2/2 npm run eval');
  // The same Node with the same TypeScript loader this script runs under (tsx).
  const result = spawnSync(process.execPath, [...process.execArgv, path.join(repoRoot, 'scripts', 'eval.ts')], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, KNOWLEDGE_DIR: dir },
  });
  return result.status === 0;
}

const knowledgeOk = checkKnowledge();
// Without loadable knowledge every question would fail: the evaluation adds nothing.
const evalOk = knowledgeOk && runEvaluation();
process.exit(knowledgeOk && evalOk ? 0 : 1);
