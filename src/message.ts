/**
 * The one shape every channel turns its updates into before asking the core.
 *
 * ```ts
 * const reply = assistant.respond({
 *   channel: 'telegram',
 *   conversationId: 'tg:12345',
 *   userId: '987',
 *   text: 'Wer ist Ansprechpartner?',
 *   localeHint: 'de',
 * });
 * ```
 */
export type Locale = 'de' | 'en';

export type ChannelName = 'terminal' | 'batch' | 'telegram' | 'slack';

export interface IncomingMessage {
  channel: ChannelName;
  /** Key for dialogue context: a Telegram chat, a Slack thread or DM, a terminal session. */
  conversationId: string;
  /** The platform's user id. The core never logs it raw; see `pseudonymise`. */
  userId?: string;
  /** What the user typed, untouched. May be empty, huge or hostile: the core copes. */
  text: string;
  /**
   * A button the user pressed: the `id` of a {@link Choice} from an earlier reply.
   * When set, the core answers the choice and ignores `text`.
   */
  choiceId?: string;
  /** The platform's idea of the user's language (Telegram's `language_code`), used until they write. */
  localeHint?: Locale;
  /** The platform payload, kept opaque for logging and debugging. The core never reads it. */
  raw?: unknown;
}

/** Maps a platform language code such as `de-AT` or `en` to a locale, or undefined for others. */
export function localeFromCode(code: string | undefined): Locale | undefined {
  if (!code) return undefined;
  const base = code.toLowerCase().slice(0, 2);
  return base === 'de' ? 'de' : base === 'en' ? 'en' : undefined;
}
