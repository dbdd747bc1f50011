import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { withCheckedCache } from './checked-cache.js';
import { type Knowledge, type KnowledgeFile, knowledgeFileSchema } from './schema.js';

// Loaded on first use: a start with unchanged knowledge never parses YAML (see checked-cache.ts).
const requireYaml = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');

/** One thing wrong in the knowledge, located so that an editor can find it. */
export interface KnowledgeProblem {
  file: string;
  /** Dotted path inside the file, e.g. "organisations.3.website"; empty for the whole file. */
  field: string;
  message: string;
}

/** The knowledge did not load; `problems` says where and why, one line each in `message`. */
export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(
      `The knowledge base has ${problems.length} problem(s):\n${problems
        .map((p) => `  - ${p.file}${p.field ? ` → ${p.field}` : ''}: ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'KnowledgeError';
  }
}

/**
 * Reads and checks every `*.yaml` file in `dir` and merges them into one knowledge base.
 * Throws a {@link KnowledgeError} that names file, field and problem for anything wrong:
 * broken YAML, a missing or mistyped field, a duplicate id, a reference to an unknown id.
 *
 * ```ts
 * const knowledge = loadKnowledge('knowledge');
 * ```
 */
export function loadKnowledge(dir: string): Knowledge {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
  const contents = files.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  return withCheckedCache(contents, () => parseKnowledgeFiles(contents));
}

/** The pure part of {@link loadKnowledge}: file contents in, checked knowledge out. */
export function parseKnowledgeFiles(files: { name: string; text: string }[]): Knowledge {
  const problems: KnowledgeProblem[] = [];
  const parsed: { name: string; data: KnowledgeFile }[] = [];

  const { parseDocument } = requireYaml();
  for (const file of files) {
    const document = parseDocument(file.text, { prettyErrors: true, uniqueKeys: true });
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        problems.push({ file: file.name, field: '', message: `not valid YAML: ${error.message.split('\n')[0]}` });
      }
      continue;
    }
    const result = knowledgeFileSchema.safeParse(document.toJS() ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file: file.name, field: issue.path.join('.'), message: issue.message });
      }
      continue;
    }
    parsed.push({ name: file.name, data: result.data });
  }
  if (problems.length > 0) throw new KnowledgeError(problems);

  const merged = mergeFiles(parsed, problems);
  if (problems.length > 0 || !merged) throw new KnowledgeError(problems);
  checkReferences(merged.knowledge, merged.origin, problems);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return merged.knowledge;
}

type Origin = Map<string, { file: string; field: string }>;
const CONTACT_ORIGIN = '(contact)';

function mergeFiles(parsed: { name: string; data: KnowledgeFile }[], problems: KnowledgeProblem[]) {
  const knowledge: Partial<Knowledge> & Pick<Knowledge, 'organisations' | 'events' | 'people'> = {
    organisations: [],
    events: [],
    people: [],
  };
  // Where each id was defined, so that later problems can point back at it.
  const origin: Origin = new Map();
  const single = ['programme', 'contact'] as const;
  const singleFrom: Record<string, string> = {};

  for (const { name, data } of parsed) {
    for (const key of single) {
      if (data[key] === undefined) continue;
      if (singleFrom[key]) {
        problems.push({ file: name, field: key, message: `already defined in ${singleFrom[key]}; keep one` });
      } else {
        singleFrom[key] = name;
        (knowledge as Record<string, unknown>)[key] = data[key];
        if (key === 'programme' && data.programme) origin.set(data.programme.id, { file: name, field: 'programme' });
        if (key === 'contact') origin.set(CONTACT_ORIGIN, { file: name, field: 'contact' });
      }
    }
    for (const list of ['organisations', 'events', 'people'] as const) {
      (data[list] ?? []).forEach((item, index) => {
        const field = `${list}.${index}.id`;
        const earlier = origin.get(item.id);
        if (earlier) {
          problems.push({ file: name, field, message: `id "${item.id}" is already used in ${earlier.file} (${earlier.field})` });
          return;
        }
        origin.set(item.id, { file: name, field });
        (knowledge[list] as unknown[]).push(item);
      });
    }
  }
  for (const key of single) {
    if (!singleFrom[key]) problems.push({ file: '(all files)', field: key, message: `no file defines "${key}"` });
  }
  if (!knowledge.programme || !knowledge.contact) return undefined;
  return { knowledge: knowledge as Knowledge, origin };
}

function checkReferences(knowledge: Knowledge, origin: Origin, problems: KnowledgeProblem[]): void {
  const organisations = new Set(knowledge.organisations.map((o) => o.id));
  const people = new Set(knowledge.people.map((p) => p.id));
  const where = (ownerId: string, field: string) => {
    const at = origin.get(ownerId);
    return { file: at?.file ?? '?', field: `${at?.field.replace(/\.id$/, '') ?? ownerId}.${field}` };
  };
  const expect = (ids: Set<string>, kind: string, ownerId: string, field: string, ref: string | undefined) => {
    if (ref !== undefined && !ids.has(ref)) {
      problems.push({ ...where(ownerId, field), message: `no ${kind} with id "${ref}"` });
    }
  };

  for (const org of knowledge.organisations) {
    expect(organisations, 'organisation', org.id, 'partOf', org.partOf);
    expect(people, 'person', org.id, 'lead', org.lead);
    for (const [i, member] of (org.members ?? []).entries()) expect(organisations, 'organisation', org.id, `members.${i}`, member);
  }
  for (const event of knowledge.events) expect(organisations, 'organisation', event.id, 'organiser', event.organiser);
  for (const person of knowledge.people) {
    expect(organisations, 'organisation', person.id, 'organisation', person.organisation);
  }
  const programme = knowledge.programme;
  expect(organisations, 'organisation', programme.id, 'appliedBy', programme.appliedBy);
  for (const [i, p] of (programme.photo?.people ?? []).entries()) expect(people, 'person', programme.id, `photo.people.${i}`, p);

  const contactAt = (field: string) => ({ file: origin.get(CONTACT_ORIGIN)?.file ?? '?', field: `contact.${field}` });
  const contact = knowledge.contact;
  if (!organisations.has(contact.department)) {
    problems.push({ ...contactAt('department'), message: `no organisation with id "${contact.department}"` });
  }
  if (!organisations.has(contact.office)) {
    problems.push({ ...contactAt('office'), message: `no organisation with id "${contact.office}"` });
  }
  if (!people.has(contact.person)) problems.push({ ...contactAt('person'), message: `no person with id "${contact.person}"` });
}
