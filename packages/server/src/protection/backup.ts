/**
 * Backups (New-DPMRecoveryPoint, the scheduler). To disk: the plugin yields the data source's
 * entries between its consistency hooks and the engine stores them in the disk's repository; the
 * recovery point and the job's end are written in one transaction once the snapshot is committed.
 * Online: the newest disk snapshot is replicated into the vault's repository through the throttle
 * (a new disk point is made first when there is none, or when the newest is already in the
 * vault), then recorded in the vault, which locks its storage redundancy.
 */
import { randomUUID } from 'node:crypto';
import { assertDatasourceSize, assertDiskStorageAvailable, assertReadyForOnlineBackup } from '@dpmsh/core';
import { stepReached, type Repository } from '@dpmsh/engine';
import { diskRow, diskRows } from '../catalog/disks.js';
import { groupById, memberOf, setMemberDisk, type StoredMember } from '../catalog/groups.js';
import { insertRecoveryPoint, newestRecoveryPoint, recoveryPoints } from '../catalog/recovery-points.js';
import { registeredVaultName } from '../catalog/registration.js';
import { readSettings } from '../catalog/settings.js';
import type { ServerContext } from '../context/server-context.js';
import { datasourceNotProtectedError, onlineProtectionNotEnabledError } from '../model/errors.js';
import { fromPlugin } from '../plugins/plugin-errors.js';
import { pluginContext, type OperationOutput } from '../plugins/plugin-context.js';
import { roomiestDisk } from '../storage/disk-storage.js';
import { vaultBackend } from '../storage/vault-backend.js';
import { withConsistency } from './consistency.js';
import { currentSource } from './datasources.js';
import { runJob } from './job-runner.js';
import { previousBackup } from './previous-backup.js';
import { ProgressMeter, type ProgressListener } from './progress.js';
import { applyRetention } from './retention.js';
import { assertCloudAllows } from './state-table.js';
import type { BackupType, Job, ProtectionGroup, RecoveryPoint, RecoveryPointLocation } from '../model/types.js';

/** What New-DPMRecoveryPoint asks for. */
export interface BackupRequest extends OperationOutput {
  readonly location: RecoveryPointLocation;
  /** For disk backups; an incremental with no earlier point is made as an express full. */
  readonly backupType?: BackupType;
  readonly onProgress?: ProgressListener;
}

/** What a backup made. */
export interface BackupResult {
  readonly recoveryPoint: RecoveryPoint;
  readonly job: Job;
  /** For an online backup that had to make a disk point first: that backup. */
  readonly diskBackup?: { readonly recoveryPoint: RecoveryPoint; readonly job: Job };
}

/** Backs up a protected data source now, to disk or to the vault. */
export async function backupNow(ctx: ServerContext, datasourceId: string, request: BackupRequest): Promise<BackupResult> {
  const member = memberOf(ctx.db, datasourceId);
  const group = member ? groupById(ctx.db, member.groupId) : undefined;
  if (!member || !group) throw datasourceNotProtectedError(datasourceId);
  if (request.location === 'Disk') return toDisk(ctx, member, group, request.backupType ?? 'Incremental', request);
  return online(ctx, member, group, request);
}

async function toDisk(ctx: ServerContext, member: StoredMember, group: ProtectionGroup, requested: BackupType, request: BackupRequest): Promise<BackupResult> {
  assertDiskStorageAvailable(diskRows(ctx.db).length);
  await assertCloudAllows(ctx, 'backupToDisk');
  const plugin = await ctx.plugins.plugin(member.plugin);
  const disk = (member.diskId === null ? undefined : diskRow(ctx.db, member.diskId)) ?? (await roomiestDisk(ctx.db));
  assertDiskStorageAvailable(disk === undefined ? 0 : 1);
  const { id: diskId, path: diskPath } = disk as { id: string; path: string };
  const repository = await ctx.repositories.disk(diskId, diskPath);
  const parent = recoveryPoints(ctx.db, { datasourceId: member.datasourceId, location: 'Disk' }).filter((p) => p.diskId === diskId).at(-1);
  const backupType: BackupType = requested === 'Incremental' && parent ? 'Incremental' : 'ExpressFull';
  if (requested === 'Incremental' && !parent) request.verbose?.(`'${member.source.name}' has no recovery point on disk yet, so this backup is an express full.`);
  const context = pluginContext(request);
  const done = await runJob(ctx, { type: 'Backup', location: 'Disk', datasourceId: member.datasourceId, datasourceName: member.source.name, recoveryPointId: null }, request.signal, async () => {
    const source = await currentSource(plugin, member.source.id, request);
    assertDatasourceSize(source.sizeEstimateBytes, source.name);
    const previous = backupType === 'Incremental' && parent ? await previousBackup(repository, parent) : null;
    const meter = new ProgressMeter('Backup', source.name, request.onProgress, source.sizeEstimateBytes);
    const summary = await withConsistency(plugin, source, context, async () => {
      try {
        return await repository.backup(plugin.backup(source, { kind: backupType === 'Incremental' ? 'incremental' : 'full', previous }, context), {
          parent: previous && parent ? parent.snapshotId : null,
          tags: { datasource: member.datasourceId, plugin: plugin.name, backupType },
          signal: context.signal,
          onProgress: meter.update,
          now: ctx.clock(),
          bytesTotal: source.sizeEstimateBytes,
        });
      } catch (error) {
        throw fromPlugin(plugin.name, error);
      }
    });
    meter.complete();
    stepReached('backup:snapshot-stored');
    for (const warning of summary.warnings ?? []) request.warn?.(`${warning}. Run Repair-DPMStorage -Index on this disk storage.`);
    const recoveryPoint: RecoveryPoint = {
      id: randomUUID(),
      datasourceId: member.datasourceId,
      datasourceName: source.name,
      plugin: plugin.name,
      source,
      location: 'Disk',
      diskId,
      snapshotId: summary.id,
      createdAt: summary.createdAt,
      backupType,
      sizeBytes: summary.totalBytes,
      files: summary.files,
    };
    return {
      result: recoveryPoint,
      end: { bytes: summary.totalBytes, files: summary.files, recoveryPointId: recoveryPoint.id },
      commit: () => {
        insertRecoveryPoint(ctx.db, recoveryPoint);
        if (member.diskId === null) setMemberDisk(ctx.db, member.datasourceId, diskId);
      },
    };
  });
  stepReached('backup:recovery-point-recorded');
  await retain(ctx, repository, member.datasourceId, 'Disk', group.retentionDays, request);
  return { recoveryPoint: done.result, job: done.job };
}

