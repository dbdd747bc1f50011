import type { Logger } from './logger.js';

/** One thing to stop, in order: e.g. "channels" (finish answers in flight), then "http server". */
export interface ShutdownStep {
  name: string;
  run(): Promise<void> | void;
}

export interface ShutdownOptions {
  steps: readonly ShutdownStep[];
  /** After this long the process exits with 1 even if a step still waits. */
  timeoutMs: number;
  logger: Logger;
  /** Ends the process; injectable for tests. */
  exit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
  /** Where signals come from; injectable for tests. */
  signalSource?: Pick<NodeJS.Process, 'once' | 'off'>;
}

export interface ShutdownControl {
  /**
   * Starts the shutdown as if a signal arrived; a second call returns the same promise.
   * `exitCode` 1 is for shutting down because something failed (a channel did not start).
   */
  shutdown(reason: string, exitCode?: 0 | 1): Promise<void>;
  /** Removes the signal handlers again (tests). */
  uninstall(): void;
}

/**
 * Graceful shutdown on SIGTERM and SIGINT: runs the steps in order, then exits 0.
 * A step that fails is logged and the next one still runs. If the steps take longer
 * than `timeoutMs`, or a second signal arrives (an impatient Ctrl-C), it exits 1 at once.
 *
 * ```ts
 * installShutdown({ logger, timeoutMs: 10_000, steps: [
 *   { name: 'channels', run: () => Promise.all(channels.map((c) => c.stop())).then(() => {}) },
 *   { name: 'http server', run: () => server.close() },
 * ] });
 * ```
 */
export function installShutdown(options: ShutdownOptions): ShutdownControl {
  const { logger, steps, timeoutMs } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const source = options.signalSource ?? process;
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let running: Promise<void> | undefined;

  const shutdown = (reason: string, exitCode: 0 | 1 = 0): Promise<void> => {
    if (running) return running;
    logger.info({ reason, timeoutMs }, 'shutting down: no new updates, finishing answers in flight');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long; exiting anyway');
      exit(1);
    }, timeoutMs);
    deadline.unref();
    running = (async () => {
      let failed = exitCode !== 0;
      for (const step of steps) {
        try {
          await step.run();
          logger.debug({ step: step.name }, 'stopped');
        } catch (error) {
          failed = true;
          logger.error({ err: error, step: step.name }, 'shutdown step failed');
        }
      }
      clearTimeout(deadline);
      logger.info('shutdown complete');
      exit(failed ? 1 : 0);
    })();
    return running;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (running) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      exit(1);
      return;
    }
    void shutdown(signal);
    // Listen again so that a second signal is noticed rather than killing the process silently.
    source.once(signal, onSignal);
  };
  for (const signal of signals) source.once(signal, onSignal);

  return {
    shutdown,
    uninstall() {
      for (const signal of signals) source.off(signal, onSignal);
    },
  };
}
