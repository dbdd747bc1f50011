import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeHttpFetch, type WebApiFetch } from '../../../adapters/slack/node-http-fetch.js';

let server: Server | undefined;
afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

/** A local server answering every request with `handler`; resolves with its base URL. */
async function serve(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the Web API client’s fetch on node:http', () => {
  it('posts the body with its length and hands back status, headers and the whole answer', async () => {
    const base = await serve((req, body, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-oauth-scopes': 'chat:write, im:history' });
      res.end(JSON.stringify({ ok: true, got: body, length: req.headers['content-length'], type: req.headers['content-type'] }));
    });
    const response = await createNodeHttpFetch()(`${base}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=Gr%C3%BC%C3%9Fe',
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('X-OAuth-Scopes')).toBe('chat:write, im:history');
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.json()).toEqual({ ok: true, got: 'text=Gr%C3%BC%C3%9Fe', length: '20', type: 'application/x-www-form-urlencoded' });
  });

  it('refuses a redirect when asked to, as fetch does, and reports other statuses as they are', async () => {
    const base = await serve((req, _body, res) => {
      if (req.url === '/moved') res.writeHead(302, { location: '/elsewhere' }).end();
      else res.writeHead(429, { 'retry-after': '7' }).end('slow down');
    });
    const fetch = createNodeHttpFetch();
    await expect(fetch(`${base}/moved`, { method: 'POST', body: '', redirect: 'error' })).rejects.toThrow(/redirect/);
    const limited = await fetch(`${base}/api/x`, { method: 'POST', body: '' });
    expect([limited.ok, limited.status, limited.headers.get('retry-after'), await limited.text()]).toEqual([false, 429, '7', 'slow down']);
  });

  it('gives up at once when the signal aborts (the client’s timeout)', async () => {
    const base = await serve(() => {}); // never answers
    const signal = AbortSignal.timeout(50);
    await expect(createNodeHttpFetch()(`${base}/api/x`, { method: 'POST', body: 'a=1', signal })).rejects.toThrow(/timeout|abort/i);
  });

  it('leaves a multipart body (a file upload) to the built-in fetch', async () => {
    const seen: unknown[] = [];
    const fallback: WebApiFetch = async (_url, init) => {
      seen.push(init?.body);
      return {
        ok: true,
        status: 200,
        statusText: 'OK',
        url: '',
        headers: { get: () => null, entries: () => [] },
        json: async () => ({}),
        text: async () => '',
        arrayBuffer: async () => new ArrayBuffer(0),
      };
    };
    const form = new FormData();
    form.append('file', 'content');
    await createNodeHttpFetch(fallback)('http://127.0.0.1:9/api/files.upload', { method: 'POST', body: form });
    expect(seen).toEqual([form]);
  });
});
