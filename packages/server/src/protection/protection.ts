/** The protection use cases of a server, over one context: disk storage, data sources, groups, backups, restores, jobs. */
import { recoveryPointById, recoveryPoints } from '../catalog/recovery-points.js';
import { jobs } from '../catalog/jobs.js';
import { recoveryPointNotFoundError } from '../errors.js';
import type { WorkloadPlugin } from '@dpmsh/sdk';
import type { OperationOutput } from '../plugins/plugin-context.js';
import type { PluginLoadFailure } from '../plugins/plugin-host.js';
import { addDisk, listDisks } from '../storage/disk-storage.js';
import { Backups, type BackupRequest, type BackupResult } from './backup.js';
import type { ProtectionContext } from './context.js';
import { DatasourceDirectory } from './datasources.js';
import { ProtectionGroups } from './groups.js';
import type { ProgressListener } from './progress.js';
import { recoverableItems } from './recoverable-items.js';
import { restoreRecoveryPoint, type RestoreOutcome, type RestoreRequest } from './restore.js';
import { runDueBackups, type ScheduledRun } from './scheduler.js';
import type { DiskStorage, Job, JobFilter, RecoverableItem, RecoveryPoint, RecoveryPointLocation, VerifyResult } from './types.js';
import { verifyRecoveryPoint } from './verify.js';

/** The protection use cases. */
export class Protection {
  readonly datasources: DatasourceDirectory;
  readonly groups: ProtectionGroups;
  readonly #backups: Backups;
  readonly #ctx: ProtectionContext;

  constructor(ctx: ProtectionContext) {
    this.#ctx = ctx;
    this.datasources = new DatasourceDirectory(ctx);
    this.groups = new ProtectionGroups(ctx);
    this.#backups = new Backups(ctx, this.datasources);
  }

  /** The workload plugins that loaded. */
  pluginsLoaded(): Promise<WorkloadPlugin[]> {
    return this.#ctx.plugins.plugins();
  }

  /** The workload plugins that did not load, and why. */
  pluginFailures(): Promise<readonly PluginLoadFailure[]> {
    return this.#ctx.plugins.failures();
  }

  /** Adds disk storage (Add-DPMDisk). */
  addDisk(path: string): Promise<DiskStorage> {
    return addDisk(this.#ctx, path);
  }

  /** The disk storage (Get-DPMDisk). */
  disks(): Promise<DiskStorage[]> {
    return listDisks(this.#ctx.db);
  }

  /** Backs up a protected data source now (New-DPMRecoveryPoint). */
  backupNow(datasourceId: string, request: BackupRequest): Promise<BackupResult> {
    return this.#backups.backupNow(datasourceId, request);
  }

  /** Recovery points, oldest first (Get-DPMRecoveryPoint). */
  recoveryPoints(filter: { datasourceId?: string; location?: RecoveryPointLocation } = {}): RecoveryPoint[] {
    return recoveryPoints(this.#ctx.db, filter);
  }

  /** One recovery point. */
  recoveryPoint(id: string): RecoveryPoint {
    const rp = recoveryPointById(this.#ctx.db, id);
    if (!rp) throw recoveryPointNotFoundError(id);
    return rp;
  }

  /** The entries under a folder of a recovery point (Get-DPMRecoverableItem). */
  recoverableItems(recoveryPointId: string, folder?: string): Promise<RecoverableItem[]> {
    return recoverableItems(this.#ctx, recoveryPointId, folder);
  }

  /** Restores a recovery point (Restore-DPMRecoverableItem). */
  restore(recoveryPointId: string, request: RestoreRequest): Promise<RestoreOutcome> {
    return restoreRecoveryPoint(this.#ctx, recoveryPointId, request);
  }

  /** Verifies a recovery point (Test-DPMRecoveryPoint). */
  verify(recoveryPointId: string, request: OperationOutput & { onProgress?: ProgressListener } = {}): Promise<VerifyResult> {
    return verifyRecoveryPoint(this.#ctx, recoveryPointId, request);
  }

  /** Jobs, oldest first (Get-DPMJob). */
  jobs(filter: JobFilter = {}): Job[] {
    return jobs(this.#ctx.db, filter);
  }

  /** Runs the backups due at `now` (the scheduler). */
  runDueBackups(now: Date, signal?: AbortSignal): Promise<ScheduledRun[]> {
    return runDueBackups(this.#ctx, this.#backups, now, signal);
  }
}
