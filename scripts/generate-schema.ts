/**
 * `npm run kb:schema`: writes schema/knowledge.schema.json from the zod schema. Run it
 * after changing src/knowledge/schema.ts and commit the result; a test fails while the
 * committed file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KNOWLEDGE_SCHEMA_PATH, renderKnowledgeJsonSchema } from '../src/knowledge/json-schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(repoRoot, KNOWLEDGE_SCHEMA_PATH);
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, renderKnowledgeJsonSchema());
console.log(`wrote ${KNOWLEDGE_SCHEMA_PATH}`);
