/**
 * Repair-DPMStorage: rebuilds the index of a disk storage's repository (or of the online copy)
 * from its packs' own headers, and reclaims what interrupted writes left there (temporary files,
 * packs no index lists), as a Repair job. Both run under the repository's lock, so a repair
 * waits for no backup and no backup runs into one: the second to come gets 'RepositoryLocked'.
 */
import type { IndexRepairReport, ReclaimReport, Repository } from '@dpmsh/engine';
import { diskRow, diskRows } from '../catalog/disks.js';
import { registeredVaultName } from '../catalog/registration.js';
import { readSettings } from '../catalog/settings.js';
import type { ServerContext } from '../context/server-context.js';
import { diskNotFoundError, nothingToRepairError, onlineCopyNotFoundError } from '../model/errors.js';
import type { Job, RecoveryPointLocation } from '../model/types.js';
import type { OperationOutput } from '../plugins/plugin-context.js';
import { vaultBackend } from '../storage/vault-backend.js';
import { runJob } from './job-runner.js';
import { ProgressMeter, type ProgressListener } from './progress.js';
import { assertCloudAllows } from './state-table.js';

/** What to repair, and where. */
export interface RepairRequest extends OperationOutput {
  /** The disk storage (its id or path); absent with `online`. */
  readonly disk?: string;
  /** The online copy in the vault instead of a disk. */
  readonly online?: boolean;
  /** Rebuild the index from the pack headers (default: true unless only `leftovers` is asked). */
  readonly index?: boolean;
  /** Reclaim leftovers (default: true unless only `index` is asked). */
  readonly leftovers?: boolean;
  readonly onProgress?: ProgressListener;
}

/** What a repair did. */
export interface RepairResult {
  readonly location: RecoveryPointLocation;
  /** The disk storage's path, or 'Online'. */
  readonly storage: string;
  readonly index: IndexRepairReport | null;
  readonly leftovers: ReclaimReport | null;
  readonly job: Job;
}

/** Repairs a disk storage's repository or the online copy, as a Repair job. */
export async function repairStorage(ctx: ServerContext, request: RepairRequest): Promise<RepairResult> {
  // Neither chosen means both; one chosen means that one alone.
  const both = request.index !== true && request.leftovers !== true;
  const doIndex = both || request.index === true;
  const doLeftovers = both || request.leftovers === true;
  if (request.index === false && request.leftovers === false) throw nothingToRepairError();
  const target = await repositoryToRepair(ctx, request);
  const done = await runJob(ctx, { type: 'Repair', location: target.location, datasourceId: null, datasourceName: null, recoveryPointId: null }, request.signal, async () => {
    const meter = new ProgressMeter('Repair', target.storage, request.onProgress);
    const options = { signal: request.signal, onProgress: meter.update };
    // The index first: reclaim refuses while an index object is unreadable, and a rebuilt index is what tells leftovers from data.
    const index = doIndex ? await target.repository.repairIndex(options) : null;
    const leftovers = doLeftovers ? await target.repository.reclaim(options) : null;
    meter.complete();
    const damaged = index?.damagedPacks ?? [];
    return {
      result: { index, leftovers },
      end: {
        status: damaged.length === 0 ? ('Succeeded' as const) : ('Failed' as const),
        bytes: (leftovers?.temporaryBytes ?? 0) + (leftovers?.orphanBytes ?? 0),
        files: index?.packsRead ?? 0,
        ...(damaged.length === 0 ? {} : { errorId: 'StorageDamaged', errorMessage: damaged.join('; ') }),
      },
    };
  });
  return { location: target.location, storage: target.storage, ...done.result, job: done.job };
}

async function repositoryToRepair(ctx: ServerContext, request: RepairRequest): Promise<{ repository: Repository; location: RecoveryPointLocation; storage: string }> {
  if (request.online === true) {
    await assertCloudAllows(ctx, 'backupToVault');
    const vaultName = registeredVaultName(ctx.db);
    const repository = vaultName === null ? undefined : await ctx.repositories.vault(vaultBackend(ctx.vault, ctx.serverId, vaultName), readSettings(ctx.db).throttling, true);
    if (!repository) throw onlineCopyNotFoundError();
    return { repository, location: 'Online', storage: 'Online' };
  }
  const rows = diskRows(ctx.db);
  const wanted = request.disk;
  const row = wanted === undefined ? (rows.length === 1 ? rows[0] : undefined) : (diskRow(ctx.db, wanted) ?? rows.find((disk) => disk.path === wanted));
  if (!row) throw diskNotFoundError(wanted ?? '(none given, and this server has not exactly one)');
  return { repository: await ctx.repositories.disk(row.id, row.path), location: 'Disk', storage: row.path };
}
