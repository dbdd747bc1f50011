import { createHmac } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack on 127.0.0.1, both sides of it: the Web API the bot calls
 * (`chat.postMessage`, `chat.postEphemeral`, `views.publish`, `auth.test`) plus
 * `response_url` endpoints, all recorded; and helpers that post events, commands and
 * button presses to the bot signed exactly as Slack signs them.
 */

export const FAKE_BOT_TOKEN = 'xoxb-test-not-a-real-token';
export const FAKE_SIGNING_SECRET = 'test-signing-secret-not-real';
export const FAKE_BOT_ID = 'BFAKEBOT';
export const FAKE_BOT_USER_ID = 'UFAKEBOT';
export const FAKE_TEAM_ID = 'TFAKETEAM';

/** One call the bot made: a Web API method or a post to a response_url. */
export interface RecordedCall {
  /** `chat.postMessage`, … or `response_url`. */
  method: string;
  args: Record<string, unknown>;
  /** For response_url calls: which one (the id in its path). */
  responseUrlId?: string;
  /** `performance.now()` when it arrived, for the benchmark. */
  at: number;
}

export interface FakeSlack {
  /** Base URL for the WebClient (`slackApiUrl`), with the trailing slash Slack's client expects. */
  apiUrl: string;
  /** Scheme, host and port of this fake: where its response_urls point (SLACK_RESPONSE_URL_ORIGIN in tests). */
  origin: string;
  calls: RecordedCall[];
  /** A fresh response_url on this fake, as Slack puts one into each command and interaction. */
  responseUrl(): string;
  /** The recorded calls of one method. */
  callsOf(method: string): RecordedCall[];
  /** Resolves with the first call (recorded or future) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** The WebClient posts form fields with objects (blocks, view) JSON-encoded; decode both ways. */
const parseArgs = (raw: string, contentType: string | undefined): Record<string, unknown> => {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
};

let tsCounter = 0;
const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, '0')}`;

const apiResult = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: 'https://fake.slack.test/',
        team: 'Fake',
        user: 'engagiert',
        team_id: FAKE_TEAM_ID,
        user_id: FAKE_BOT_USER_ID,
        bot_id: FAKE_BOT_ID,
      };
    case 'chat.postMessage':
      return { ok: true, channel: args.channel, ts: nextTs(), message: { text: args.text } };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: nextTs() };
    case 'views.publish':
      return { ok: true, view: { id: 'VFAKEVIEW', type: 'home' } };
    default:
      return { ok: false, error: 'unknown_method' };
  }
};

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const recorded = new EventEmitter();
  recorded.setMaxListeners(0);
  let responseUrls = 0;
  const record = (call: RecordedCall) => {
    calls.push(call);
    recorded.emit('call', call);
  };

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const raw = await readBody(req);
    const args = parseArgs(raw, req.headers['content-type']);
    const at = performance.now();
    const response = path.match(/^\/response\/(\d+)$/);
    if (response) {
      record({ method: 'response_url', args, responseUrlId: response[1], at });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = path.match(/^\/api\/([\w.]+)$/)?.[1];
    if (!method) {
      res.writeHead(404).end();
      return;
    }
    const result = req.headers.authorization === `Bearer ${FAKE_BOT_TOKEN}` ? apiResult(method, args) : { ok: false, error: 'invalid_auth' };
    if (result.ok) record({ method, args, at });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    origin: base,
    calls,
    responseUrl: () => `${base}/response/${++responseUrls}`,
    callsOf: (method) => calls.filter((call) => call.method === method),
    waitFor(predicate, timeoutMs = 5000) {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onCall = (call: RecordedCall) => {
          if (!predicate(call)) return;
          clearTimeout(timer);
          recorded.off('call', onCall);
          resolve(call);
        };
        const timer = setTimeout(() => {
          recorded.off('call', onCall);
          reject(new Error(`fake Slack: no matching call within ${timeoutMs} ms; got ${calls.map((c) => c.method).join(', ') || 'none'}`));
        }, timeoutMs);
        recorded.on('call', onCall);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Slack's request signature: `v0=` + HMAC-SHA256 over `v0:<timestamp>:<raw body>`. */
export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SignedPostOptions {
  secret?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (to test a forged one). */
  signature?: string;
  retryNum?: number;
  contentType?: string;
}

/** Posts a raw body to the bot as Slack would, signed with the fake signing secret. */
export async function postSigned(url: string, rawBody: string, options: SignedPostOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(options.secret ?? FAKE_SIGNING_SECRET, timestamp, rawBody),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body: rawBody });
}

let eventCounter = 0;

/** An Events API envelope around one event; pass `eventId` to send the same delivery again. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `EvFAKE${++eventCounter}`): string {
  return JSON.stringify({
    token: 'legacy-verification-token-unused',
    team_id: FAKE_TEAM_ID,
    api_app_id: 'AFAKEAPP',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true }],
    event,
  });
}

/** A slash command as Slack posts it: form-encoded fields. */
export function commandForm(fields: { text: string; channel_id: string; user_id: string; response_url: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token-unused',
    team_id: FAKE_TEAM_ID,
    team_domain: 'fake',
    channel_name: 'allgemein',
    user_name: 'ana',
    command: '/engagiert',
    api_app_id: 'AFAKEAPP',
    trigger_id: 'trigger.fake',
    ...fields,
  }).toString();
}

/** An interaction (button press) as Slack posts it: one form field `payload` holding JSON. */
export function interactionForm(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify({ team: { id: FAKE_TEAM_ID }, api_app_id: 'AFAKEAPP', ...payload }) }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
