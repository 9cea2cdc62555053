/**
 * The server's catalog: one SQLite file, `catalog.db` in the dpmsh home, with a versioned schema.
 * Every change to it runs in one transaction, so a failed operation leaves it as it was.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PROTECTION_SCHEMA } from './protection-schema.js';
import { REPAIR_JOB_SCHEMA } from './repair-job-schema.js';

/** An open catalog. */
export type CatalogDatabase = Database.Database;

interface Migration {
  readonly version: number;
  readonly sql: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE server (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        server_id TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE registration (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        registration_id TEXT NOT NULL,
        vault_id TEXT NOT NULL,
        vault_name TEXT NOT NULL,
        subscription_id TEXT NOT NULL,
        region TEXT NOT NULL,
        cert_thumbprint TEXT NOT NULL,
        registered_at TEXT NOT NULL
      );
      -- One row per setting; values are JSON. Keys: passphraseCheck, recoveryFolder, scratchPath,
      -- proxy, throttling, lastContactAt.
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  { version: 2, sql: PROTECTION_SCHEMA },
  { version: 3, sql: REPAIR_JOB_SCHEMA },
];

/** Opens (creating and migrating as needed) the catalog in a dpmsh home. */
export function openCatalog(home: string): CatalogDatabase {
  if (!existsSync(home)) mkdirSync(home, { recursive: true, mode: 0o700 });
  const path = join(home, 'catalog.db');
  const db = new Database(path);
  chmodSync(path, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as { version: number | null };
  const current = row.version ?? 0;
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length > 0) {
    db.transaction(() => {
      for (const m of pending) {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
      }
    })();
  }
  return db;
}
