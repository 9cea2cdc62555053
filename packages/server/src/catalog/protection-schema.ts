/**
 * Catalog migration 2: disk storage, protection groups and their members, recovery points and
 * jobs. A modifiable protection group (New-DPMProtectionGroup, Get-DPMModifiableProtectionGroup)
 * lives in memory until Set-DPMProtectionGroup saves it, as in DPM, so only saved groups have rows.
 */
export const PROTECTION_SCHEMA = `
  CREATE TABLE disk (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    added_at TEXT NOT NULL
  );
  CREATE TABLE protection_group (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    short_term TEXT NOT NULL CHECK (short_term IN ('Disk')),
    long_term TEXT CHECK (long_term IS NULL OR long_term IN ('Online')),
    retention_days INTEGER NOT NULL,
    sync_frequency_minutes INTEGER NOT NULL,
    online_retention_days INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
  );
  -- A data source is protected by one group at most; datasource_id is stable for (plugin, source id).
  CREATE TABLE member (
    datasource_id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES protection_group (id) ON DELETE CASCADE,
    plugin TEXT NOT NULL,
    workload TEXT NOT NULL,
    source_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    path TEXT,
    size_estimate INTEGER NOT NULL,
    online INTEGER NOT NULL CHECK (online IN (0, 1)),
    disk_id TEXT REFERENCES disk (id),
    added_at TEXT NOT NULL
  );
  CREATE INDEX member_by_group ON member (group_id);
  -- The source is the plugin's DataSourceInfo at backup time (JSON), so a point stays restorable
  -- after its data source leaves protection.
  CREATE TABLE recovery_point (
    id TEXT PRIMARY KEY,
    datasource_id TEXT NOT NULL,
    datasource_name TEXT NOT NULL,
    plugin TEXT NOT NULL,
    source TEXT NOT NULL,
    location TEXT NOT NULL CHECK (location IN ('Disk', 'Online')),
    disk_id TEXT REFERENCES disk (id),
    snapshot_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    backup_type TEXT NOT NULL CHECK (backup_type IN ('ExpressFull', 'Incremental')),
    size_bytes INTEGER NOT NULL,
    files INTEGER NOT NULL
  );
  CREATE INDEX recovery_point_by_datasource ON recovery_point (datasource_id, location, created_at);
  CREATE TABLE job (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('Backup', 'Restore', 'Verify')),
    location TEXT NOT NULL CHECK (location IN ('Disk', 'Online')),
    datasource_id TEXT,
    datasource_name TEXT,
    recovery_point_id TEXT,
    status TEXT NOT NULL CHECK (status IN ('InProgress', 'Succeeded', 'Failed', 'Cancelled')),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    bytes INTEGER NOT NULL DEFAULT 0,
    files INTEGER NOT NULL DEFAULT 0,
    error_id TEXT,
    error_message TEXT,
    -- The process running an InProgress job, so a later process can tell an interrupted job from a running one.
    pid INTEGER
  );
  CREATE INDEX job_by_start ON job (started_at);
`;
