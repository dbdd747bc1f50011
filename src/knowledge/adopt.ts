import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import type { Locale } from '../message.js';
import type { Knowledge } from './knowledge.js';
import { KnowledgeError, loadKnowledge } from './load.js';
import { knowledgeFileSchema } from './schema.js';

/** A question a member of the network answered, to be kept as knowledge. */
export interface AnswerToAdopt {
  /** Stable per source, so adopting the same ticket again updates its entry ("ticket-12"). */
  id: string;
  question: string;
  /** Plain text (the channel's markup already removed). */
  answer: string;
  locale: Locale;
  /** For editors: where it came from and when ("Hand-off #12, 2026-12-01"). */
  source: string;
}

export type AdoptResult =
  | { status: 'adopted'; id: string; file: string; updated: boolean }
  | { status: 'empty' }
  /** The knowledge would not load with the entry (the file is left as it was). */
  | { status: 'invalid'; problems: string[] }
  /** The file could not be written (a read-only knowledge folder, a full disk). */
  | { status: 'failed'; error: Error };

export interface AnswerAdopter {
  /** The file the answers go to, relative to the knowledge folder (for messages to editors). */
  readonly file: string;
  /** Writes the answer into the knowledge and hands the reloaded knowledge to `onKnowledge`. */
  adopt(answer: AnswerToAdopt): AdoptResult;
}

const HEADER = `# Questions that the bot could not answer and a member of the network answered in the
# hand-off ("Als Antwort übernehmen"). Editors review these like every other file: correct
# the wording, add further ways of asking under questions, or delete an entry.
`;

/**
 * Keeps answers from the hand-off as knowledge: one entry per ticket in the city's
 * `answers.yaml` (comments and editors' changes survive, the file is replaced atomically),
 * then the whole knowledge is loaded again with the same checks as every edit. When it
 * does not load, the file is put back and nothing changes.
 *
 * ```ts
 * const adopter = createAnswerAdopter({ knowledgeDir: 'knowledge', onKnowledge: (k) => assistant.setKnowledge(k) });
 * adopter.adopt({ id: 'ticket-12', question: 'Gibt es einen Newsletter?', answer: 'Ja, …', locale: 'de', source: 'Hand-off #12' });
 * ```
 */
export function createAnswerAdopter(options: { knowledgeDir: string; onKnowledge(knowledge: Knowledge): void }): AnswerAdopter {
  const { knowledgeDir } = options;
  const cityDir = path.join(knowledgeDir, 'city');
  const file = isDirectory(cityDir) ? path.join(cityDir, 'answers.yaml') : path.join(knowledgeDir, 'answers.yaml');
  return {
    file: path.relative(knowledgeDir, file),
    adopt(answer) {
      const question = answer.question.trim();
      const text = answer.answer.trim();
      if (question.length < 3 || text === '') return { status: 'empty' };
      let before: string | undefined;
      try {
        before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      } catch (error) {
        return { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
      }
      let next: { text: string; updated: boolean };
      try {
        next = withEntry(before, { ...answer, question, answer: text });
      } catch (error) {
        return { status: 'invalid', problems: [error instanceof Error ? error.message : String(error)] };
      }
      try {
        writeAtomically(file, next.text);
      } catch (error) {
        return { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
      }
      try {
        options.onKnowledge(loadKnowledge(knowledgeDir));
      } catch (error) {
        restore(file, before);
        if (error instanceof KnowledgeError) return { status: 'invalid', problems: error.message.split('\n').filter(Boolean) };
        return { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
      }
      return { status: 'adopted', id: answer.id, file: path.relative(knowledgeDir, file), updated: next.updated };
    },
  };
}

/** The file's text with the entry added, or replacing the entry of the same id. */
function withEntry(before: string | undefined, answer: AnswerToAdopt): { text: string; updated: boolean } {
  const document = parseDocument(before ?? `${HEADER}answers: []\n`);
  if (document.errors.length > 0) throw new Error(document.errors[0]!.message);
  if (!isMap(document.contents)) throw new Error('answers.yaml: expected a mapping with "answers:"');
  let answers = document.get('answers');
  if (!isSeq(answers)) {
    answers = new YAMLSeq();
    document.set('answers', answers);
  }
  const seq = answers as YAMLSeq;
  const entry = {
    id: answer.id,
    questions: { de: answer.locale === 'de' ? [answer.question] : [], en: answer.locale === 'en' ? [answer.question] : [] },
    answer: { [answer.locale]: answer.answer },
    source: answer.source,
  };
  const at = seq.items.findIndex((item) => isMap(item) && item.get('id') === answer.id);
  const node = document.createNode(entry);
  if (at >= 0) seq.items[at] = node;
  else seq.items.push(node);
  // The same checks as the loader's, so an entry that would not load is never written.
  knowledgeFileSchema.parse(document.toJS());
  return { text: document.toString({ lineWidth: 0 }), updated: at >= 0 };
}

function writeAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, text, { mode: 0o644 });
  try {
    renameSync(temporary, file);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}

function restore(file: string, before: string | undefined): void {
  try {
    if (before === undefined) unlinkSync(file);
    else writeAtomically(file, before);
  } catch {
    // Nothing more to do: the loader reports the file to editors on the next change.
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
