/**
 * The training corpus (`training/*.jsonl`): questions written by helpers who saw only
 * the city's page, in the format of the evaluation sets plus two labels – `want`, the
 * answer the person wants (`<subject>:<facet>`, `list:<name>`, `involve`, `chat:<kind>`,
 * `decline`), and `yn` for yes/no questions. See training/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Knowledge } from '../src/knowledge/knowledge.js';

export interface TrainingItem {
  id: string;
  file: string;
  cat: string;
  q: string;
  conv?: string;
  lang: 'de' | 'en';
  want: string;
  yn?: 'yes' | 'no' | 'unknown';
  /** The eval-format checks, kept as written. */
  checks: Record<string, unknown>;
}

export function readTrainingSet(dir: string): TrainingItem[] {
  const items: TrainingItem[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        let raw: Record<string, unknown>;
        try {
          raw = JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new Error(`${name}:${index + 1}: not valid JSON`);
        }
        const { id, cat, q, conv, lang, want, yn, ...checks } = raw;
        if (typeof q !== 'string' || typeof want !== 'string') throw new Error(`${name}:${index + 1}: needs "q" and "want"`);
        items.push({
          id: String(id),
          file: name,
          cat: String(cat),
          q,
          ...(typeof conv === 'string' ? { conv: `${name}:${conv}` } : {}),
          lang: lang === 'en' ? 'en' : 'de',
          want,
          ...(yn === 'yes' || yn === 'no' || yn === 'unknown' ? { yn } : {}),
          checks,
        });
      });
  }
  return items;
}

/** What a label asks for, in the terms of the knowledge: a facet (intent) id and the subject. */
export interface Label {
  intent: string;
  subject?: string;
}

/**
 * Maps a corpus label onto the knowledge. The corpus names the programme, the city and
 * the contact by role ("programme", "city", "contact"); "where" questions ask for the
 * office of a contact and for what an organisation belongs to.
 */
export function labelOf(want: string, knowledge: Knowledge): Label | undefined {
  if (want === 'decline' || want === 'involve') return { intent: want };
  const [head, tail] = want.split(':') as [string, string | undefined];
  if (!tail) return undefined;
  if (head === 'chat') return { intent: tail };
  if (head === 'list') return tail === 'topics' ? { intent: 'topics', subject: knowledge.programme.id } : { intent: tail };
  const subject =
    head === 'programme' ? knowledge.programme.id : head === 'city' ? knowledge.city.id : head === 'contact' ? knowledge.contacts[0]?.id : head;
  if (!subject || !knowledge.subjects.has(subject)) return undefined;
  const kind = knowledge.subjects.get(subject)!.kind;
  const intent = tail === 'where' ? (kind === 'contact' ? 'office' : kind === 'person' ? 'role' : 'part-of') : tail;
  if (!knowledge.facets.some((facet) => facet.id === intent)) return undefined;
  return { intent, subject };
}
