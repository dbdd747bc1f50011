import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpHandler } from './channel.js';

export interface RunningHttpServer {
  server: Server;
  /** The port actually bound (useful with port 0 in tests). */
  port: number;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  host: string;
  port: number;
  /**
   * The whole request, headers and body, must have arrived within this time, or the
   * client gets 408 and the connection is closed: a client that trickles its body a
   * byte at a time cannot hold a connection open. Default 10 s; Telegram and Slack send
   * their small bodies at once, and Slack wants its answer within 3 s anyway.
   */
  requestTimeoutMs?: number;
  /** The headers must have arrived within this time (≤ requestTimeoutMs). Default 5 s. */
  headersTimeoutMs?: number;
  /** Largest request body accepted (Content-Length); larger → 413. Default 1 MiB; updates and events are a few KB. */
  maxBodyBytes?: number;
  /** How often Node checks the two timeouts above. Default 1 s (Node's own is 30 s). */
  timeoutCheckIntervalMs?: number;
}

const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

/**
 * One HTTP server for everything that arrives over HTTP (health, Telegram webhook,
 * Slack events), routed by exact path. Unknown paths get 404. Requests are bounded in
 * time (`requestTimeoutMs`, `headersTimeoutMs`) and size (`maxBodyBytes`): a request
 * with a body must say how long it is (411 otherwise, as Telegram and Slack always do),
 * and Node's parser never reads past that length.
 *
 * ```ts
 * const server = await startHttpServer(routes, { host: '0.0.0.0', port: 3000 });
 * await server.close();
 * ```
 */
export async function startHttpServer(routes: ReadonlyMap<string, HttpHandler>, options: HttpServerOptions): Promise<RunningHttpServer> {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const requestTimeout = options.requestTimeoutMs ?? 10_000;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(options.headersTimeoutMs ?? 5_000, requestTimeout),
      connectionsCheckingInterval: options.timeoutCheckIntervalMs ?? 1_000,
    },
    (req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const handler = routes.get(path);
      if (!handler) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      if (!BODYLESS_METHODS.has(req.method ?? 'GET')) {
        const length = req.headers['content-length'];
        if (length === undefined) {
          res.writeHead(411, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('length required\n');
          return;
        }
        if (Number(length) > maxBodyBytes) {
          res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('body too large\n');
          return;
        }
      }
      handler(req, res);
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
