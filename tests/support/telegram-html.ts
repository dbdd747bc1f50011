/**
 * A strict stand-in for Telegram's HTML parse mode, so the fake Bot API refuses what
 * Telegram would refuse: unknown tags, unbalanced tags, a raw `<` or `&`.
 * Returns the text the user would see, whose length Telegram's 4096 limit counts.
 */
export type HtmlCheck = { ok: true; visibleText: string } | { ok: false; error: string };

const ALLOWED_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-emoji',
]);
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export function checkTelegramHtml(html: string): HtmlCheck {
  const open: string[] = [];
  let visible = '';
  let i = 0;
  while (i < html.length) {
    const char = html[i]!;
    if (char === '<') {
      const end = html.indexOf('>', i);
      if (end === -1) return fail(`unclosed tag at offset ${i}`);
      const tag = html.slice(i + 1, end);
      const closing = tag.startsWith('/');
      const name = (closing ? tag.slice(1) : tag).split(/\s/)[0]!.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) return fail(`Unsupported start tag "${name}" at offset ${i}`);
      if (closing) {
        if (open.pop() !== name) return fail(`Unexpected end tag "${name}" at offset ${i}`);
      } else {
        if (name === 'a' && !/^a\s+href="[^"<>]*"$/.test(tag)) return fail(`bad <a> tag at offset ${i}`);
        open.push(name);
      }
      i = end + 1;
    } else if (char === '&') {
      const match = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(html.slice(i, i + 12));
      if (!match) return fail(`unescaped "&" at offset ${i}`);
      const name = match[1]!.toLowerCase();
      visible += name.startsWith('#')
        ? String.fromCodePoint(name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)))
        : NAMED_ENTITIES[name]!;
      i += match[0].length;
    } else if (char === '>') {
      return fail(`unescaped ">" at offset ${i}`);
    } else {
      visible += char;
      i += 1;
    }
  }
  if (open.length > 0) return fail(`unclosed tag "${open.at(-1)}"`);
  return { ok: true, visibleText: visible };
}

function fail(error: string): HtmlCheck {
  return { ok: false, error: `can't parse entities: ${error}` };
}
