import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request handler that a channel mounts on the shared HTTP server (health, webhooks). */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * What the entry point needs of a platform adapter: start it, stop it, and, for
 * channels that receive over HTTP, the routes to mount on the one server on PORT.
 */
export interface Channel {
  readonly name: 'telegram' | 'slack';
  /** Exact request paths this channel owns on the shared HTTP server (e.g. "/slack/events"). */
  readonly routes: ReadonlyMap<string, HttpHandler>;
  /** Resolves once the channel takes updates. */
  start(): Promise<void>;
  /** Stops taking updates, waits for answers in flight, then resolves. */
  stop(): Promise<void>;
}
