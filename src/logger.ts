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
const USER_ID_PATHS = [
  'userId',
  '*.userId',
  'user',
  '*.user',
  'from.id',
  '*.from.id',
  'user_id',
  '*.user_id',
  // In a private Telegram chat the chat id is the user's id.
  'chatId',
  '*.chatId',
  'chat_id',
  '*.chat_id',
  'chat.id',
  '*.chat.id',
];

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

/**
 * Platform ids inside free text (a library's debug line, an error message): Telegram
 * chat and user ids are integers of six digits or more (groups: -100…), Slack ids are
 * an upper-case letter and 8–11 more upper-case letters or digits, at least one a digit
 * (U… users, C/D/G… conversations, T… teams, W… enterprise users, B… bots).
 */
const PLATFORM_ID_PATTERN = /(?<![\w.:-])-?\d{6,}(?![\w.:])|\b[BCDEFGKTUW](?=[A-Z0-9]{8,11}\b)[A-Z]*\d[A-Z0-9]*\b/g;

/** Replaces Telegram and Slack ids in free text with "[id]", e.g. in Bolt's own debug lines. */
export function scrubPlatformIds(text: string): string {
  return text.replace(PLATFORM_ID_PATTERN, '[id]');
}

/** What is logged of an error: where it failed and why, never what was being sent. */
export interface SerializedError {
  type: string;
  message: string;
  /** Only for faults in our own code; a platform's refusal or a network failure has no use for one. */
  stack?: string;
  /** Telegram: the Bot API method, its error code and description; `retry_after` on 429. */
  method?: string;
  error_code?: number;
  description?: string;
  retry_after?: number;
  /** Slack: the error code (`slack_webapi_platform_error`, `slack_bolt_…`) and the API's error (`channel_not_found`). */
  code?: string | number;
  error?: string;
  statusCode?: number;
  retryAfter?: number;
  /** Node's system errors: `ECONNREFUSED`, `ETIMEDOUT`, … (as `code`) and the call. */
  syscall?: string;
  cause?: SerializedError;
  errors?: SerializedError[];
}

const PLATFORM_ERROR_TYPES = new Set(['GrammyError', 'HttpError']);
const MAX_NESTING = 3;
const MAX_INNER_ERRORS = 5;

/**
 * The one serializer for errors, used for the `err` and `error` fields of every log
 * line. It keeps what says where and why a call failed (grammY's method, error code and
 * description; Slack's code and API error; Node's system error code) and drops what was
 * being sent: grammY's `payload` (chat id, text), Slack's request options and response
 * headers, anything else a library hangs on an error. Ids and tokens inside the message
 * are scrubbed.
 *
 * ```ts
 * logger.warn({ err: error, method: 'sendMessage' }, 'Bot API call failed'); // err goes through serializeError
 * ```
 */
export function serializeError(value: unknown, depth = 0): SerializedError {
  if (!(value instanceof Error)) {
    // A thrown string or object: its content is unknown, so only its kind is logged (strings scrubbed).
    return typeof value === 'string' ? { type: 'string', message: scrubText(value) } : { type: typeof value, message: '[not an Error]' };
  }
  const fields = value as Error & Record<string, unknown>;
  const out: SerializedError = { type: value.name || value.constructor?.name || 'Error', message: scrubText(value.message) };
  const text = (v: unknown) => (typeof v === 'string' ? scrubText(v) : undefined);
  const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const assign = <K extends keyof SerializedError>(key: K, v: SerializedError[K] | undefined) => {
    if (v !== undefined) out[key] = v;
  };
  assign('method', text(fields.method));
  assign('error_code', number(fields.error_code));
  assign('description', text(fields.description));
  assign('retry_after', number((fields.parameters as Record<string, unknown> | undefined)?.retry_after));
  assign('code', typeof fields.code === 'number' ? fields.code : text(fields.code));
  assign('error', text((fields.data as Record<string, unknown> | undefined)?.error));
  assign('statusCode', number(fields.statusCode));
  assign('retryAfter', number(fields.retryAfter));
  assign('syscall', text(fields.syscall));
  const isPlatformError =
    PLATFORM_ERROR_TYPES.has(out.type) || (typeof out.code === 'string' && (out.code.startsWith('slack_') || /^E[A-Z]+$/.test(out.code)));
  let wrapsPlatformError = false;
  if (depth < MAX_NESTING) {
    // grammY's HttpError keeps the network error in `error`, Bolt its cause in `original`.
    const inner = fields.cause ?? (fields.error instanceof Error ? fields.error : undefined) ?? fields.original;
    if (inner !== undefined) out.cause = serializeError(inner, depth + 1);
    wrapsPlatformError = inner instanceof Error && out.cause?.stack === undefined;
    const many = Array.isArray(fields.errors) ? fields.errors : Array.isArray(fields.originals) ? fields.originals : undefined;
    if (many) out.errors = many.slice(0, MAX_INNER_ERRORS).map((e: unknown) => serializeError(e, depth + 1));
  }
  // An error that wraps a platform's or the network's refusal (e.g. an adapter's start error) is not a bug either.
  if (!isPlatformError && !wrapsPlatformError && value.stack) out.stack = scrubText(value.stack);
  return out;
}

function scrubText(text: string): string {
  return scrubPlatformIds(scrubSecrets(text));
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
      // Runs only for lines that are written. Message strings may quote a library's text, ids included.
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
    serializers: { err: (err: unknown) => serializeError(err), error: (err: unknown) => serializeError(err) },
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

const ID_FIELDS = new Set(['userId', 'user', 'user_id', 'chatId', 'chat_id']);

function isUserIdPath(path: string[]): boolean {
  const last = path.at(-1) ?? '';
  const parent = path.at(-2);
  return ID_FIELDS.has(last) || (last === 'id' && (parent === 'from' || parent === 'chat'));
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
