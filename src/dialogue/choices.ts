import type { Subject } from '../knowledge/knowledge.js';
import type { FacetDeclaration } from '../knowledge/schema.js';
import type { Understanding } from '../understanding/model.js';
import type { Candidate } from './decide.js';

/**
 * Button ids: `f:<facet>` or `f:<facet>:<subject>`. Short (ids are kebab-case words), so
 * they fit Telegram's 64-byte `callback_data`, and they mean something only to the core.
 */
export function choiceId(facet: FacetDeclaration, subject?: Subject): string {
  return subject ? `f:${facet.id}:${subject.id}` : `f:${facet.id}`;
}

/** The candidate behind a button, or undefined for ids the core never issued (or that a reload removed). */
export function candidateOfChoice(id: string, understanding: Understanding): Candidate | undefined {
  const [kind, facetId, subjectId] = id.split(':');
  if (kind !== 'f' || !facetId) return undefined;
  const facet = understanding.facets.get(facetId);
  if (!facet) return undefined;
  if (facet.kind !== 'fact') return subjectId ? undefined : { facet, score: 0, cue: 0 };
  const subject = subjectId ? understanding.knowledge.subjects.get(subjectId) : undefined;
  return subject ? { facet, subject, score: 0, cue: 0 } : undefined;
}
