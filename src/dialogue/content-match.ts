import type { Lexicon } from '../understanding/lexicon.js';
import type { Parse } from '../understanding/parse.js';
import type { EntityFacet, ListName, ProgrammeFacet, Topic } from './topic.js';

/**
 * Matching by content: which texts of the knowledge a message's words occur in. Used
 * when a question names nothing ("Gehts auch um Demokratie?"), to break a tie between
 * two names, and to point a would-be volunteer at the organisation that fits them.
 */

/** Scores knowledge texts by the message's words (rarer words count more). */
export function contentScores(parse: Parse, lexicon: Lexicon): Map<string, number> {
  const scores = new Map<string, number>();
  const seen = new Set<string>();
  for (const token of parse.tokens) {
    // Only words known from the texts count; cue and function words say how, not what, is asked.
    if (token.role !== 'domain' || token.resolved.length < 4 || seen.has(token.resolved)) continue;
    seen.add(token.resolved);
    for (const { target, weight } of lexicon.contentIndex.get(token.resolved) ?? []) {
      scores.set(target, (scores.get(target) ?? 0) + weight);
    }
  }
  return scores;
}

/** A question with no name and no known ask, matched to the knowledge text it is about. */
export function contentTopic(scores: Map<string, number>, parse: Parse, lexicon: Lexicon): Topic | undefined {
  // Sum per subject, then answer with the subject's best-fitting text.
  const bySubject = new Map<string, { score: number; target: string; top: number }>();
  for (const [target, score] of scores) {
    const subject = target.split('|')[0]!;
    const entry = bySubject.get(subject) ?? { score: 0, target, top: 0 };
    entry.score += score;
    if (score > entry.top) Object.assign(entry, { target, top: score });
    bySubject.set(subject, entry);
  }
  let best: { target: string; score: number; top: number } | undefined;
  for (const [subject, entry] of bySubject) {
    // Ties go to the programme: it is what most people ask about.
    const programme = lexicon.entities.get(subject)?.kind === 'programme';
    if (!best || entry.score > best.score || (programme && entry.score === best.score)) best = entry;
  }
  // Only a message made entirely of known words is matched by content: "beste Pizza" is not about best practice.
  if (!best || parse.unknownWeight > 0) return undefined;
  const [id, facet] = best.target.split('|') as [string, string];
  // The programme is what this bot is about: a weaker match suffices when it points there.
  // Anything else needs a word that is distinctive for it, not just common words adding up.
  const isProgramme = lexicon.entities.get(id)?.kind === 'programme';
  if (isProgramme ? best.score < 0.15 : best.score < 0.5 || best.top < 0.5) return undefined;
  if (id === 'list') return { kind: 'list', list: facet as ListName };
  if (isProgramme) return { kind: 'programme', facet: facet as ProgrammeFacet };
  return { kind: 'entity', id, facet: facet as EntityFacet };
}

/** The organisation or event the message's distinctive words fit best, if any. */
export function bestSubject(scores: Map<string, number>, lexicon: Lexicon): string | undefined {
  const bySubject = new Map<string, number>();
  for (const [target, score] of scores) {
    const subject = target.split('|')[0]!;
    const kind = lexicon.entities.get(subject)?.kind;
    if ((kind === 'organisation' || kind === 'event') && score >= 0.5) bySubject.set(subject, Math.max(bySubject.get(subject) ?? 0, score));
  }
  return [...bySubject].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Among entities sharing a name word ("Forum"), the one whose texts the other words fit clearly best. */
export function bestByContent(scores: Map<string, number>, ids: string[]): string | undefined {
  const ranked = ids
    .map((id) => ({ id, score: [...scores].filter(([target]) => target.startsWith(`${id}|`)).reduce((sum, [, s]) => sum + s, 0) }))
    .sort((a, b) => b.score - a.score);
  const [first, second] = ranked;
  return first && first.score > 0 && first.score >= 2 * (second?.score ?? 0) ? first.id : undefined;
}
