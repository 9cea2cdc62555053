/**
 * Disk storage: folders on local volumes that hold the first copy of every backup. A folder must
 * exist and be writable; each holds one repository, created when the folder is added if the
 * server has its key already, otherwise at the first backup.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, realpath, stat, statfs } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diskRows, insertDisk, type DiskRow } from '../catalog/disks.js';
import type { CatalogDatabase } from '../catalog/database.js';
import type { ServerContext } from '../context.js';
import { diskAlreadyAddedError, diskUnusableError } from '../errors.js';
import type { DiskStorage } from '../protection/types.js';

/** Adds a folder as disk storage. */
export async function addDisk(ctx: ServerContext, path: string): Promise<DiskStorage> {
  const given = resolve(path);
  let real: string;
  try {
    const info = await stat(given);
    if (!info.isDirectory()) throw diskUnusableError(given, 'it is not a folder');
    real = await realpath(given);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw diskUnusableError(given, 'it does not exist');
    throw error;
  }
  try {
    await access(real, constants.W_OK);
  } catch {
    throw diskUnusableError(given, 'this server cannot write to it');
  }
  for (const existing of diskRows(ctx.db)) {
    const same = existing.path === real || (await realpath(existing.path).catch(() => existing.path)) === real;
    if (same) throw diskAlreadyAddedError(given);
  }
  const row: DiskRow = { id: randomUUID(), path: real, addedAt: ctx.clock() };
  // The repository is made now when the key exists, so a folder the engine cannot use is refused
  // before it is recorded; otherwise the first backup makes it.
  if (await ctx.keys.read()) await ctx.repositories.disk(row.id, row.path);
  ctx.db.transaction(() => insertDisk(ctx.db, row))();
  return withCapacity(row);
}

/** The disk storage with each volume's capacity now. */
export async function listDisks(db: CatalogDatabase): Promise<DiskStorage[]> {
  return Promise.all(diskRows(db).map(withCapacity));
}

/** The disk new recovery points go to: the one with the most free space. */
export async function roomiestDisk(db: CatalogDatabase): Promise<DiskStorage | undefined> {
  const disks = (await listDisks(db)).filter((d) => d.status === 'Healthy');
  return disks.reduce<DiskStorage | undefined>((best, d) => (best === undefined || (d.freeBytes ?? 0) > (best.freeBytes ?? 0) ? d : best), undefined);
}

async function withCapacity(row: DiskRow): Promise<DiskStorage> {
  try {
    const s = await statfs(row.path);
    return { ...row, capacityBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize, status: 'Healthy' };
  } catch {
    return { ...row, capacityBytes: null, freeBytes: null, status: 'Missing' };
  }
}
