import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpHandler } from '../src/channel.js';
import { type RunningHttpServer, startHttpServer } from '../src/http-server.js';

/** Reads the whole body, as the Telegram webhook and Bolt's receiver do, then answers. */
const echoLength: HttpHandler = (req, res) => {
  let bytes = 0;
  req.on('data', (chunk: Buffer) => (bytes += chunk.length));
  req.on('end', () => res.end(String(bytes)));
};

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Partial<Parameters<typeof startHttpServer>[1]> = {}) {
  server = await startHttpServer(new Map([['/hook', echoLength]]), { host: '127.0.0.1', port: 0, ...options });
  return `http://127.0.0.1:${server.port}`;
}

/** Sends raw bytes: the headers at once, then the body one byte every `everyMs`; resolves with what came back and when the server closed. */
function trickle(port: number, bodyLength: number, everyMs: number): Promise<{ response: string; closedAfterMs: number; bytesSent: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let bytesSent = 0;
    socket.write(`POST /hook HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\nContent-Length: ${bodyLength}\r\n\r\n`);
    const timer = setInterval(() => {
      if (bytesSent < bodyLength && !socket.destroyed) {
        socket.write('x');
        bytesSent++;
      }
    }, everyMs);
    socket.on('data', (chunk) => (response += chunk.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ response, closedAfterMs: Date.now() - started, bytesSent });
    });
  });
}

describe('http server limits', () => {
  it('cuts off a body that trickles in slower than requestTimeoutMs allows, with 408', async () => {
    await start({ requestTimeoutMs: 600, headersTimeoutMs: 300, timeoutCheckIntervalMs: 100 });
    // 200 bytes at one per 50 ms would take 10 s.
    const result = await trickle(server!.port, 200, 50);
    expect(result.response).toMatch(/^HTTP\/1\.1 408/);
    expect(result.bytesSent).toBeLessThan(200);
    // A safety bound, not a speed claim: the cut comes from the timeout, not from the end of the body.
    expect(result.closedAfterMs).toBeLessThan(5_000);
  });

  it('still takes a body that arrives in time', async () => {
    const base = await start({ requestTimeoutMs: 2_000 });
    const response = await fetch(`${base}/hook`, { method: 'POST', body: '{"update_id":1}' });
    expect(await response.text()).toBe('15');
  });

  it('refuses a body larger than maxBodyBytes with 413 without reading it', async () => {
    const base = await start({ maxBodyBytes: 10 });
    const response = await fetch(`${base}/hook`, { method: 'POST', body: 'x'.repeat(11) });
    expect(response.status).toBe(413);
  });

  it('refuses a body without Content-Length (chunked) with 411, and serves GET without one', async () => {
    const base = await start();
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{}'));
        controller.close();
      },
    });
    const response = await fetch(`${base}/hook`, { method: 'POST', body: chunked, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(411);
    expect((await fetch(`${base}/hook`)).status).toBe(200);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });
});
