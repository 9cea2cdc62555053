/**
 * The repository a recovery point is read from: its disk's, or the vault's. Reading a vault point
 * for a restore stages it first: its snapshot is copied, still encrypted, into a repository in the
 * recovery folder, which is removed again when the restore ends, however it ends. A killed process
 * cannot remove its copy, so a copy is named after the process that made it, and the next restore
 * removes the copies of processes that are gone.
 */
import { randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { processAlive, stepReached, type LongRunOptions, type Repository } from '@dpmsh/engine';
import { diskRow } from '../catalog/disks.js';
import { registeredVaultName } from '../catalog/registration.js';
import { readSettings } from '../catalog/settings.js';
import { recoveryFolder } from '../cloud/settings.js';
import type { ServerContext } from '../context/server-context.js';
import { recoveryPointNotFoundError } from '../model/errors.js';
import { prepareFolder } from '../storage/folders.js';
import { vaultBackend } from '../storage/vault-backend.js';
import { assertCloudAllows } from './state-table.js';
import type { RecoveryPoint } from '../model/types.js';

/** How a staging copy's name starts; the process id and a random part follow. */
const STAGING_PREFIX = 'dpmsh-restore-';

/** A repository to read a recovery point from, and what to do when done with it. */
export interface RecoverySource {
  readonly repository: Repository;
  cleanup(): Promise<void>;
}

/**
 * The repository that holds a recovery point, read in place (to browse or verify it). Reading a
 * point is refused whenever restoring it would be: a deprovisioned subscription stops reading disk
 * points too, as the seed's table says of restores from disk.
 */
export async function repositoryOf(ctx: ServerContext, rp: RecoveryPoint): Promise<Repository> {
  await assertCloudAllows(ctx, rp.location === 'Disk' ? 'restoreFromDisk' : 'restoreFromVault');
  return storedRepository(ctx, rp);
}

/** The repository that holds a recovery point, for a caller that has checked the table itself. */
export async function storedRepository(ctx: ServerContext, rp: RecoveryPoint): Promise<Repository> {
  if (rp.location === 'Disk') {
    const disk = rp.diskId === null ? undefined : diskRow(ctx.db, rp.diskId);
    if (!disk) throw recoveryPointNotFoundError(`${rp.id} (its disk storage was removed)`);
    return ctx.repositories.disk(disk.id, disk.path);
  }
  const vaultName = registeredVaultName(ctx.db);
  const repository = vaultName === null ? undefined : await ctx.repositories.vault(vaultBackend(ctx.vault, ctx.serverId, vaultName), readSettings(ctx.db).throttling, true);
  if (!repository) throw recoveryPointNotFoundError(`${rp.id} (the vault holds no copy of this server's data)`);
  return repository;
}

/**
 * A repository to restore a recovery point from: the disk's in place, or a vault point staged
 * through the recovery folder. The caller has checked the table before its job started.
 */
export async function recoverySource(ctx: ServerContext, rp: RecoveryPoint, options: LongRunOptions): Promise<RecoverySource> {
  const repository = await storedRepository(ctx, rp);
  if (rp.location === 'Disk') return { repository, cleanup: async () => undefined };
  const folder = await prepareFolder('RecoveryFolder', recoveryFolder(ctx));
  await reclaimStagingCopies(folder.path);
  const staging = join(folder.path, `${STAGING_PREFIX}${process.pid}-${randomUUID()}`);
  const cleanup = async (): Promise<void> => {
    await rm(staging, { recursive: true, force: true });
  };
  try {
    const staged = await ctx.repositories.local(staging);
    await repository.replicate(rp.snapshotId, staged, options);
    stepReached('restore:staged');
    return { repository: staged, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Removes the staging copies in the recovery folder whose process is gone (killed during a restore). */
async function reclaimStagingCopies(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const name of names) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    // A copy named without a process id was made by a version that did not record one: only a crash keeps it.
    const owner = /^(\d+)-/.exec(name.slice(STAGING_PREFIX.length))?.[1];
    if (owner !== undefined && processAlive(Number(owner))) continue;
    await rm(join(folder, name), { recursive: true, force: true });
  }
}
