import { z } from 'zod';

/**
 * Everything the bot reads from the environment, parsed once at start and passed down.
 * Nothing else in the code base reads `process.env`.
 *
 * ```ts
 * const config = parseConfig(process.env); // throws ConfigError naming the variable
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
}

/** A config problem, with one line per variable that is wrong and how to fix it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
  }
  const e = result.data;
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
  };
}
