import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { z } from 'zod';
import { brokenEntries, type CatalogueSource } from '../i18n/catalogue.js';
import { localeOfFile } from '../i18n/messages.js';
import { buildKnowledge, type Knowledge, type ParsedFile } from './knowledge.js';
import { KnowledgeError, type KnowledgeProblem } from './problems.js';
import { knowledgeFileSchema } from './schema.js';

export { KnowledgeError, type KnowledgeProblem } from './problems.js';

/**
 * Reads every `*.yaml` and `*.ftl` file under `dir` (both halves: the national
 * `programme/` and the city's folder), checks them and merges them into one knowledge.
 * Checked every time it loads – nothing is taken on trust from a cache. Throws a
 * {@link KnowledgeError} naming file, line and problem for anything wrong: broken YAML,
 * a missing or mistyped field, a duplicate id, a reference to an unknown id, a fact of
 * the wrong type.
 *
 * ```ts
 * const knowledge = loadKnowledge('knowledge');
 * ```
 */
export function loadKnowledge(dir: string): Knowledge {
  const files = listFiles(dir).map((path) => ({ name: relative(dir, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
  return parseKnowledgeFiles(files);
}

/** The pure part of {@link loadKnowledge}: file names and contents in, checked knowledge out. */
export function parseKnowledgeFiles(files: readonly { name: string; text: string }[]): Knowledge {
  const problems: KnowledgeProblem[] = [];
  const parsed: ParsedFile[] = [];
  const messageFiles: { name: string; text: string }[] = [];
  for (const file of files) {
    if (file.name.endsWith('.ftl')) messageFiles.push(file);
    else if (/\.ya?ml$/.test(file.name)) {
      const result = parseYamlFile(file, problems);
      if (result) parsed.push(result);
    }
  }
  if (problems.length > 0) throw new KnowledgeError(problems);

  const messages = orderMessages(messageFiles, parsed, problems);
  const knowledge = buildKnowledge(parsed, messages, problems);
  if (problems.length > 0 || !knowledge) throw new KnowledgeError(problems);
  return knowledge;
}

/** Every knowledge file under `dir`, sorted, skipping hidden entries (e.g. Kubernetes' `..data`). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listFiles(path);
      return /\.(ya?ml|ftl)$/.test(name) ? [path] : [];
    });
}

/**
 * Parses one YAML file. The fast parser (js-yaml) reads every file; only when something
 * is wrong is the file read again with `yaml`, which knows where each node stands, so
 * that problems can name their line and the YAML slip by its kind.
 */
function parseYamlFile(file: { name: string; text: string }, problems: KnowledgeProblem[]): ParsedFile | undefined {
  let data: unknown;
  try {
    data = loadYaml(file.text, { filename: file.name });
  } catch {
    problems.push(...yamlProblems(file));
    return undefined;
  }
  let located: ReturnType<typeof locator> | undefined;
  const lineOf = (path: (string | number)[]) => {
    located ??= locator(file.text);
    return located(path);
  };
  // Each file is parsed once: compiling zod's generated fast path would cost the start-up more than it saves.
  const result = knowledgeFileSchema.safeParse(data ?? {}, { reportInput: true, jitless: true });
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(zodProblem(file.name, issue, lineOf));
    return undefined;
  }
  return { name: file.name, data: result.data, lineOf };
}

// Loaded only when a file has a problem to locate: a clean start never needs it.
const requireYaml = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');

/** The line of a field path in a YAML text (the nearest existing part of the path). */
function locator(text: string): (path: (string | number)[]) => number | undefined {
  const { isNode, LineCounter, parseDocument } = requireYaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  return (path) => {
    for (let length = path.length; length >= 0; length--) {
      const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** What is wrong with a file that is not valid YAML, by the kind of slip (an unquoted colon, a tab …). */
function yamlProblems(file: { name: string; text: string }): KnowledgeProblem[] {
  const { LineCounter, parseDocument } = requireYaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(file.text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // The first slip is the one to fix: the errors after it are mostly its echo.
  const problems = document.errors.slice(0, 1).map((error) => ({
    file: file.name,
    line: lineCounter.linePos(error.pos[0]).line,
    field: '',
    code: `yaml-${error.code.toLowerCase().replace(/_/g, '-')}`,
  }));
  return problems.length > 0 ? problems : [{ file: file.name, field: '', code: 'yaml-invalid' }];
}

/** Turns a zod issue into a problem with a catalogue code and what the editor needs to know. */
function zodProblem(file: string, issue: z.core.$ZodIssue, lineOf: ParsedFile['lineOf']): KnowledgeProblem {
  const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
  const field = path.join('.');
  const base = { file, line: lineOf(path), field };
  switch (issue.code) {
    case 'unrecognized_keys':
      return { ...base, code: 'key-unknown', args: { keys: issue.keys.join(', ') } };
    case 'invalid_type':
      return {
        ...base,
        code: issue.input === undefined ? 'field-missing' : 'type-mismatch',
        args: { expected: issue.expected, field: String(path.at(-1) ?? '') },
      };
    case 'invalid_value':
      return { ...base, code: 'value-not-allowed', args: { allowed: issue.values.map(String).join(', ') } };
    default:
      // Our own checks carry a catalogue code as their message; zod's built-in ones do not.
      return { ...base, code: /^[a-z-]+$/.test(issue.message) ? issue.message : 'value-invalid', args: { detail: issue.message } };
  }
}

/**
 * The knowledge's messages in the order they apply: the national wording first, then
 * the city's folder (the one with the `city:` section), whose messages override it.
 */
function orderMessages(files: { name: string; text: string }[], parsed: ParsedFile[], problems: KnowledgeProblem[]): CatalogueSource[] {
  const cityFile = parsed.find((file) => file.data.city)?.name;
  const cityDir = cityFile ? dirname(cityFile) : undefined;
  const inCity = (name: string) => cityDir !== undefined && cityDir !== '.' && name.startsWith(`${cityDir}/`);
  const sources: CatalogueSource[] = [];
  for (const file of [...files.filter((f) => !inCity(f.name)), ...files.filter((f) => inCity(f.name))]) {
    const locale = localeOfFile(file.name);
    if (!locale) problems.push({ file: file.name, field: '', code: 'ftl-name' });
    else sources.push({ name: file.name, locale, text: file.text });
    for (const line of brokenEntries(file.text)) problems.push({ file: file.name, line, field: '', code: 'ftl-syntax' });
  }
  return sources;
}
