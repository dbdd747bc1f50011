import { FluentBundle, type FluentFunction, FluentResource, FluentType, type FluentValue, type FluentVariable } from '@fluent/bundle';
import type { Locale } from '../message.js';
import { type GrammaticalCase, joinList, type NameGrammar, nameInSentence, pronounOf } from './grammar.js';

/**
 * Every sentence the bot says, in Fluent (https://projectfluent.org), German and English.
 * The product's own messages (`messages/*.ftl`) come first; the knowledge adds the
 * wording of its facets and may override any message (a city's own greeting).
 *
 * Names enter messages as {@link NameValue}s, so a message can put them in the right
 * case with the right article:
 *
 * ```ftl
 * rhythm-answer = { DEF($subject, cap: 1) } trifft sich { $value }.
 * founded-answer = Gegründet wurde { DEF($subject) } { $year }.
 * organiser-answer = Ausgerichtet wird es { DEF($organiser, prep: "von") }.   # "vom Tandem Ehrenamt"
 * partners-answer = Partner sind { LIST($partners) }.                          # "die A, der B und das C"
 * ```
 *
 * ```ts
 * catalogue.format('de', 'rhythm-answer', { subject: new NameValue(forum), value: 'einmal im Jahr' });
 * ```
 */
export class Catalogue {
  private constructor(
    private readonly bundles: Record<Locale, FluentBundle>,
    private readonly globals: Record<string, FluentVariable>,
    private readonly onError: (problem: string) => void,
  ) {}

  /**
   * Builds the catalogue from `.ftl` sources, later ones overriding earlier messages of
   * the same id. Throws a {@link CatalogueError} naming file and line for text that is
   * not valid Fluent.
   */
  static fromSources(sources: readonly CatalogueSource[], options: CatalogueOptions = {}): Catalogue {
    const bundles = { de: newBundle('de'), en: newBundle('en') };
    const problems: string[] = [];
    for (const source of sources) {
      const broken = brokenEntries(source.text);
      for (const line of broken) problems.push(`${source.name}:${line}`);
      bundles[source.locale].addResource(new FluentResource(source.text), { allowOverrides: true });
    }
    if (problems.length > 0) throw new CatalogueError(problems);
    return new Catalogue(bundles, options.globals ?? {}, options.onError ?? (() => {}));
  }

  /** Whether a message exists in that language. */
  has(locale: Locale, id: string): boolean {
    return this.bundles[locale].hasMessage(id);
  }

  /**
   * The message in that language with its parameters filled in. A missing message or
   * parameter is a fault in the catalogue, not in the user's question: it is reported
   * through `onError` and the best text Fluent can make is still returned.
   */
  format(locale: Locale, id: string, args: Record<string, FluentVariable> = {}): string {
    const bundle = this.bundles[locale];
    const message = bundle.getMessage(id);
    if (!message?.value) {
      this.onError(`message "${id}" is missing in ${locale}`);
      return '';
    }
    const errors: Error[] = [];
    const text = bundle.formatPattern(message.value, { ...this.globals, ...args }, errors);
    for (const error of errors) this.onError(`message "${id}" (${locale}): ${error.message}`);
    return text;
  }

  /** The ids of every message in that language (for checks that both languages are complete). */
  ids(locale: Locale): string[] {
    return [...this.bundles[locale]._messages.keys()];
  }
}

export interface CatalogueSource {
  /** Where the text came from, for error messages (a path). */
  name: string;
  locale: Locale;
  text: string;
}

export interface CatalogueOptions {
  /** Parameters every message can use, e.g. `$city` and `$bot` from the knowledge. */
  globals?: Record<string, FluentVariable>;
  /** Told about missing messages and parameters at format time (the logger). */
  onError?: (problem: string) => void;
}

