/** Telegram's limit for one message, counted after entity parsing. */
export const MAX_MESSAGE_LENGTH = 4096;

/**
 * Separators to cut at, best first. A cut is only taken if it keeps at least
 * {@link MIN_FILL} of the chunk, so one early blank line does not produce a stub message.
 */
const SEPARATORS: { pattern: RegExp; keep: number }[] = [
  { pattern: /\n\s*\n/g, keep: 0 }, // paragraph
  { pattern: /\n/g, keep: 0 }, // line
  { pattern: /[.!?…:;]\s/g, keep: 1 }, // sentence: the mark stays with its sentence
  { pattern: /\s/g, keep: 0 }, // word
];
const MIN_FILL = 0.3;

/**
 * Splits plain text into chunks of at most `limit` UTF-16 code units (which never
 * exceeds Telegram's character count), cutting at a paragraph, line, sentence or word
 * boundary when there is one, and never inside a surrogate pair. Splitting happens
 * before HTML escaping, so a cut can never fall inside a tag or an `&amp;`.
 *
 * ```ts
 * splitText(longAnswer).map(escapeHtml); // each fits one sendMessage
 * ```
 */
export function splitText(text: string, limit = MAX_MESSAGE_LENGTH): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = findCut(rest, limit);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk.length > 0) chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

/** Index to cut `text` at so that the part before it is at most `limit` long. */
function findCut(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  for (const { pattern, keep } of SEPARATORS) {
    let best = -1;
    for (const match of window.matchAll(pattern)) {
      const cut = match.index + keep;
      if (cut > 0 && cut <= limit) best = cut;
    }
    if (best >= limit * MIN_FILL) return best;
  }
  return hardCut(text, limit);
}

/** No separator anywhere near: cut at the limit, but not between the halves of an emoji. */
function hardCut(text: string, limit: number): number {
  const code = text.charCodeAt(limit - 1);
  const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
  return isHighSurrogate ? limit - 1 : limit;
}
