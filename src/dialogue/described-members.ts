import { type Knowledge, once, type PerKnowledge, type Subject } from '../knowledge/knowledge.js';
import { tokenize } from '../understanding/normalise.js';
import { stem } from '../understanding/stem.js';

/** Shorter name words are too often the start of another word ("forum", "haus"). */
const MIN_WORD = 5;
/** What a compound must have after the front it shares with a name: more than an ending ("Organisation-en"). */
const MIN_REST = 4;

/**
 * The subjects among `holders` whose name has a word that only this one subject's name has,
 * and that the asked-for name describes itself with, as a word or as the front of a compound: "a migrant
 * organisation", "eine Migrantenorganisation" → the "Forum für Migrant:innen …". A kind of
 * organisation the page does not name as such may still be one it names; the answer then points
 * there instead of saying no. Words that several names share (the city's name, "Forum") tell nothing.
 */
export function holdersFitting(askedName: string, holders: readonly Subject[], knowledge: Knowledge, functionWords: ReadonlySet<string>): Subject[] {
  const distinctive = distinctiveNameStems(knowledge, functionWords);
  // The last word says what kind of thing it is ("organisation", "Verband"): only the words before it, or the front of a compound, describe it.
  const keys = tokenize(askedName).map((t) => t.key);
  const describing = keys.slice(0, -1);
  const head = keys.at(-1) ?? '';
  const fits = (s: string) =>
    describing.some((key) => key.startsWith(s) || stem(key) === s) || (head.startsWith(s) && head.length - s.length >= MIN_REST);
  // A description says what kind of thing it is in a word of its own; one made only of a name's words is another
  // name ("Metropolregion Rhein-Main" for "Metropolregion Rhein-Neckar").
  const ownWord = (holder: Subject) => {
    const nameStems = new Set(nameTokens(holder).map((t) => stem(t.key)));
    return keys.some((key) => !nameStems.has(stem(key)));
  };
  return holders.filter((holder) => (distinctive.get(holder.id) ?? []).some(fits) && ownWord(holder));
}

const nameTokens = (subject: Subject) => tokenize(`${subject.name.text.de} ${subject.name.text.en}`);

const distinctiveCache: PerKnowledge<Map<string, string[]>> = new WeakMap();

/** Per subject, the stems of its name words that no other subject's name has. */
function distinctiveNameStems(knowledge: Knowledge, functionWords: ReadonlySet<string>): Map<string, string[]> {
  return once(distinctiveCache, knowledge, 'names', () => findDistinctive(knowledge, functionWords));
}

function findDistinctive(knowledge: Knowledge, functionWords: ReadonlySet<string>): Map<string, string[]> {
  const stemsOf = new Map<string, Set<string>>();
  const subjectsWith = new Map<string, number>();
  for (const subject of knowledge.subjects.values()) {
    const stems = new Set(
      nameTokens(subject)
        .filter((t) => t.key.length >= MIN_WORD && !functionWords.has(t.key))
        .map((t) => stem(t.key)),
    );
    stemsOf.set(subject.id, stems);
    for (const s of stems) subjectsWith.set(s, (subjectsWith.get(s) ?? 0) + 1);
  }
  return new Map([...stemsOf].map(([id, stems]) => [id, [...stems].filter((s) => subjectsWith.get(s) === 1)]));
}
