/** Disk storage rows. */
import type { CatalogDatabase } from './database.js';

/** A disk storage row. */
export interface DiskRow {
  readonly id: string;
  readonly path: string;
  readonly addedAt: Date;
}

interface Row {
  id: string;
  path: string;
  added_at: string;
}

const fromRow = (r: Row): DiskRow => ({ id: r.id, path: r.path, addedAt: new Date(r.added_at) });

/** Every disk, in the order they were added. */
export function diskRows(db: CatalogDatabase): DiskRow[] {
  return (db.prepare('SELECT * FROM disk ORDER BY added_at, rowid').all() as Row[]).map(fromRow);
}

/** One disk, or undefined. */
export function diskRow(db: CatalogDatabase, id: string): DiskRow | undefined {
  const row = db.prepare('SELECT * FROM disk WHERE id = ?').get(id) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

/** Adds a disk. */
export function insertDisk(db: CatalogDatabase, disk: DiskRow): void {
  db.prepare('INSERT INTO disk (id, path, added_at) VALUES (?, ?, ?)').run(disk.id, disk.path, disk.addedAt.toISOString());
}
