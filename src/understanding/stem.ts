/**
 * A light stemmer for matching keys (lower case, umlauts folded; see `toKey`): it strips
 * the common German and English inflection endings so that "Partnern", "Partners" and
 * "Partner", or "organisiert" and "organisieren", meet. It does not need to find the
 * linguistic stem, only the same stem for the forms people type; character n-grams cover
 * what it misses (irregular verbs, compounds). Endings are stripped until none is left
 * ("Partners" → "Partner" → "Partn"), so every form ends at the same stem: the first
 * ending never below four letters, further ones never below five. A verb's "-t" goes only
 * where no noun would lose a letter ("Stadt" stays, "tauscht" → "tausch").
 */
const ENDINGS = [
  'ungen',
  'innen',
  'heiten',
  'keiten',
  'ieren',
  'ierte',
  'iert',
  'ing',
  'ern',
  'est',
  'em',
  'en',
  'er',
  'es',
  'et',
  'ed',
  'e',
  'n',
  's',
];
const MIN_STEM = 4;

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

export function stem(key: string): string {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const result = stemOf(key);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function stemOf(key: string): string {
  if (/\d/.test(key)) return key;
  let current = strip(key, MIN_STEM);
  // Later rounds keep one more letter: "Partners" → "Partner" → "Partn", but not on to "Part".
  for (let next = strip(current, MIN_STEM + 1); next !== current; next = strip(current, MIN_STEM + 1)) current = next;
  return current;
}

/** The "-t" of a verb's third person after a doubled consonant or "ch": "tauscht", "stellt", "macht" meet "tauschen", "stellen", "machen". */
const VERB_T = /(?:ch|ck|ss|ff|ll|mm|nn|pp|rr)t$/;

function strip(key: string, min: number): string {
  if (key.length <= min) return key;
  if (VERB_T.test(key) && key.length - 1 >= min) return key.slice(0, -1);
  for (const ending of ENDINGS) {
    if (key.endsWith(ending) && key.length - ending.length >= min) return key.slice(0, -ending.length);
  }
  return key;
}
