/**
 * Catalog migration 3: jobs may be of type 'Repair' (Repair-DPMStorage). SQLite cannot change a
 * CHECK constraint in place, so the job table is rebuilt with its rows.
 */
export const REPAIR_JOB_SCHEMA = `
  CREATE TABLE job_with_repair (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('Backup', 'Restore', 'Verify', 'Repair')),
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
    pid INTEGER
  );
  INSERT INTO job_with_repair SELECT id, type, location, datasource_id, datasource_name, recovery_point_id, status, started_at, ended_at, bytes, files, error_id, error_message, pid FROM job;
  DROP TABLE job;
  ALTER TABLE job_with_repair RENAME TO job;
  CREATE INDEX job_by_start ON job (started_at);
`;
