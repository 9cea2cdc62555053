/**
 * The repository a recovery point is read from: its disk's, or the vault's. Reading a vault point
 * for a restore stages it first: its snapshot is copied, still encrypted, into a repository in the
 * recovery folder, which is removed again when the restore ends, however it ends.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LongRunOptions, Repository } from '@dpmsh/engine';
import { diskRow } from '../catalog/disks.js';
import { registeredVaultName } from '../catalog/registration.js';
import { readSettings } from '../catalog/settings.js';
import { recoveryFolder } from '../cloud/settings.js';
import type { ServerContext } from '../context/server-context.js';
import { recoveryPointNotFoundError } from '../model/errors.js';
import { prepareFolder } from '../storage/folders.js';
import { vaultBackend } from '../storage/vault-backend.js';
import type { RecoveryPoint } from '../model/types.js';

/** A repository to read a recovery point from, and what to do when done with it. */
export interface RecoverySource {
  readonly repository: Repository;
  cleanup(): Promise<void>;
}

/** The repository that holds a recovery point, read in place. */
export async function repositoryOf(ctx: ServerContext, rp: RecoveryPoint): Promise<Repository> {
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

/** A repository to restore a recovery point from: the disk's in place, or a vault point staged through the recovery folder. */
export async function recoverySource(ctx: ServerContext, rp: RecoveryPoint, options: LongRunOptions): Promise<RecoverySource> {
  const repository = await repositoryOf(ctx, rp);
  if (rp.location === 'Disk') return { repository, cleanup: async () => undefined };
  const folder = await prepareFolder('RecoveryFolder', recoveryFolder(ctx));
  const staging = join(folder.path, `dpmsh-restore-${randomUUID()}`);
  const cleanup = async (): Promise<void> => {
    await rm(staging, { recursive: true, force: true });
  };
  try {
    const staged = await ctx.repositories.local(staging);
    await repository.replicate(rp.snapshotId, staged, options);
    return { repository: staged, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
