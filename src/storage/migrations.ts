import type BetterSqlite3 from 'better-sqlite3';

/** One step of the schema; its version is its position in {@link MIGRATIONS} plus one. */
export interface Migration {
  name: string;
  up(db: BetterSqlite3.Database): void;
}

/**
 * The schema, in order. Append only: a migration that has shipped is never edited or
 * reordered, because databases out there already carry its version number. Each runs
 * in its own transaction (see `migrate`).
 *
 * Planned next: the hand-off tickets and their outbox (issue 10), appended here.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'intake: received updates and events, until answered',
    up(db) {
      db.exec(`
        CREATE TABLE intake (
          id          INTEGER PRIMARY KEY,
          channel     TEXT    NOT NULL CHECK (channel IN ('telegram', 'slack')),
          key         TEXT    NOT NULL,
          queue       TEXT    NOT NULL,
          payload     TEXT,
          received_at INTEGER NOT NULL,
          done_at     INTEGER,
          recoveries  INTEGER NOT NULL DEFAULT 0,
          UNIQUE (channel, key)
        ) STRICT;
        CREATE INDEX intake_unfinished ON intake (channel, queue) WHERE done_at IS NULL;
        CREATE INDEX intake_done ON intake (done_at) WHERE done_at IS NOT NULL;
      `);
    },
  },
  {
    name: 'unanswered questions, for the editors (formerly unanswered.jsonl)',
    up(db) {
      db.exec(`
        CREATE TABLE unanswered (
          id      INTEGER PRIMARY KEY,
          at      INTEGER NOT NULL,
          locale  TEXT    NOT NULL,
          channel TEXT    NOT NULL,
          text    TEXT    NOT NULL
        ) STRICT;
        CREATE INDEX unanswered_at ON unanswered (at);
      `);
    },
  },
];
