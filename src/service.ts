import type { Channel, HttpHandler } from './channel.js';
import { createHealth, type Health } from './health.js';
import { startHttpServer } from './http-server.js';
import type { Logger } from './logger.js';
import { installShutdown, type ShutdownControl, type ShutdownStep } from './shutdown.js';

export interface ServiceOptions {
  channels: readonly Channel[];
  http: { host: string; port: number };
  logger: Logger;
  shutdownTimeoutMs: number;
  /** Stopped after the channels and before the HTTP server, e.g. the knowledge watcher. */
  alsoStop?: readonly ShutdownStep[];
  /** Stopped after the HTTP server, when no request can arrive any more: the database. */
  stopLast?: readonly ShutdownStep[];
  /** Turns a channel's start failure into the fix for the operator (e.g. which token is wrong); see `explainStartFailure`. */
  explainStartFailure?(channel: Channel['name'], error: unknown): string | undefined;
  /** Injectable for tests; see {@link installShutdown}. */
  exit?: (code: number) => void;
  signalSource?: Pick<NodeJS.Process, 'once' | 'off'>;
}

export interface RunningService {
  port: number;
  health: Health;
  /** Resolves once every channel has started (rejects never: a failed start shuts down). */
  started: Promise<void>;
  control: ShutdownControl;
}

/**
 * Runs the configured channels behind one HTTP server on PORT: health endpoints plus
 * each channel's routes (Telegram webhook, Slack events). The server comes up first, so
 * `/readyz` answers 503 while the channels start; a channel that fails to start shuts
 * the whole process down with exit code 1 rather than leaving it half up.
 *
 * On SIGTERM or SIGINT: readiness goes off, every channel stops taking updates and
 * finishes its answers in flight, then the other parts and the server close.
 */
export async function runService(options: ServiceOptions): Promise<RunningService> {
  const { channels, logger } = options;
  const health = createHealth(['knowledge', ...channels.map((channel) => channel.name)]);
  // The entry point loads the knowledge before it builds any channel.
  health.markReady('knowledge');

  const server = await startHttpServer(mergeRoutes(health.routes, channels), options.http);
  logger.info({ host: options.http.host, port: server.port }, 'http server listening (health: /healthz, /readyz)');

  const control = installShutdown({
    logger,
    timeoutMs: options.shutdownTimeoutMs,
    ...(options.exit ? { exit: options.exit } : {}),
    ...(options.signalSource ? { signalSource: options.signalSource } : {}),
    steps: [
      { name: 'readiness', run: () => health.markStopping() },
      {
        name: 'channels',
        run: async () => {
          const results = await Promise.allSettled(channels.map((channel) => channel.stop()));
          const failed = results.filter((result) => result.status === 'rejected');
          if (failed.length > 0)
            throw new AggregateError(
              failed.map((f) => (f as PromiseRejectedResult).reason),
              'a channel did not stop cleanly',
            );
        },
      },
      ...(options.alsoStop ?? []),
      { name: 'http server', run: () => server.close() },
      ...(options.stopLast ?? []),
    ],
  });

  const started = Promise.all(
    channels.map(async (channel) => {
      try {
        await channel.start();
      } catch (error) {
        const fix = options.explainStartFailure?.(channel.name, error);
        if (fix) logger.fatal({ channel: channel.name, err: error }, `${channel.name} did not start: ${fix}`);
        else logger.fatal({ channel: channel.name, err: error }, `${channel.name} did not start`);
        throw error;
      }
      health.markReady(channel.name);
      logger.info({ channel: channel.name }, 'channel started');
    }),
  ).then(
    () => logger.info({ channels: channels.map((c) => c.name) }, 'ready'),
    () => void control.shutdown('a channel failed to start', 1),
  );

  return { port: server.port, health, started, control };
}

function mergeRoutes(healthRoutes: ReadonlyMap<string, HttpHandler>, channels: readonly Channel[]): Map<string, HttpHandler> {
  const routes = new Map(healthRoutes);
  for (const channel of channels) {
    for (const [path, handler] of channel.routes) {
      if (routes.has(path)) throw new Error(`route ${path} of channel ${channel.name} is already taken`);
      routes.set(path, handler);
    }
  }
  return routes;
}