/** Text in a `.ftl` file that is not valid Fluent; each problem names the file and line. */
export class CatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`The message catalogue has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CatalogueError';
  }
}

/** A name with its grammar, for DEF and LIST; printed bare it is the name as written. */
export class NameValue extends FluentType<NameGrammar> {
  toString(scope: { bundle: { locales: string[] } }): string {
    return this.value.text[localeOf(scope.bundle.locales)];
  }
}

/** Several names, for LIST. */
export class NameListValue extends FluentType<readonly NameGrammar[]> {
  toString(scope: { bundle: { locales: string[] } }): string {
    const locale = localeOf(scope.bundle.locales);
    return joinList(
      this.value.map((name) => name.text[locale]),
      locale,
    );
  }
}

/** Plain phrases joined as a list: "Digitalisierung, Partizipation und …". */
export class TextListValue extends FluentType<readonly string[]> {
  toString(scope: { bundle: { locales: string[] } }): string {
    return joinList(this.value, localeOf(scope.bundle.locales));
  }
}

const localeOf = (locales: string[]): Locale => (locales[0] === 'en' ? 'en' : 'de');

function newBundle(locale: Locale): FluentBundle {
  return new FluentBundle(locale, { useIsolating: false, functions: functionsFor(locale) });
}

/**
 * The functions messages call:
 * - `DEF($name, case: "dat", prep: "bei", cap: 1, bare: 1)`: the name with its article, in a case;
 * - `LIST($names, case: …, prep: …, cap: 1, or: 1, bare: 1)`: several names as one phrase,
 *   each with its article (the preposition only once, before the first);
 * - `PRONOUN($name, cap: 1)`: the personal pronoun for the name ("sie" for die Körber-Stiftung, "es" for das Bundesnetzwerk);
 * - `UPPER($text)`: the first letter capitalised.
 */
function functionsFor(locale: Locale): Record<string, FluentFunction> {
  const optionsOf = (named: Record<string, FluentValue>) => {
    const text = (key: string) => (named[key] === undefined ? undefined : String(named[key]?.valueOf()));
    const flag = (key: string) => named[key] !== undefined && !['0', 'false', ''].includes(String(named[key]?.valueOf()));
    const grammaticalCase = text('case') as GrammaticalCase | undefined;
    const preposition = text('prep');
    return { grammaticalCase, preposition, capitalise: flag('cap'), bare: flag('bare'), disjunction: flag('or') };
  };
  return {
    DEF: ([value], named) => {
      if (!(value instanceof NameValue)) return String(value?.valueOf() ?? '');
      const o = optionsOf(named);
      return nameInSentence(value.value, locale, {
        ...(o.grammaticalCase ? { case: o.grammaticalCase } : {}),
        ...(o.preposition ? { preposition: o.preposition } : {}),
        capitalise: o.capitalise,
        bare: o.bare,
      });
    },
    LIST: ([value], named) => {
      const o = optionsOf(named);
      if (value instanceof TextListValue) return joinList(value.value, locale, o.disjunction ? 'disjunction' : 'conjunction');
      if (!(value instanceof NameListValue)) return String(value?.valueOf() ?? '');
      const phrases = value.value.map((name, i) =>
        nameInSentence(name, locale, {
          ...(o.grammaticalCase ? { case: o.grammaticalCase } : {}),
          // The preposition sets the case of every name but stands only once: "vom A und dem B".
          ...(o.preposition ? (i === 0 ? { preposition: o.preposition } : { case: caseAfter(o.preposition, o.grammaticalCase) }) : {}),
          capitalise: o.capitalise && i === 0,
          bare: o.bare,
        }),
      );
      return joinList(phrases, locale, o.disjunction ? 'disjunction' : 'conjunction');
    },
    PRONOUN: ([value], named) => {
      if (!(value instanceof NameValue)) return '';
      const o = optionsOf(named);
      const pronoun = pronounOf(value.value, locale);
      return o.capitalise ? pronoun.charAt(0).toLocaleUpperCase() + pronoun.slice(1) : pronoun;
    },
    UPPER: ([value]) => {
      const text = String(value?.valueOf() ?? '');
      return text.charAt(0).toLocaleUpperCase() + text.slice(1);
    },
  };
}

const ACCUSATIVE_PREPOSITIONS = new Set(['für', 'über', 'durch', 'gegen', 'um', 'ohne']);

function caseAfter(preposition: string, given: GrammaticalCase | undefined): GrammaticalCase {
  return given ?? (ACCUSATIVE_PREPOSITIONS.has(preposition.toLowerCase()) ? 'acc' : 'dat');
}

/**
 * Lines where an entry does not parse. The runtime parser skips broken entries
 * silently; an editor must hear about them. An entry starts at a line that begins
 * with an identifier, a term or a comment; anything else at column 0 is broken.
 */
export function brokenEntries(text: string): number[] {
  const broken: number[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line === '' || line.startsWith(' ') || line.startsWith('#')) return;
    if (/^-?[a-zA-Z][\w-]*\s*=/.test(line)) return;
    // Variant and attribute lines are indented; a closing brace may stand alone.
    if (/^\s*[[*.}]/.test(line)) return;
    broken.push(index + 1);
  });
  return broken;
}
