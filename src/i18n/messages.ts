import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../message.js';
import type { CatalogueSource } from './catalogue.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The product's own messages (`messages/de.ftl`, `messages/en.ftl`) at the top of the
 * project: two levels up from `src/i18n/` and from the build's `dist/app/chunks/`, three from the
 * module-by-module `dist/src/i18n/` of the benchmark.
 */
export const PRODUCT_MESSAGES_DIR =
  [resolve(here, '..', '..', 'messages'), resolve(here, '..', '..', '..', 'messages')].find((dir) => existsSync(join(dir, 'de.ftl'))) ??
  resolve(here, '..', '..', 'messages');

/** The language of a `.ftl` file from its name: `de.ftl`, `facets.de.ftl` → de; others → undefined. */
export function localeOfFile(name: string): Locale | undefined {
  const match = /(?:^|\.)(de|en)\.ftl$/.exec(name);
  return match ? (match[1] as Locale) : undefined;
}

/** Every `.ftl` file directly in `dir`, sorted by name, as catalogue sources. */
export function readMessageSources(dir: string): CatalogueSource[] {
  return readdirSync(dir)
    .filter((name) => localeOfFile(name) !== undefined)
    .sort()
    .map((name) => ({ name: join(dir, name), locale: localeOfFile(name) as Locale, text: readFileSync(join(dir, name), 'utf8') }));
}
