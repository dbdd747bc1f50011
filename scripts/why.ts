/**
 * `npx tsx scripts/why.ts "question" ["follow-up" …]`: how the core read each message of
 * one conversation and how it ranked the candidates (for diagnosing a single failure).
 * `--knowledge <dir>` first reads another knowledge folder (a test fixture, say); `--top <n>` shows n
 * candidates instead of 6.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAssistant } from '../src/assistant.js';
import { EVIDENCE } from '../src/dialogue/decide.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { renderPlainText } from '../src/reply.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const knowledgeDir = args[0] === '--knowledge' ? path.resolve(args.splice(0, 2)[1] ?? '') : path.join(repoRoot, 'knowledge');
const top = args[0] === '--top' ? Number(args.splice(0, 2)[1]) : 6;
const knowledge = loadKnowledge(knowledgeDir);
const assistant = createAssistant(knowledge, {
  onDecision(decision) {
    console.log(`  decision: ${decision.kind} (confidence ${decision.confidence.toFixed(2)})`);
    for (const c of decision.candidates.slice(0, top)) {
      const evidence = EVIDENCE.map((name, i) => [name, c.evidence?.[i] ?? 0] as const)
        .filter(([, v]) => v !== 0)
        .map(([name, v]) => `${name}=${v.toFixed(2)}`)
        .join(' ');
      console.log(
        `  ${c.score.toFixed(2).padStart(7)} ${c.facet.id}${c.subject ? `/${c.subject.id}` : ''}${c.unnamed ? `/“${c.unnamed}”` : ''}  ${evidence}`,
      );
    }
  },
});
for (const text of args) {
  console.log(`> ${text}`);
  const reply = assistant.respond({ channel: 'batch', conversationId: 'why', text });
  console.log(`  → ${renderPlainText(reply).slice(0, 200).replace(/\n/g, ' ')}\n`);
}
