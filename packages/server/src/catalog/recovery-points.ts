/** Recovery point rows. */
import type { DataSourceInfo } from '@dpmsh/sdk';
import type { BackupType, RecoveryPoint, RecoveryPointLocation } from '../model/types.js';
import type { CatalogDatabase } from './database.js';

interface Row {
  id: string;
  datasource_id: string;
  datasource_name: string;
  plugin: string;
  source: string;
  location: RecoveryPointLocation;
  disk_id: string | null;
  snapshot_id: string;
  created_at: string;
  backup_type: BackupType;
  size_bytes: number;
  files: number;
}

const fromRow = (r: Row): RecoveryPoint => ({
  id: r.id,
  datasourceId: r.datasource_id,
  datasourceName: r.datasource_name,
  plugin: r.plugin,
  source: JSON.parse(r.source) as DataSourceInfo,
  location: r.location,
  diskId: r.disk_id,
  snapshotId: r.snapshot_id,
  createdAt: new Date(r.created_at),
  backupType: r.backup_type,
  sizeBytes: r.size_bytes,
  files: r.files,
});

/** Recovery points, oldest first; of one data source and location when given. */
export function recoveryPoints(db: CatalogDatabase, filter: { datasourceId?: string; location?: RecoveryPointLocation } = {}): RecoveryPoint[] {
  const rows = db
    .prepare(
      `SELECT * FROM recovery_point
       WHERE (@datasourceId IS NULL OR datasource_id = @datasourceId) AND (@location IS NULL OR location = @location)
       ORDER BY created_at, rowid`,
    )
    .all({ datasourceId: filter.datasourceId ?? null, location: filter.location ?? null }) as Row[];
  return rows.map(fromRow);
}

/** The newest recovery point of a data source at a location, or undefined. */
export function newestRecoveryPoint(db: CatalogDatabase, datasourceId: string, location: RecoveryPointLocation): RecoveryPoint | undefined {
  return recoveryPoints(db, { datasourceId, location }).at(-1);
}

/** One recovery point, or undefined. */
export function recoveryPointById(db: CatalogDatabase, id: string): RecoveryPoint | undefined {
  const row = db.prepare('SELECT * FROM recovery_point WHERE id = ?').get(id) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

/** Adds a recovery point. */
export function insertRecoveryPoint(db: CatalogDatabase, rp: RecoveryPoint): void {
  db.prepare(
    `INSERT INTO recovery_point (id, datasource_id, datasource_name, plugin, source, location, disk_id, snapshot_id, created_at, backup_type, size_bytes, files)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(rp.id, rp.datasourceId, rp.datasourceName, rp.plugin, JSON.stringify(rp.source), rp.location, rp.diskId, rp.snapshotId, rp.createdAt.toISOString(), rp.backupType, rp.sizeBytes, rp.files);
}

/** Removes recovery points. */
export function deleteRecoveryPoints(db: CatalogDatabase, ids: readonly string[]): void {
  const statement = db.prepare('DELETE FROM recovery_point WHERE id = ?');
  for (const id of ids) statement.run(id);
}
