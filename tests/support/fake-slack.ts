import { createHmac } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack on 127.0.0.1, both sides of it: the Web API the bot calls
 * (`chat.postMessage`, `views.publish`, `auth.test`, `users.info`,
 * `conversations.history`/`replies` over what was posted, `apps.connections.open`) plus
 * `response_url` endpoints, all recorded; and helpers that post events, commands and
 * button presses to the bot signed exactly as Slack signs them. It can be made slow
 * (`delayMs`), refuse the bot token (`tokenError`), or fail a method (`failures`).
 */

export const FAKE_BOT_TOKEN = 'xoxb-test-not-a-real-token';
export const FAKE_APP_TOKEN = 'xapp-test-not-a-real-token';
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
  /** Each Web API answer waits this long after the call was recorded (a slow Slack). */
  delayMs: number;
  /** When set, every call with the bot token fails with this error code (e.g. `token_revoked`). */
  tokenError: string | undefined;
  /** Methods that fail with the given error code (e.g. `{ 'chat.postMessage': 'channel_not_found' }`). */
  failures: Record<string, string>;
  /** `users.info` locales by user id (e.g. `en-US`). */
  userLocales: Map<string, string>;
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

/** A message the bot posted, as conversations.history and conversations.replies show it. */
interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: unknown;
  metadata?: unknown;
}

function apiResult(method: string, args: Record<string, unknown>, fake: FakeSlack, posted: PostedMessage[]): Record<string, unknown> {
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
    case 'chat.postMessage': {
      const message: PostedMessage = {
        channel: String(args.channel),
        ts: nextTs(),
        text: args.text,
        ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}),
        ...(args.metadata ? { metadata: args.metadata } : {}),
      };
      posted.push(message);
      return { ok: true, channel: args.channel, ts: message.ts, message: { text: args.text } };
    }
    case 'chat.postEphemeral':
      return { ok: true, message_ts: nextTs() };
    case 'views.publish':
      return { ok: true, view: { id: 'VFAKEVIEW', type: 'home' } };
    case 'users.info': {
      const locale = fake.userLocales.get(String(args.user));
      return { ok: true, user: { id: args.user, ...(locale && args.include_locale ? { locale } : {}) } };
    }
    case 'conversations.history':
    case 'conversations.replies': {
      const oldest = Number(args.oldest ?? 0);
      const messages = posted
        .filter((m) => m.channel === args.channel && Number(m.ts) > oldest)
        .filter((m) => (method === 'conversations.replies' ? m.thread_ts === args.ts : m.thread_ts === undefined))
        .map((m) => ({
          type: 'message',
          bot_id: FAKE_BOT_ID,
          user: FAKE_BOT_USER_ID,
          ts: m.ts,
          text: m.text,
          ...(args.include_all_metadata ? { metadata: m.metadata } : {}),
        }));
      return { ok: true, messages, has_more: false };
    }
    default:
      return { ok: false, error: 'unknown_method' };
  }
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const posted: PostedMessage[] = [];
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
    let result: Record<string, unknown>;
    const auth = req.headers.authorization;
    if (method === 'apps.connections.open') {
      result = auth === `Bearer ${FAKE_APP_TOKEN}` ? { ok: true, url: 'ws://127.0.0.1:9/not-listening' } : { ok: false, error: 'invalid_auth' };
    } else if (auth !== `Bearer ${FAKE_BOT_TOKEN}`) {
      result = { ok: false, error: 'invalid_auth' };
    } else if (fake.tokenError) {
      result = { ok: false, error: fake.tokenError };
    } else if (fake.failures[method]) {
      result = { ok: false, error: fake.failures[method] };
    } else {
      result = apiResult(method, args, fake, posted);
    }
    if (result.ok) record({ method, args, at });
    if (fake.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.delayMs));
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeSlack = {
    apiUrl: `${base}/api/`,
    origin: base,
    calls,
    delayMs: 0,
    tokenError: undefined,
    failures: {},
    userLocales: new Map(),
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
  return fake;
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

let triggerCounter = 0;
/** A trigger id as Slack makes one for every command and interaction: new each time. */
export const nextTriggerId = () => `${Date.now()}.${++triggerCounter}.faketrigger`;

/** A slash command as Slack posts it: form-encoded fields; pass `trigger_id` to send the same invocation again. */
export function commandForm(fields: { text: string; channel_id: string; user_id: string; response_url: string; trigger_id?: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token-unused',
    team_id: FAKE_TEAM_ID,
    team_domain: 'fake',
    channel_name: 'allgemein',
    user_name: 'ana',
    command: '/engagiert',
    api_app_id: 'AFAKEAPP',
    trigger_id: nextTriggerId(),
    ...fields,
  }).toString();
}

/** An interaction (button press) as Slack posts it: one form field `payload` holding JSON, with a fresh trigger id unless given. */
export function interactionForm(payload: Record<string, unknown>): string {
  return new URLSearchParams({
    payload: JSON.stringify({ team: { id: FAKE_TEAM_ID }, api_app_id: 'AFAKEAPP', trigger_id: nextTriggerId(), ...payload }),
  }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
