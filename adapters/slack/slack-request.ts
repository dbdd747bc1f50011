import { verifySlackRequest } from '@slack/bolt';

/**
 * What a request to `/slack/events` must look like to be taken for Slack's: pure
 * functions with an injectable clock, so that each rule is tested on its own. The
 * signature itself is Bolt's `verifySlackRequest` (HMAC over the raw body, constant-time
 * compare); what it leaves open is closed here: timestamps in the future, content types
 * Slack never sends, and bodies that are valid JSON but not an object.
 */

/** Slack's replay window, in both directions. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** The only two content types Slack posts: Events API envelopes, and commands and interactions. */
export type SlackContentType = 'application/json' | 'application/x-www-form-urlencoded';

export interface SlackRequestHeaders {
  'content-type'?: string | string[] | undefined;
  'x-slack-request-timestamp'?: string | string[] | undefined;
  'x-slack-signature'?: string | string[] | undefined;
}

/** Why a request was refused, with the HTTP status to answer. Never echoes the request. */
export interface Refusal {
  status: 400 | 401 | 415;
  reason: string;
}

const single = (value: string | string[] | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/** The media type without parameters (`; charset=utf-8`), lower-cased, if Slack uses it. */
export function slackContentType(header: string | string[] | undefined): SlackContentType | undefined {
  const type = single(header)?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || type === 'application/x-www-form-urlencoded' ? type : undefined;
}

/**
 * Checks content type, timestamp window and signature; returns the content type when
 * the request is Slack's, else why not.
 *
 * ```ts
 * const checked = checkSlackRequest(req.headers, rawBody, signingSecret);
 * if ('status' in checked) return res.writeHead(checked.status).end();
 * ```
 */
export function checkSlackRequest(
  headers: SlackRequestHeaders,
  rawBody: string,
  signingSecret: string,
  nowMs: number = Date.now(),
): { contentType: SlackContentType } | Refusal {
  const contentType = slackContentType(headers['content-type']);
  if (!contentType) return { status: 415, reason: 'content type is neither application/json nor application/x-www-form-urlencoded' };
  const timestampText = single(headers['x-slack-request-timestamp']);
  const signature = single(headers['x-slack-signature']);
  if (!timestampText || !/^\d{1,12}$/.test(timestampText) || !signature) return { status: 401, reason: 'timestamp or signature missing' };
  const timestamp = Number(timestampText);
  if (Math.abs(nowMs / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) return { status: 401, reason: 'timestamp more than five minutes away' };
  try {
    verifySlackRequest({
      signingSecret,
      body: rawBody,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      nowMilliseconds: nowMs,
    });
  } catch {
    return { status: 401, reason: 'signature mismatch' };
  }
  return { contentType };
}

/** A parsed request body: always a plain object, whatever arrived. */
export type SlackBody = Record<string, unknown>;

const isPlainObject = (value: unknown): value is SlackBody => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJsonObject(text: string): SlackBody | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The body as Slack means it: the JSON envelope; a command's form fields; or an
 * interaction's `payload` field parsed as JSON. `undefined` for anything that is not an
 * object in the end (`null`, `[]`, `"x"`, broken JSON), which no listener can handle.
 *
 * ```ts
 * parseSlackBody('null', 'application/json'); // undefined
 * parseSlackBody('command=%2Fengagiert&text=Hallo', 'application/x-www-form-urlencoded'); // { command: '/engagiert', text: 'Hallo' }
 * ```
 */
export function parseSlackBody(rawBody: string, contentType: SlackContentType): SlackBody | undefined {
  if (contentType === 'application/json') return parseJsonObject(rawBody);
  const fields = new URLSearchParams(rawBody);
  const payload = fields.get('payload');
  if (payload !== null) return parseJsonObject(payload);
  return Object.fromEntries(fields);
}

/** Slack's certificate check for slash commands: `ssl_check=1`, form-encoded, unsigned. */
export function isSslCheck(rawBody: string, contentType: SlackContentType | undefined): boolean {
  return contentType === 'application/x-www-form-urlencoded' && new URLSearchParams(rawBody).get('ssl_check') === '1';
}
