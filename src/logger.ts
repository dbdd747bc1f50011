import { createHmac, randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Log paths that may hold a secret; pino replaces them with "[redacted]". */
const REDACT_PATHS = [
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
];

/** Tokens can also hide inside strings such as error messages or URLs (Telegram puts them in the path). */
const SECRET_PATTERN = /\b(?:xox[abposr]-[\w-]+|xapp-[\w-]+|\d{5,}:[\w-]{30,})/g;

export function scrubSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, '[redacted]');
}

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  /** Where JSON lines go; standard error by default so standard output stays the bot's. */
  destination?: pino.DestinationStream;
}

/**
 * pino, writing JSON to standard error (pretty when a person watches), with secrets
 * redacted both by field and inside message strings.
 */
export function createLogger(options: LoggerOptions): Logger {
  const pinoOptions: pino.LoggerOptions = {
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
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
  if (options.destination) return pino(pinoOptions, options.destination);
  if (options.pretty) {
    return pino({
      ...pinoOptions,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } },
    });
  }
  return pino(pinoOptions, pino.destination({ dest: 2, sync: false }));
}

/**
 * A keyed hash of a user id: stable for one key, so one person's messages can be
 * followed in the logs, but not reversible to the platform id. Without a configured
 * key a random one is made per process.
 */
export function createPseudonymiser(key: string | undefined): (userId: string | undefined) => string | undefined {
  const secret = key ?? randomBytes(32).toString('hex');
  return (userId) =>
    userId === undefined ? undefined : `u_${createHmac('sha256', secret).update(userId).digest('hex').slice(0, 16)}`;
}
