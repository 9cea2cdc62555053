/** One step of the vault database's schema; applied once, in order, recorded in schema_migrations. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

// Append only: a released migration is never edited, because databases in the field already ran it.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions, vaults, credentials, registrations',
    sql: `
      CREATE TABLE subscriptions (
        subscription_id       TEXT PRIMARY KEY,
        display_name          TEXT NOT NULL,
        is_default            INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        state                 TEXT NOT NULL CHECK (state IN ('Active', 'Expired', 'Deprovisioned')),
        state_changed_at      TEXT NOT NULL,
        -- when Deprovisioned last deleted the vault recovery points' data; the data store acts on it
        vault_data_deleted_at TEXT,
        created_at            TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX subscriptions_single_default ON subscriptions (is_default) WHERE is_default = 1;

      CREATE TABLE subscription_state_changes (
        change_id       INTEGER PRIMARY KEY AUTOINCREMENT,
        subscription_id TEXT NOT NULL REFERENCES subscriptions (subscription_id),
        from_state      TEXT NOT NULL,
        to_state        TEXT NOT NULL,
        changed_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE vaults (
        vault_id             TEXT PRIMARY KEY,
        subscription_id      TEXT NOT NULL REFERENCES subscriptions (subscription_id),
        name                 TEXT NOT NULL COLLATE NOCASE,
        resource_group_name  TEXT NOT NULL,
        location             TEXT NOT NULL,
        storage_redundancy   TEXT NOT NULL CHECK (storage_redundancy IN ('GeoRedundant', 'LocallyRedundant', 'ZoneRedundant')),
        has_backup           INTEGER NOT NULL DEFAULT 0 CHECK (has_backup IN (0, 1)),
        first_backup_at      TEXT,
        -- the only credential of the vault that is valid; every other one is superseded
        newest_credential    TEXT REFERENCES credentials (thumbprint),
        created_at           TEXT NOT NULL,
        UNIQUE (subscription_id, name)
      ) STRICT;

      -- The public certificate only: the private key leaves in the credentials file and is never stored.
      CREATE TABLE credentials (
        thumbprint    TEXT PRIMARY KEY,
        vault_id      TEXT NOT NULL REFERENCES vaults (vault_id) ON DELETE CASCADE,
        serial_number TEXT NOT NULL,
        certificate   BLOB NOT NULL,
        issued_at     TEXT NOT NULL,
        not_before    TEXT NOT NULL,
        not_after     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX credentials_by_vault ON credentials (vault_id);

      -- A challenge is kept by its SHA-256 so that reading the database does not reveal a live one.
      CREATE TABLE registration_challenges (
        challenge_hash  TEXT PRIMARY KEY,
        vault_id        TEXT NOT NULL REFERENCES vaults (vault_id) ON DELETE CASCADE,
        cert_thumbprint TEXT NOT NULL REFERENCES credentials (thumbprint) ON DELETE CASCADE,
        issued_at       TEXT NOT NULL,
        expires_at      TEXT NOT NULL,
        used_at         TEXT
      ) STRICT;
      CREATE INDEX registration_challenges_by_expiry ON registration_challenges (expires_at);

      CREATE TABLE registrations (
        registration_id TEXT PRIMARY KEY,
        server_id       TEXT NOT NULL UNIQUE,
        server_name     TEXT NOT NULL,
        vault_id        TEXT NOT NULL REFERENCES vaults (vault_id),
        cert_thumbprint TEXT NOT NULL REFERENCES credentials (thumbprint),
        registered_at   TEXT NOT NULL,
        last_contact_at TEXT
      ) STRICT;
      CREATE INDEX registrations_by_vault ON registrations (vault_id);
    `,
  },
  {
    version: 2,
    name: 'vault recovery points',
    sql: `
      -- The recovery points a server has copied to the vault; their data are the server's objects.
      -- Kept by server id rather than registration, so a server that registers again finds them.
      CREATE TABLE vault_recovery_points (
        vault_id          TEXT NOT NULL REFERENCES vaults (vault_id) ON DELETE CASCADE,
        server_id         TEXT NOT NULL,
        recovery_point_id TEXT NOT NULL,
        datasource_id     TEXT NOT NULL,
        datasource_name   TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        size_bytes        INTEGER NOT NULL CHECK (size_bytes >= 0),
        recorded_at       TEXT NOT NULL,
        PRIMARY KEY (vault_id, server_id, recovery_point_id)
      ) STRICT;
      CREATE INDEX vault_recovery_points_by_server ON vault_recovery_points (server_id, created_at);
    `,
  },
];
