import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';

/** The vault's SQLite database, a file inside the vault directory. */
export type VaultDatabase = Database.Database;

/** File name of the vault's state inside its directory. */
export const DATABASE_FILE = 'vault.db';

const PRIVATE_FILE = 0o600;
const PRIVATE_DIRECTORY = 0o700;
// Another process (a second dpmsh on the same home) may hold the write lock for a moment.
const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating if needed) the vault database in `dir`, owner-only, in WAL mode, migrated to the latest schema. */
export function openVaultDatabase(dir: string, now: () => string): VaultDatabase {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIRECTORY });
  chmodSync(dir, PRIVATE_DIRECTORY);
  const file = join(dir, DATABASE_FILE);
  // Created before SQLite opens it so that it never exists with the umask's looser mode;
  // SQLite gives its -wal and -shm files the database file's mode.
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  chmodSync(file, PRIVATE_FILE);

  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    // FULL, not NORMAL: losing the last commit on power loss could forget which credential is the newest.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(file + suffix)) chmodSync(file + suffix, PRIVATE_FILE);
    }
    migrate(db, MIGRATIONS, now);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Applies the migrations the database has not run yet, each in its own transaction. */
export function migrate(db: VaultDatabase, migrations: readonly Migration[], now: () => string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const latestKnown = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const appliedVersion = db.prepare('SELECT coalesce(max(version), 0) AS version FROM schema_migrations').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    // IMMEDIATE takes the write lock before reading the version, so two processes opening a new
    // vault at once cannot both apply the same migration.
    db.transaction(() => {
      if ((appliedVersion.get() as number) >= migration.version) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now());
    }).immediate();
  }
  const applied = appliedVersion.get() as number;
  if (applied > latestKnown) {
    throw new Error(
      `The vault database was written by a newer dpmsh (schema version ${applied}; this one knows up to ${latestKnown}). Upgrade dpmsh to open it.`,
    );
  }
}
