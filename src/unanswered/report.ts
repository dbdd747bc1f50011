import type { Locale } from '../message.js';
import type { UnansweredQuestion } from './store.js';

/** One group of questions that read the same once case, accents and punctuation are set aside. */
export interface UnansweredGroup {
  /** The most recent wording, as asked. */
  example: string;
  count: number;
  locales: Locale[];
  lastSeen: string;
}

/**
 * The key questions are grouped by: lower case, umlauts folded (so "Gruesse" and
 * "Grüße" meet), punctuation and repeated spaces gone.
 */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Groups questions and sorts them most frequent first (ties: most recent first). */
export function groupUnanswered(entries: readonly UnansweredQuestion[]): UnansweredGroup[] {
  const groups = new Map<string, UnansweredGroup>();
  for (const entry of entries) {
    const key = normaliseQuestion(entry.text);
    if (key === '') continue;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { example: entry.text, count: 1, locales: [entry.locale], lastSeen: entry.at });
      continue;
    }
    group.count += 1;
    if (!group.locales.includes(entry.locale)) group.locales.push(entry.locale);
    if (entry.at >= group.lastSeen) {
      group.lastSeen = entry.at;
      group.example = entry.text;
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}

/** The report as a plain-text table for editors, `limit` groups at most. */
export function formatUnansweredReport(groups: readonly UnansweredGroup[], total: number, limit: number): string {
  if (groups.length === 0) return 'No unanswered questions recorded. Nothing to add for now.\n';
  const shown = groups.slice(0, limit);
  const rows = shown.map((g) => [String(g.count), g.locales.sort().join('+'), g.lastSeen.slice(0, 10), oneLine(g.example)]);
  const header = ['count', 'lang', 'last seen', 'question'];
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => (row[col] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, col) => (col === 0 ? cell.padStart(widths[col] ?? 0) : col === cells.length - 1 ? cell : cell.padEnd(widths[col] ?? 0)))
      .join('  ');
  const lines = [
    `${total} unanswered question(s), ${groups.length} different; the ${shown.length} most frequent:`,
    '',
    format(header),
    format(widths.map((w) => '-'.repeat(w))),
    ...rows.map(format),
  ];
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
