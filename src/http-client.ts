import type { IncomingMessage } from 'node:http';

/**
 * Pieces the channels' HTTP clients share (each posts to its platform through `node:http`
 * with kept-alive sockets, see `adapters/*\/node-http-fetch.ts`).
 */

/** The whole body of a response. A connection cut mid-response rejects instead of hanging. */
export function readBody(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    res.on('error', reject);
    // A connection cut mid-response ends without 'end'; without this the call would hang.
    res.on('close', () => {
      if (!res.complete) reject(new Error('connection closed before the response was complete'));
    });
  });
}

/** The reason of an abort (a timeout says so), or a plain AbortError. */
export function abortError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  const error = new Error('The request was aborted');
  error.name = 'AbortError';
  return error;
}
