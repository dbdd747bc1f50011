/**
 * A light stemmer for matching keys (lower case, umlauts folded; see `toKey`): it strips
 * the common German and English inflection endings so that "Partnern", "Partners" and
 * "Partner", or "organisiert" and "organisieren", meet. It does not need to find the
 * linguistic stem, only the same stem for the forms people type; character n-grams cover
 * what it misses (irregular verbs, compounds). Endings are stripped at most twice
 * ("Partners" → "Partner" → "Partn"), never below four letters.
 */
const ENDINGS = ['ungen', 'innen', 'heiten', 'keiten', 'ieren', 'ierte', 'iert', 'ing', 'ern', 'est', 'em', 'en', 'er', 'es', 'et', 'ed', 'e', 'n', 's'];
const MIN_STEM = 4;

export function stem(key: string): string {
  if (/\d/.test(key)) return key;
  return strip(strip(key));
}

function strip(key: string): string {
  if (key.length <= MIN_STEM) return key;
  for (const ending of ENDINGS) {
    if (key.endsWith(ending) && key.length - ending.length >= MIN_STEM) return key.slice(0, -ending.length);
  }
  return key;
}
