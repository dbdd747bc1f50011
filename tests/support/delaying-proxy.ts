import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of a fake platform API that holds chosen requests back for a
 * while, so a test can act (send SIGTERM) while an answer is in flight.
 */
export async function startDelayingProxy(options: {
  target: string;
  /** Requests whose path this matches are held. */
  hold: RegExp;
  holdMs: number;
  /** Called when a held request arrives, before it is forwarded. */
  onHold?: () => void;
}): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    if (options.hold.test(req.url ?? '')) {
      options.onHold?.();
      await new Promise((resolve) => setTimeout(resolve, options.holdMs));
    }
    try {
      const upstream = await fetch(`${options.target}${req.url}`, {
        method: req.method ?? 'GET',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
        signal: abort.signal,
      });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      if (!res.headersSent) res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
