import { createAssistant } from '../src/assistant.js';
import { loadKnowledge } from '../src/knowledge/load.js';
const a = createAssistant(loadKnowledge('knowledge'));
for (const q of process.argv.slice(2)) { const r = a.respond({ channel: 'batch', conversationId: 'c', text: q }); console.log(`> ${q}\n  [${r.intent} ${r.locale} fb=${r.fallback} ${r.confidence}] ${r.text.replace(/\n/g, ' ⏎ ')}`); }
