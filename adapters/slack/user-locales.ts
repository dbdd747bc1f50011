import type { webApi } from '@slack/bolt';
import { type Locale, localeFromCode } from '../../src/message.js';
import { createBoundedMemory } from './bounded-memory.js';

/** German unless Slack says otherwise: the bot's first language. */
export const DEFAULT_LOCALE: Locale = 'de';

/**
 * The users' languages as Slack knows them (`users.info` with `include_locale`, which
 * needs the `users:read` scope), remembered for an hour. `known` never calls Slack;
 * `lookUp` does once per user and hour, and falls back to German when Slack cannot
 * tell (a missing scope, a language the bot does not speak, an error).
 *
 * ```ts
 * const locales = createUserLocales();
 * const locale = await locales.lookUp(client, event.user); // 'en' for a user with en-GB
 * locales.known(event.user); // 'en' from now on, without a call
 * ```
 */
export interface UserLocales {
  known(userId: string): Locale | undefined;
  lookUp(client: webApi.WebClient, userId: string): Promise<Locale>;
}

export function createUserLocales(options: { maxEntries?: number; ttlMs?: number } = {}): UserLocales {
  const memory = createBoundedMemory<Locale>({ maxEntries: options.maxEntries ?? 5_000, ttlMs: options.ttlMs ?? 60 * 60 * 1000 });
  return {
    known: (userId) => memory.get(userId),
    async lookUp(client, userId) {
      const remembered = memory.get(userId);
      if (remembered) return remembered;
      let locale = DEFAULT_LOCALE;
      try {
        const result = await client.users.info({ user: userId, include_locale: true });
        locale = localeFromCode(result.user?.locale) ?? DEFAULT_LOCALE;
      } catch {
        // Without the scope or on an error the home tab is German, as before; the next hour asks again.
      }
      memory.set(userId, locale);
      return locale;
    },
  };
}
