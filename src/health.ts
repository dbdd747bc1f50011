import type { HttpHandler } from './channel.js';

/**
 * What `/healthz` and `/readyz` report. Liveness only says the process serves HTTP;
 * readiness waits for every named part (the knowledge, each configured channel) and
 * turns false again while shutting down, so a load balancer stops sending work.
 *
 * ```ts
 * const health = createHealth(['knowledge', 'telegram']);
 * startHttpServer(new Map([...health.routes]), { host, port });
 * health.markReady('knowledge');
 * ```
 */
export interface Health {
  readonly routes: ReadonlyMap<string, HttpHandler>;
  markReady(part: string): void;
  /** Readiness off for good: the process is stopping. */
  markStopping(): void;
  isReady(): boolean;
}

export function createHealth(parts: readonly string[]): Health {
  const waiting = new Set(parts);
  let stopping = false;
  const isReady = () => !stopping && waiting.size === 0;

  const json =
    (status: number, body: unknown): HttpHandler =>
    (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`${JSON.stringify(body)}\n`);
    };
  const healthz: HttpHandler = (req, res) => json(200, { status: 'ok' })(req, res);
  const readyz: HttpHandler = (req, res) => {
    if (isReady()) return json(200, { status: 'ready' })(req, res);
    const body = stopping ? { status: 'stopping' } : { status: 'starting', waitingFor: [...waiting] };
    return json(503, body)(req, res);
  };

  return {
    routes: new Map([
      ['/healthz', healthz],
      ['/readyz', readyz],
    ]),
    markReady: (part) => void waiting.delete(part),
    markStopping: () => {
      stopping = true;
    },
    isReady,
  };
}
