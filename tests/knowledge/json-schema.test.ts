import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_SCHEMA_PATH, renderKnowledgeJsonSchema } from '../../src/knowledge/json-schema.js';

describe('JSON Schema of the knowledge files', () => {
  it('is committed and up to date with the zod schema (run `npm run kb:schema` if not)', () => {
    expect(readFileSync(KNOWLEDGE_SCHEMA_PATH, 'utf8')).toBe(renderKnowledgeJsonSchema());
  });

  it('describes the sections and forbids unknown keys, so editors see typos', () => {
    const schema = JSON.parse(renderKnowledgeJsonSchema()) as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['programme', 'contact', 'organisations', 'events', 'people']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('is referenced on the first line of every knowledge file', () => {
    for (const name of readdirSync('knowledge').filter((n) => /\.ya?ml$/.test(n))) {
      const first = readFileSync(join('knowledge', name), 'utf8').split('\n', 1)[0];
      expect(first, name).toBe(`# yaml-language-server: $schema=../${KNOWLEDGE_SCHEMA_PATH}`);
    }
  });
});
