import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';

export type SqliteDatabase = BetterSqlite3.Database;

/** The database file's name inside the data directory (DATA_DIR). */
export const DATABASE_FILE = 'bot.sqlite';

export interface OpenDatabaseOptions {
  /** The data directory; created (owner-only) when missing. */
  dir: string;
  /** Opens without writing: no directory, no migrations (e.g. `npm run report` beside a running bot). */
  readonly?: boolean;
  /** Replaces the project's migrations, for tests of the migration runner. */
  migrations?: readonly Migration[];
}

/** The data directory or the database in it cannot be used; the message names the fix. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/**
 * Opens (and creates) the bot's SQLite database in the data directory and brings its
 * schema up to date.
 *
 * Settings, and why:
 * - WAL journal: readers (the report script) never block the bot, and a commit is one
 *   append. With `synchronous = NORMAL` a commit survives the process being killed
 *   (`kill -9`, a crash, an OOM kill); only a power loss or kernel crash can take the
 *   last few commits. The intake is written before every acknowledgement, so a full
 *   fsync each time would cost more than it buys.
 * - `secure_delete`: deleted rows (a closed hand-off's chat id, a finished update's
 *   payload) are overwritten with zeros in the file, not just unlinked from the b-tree.
 * - `busy_timeout`: a second process (a report, a rolling deploy) waits for the lock
 *   instead of failing at once.
 * - Owner-only permissions: the directory 0700 and the file 0600 (SQLite gives its
 *   `-wal` and `-shm` files the database file's permissions).
 *
 * ```ts
 * const db = openDatabase({ dir: config.dataDir });
 * const intake = createIntakeStore(db);
 * // … on shutdown:
 * closeDatabase(db);
 * ```
 */
export function openDatabase(options: OpenDatabaseOptions): SqliteDatabase {
  const file = join(options.dir, DATABASE_FILE);
  if (options.readonly) {
    try {
      return new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    } catch (error) {
      throw new StorageError(`cannot open ${file} for reading: ${describe(error)}`, { cause: error });
    }
  }
  try {
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    // Create the file ourselves so that it is never readable by others, not even for a moment.
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
  } catch (error) {
    throw new StorageError(`cannot create the database ${file}: ${describe(error)}. Set DATA_DIR to a directory the bot may write (default: data)`, {
      cause: error,
    });
  }
  let db: SqliteDatabase;
  try {
    db = new BetterSqlite3(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new StorageError(`cannot open the database ${file}: ${describe(error)}`, { cause: error });
  }
  try {
    migrate(db, options.migrations ?? MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Brings the schema to the newest version, one transaction per migration, recording
 * the version in `PRAGMA user_version`. A database from a newer release is refused
 * rather than half understood.
 */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.length;
  if (current > newest) {
    throw new StorageError(
      `the database ${db.name} has schema version ${current}, newer than this release knows (${newest}); run the newer release or restore a backup`,
    );
  }
  for (const [index, migration] of migrations.entries()) {
    const version = index + 1;
    if (version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${version}`);
    })();
  }
}

/**
 * Closes the database cleanly: the WAL is checkpointed into the main file and removed,
 * so no deleted content lingers in a `-wal` file. Safe to call twice.
 */
export function closeDatabase(db: SqliteDatabase): void {
  if (!db.open) return;
  if (!db.readonly) {
    db.pragma('optimize');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  db.close();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
