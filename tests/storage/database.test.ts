import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, DATABASE_FILE, openDatabase, StorageError } from '../../src/storage/database.js';
import type { Migration } from '../../src/storage/migrations.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const table = (name: string): Migration => ({ name, up: (db) => db.exec(`CREATE TABLE ${name} (x INTEGER) STRICT`) });

describe('database', () => {
  it('runs each migration once and records the version', () => {
    const first = openDatabase({ dir, migrations: [table('a')] });
    expect(first.pragma('user_version', { simple: true })).toBe(1);
    closeDatabase(first);
    const second = openDatabase({ dir, migrations: [table('a'), table('b')] });
    expect(second.pragma('user_version', { simple: true })).toBe(2);
    expect(second.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual(['a', 'b']);
    closeDatabase(second);
  });

  it('rolls a failing migration back completely and keeps the old version', () => {
    const broken: Migration = {
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half (x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => openDatabase({ dir, migrations: [table('a'), broken] })).toThrow('boom');
    const db = openDatabase({ dir, migrations: [table('a')] });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    closeDatabase(db);
  });

  it('refuses a database written by a newer release', () => {
    closeDatabase(openDatabase({ dir, migrations: [table('a'), table('b')] }));
    expect(() => openDatabase({ dir, migrations: [table('a')] })).toThrow(/schema version 2, newer than this release knows \(1\)/);
  });

  it('uses WAL and secure delete, and closing leaves no -wal file behind', () => {
    const db = openDatabase({ dir });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    closeDatabase(db);
    closeDatabase(db); // twice is fine
    expect(existsSync(join(dir, `${DATABASE_FILE}-wal`))).toBe(false);
  });

  it('tightens the permissions of an existing file', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, DATABASE_FILE), '');
    chmodSync(join(dir, DATABASE_FILE), 0o644);
    closeDatabase(openDatabase({ dir }));
    expect(statSync(join(dir, DATABASE_FILE)).mode & 0o777).toBe(0o600);
  });

  it('names DATA_DIR when the directory cannot be used', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const attempt = () => openDatabase({ dir: join(file, 'data') });
    expect(attempt).toThrow(StorageError);
    expect(attempt).toThrow(/Set DATA_DIR to a directory the bot may write/);
  });

  it('opens read-only without creating anything', () => {
    const missing = join(dir, 'missing');
    expect(() => openDatabase({ dir: missing, readonly: true })).toThrow(StorageError);
    expect(existsSync(missing)).toBe(false);
  });
});