async function online(ctx: ServerContext, member: StoredMember, group: ProtectionGroup, request: BackupRequest): Promise<BackupResult> {
  if (!member.online || group.longTerm !== 'Online') throw onlineProtectionNotEnabledError(member.source.name);
  await assertCloudAllows(ctx, 'backupToVault');
  const vaultName = registeredVaultName(ctx.db) as string;
  assertReadyForOnlineBackup({ registered: true, passphraseSet: readSettings(ctx.db).passphraseSet });
  let diskPoint = newestRecoveryPoint(ctx.db, member.datasourceId, 'Disk');
  let diskBackup: BackupResult | undefined;
  const copied = diskPoint && recoveryPoints(ctx.db, { datasourceId: member.datasourceId, location: 'Online' }).some((p) => p.snapshotId === diskPoint?.snapshotId);
  if (!diskPoint || copied) {
    // The online copy represents the data as it is now: synchronize to disk first.
    diskBackup = await toDisk(ctx, member, group, diskPoint ? 'Incremental' : 'ExpressFull', request);
    diskPoint = diskBackup.recoveryPoint;
  }
  const point = diskPoint;
  const disk = diskRow(ctx.db, point.diskId as string);
  assertDiskStorageAvailable(disk === undefined ? 0 : 1);
  const diskRepository = await ctx.repositories.disk(point.diskId as string, (disk as { path: string }).path);
  const vaultRepository = (await ctx.repositories.vault(vaultBackend(ctx.vault, ctx.serverId, vaultName), readSettings(ctx.db).throttling)) as Repository;
  const done = await runJob(ctx, { type: 'Backup', location: 'Online', datasourceId: member.datasourceId, datasourceName: point.datasourceName, recoveryPointId: null }, request.signal, async () => {
    const meter = new ProgressMeter('OnlineBackup', point.datasourceName, request.onProgress, point.sizeBytes);
    const report = await diskRepository.replicate(point.snapshotId, vaultRepository, { signal: request.signal, onProgress: meter.update });
    meter.complete();
    stepReached('online-backup:replicated');
    for (const warning of report.warnings ?? []) request.warn?.(`${warning}. Run Repair-DPMStorage -Online -Index.`);
    const recoveryPoint: RecoveryPoint = { ...point, id: randomUUID(), location: 'Online', diskId: null };
    await ctx.vault.recordRecoveryPoint(ctx.serverId, {
      recoveryPointId: recoveryPoint.id,
      datasourceId: recoveryPoint.datasourceId,
      datasourceName: recoveryPoint.datasourceName,
      createdAt: recoveryPoint.createdAt.toISOString(),
      sizeBytes: recoveryPoint.sizeBytes,
    });
    // Recording the point locks the vault's storage redundancy; saying so again is harmless.
    await ctx.vault.markBackupStored(vaultName);
    stepReached('online-backup:vault-recorded');
    return {
      result: recoveryPoint,
      end: { bytes: report.bytesSent, files: recoveryPoint.files, recoveryPointId: recoveryPoint.id },
      commit: () => insertRecoveryPoint(ctx.db, recoveryPoint),
    };
  });
  stepReached('online-backup:recovery-point-recorded');
  await retain(ctx, vaultRepository, member.datasourceId, 'Online', group.onlineRetentionDays, request);
  return { recoveryPoint: done.result, job: done.job, ...(diskBackup ? { diskBackup: { recoveryPoint: diskBackup.recoveryPoint, job: diskBackup.job } } : {}) };
}

/** Retention runs after the backup has succeeded; if it fails, the backup still stands. */
async function retain(ctx: ServerContext, repository: Repository, datasourceId: string, location: RecoveryPointLocation, days: number, output: OperationOutput): Promise<void> {
  try {
    const removed = await applyRetention(ctx, repository, datasourceId, location, days);
    if (removed.length > 0) output.verbose?.(`Retention removed ${removed.length} recovery point${removed.length === 1 ? '' : 's'} older than ${days} days (${location}).`);
  } catch (error) {
    output.warn?.(`The backup succeeded, but expired recovery points (${location}) could not be removed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
