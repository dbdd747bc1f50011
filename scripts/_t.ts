import { createAssistant } from '../src/assistant.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { renderPlainText } from '../src/reply.js';
const k = loadKnowledge('knowledge');
for (const ch of ['terminal', 'batch'] as const) { const r = createAssistant(k).respond({ channel: ch, conversationId: 'c', text: 'Ist die Telefonnummer 0451 122 2030?' }); console.log(ch, JSON.stringify(r.text).slice(0, 80), '|', renderPlainText(r).slice(0, 60)); }
