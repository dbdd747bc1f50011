import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { webApi } from '@slack/bolt';
import { abortError, readBody } from '../../src/http-client.js';

/** The `fetch` option of Slack's WebClient: the part of WHATWG fetch the client uses. */
export type WebApiFetch = NonNullable<webApi.WebClientOptions['fetch']>;
type WebApiResponse = Awaited<ReturnType<WebApiFetch>>;

/** As many sockets as the WebClient runs requests at once (its `maxRequestConcurrency`, 100 by default). */
const MAX_SOCKETS = 100;

/**
 * A `fetch` for the WebClient's `fetch` option, built directly on `node:http(s)` with
 * kept-alive connections. The default, Node's built-in fetch (undici), builds WHATWG
 * Request, Headers and stream objects for every call; in the Slack benchmark that was
 * the largest share of the channel's own CPU per answer after the core. The client
 * only ever posts a URL-encoded string and reads the whole answer as text, which is
 * all this supports; a multipart body (a file upload) goes to the built-in fetch.
 *
 * Like `fetch` with `redirect: 'error'` (what the client asks for), a redirect is an
 * error, not followed; an aborted signal (the client's per-call timeout) destroys the
 * request at once.
 *
 * ```ts
 * new WebClient(token, { fetch: createNodeHttpFetch() });
 * ```
 */
export function createNodeHttpFetch(fallback: WebApiFetch = globalThis.fetch as unknown as WebApiFetch): WebApiFetch {
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS });

  return (input, init = {}) => {
    const body = init.body;
    if (body !== undefined && typeof body !== 'string') return fallback(input, init);
    return new Promise((resolve, reject) => {
      const url = typeof input === 'string' ? input : input.href;
      const secure = url.startsWith('https:');
      const headers: Record<string, string> = { ...init.headers };
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const signal = init.signal;
      if (signal?.aborted) return reject(abortError(signal.reason));
      const onAbort = () => req.destroy(abortError(signal?.reason));
      const done = () => signal?.removeEventListener('abort', onAbort);

      const send = secure ? httpsRequest : httpRequest;
      const req = send(url, { method: init.method ?? 'GET', headers, agent: secure ? httpsAgent : httpAgent }, (res) => {
        const status = res.statusCode ?? 0;
        if (init.redirect === 'error' && status >= 300 && status < 400) {
          res.resume();
          done();
          reject(new TypeError(`redirected (HTTP ${status}), and redirects are refused`));
          return;
        }
        readBody(res).then(
          (bytes) => {
            done();
            resolve(responseOf(url, res, bytes));
          },
          (error: unknown) => {
            done();
            reject(error);
          },
        );
      });
      req.on('error', (error) => {
        done();
        reject(error);
      });
      signal?.addEventListener('abort', onAbort);
      req.end(body);
    });
  };
}

function responseOf(url: string, res: IncomingMessage, bytes: Buffer): WebApiResponse {
  const status = res.statusCode ?? 0;
  const header = (name: string) => {
    const value = res.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: res.statusMessage ?? '',
    url,
    headers: {
      get: header,
      entries: () => Object.keys(res.headers).map((name) => [name, header(name) ?? ''] as [string, string]),
    },
    text: async () => bytes.toString('utf8'),
    json: async () => JSON.parse(bytes.toString('utf8')) as unknown,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}
