/**
 * Escaping for Telegram's HTML parse mode. Telegram rejects the whole message (400,
 * "can't parse entities") on a single stray `<` or `&`, so every piece of text that is
 * not our own markup goes through `escapeHtml`, including user text the core echoes.
 *
 * ```ts
 * `<b>${escapeHtml(name)}</b>`;
 * `<a href="${escapeHtmlAttribute(url)}">${escapeHtml(label)}</a>`;
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}

/** Like {@link escapeHtml}, and also `"` so the value cannot leave a double-quoted attribute. */
export function escapeHtmlAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}
