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
 * Each store documents its own tables: src/storage/intake.ts, src/unanswered/store.ts,
 * src/handoff/store.ts.
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
  {
    name: 'hand-off: tickets, their outbox, answers seen, and the key for quota hashes',
    up(db) {
      db.exec(`
        CREATE TABLE handoff_ticket (
          id            INTEGER PRIMARY KEY,
          offer_id      TEXT    NOT NULL UNIQUE,
          state         TEXT    NOT NULL CHECK (state IN ('offered', 'open', 'answered', 'closed')),
          chat_id       TEXT,
          quota_key     TEXT,
          locale        TEXT    NOT NULL,
          question      TEXT    NOT NULL,
          truncated     INTEGER NOT NULL DEFAULT 0,
          offered_at    INTEGER NOT NULL,
          opened_at     INTEGER,
          closed_at     INTEGER,
          close_reason  TEXT,
          closed_by     TEXT,
          answered_by   TEXT    NOT NULL DEFAULT '[]',
          last_answer   TEXT,
          board_channel TEXT,
          board_ts      TEXT
        ) STRICT;
        CREATE INDEX handoff_ticket_chat ON handoff_ticket (chat_id, state) WHERE chat_id IS NOT NULL;
        CREATE INDEX handoff_ticket_quota ON handoff_ticket (quota_key, opened_at) WHERE quota_key IS NOT NULL;
        CREATE UNIQUE INDEX handoff_ticket_board ON handoff_ticket (board_channel, board_ts) WHERE board_ts IS NOT NULL;

        CREATE TABLE handoff_outbox (
          id         INTEGER PRIMARY KEY,
          ticket_id  INTEGER NOT NULL REFERENCES handoff_ticket (id) ON DELETE CASCADE,
          kind       TEXT    NOT NULL CHECK (kind IN ('post', 'update', 'relay')),
          chat_id    TEXT,
          text       TEXT,
          created_at INTEGER NOT NULL,
          due_at     INTEGER NOT NULL,
          attempts   INTEGER NOT NULL DEFAULT 0,
          started_at INTEGER
        ) STRICT;
        CREATE INDEX handoff_outbox_due ON handoff_outbox (due_at);

        CREATE TABLE handoff_answer_seen (
          key       TEXT    PRIMARY KEY,
          ticket_id INTEGER NOT NULL REFERENCES handoff_ticket (id) ON DELETE CASCADE,
          seen_at   INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE handoff_secret (
          id  INTEGER PRIMARY KEY CHECK (id = 1),
          key BLOB    NOT NULL
        ) STRICT;
        INSERT INTO handoff_secret (id, key) VALUES (1, randomblob(32));
      `);
    },
  },
];
