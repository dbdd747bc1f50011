/**
 * One thing wrong in the knowledge, as data: where (file, line, field) and what (a code
 * with parameters). The words come from the editor catalogue (`messages/editor.*.ftl`),
 * so `kb:check` speaks the editor's language, German by default.
 */
export interface KnowledgeProblem {
  /** Path of the file, relative to the knowledge folder; "" for the folder as a whole. */
  file: string;
  /** 1-based line, when it is known. */
  line?: number;
  /** Dotted field path inside the file, e.g. "organisations.3.website". */
  field: string;
  /** Message id in the editor catalogue, e.g. "ref-unknown". */
  code: string;
  args?: Record<string, string | number>;
}

/** The knowledge did not load; `problems` says where and why. */
export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`The knowledge has ${problems.length} problem(s):\n${problems.map((p) => `  - ${describeProblem(p)}`).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

/** A one-line, language-neutral description (for logs and error messages without a catalogue). */
export function describeProblem(problem: KnowledgeProblem): string {
  const where = [problem.file, problem.line].filter((part) => part !== undefined && part !== '').join(':');
  const args = problem.args ? ` ${JSON.stringify(problem.args)}` : '';
  return `${where}${problem.field ? ` ${problem.field}` : ''}: ${problem.code}${args}`;
}
