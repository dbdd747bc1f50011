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
 * Where a payload starts in one of Bolt's lines: the Web API client logs request and
 * response bodies ("http request body: {…}"), the Socket Mode client whole envelopes
 * ("Received a message on the WebSocket: {…}"), acks their bodies ("data: {…}").
 */
const PAYLOAD_START = /[{[]/;

/**
 * A Bolt line without the payload it quotes: user and channel ids, names and message
 * texts never reach the log, at any level. The platform ids that remain in the words
 * (a channel named in a warning) are scrubbed by the logger itself.
 *
 * ```ts
 * withoutPayload('http request body: {"channel":"C123","text":"Hallo"}'); // 'http request body: [payload omitted]'
 * ```
 */
export function withoutPayload(line: string): string {
  const start = line.search(PAYLOAD_START);
  return start === -1 ? line : `${line.slice(0, start)}[payload omitted]`;
}

/**
 * Bolt's logger interface on top of pino, so Bolt, its Web API client and the Socket
 * Mode client write JSON to standard error like the rest of the bot, through the same
 * redaction and scrubbing. The level stays pino's (LOG_LEVEL): `setLevel` is ignored on
 * purpose, and a line below it costs nothing beyond Bolt's own call.
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error', args: unknown[]) => {
    if (!logger.isLevelEnabled(level)) return;
    const err = args.find((arg): arg is Error => arg instanceof Error);
    const text = withoutPayload(format(...args.filter((arg) => arg !== err)));
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
