import { Catalogue } from '../i18n/catalogue.js';
import { PRODUCT_MESSAGES_DIR, readMessageSources } from '../i18n/messages.js';
import type { Locale } from '../message.js';
import type { KnowledgeProblem } from './problems.js';

/**
 * Problems in the knowledge in an editor's words (German by default): where – file, line
 * and field, with entries counted from 1 as people count – and what to write instead.
 *
 * ```ts
 * for (const line of explainProblems(error.problems, 'de')) console.log(line);
 * // city/people.yaml, Zeile 12 – people → 1. Eintrag → organisation: Es gibt keinen Eintrag mit der id „vorstnd“. Meinen Sie „vorstand“?
 * ```
 */
export function explainProblems(problems: readonly KnowledgeProblem[], locale: Locale = 'de'): string[] {
  const catalogue = Catalogue.fromSources(readMessageSources(PRODUCT_MESSAGES_DIR));
  const say = (id: string, args: Record<string, string | number> = {}) => catalogue.format(locale, id, args);
  return problems.map((problem) => {
    const where = say('kb-where', { file: problem.file || 'knowledge', line: problem.line ?? 'none' });
    const field = problem.field
      .split('.')
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? say('kb-entry', { number: String(Number(part) + 1) }) : part))
      .join(' → ');
    const args = Object.fromEntries(Object.entries(problem.args ?? {}).map(([key, value]) => [key, value === '' ? 'none' : value]));
    const text = catalogue.has(locale, problem.code) ? say(problem.code, args) : problem.code;
    return `${where}${field ? ` – ${field}` : ''}: ${text}`;
  });
}
