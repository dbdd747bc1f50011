import * as z from 'zod';
import { knowledgeFileSchema } from './schema.js';

/** Where the committed schema lives, relative to the repository root; knowledge files point at it. */
export const KNOWLEDGE_SCHEMA_PATH = 'schema/knowledge.schema.json';

/**
 * The JSON Schema of one knowledge file, generated from the zod schema, as the text that
 * is committed: editors with the YAML language server get completion and checks from it.
 * The input side is described, so fields with defaults (e.g. `aliases`) are optional.
 */
export function renderKnowledgeJsonSchema(): string {
  const schema = z.toJSONSchema(knowledgeFileSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    ...schema,
    title: 'Engagierte Stadt info bot – knowledge file',
    description: 'One file of knowledge/*.yaml. Generated from src/knowledge/schema.ts by `npm run kb:schema`; do not edit by hand.',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
