import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { closeDatabase, DATABASE_FILE, openDatabase, type SqliteDatabase } from './database.js';
import { createIntakeStore, type IntakeStore, type IntakeStoreOptions } from './intake.js';

/**
 * Everything the bot keeps across restarts, in one SQLite file in the data directory.
 * The rest of the code sees only the stores (small interfaces); the database itself is
 * exposed for stores that live in other modules (the hand-off tickets).
 */
export interface Storage {
  /** The database file, e.g. `data/bot.sqlite`. */
  readonly file: string;
  readonly db: SqliteDatabase;
  readonly intake: IntakeStore;
  /** Stops the pruning and closes the database cleanly (WAL checkpointed). Safe to call twice. */
  close(): void;
}

export interface StorageOptions {
  dir: string;
  logger: Logger;
  intake?: IntakeStoreOptions;
  /** How often finished intake keys are pruned; default hourly. */
  pruneEveryMs?: number;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Opens the bot's storage and prunes it at once and then every hour.
 *
 * ```ts
 * const storage = openStorage({ dir: config.dataDir, logger }); // throws StorageError naming DATA_DIR
 * storage.intake.record({ channel: 'telegram', key: '1001', queue: 'chat-key', payload });
 * storage.close();
 * ```
 */
export function openStorage(options: StorageOptions): Storage {
  const db = openDatabase({ dir: options.dir });
  const intake = createIntakeStore(db, options.intake);
  const logger = options.logger.child({ component: 'storage' });

  const prune = () => {
    try {
      const pruned = intake.prune();
      if (pruned > 0) logger.debug({ pruned }, 'finished intake items pruned');
    } catch (error) {
      logger.warn({ err: error }, 'pruning the intake failed; trying again later');
    }
  };
  prune();
  const timer = setInterval(prune, options.pruneEveryMs ?? HOUR_MS);
  timer.unref();

  return {
    file: join(options.dir, DATABASE_FILE),
    db,
    intake,
    close() {
      clearInterval(timer);
      closeDatabase(db);
    },
  };
}
