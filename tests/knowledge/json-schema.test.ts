import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_SCHEMA_PATH, renderKnowledgeJsonSchema } from '../../src/knowledge/json-schema.js';
import { listFiles } from '../../src/knowledge/load.js';

describe('JSON Schema of the knowledge files', () => {
  it('is committed and up to date with the zod schema (run `npm run kb:schema` if not)', () => {
    expect(readFileSync(KNOWLEDGE_SCHEMA_PATH, 'utf8')).toBe(renderKnowledgeJsonSchema());
  });

  it('describes the sections and forbids unknown keys, so editors see typos', () => {
    const schema = JSON.parse(renderKnowledgeJsonSchema()) as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['programme', 'city', 'contacts', 'facets', 'roles', 'organisations', 'events', 'people']),
    );
    expect(schema.additionalProperties).toBe(false);
  });

  it('is referenced on the first line of every knowledge file', () => {
    for (const path of listFiles('knowledge').filter((n) => /\.ya?ml$/.test(n))) {
      const first = readFileSync(path, 'utf8').split('\n', 1)[0];
      expect(first, path).toBe(`# yaml-language-server: $schema=../../${KNOWLEDGE_SCHEMA_PATH}`);
    }
  });
});
