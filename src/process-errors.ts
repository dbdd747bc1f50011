import type { Logger } from './logger.js';

export interface ProcessErrorPolicyOptions {
  logger: Logger;
  /**
   * Called once after an uncaught exception has been logged: stop the way SIGTERM does
   * (finish answers in flight, close the database) and exit 1. Until the service is up
   * this is simply `process.exit(1)`.
   */
  onFatal(reason: string): void;
  /** Injectable for tests. */
  source?: Pick<NodeJS.Process, 'on' | 'off'>;
  exit?: (code: number) => void;
}

export interface ProcessErrorPolicy {
  /** Replaces what happens after an uncaught exception, e.g. once the graceful shutdown exists. */
  setOnFatal(onFatal: (reason: string) => void): void;
  uninstall(): void;
}

/**
 * What the process does with errors nobody caught.
 *
 * - **Unhandled rejection: log and go on.** One update, event or listener failed (e.g. a
 *   library's HTTP receiver rejecting on a malformed request); nothing is left in an
 *   unknown state by a promise that was never awaited, and stopping would cost every
 *   other chat its answer. The line is `error` level, through the error serializer, so
 *   without payloads or ids.
 * - **Uncaught exception: log, then shut down gracefully and exit 1.** A synchronous
 *   throw that reached the event loop may have broken any invariant, so going on is not
 *   safe (Node's own advice). The shutdown still finishes answers in flight and closes
 *   the database cleanly; what was not answered stays in the intake and is answered
 *   after the supervisor (Docker, Kubernetes, systemd) restarts the process. A second
 *   uncaught exception during that shutdown exits at once.
 *
 * ```ts
 * const policy = installProcessErrorPolicy({ logger, onFatal: () => process.exit(1) });
 * const service = await runService(…);
 * policy.setOnFatal((reason) => void service.control.shutdown(reason, 1));
 * ```
 */
export function installProcessErrorPolicy(options: ProcessErrorPolicyOptions): ProcessErrorPolicy {
  const { logger } = options;
  const source = options.source ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let onFatal = options.onFatal;
  let fatal = false;

  const onRejection = (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled promise rejection; going on');
  };
  const onException = (error: unknown, origin: string) => {
    if (fatal) {
      logger.fatal({ err: error, origin }, 'another uncaught exception while shutting down; exiting now');
      exit(1);
      return;
    }
    fatal = true;
    logger.fatal({ err: error, origin }, 'uncaught exception; shutting down, unanswered updates stay in the intake for the restart');
    onFatal('uncaught exception');
  };
  source.on('unhandledRejection', onRejection);
  source.on('uncaughtException', onException);

  return {
    setOnFatal(next) {
      onFatal = next;
    },
    uninstall() {
      source.off('unhandledRejection', onRejection);
      source.off('uncaughtException', onException);
    },
  };
}
