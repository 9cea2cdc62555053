/** Disk storage: folders on local volumes that hold the first copy of every backup, and their capacity. */
import { statfs } from 'node:fs/promises';
import { diskRows, type DiskRow } from '../catalog/disks.js';
import type { CatalogDatabase } from '../catalog/database.js';
import type { DiskStorage } from '../model/types.js';

/** The disk storage with each volume's capacity now. */
export async function listDisks(db: CatalogDatabase): Promise<DiskStorage[]> {
  return Promise.all(diskRows(db).map(withCapacity));
}

/** The disk new recovery points go to: the one with the most free space. */
export async function roomiestDisk(db: CatalogDatabase): Promise<DiskStorage | undefined> {
  const disks = (await listDisks(db)).filter((d) => d.status === 'Healthy');
  return disks.reduce<DiskStorage | undefined>((best, d) => (best === undefined || (d.freeBytes ?? 0) > (best.freeBytes ?? 0) ? d : best), undefined);
}

/** A disk's row with its volume's capacity now, or Missing when the folder is gone. */
export async function withCapacity(row: DiskRow): Promise<DiskStorage> {
  try {
    const s = await statfs(row.path);
    return { ...row, capacityBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize, status: 'Healthy' };
  } catch {
    return { ...row, capacityBytes: null, freeBytes: null, status: 'Missing' };
  }
}
