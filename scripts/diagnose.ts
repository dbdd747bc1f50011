/**
 * `npx tsx scripts/diagnose.ts [file]`: where the understanding fails on the training
 * corpus, voices held out in turn (as `npm run train` judges it): each failure with its
 * class (wrong kind of question, wrongly declined, should have declined …), and the count
 * per class. Writes the list to the file (default: diagnose.txt in the temp folder).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAssistant } from '../src/assistant.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { renderPlainText } from '../src/reply.js';
import { loadModel } from '../src/understanding/model.js';
import { scoreAnswer } from './eval-scoring.js';
import { evalItemOf } from './fit.js';
import { buildModel } from './train.js';
import { labelOf, readTrainingSet } from './training-data.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? path.join(tmpdir(), 'diagnose.txt');
const knowledgeDir = path.join(repoRoot, 'knowledge');
const items = readTrainingSet(path.join(repoRoot, 'training'));
const knowledge = loadKnowledge(knowledgeDir);
const params = loadModel().params;
const classes = new Map<string, number>();
const lines: string[] = [];
for (const held of [...new Set(items.map((i) => i.file))]) {
  const model = buildModel(
    items.filter((i) => i.file !== held),
    knowledgeDir,
    params,
  );
  const assistant = createAssistant(knowledge, { model });
  for (const item of items.filter((i) => i.file === held)) {
    const reply = assistant.respond({ channel: 'batch', conversationId: item.conv ?? item.id, text: item.q });
    const verdict = scoreAnswer(evalItemOf(item), { text: renderPlainText(reply), fallback: reply.fallback, locale: reply.locale });
    if (verdict.pass) continue;
    const label = labelOf(item.want, knowledge);
    const predicted = (reply.intent ?? 'decline').replace(/^(list|chat)\./, '').replace(/\.(missing|not-named)$/, '');
    const kind = verdict.reasons.some((r) => r.startsWith('expected locale'))
      ? 'language'
      : label?.intent === 'decline'
        ? reply.fallback
          ? 'declined, other checks failed'
          : 'should have declined'
        : reply.fallback
          ? 'wrongly declined'
          : predicted !== label?.intent
            ? 'other kind of question'
            : 'right kind, answer failed';
    classes.set(kind, (classes.get(kind) ?? 0) + 1);
    lines.push(
      `${kind}\t${item.id} [${item.want}${item.yn ? ` yn=${item.yn}` : ''}] ${item.q}\n\t-> ${reply.intent} | ${renderPlainText(reply).slice(0, 160).replace(/\n/g, ' ')}\n\t${verdict.reasons.join('; ')}`,
    );
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
const failed = [...classes.values()].reduce((a, b) => a + b, 0);
console.log(`${items.length - failed} of ${items.length} pass (${((100 * (items.length - failed)) / items.length).toFixed(1)} %), voices held out`);
for (const [kind, count] of [...classes].sort((a, b) => b[1] - a[1])) console.log(`  ${count}\t${kind}`);
console.log(`failures: ${out}`);
