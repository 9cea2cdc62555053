/**
 * Adding disk storage (Add-DPMDisk). A folder must exist and be writable; each holds one
 * repository, created when the folder is added if the server has its key already, otherwise at
 * the first backup.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diskRows, insertDisk, type DiskRow } from '../catalog/disks.js';
import type { ServerContext } from '../context/server-context.js';
import { diskAlreadyAddedError, diskUnusableError } from '../model/errors.js';
import type { DiskStorage } from '../model/types.js';
import { withCapacity } from '../storage/disk-storage.js';

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
