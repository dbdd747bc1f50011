/**
 * Slack's message format in both directions: what users type arrives with `&`, `<`, `>`
 * entity-escaped and with mentions and links as `<…>` tokens; what the bot sends must
 * escape the same three characters so that echoed text can never ping or link anyone.
 */

/**
 * Escapes text for a mrkdwn field. Slack asks for exactly these three characters;
 * `*`, `_` and `~` are left alone because they can only change emphasis.
 *
 * ```ts
 * escapeMrkdwn('<!channel> & co'); // '&lt;!channel&gt; &amp; co'
 * ```
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack `<…>` token: a user, a channel, a special mention or a link, with an optional label. */
const TOKEN = /<([@#!]?)([^<>|]*)(?:\|([^<>]*))?>/g;

/**
 * Turns Slack's wire text back into what the user saw: `<@U1|ana>` → `@ana`,
 * `<!channel>` → `@channel`, `<https://x|label>` → `label`, then unescapes entities.
 * The bot's own mention (`botUserId`) is removed altogether.
 */
export function plainTextFromSlack(text: string, botUserId?: string): string {
  const readable = text.replace(TOKEN, (_token, sigil: string, target: string, label: string | undefined) => {
    if (sigil === '@' && botUserId !== undefined && target === botUserId) return '';
    if (sigil === '@') return `@${label ?? target}`;
    if (sigil === '#') return `#${label ?? target}`;
    if (sigil === '!') return label ?? `@${target.split('^')[0]}`;
    return label ?? target.replace(/^mailto:/, '');
  });
  return readable.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
