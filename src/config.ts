import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import * as z from 'zod';

/**
 * Everything the bot reads from the environment, parsed once at start and passed down.
 * Nothing else in the code base reads `process.env`.
 *
 * ```ts
 * const config = parseConfig(withDotEnv(process.env)); // throws ConfigError naming the variable
 * ```
 */

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const flag = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      if (['1', 'true', 'yes', 'on'].includes(value)) return true;
      if (['0', 'false', 'no', 'off'].includes(value)) return false;
      ctx.addIssue({ code: 'custom', message: 'use true or false' });
      return z.NEVER;
    });

const integer = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
        ctx.addIssue({ code: 'custom', message: `use a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return parsed;
    });

/** Where Slack's `response_url`s point (commands and interactions); nothing else is posted to. */
const DEFAULT_SLACK_RESPONSE_URL_ORIGIN = 'https://hooks.slack.com';

// Empty counts as unset, as for the other variables: `.env` files and `docker run -e X=` leave them empty.
const httpUrl = optionalText.pipe(z.url({ protocol: /^https?$/, error: 'use a full http(s):// address' }).optional());

const envSchema = z
  .object({
    /** Read by {@link withDotEnv} before parsing; listed here so that .env.example documents it. */
    ENV_FILE: optionalText,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: flag(false),
    PSEUDONYM_KEY: optionalText,
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    PORT: integer(3000, 0, 65535),
    KNOWLEDGE_DIR: z.string().trim().min(1).default('knowledge'),
    KNOWLEDGE_RELOAD: flag(true),
    DATA_DIR: optionalText,
    UNANSWERED_ENABLED: flag(true),
    /** The data directory's old name, still honoured when DATA_DIR is unset. */
    UNANSWERED_DIR: optionalText,
    UNANSWERED_RETENTION_DAYS: integer(90, 1, 3650),
    SHUTDOWN_TIMEOUT_MS: integer(10_000, 100, 120_000),

    TELEGRAM_BOT_TOKEN: optionalText.pipe(
      z
        .string()
        .regex(/^\d+:[\w-]+$/, 'expected the form 123456:ABC… that BotFather gives')
        .optional(),
    ),
    TELEGRAM_API_ROOT: httpUrl.refine((value) => !value?.endsWith('/'), 'must not end in "/"'),
    TELEGRAM_WEBHOOK_URL: httpUrl,
    TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, 'use 1 to 256 characters of A-Z, a-z, 0-9, _ and -')
        .optional(),
    ),

    SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'a bot token starts with xoxb-').optional()),
    SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'an app token starts with xapp-').optional()),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_API_URL: httpUrl.refine((value) => !value || value.endsWith('/'), 'must end in "/", e.g. http://127.0.0.1:4000/api/'),
    SLACK_RESPONSE_URL_ORIGIN: httpUrl.refine(
      (value) => !value || new URL(value).origin === value,
      'use an origin only, e.g. https://hooks.slack.com (no path, no trailing /)',
    ),

    SLACK_HANDOFF_CHANNEL: optionalText.pipe(
      z
        .string()
        .regex(/^[CG][A-Z0-9]{8,}$/, "use the channel's id (C…, at the bottom of the channel's details), not its name")
        .optional(),
    ),
    HANDOFF_RETENTION_DAYS: integer(30, 1, 365),
    HANDOFF_MAX_OPEN_PER_CHAT: integer(3, 1, 20),
    HANDOFF_MAX_PER_DAY: integer(5, 1, 100),
    HANDOFF_MAX_QUESTION_LENGTH: integer(1500, 100, 2900),
    HANDOFF_POST_INTERVAL_MS: integer(1000, 0, 60_000),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_BOT_TOKEN'], message: 'required when TELEGRAM_WEBHOOK_URL is set' });
    }
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'required when TELEGRAM_WEBHOOK_URL is set, so that only Telegram can post updates',
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    if ((env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'required when other SLACK_ variables are set' });
    }
  });

export interface TelegramConfig {
  token: string;
  /** Bot API server without trailing slash; undefined means Telegram's own. */
  apiRoot: string | undefined;
  webhook: { url: string; path: string; secret: string } | undefined;
}

export interface SlackConfig {
  botToken: string;
  /** Set → Socket Mode; unset → HTTP mode with the signing secret. */
  appToken: string | undefined;
  signingSecret: string | undefined;
  /** Web API base URL with trailing slash; undefined means Slack's own. */
  apiUrl: string | undefined;
  /**
   * The only origin (scheme, host, port) a `response_url` may have: a signed request
   * cannot make the bot post anywhere else. Slack's own by default; a fake in tests.
   */
  responseUrlOrigin: string;
}

/** "Ask a person" (docs/handoff.md): on only with Telegram, Slack and SLACK_HANDOFF_CHANNEL together. */
export interface HandoffConfig {
  /** Slack channel id where tickets are posted. */
  channel: string;
  /** Chat ids are deleted when a ticket is closed, and this many days after it was opened at the latest. */
  retentionDays: number;
  maxOpenPerChat: number;
  maxPerDay: number;
  /** Longer questions are cut, with a note. */
  maxQuestionLength: number;
  /** At most one new ticket per this many milliseconds in the channel; a burst waits its turn. */
  postIntervalMs: number;
}

export interface Config {
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  logPretty: boolean;
  /** Key for the keyed hash that pseudonymises user ids in logs. */
  pseudonymKey: string | undefined;
  host: string;
  port: number;
  knowledgeDir: string;
  knowledgeReload: boolean;
  /** Where the bot keeps what must outlive a restart: the SQLite database (DATA_DIR, formerly UNANSWERED_DIR). */
  dataDir: string;
  unanswered: { enabled: boolean; retentionDays: number };
  shutdownTimeoutMs: number;
  telegram: TelegramConfig | undefined;
  slack: SlackConfig | undefined;
  handoff: HandoffConfig | undefined;
  /** SLACK_HANDOFF_CHANNEL is set but a channel is missing, so the hand-off is off; main says so. */
  handoffOffBecause: string | undefined;
}

/** A config problem, with one line per variable that is wrong and how to fix it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The environment completed from a `.env` file (ENV_FILE, default `.env` in the working
 * directory), the way `docker run --env-file` and most tools read one: a variable that is
 * set in the environment, even to an empty value, wins over the file. A missing file is
 * fine; the file is parsed by Node itself (`util.parseEnv`, the parser of `node --env-file`).
 *
 * ```ts
 * const config = parseConfig(withDotEnv(process.env));
 * ```
 */
export function withDotEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const file = env.ENV_FILE?.trim() || '.env';
  if (!existsSync(file)) return env;
  let fromFile: Record<string, string | undefined>;
  try {
    fromFile = parseEnv(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([`ENV_FILE: cannot read ${file} (${error instanceof Error ? error.message : String(error)})`]);
  }
  return { ...fromFile, ...env };
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Parsed once: zod's generated fast path would cost more to compile than it saves (see load.ts).
  const result = envSchema.safeParse(env, { jitless: true });
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
  }
  const e = result.data;
  const handoffOn = Boolean(e.SLACK_HANDOFF_CHANNEL && e.TELEGRAM_BOT_TOKEN && e.SLACK_BOT_TOKEN);
  return {
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY,
    pseudonymKey: e.PSEUDONYM_KEY,
    host: e.HOST,
    port: e.PORT,
    knowledgeDir: e.KNOWLEDGE_DIR,
    knowledgeReload: e.KNOWLEDGE_RELOAD,
    dataDir: e.DATA_DIR ?? e.UNANSWERED_DIR ?? 'data',
    unanswered: { enabled: e.UNANSWERED_ENABLED, retentionDays: e.UNANSWERED_RETENTION_DAYS },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          webhook:
            e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET
              ? {
                  url: e.TELEGRAM_WEBHOOK_URL,
                  path: new URL(e.TELEGRAM_WEBHOOK_URL).pathname,
                  secret: e.TELEGRAM_WEBHOOK_SECRET,
                }
              : undefined,
        }
      : undefined,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          appToken: e.SLACK_APP_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          apiUrl: e.SLACK_API_URL,
          responseUrlOrigin: e.SLACK_RESPONSE_URL_ORIGIN ?? DEFAULT_SLACK_RESPONSE_URL_ORIGIN,
        }
      : undefined,
    handoff:
      handoffOn && e.SLACK_HANDOFF_CHANNEL
        ? {
            channel: e.SLACK_HANDOFF_CHANNEL,
            retentionDays: e.HANDOFF_RETENTION_DAYS,
            maxOpenPerChat: e.HANDOFF_MAX_OPEN_PER_CHAT,
            maxPerDay: e.HANDOFF_MAX_PER_DAY,
            maxQuestionLength: e.HANDOFF_MAX_QUESTION_LENGTH,
            postIntervalMs: e.HANDOFF_POST_INTERVAL_MS,
          }
        : undefined,
    handoffOffBecause:
      e.SLACK_HANDOFF_CHANNEL && !handoffOn
        ? 'SLACK_HANDOFF_CHANNEL is set, but the hand-off needs both TELEGRAM_BOT_TOKEN and SLACK_BOT_TOKEN'
        : undefined,
  };
}
