import { createHmac, randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

const REDACTED = '[redacted]';

/** Log paths that may hold a secret; pino replaces them with "[redacted]". */
const SECRET_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'secret',
  'password',
  'authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.secret',
  '*.authorization',
  'req.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'headers.authorization',
  'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-slack-signature"]',
  'req.headers["x-slack-signature"]',
  // Raw platform payloads carry user ids, names and message texts all at once.
  'raw',
  '*.raw',
];

/**
 * Log paths that hold a platform user id. They are replaced by their pseudonym rather
 * than removed, so that one person's messages can still be followed in the logs.
 */
const USER_ID_PATHS = ['userId', '*.userId', 'user', '*.user', 'from.id', '*.from.id'];

/** What {@link createPseudonymiser} makes; such a value is already safe to log. */
const PSEUDONYM_PATTERN = /^u_[0-9a-f]{16}$/;

/**
 * Tokens can also hide inside strings such as error messages or URLs: Telegram puts its
 * token in the request path (`/bot123456:ABC…/sendMessage`), so the digits may follow a
 * letter and a word boundary cannot be relied on.
 */
const SECRET_PATTERN = /(?:xox[abposr]-[\w-]+|xapp-[\w-]+|(?<!\d)\d{5,}:[\w-]{25,})/g;

/** Replaces anything shaped like a Telegram or Slack token in `text`. */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, REDACTED);
}

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  /** Where JSON lines go; standard error by default so standard output stays the bot's. */
  destination?: pino.DestinationStream;
  /**
   * Exact secret values (tokens, signing secrets) to remove from every log line,
   * wherever they appear: a last line of defence for values whose shape is unknown.
   */
  secrets?: readonly (string | undefined)[];
  /** Turns user ids found at well-known fields into pseudonyms; see {@link createPseudonymiser}. */
  pseudonymise?: (userId: string | undefined) => string | undefined;
}

/**
 * pino, writing JSON to standard error (pretty when a person watches), with secrets
 * redacted by field, inside message strings, and in the finished line itself.
 *
 * ```ts
 * const logger = createLogger({ level: 'info', pretty: false, secrets: [config.telegram?.token] });
 * logger.info({ userId: '987' }, 'message received'); // userId is logged as "u_…" or "[redacted]"
 * ```
 */
export function createLogger(options: LoggerOptions): Logger {
  const pseudonymise = options.pseudonymise;
  const secretPaths = new Set(SECRET_PATHS);
  const pinoOptions: pino.LoggerOptions = {
    level: options.level,
    redact: {
      paths: [...SECRET_PATHS, ...USER_ID_PATHS],
      censor: (value: unknown, rawPath: (string | symbol)[]) => {
        // Wildcard segments can arrive as symbols.
        const path = rawPath.map((part) => (typeof part === 'symbol' ? '*' : String(part)));
        if (secretPaths.has(path.join('.')) || !isUserIdPath(path)) return REDACTED;
        // Adapters often pseudonymise before logging: hashing twice would break the trail.
        if (typeof value === 'string' && PSEUDONYM_PATTERN.test(value)) return value;
        if (pseudonymise && (typeof value === 'string' || typeof value === 'number')) {
          return pseudonymise(String(value));
        }
        // Objects at "user" (a whole Slack user) or an id without a key: drop them.
        return REDACTED;
      },
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
    serializers: {
      err: (err: unknown) => {
        const serialized = pino.stdSerializers.err(err as Error);
        if (serialized?.message) serialized.message = scrubSecrets(serialized.message);
        if (serialized?.stack) serialized.stack = scrubSecrets(serialized.stack);
        return serialized;
      },
    },
  };
  const target =
    options.destination ??
    (options.pretty
      ? // In-process and synchronous: a person is watching, and the scrubbing stream below must sit in front.
        (pretty({ destination: 2, colorize: true, sync: true }) as pino.DestinationStream)
      : // Synchronous so that nothing is lost when the process exits right after a log line.
        pino.destination({ dest: 2, sync: true }));
  return pino(pinoOptions, scrubbingStream(target, options.secrets ?? []));
}

function isUserIdPath(path: string[]): boolean {
  const last = path.at(-1);
  const parent = path.at(-2);
  return last === 'userId' || last === 'user' || (last === 'id' && parent === 'from');
}

/**
 * Wraps a destination so that every finished line is scrubbed once more: whatever a
 * library put into an error object or a nested field, a token does not leave the process.
 */
function scrubbingStream(target: pino.DestinationStream, secrets: readonly (string | undefined)[]): pino.DestinationStream {
  const known = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4))]
    // The line is JSON: a secret with quotes or backslashes appears escaped in it.
    .flatMap((s) => [s, JSON.stringify(s).slice(1, -1)])
    .sort((a, b) => b.length - a.length);
  const flushable = target as pino.DestinationStream & { flushSync?: () => void };
  return {
    write(line: string) {
      let clean = scrubSecrets(line);
      for (const secret of known) clean = clean.split(secret).join(REDACTED);
      target.write(clean);
    },
    ...(flushable.flushSync ? { flushSync: () => flushable.flushSync?.() } : {}),
  } as pino.DestinationStream;
}

/**
 * A keyed hash of a user id: stable for one key, so one person's messages can be
 * followed in the logs, but not reversible to the platform id. Without a configured
 * key a random one is made per process.
 */
export function createPseudonymiser(key: string | undefined): (userId: string | undefined) => string | undefined {
  const secret = key ?? randomBytes(32).toString('hex');
  return (userId) => (userId === undefined ? undefined : `u_${createHmac('sha256', secret).update(userId).digest('hex').slice(0, 16)}`);
}
