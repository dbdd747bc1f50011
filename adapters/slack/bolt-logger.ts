import { format } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';

const PINO_TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/**
 * Bolt's logger interface on top of pino, so Bolt, its Web API client and the Socket
 * Mode client write JSON to standard error like the rest of the bot instead of
 * printing to standard output. The level stays pino's (LOG_LEVEL): `setLevel` is
 * ignored on purpose. Secrets in messages are scrubbed by the pino hooks of
 * `createLogger`; Bolt never logs request bodies outside developer mode.
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error', args: unknown[]) => {
    const err = args.find((arg): arg is Error => arg instanceof Error);
    const text = format(...args.filter((arg) => arg !== err));
    if (err) logger[level]({ err }, text);
    else logger[level](text);
  };
  return {
    debug: (...args) => write('debug', args),
    info: (...args) => write('info', args),
    warn: (...args) => write('warn', args),
    error: (...args) => write('error', args),
    setLevel: () => {},
    getLevel: () => PINO_TO_BOLT[logger.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}
