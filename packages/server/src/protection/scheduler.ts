/**
 * The scheduler: each member of each saved group is synchronized to disk when its group's
 * frequency has passed since its newest disk recovery point, and copied to the vault once a day
 * when it is protected online. A failed backup is retried after the core's retry delay; a backup
 * the state table stops does not run (an expired subscription's scheduled backups do not run).
 */
import { isBackupDue } from '@dpmsh/core';
import { groups } from '../catalog/groups.js';
import { jobs } from '../catalog/jobs.js';
import { newestRecoveryPoint } from '../catalog/recovery-points.js';
import type { ServerContext } from '../context/server-context.js';
import { backupNow } from './backup.js';
import type { RecoveryPoint, RecoveryPointLocation } from '../model/types.js';

/** Online copies are made once a day. */
export const ONLINE_FREQUENCY_MINUTES = 1440;

/** What the scheduler did for one due data source. */
export interface ScheduledRun {
  readonly protectionGroup: string;
  readonly datasourceId: string;
  readonly datasourceName: string;
  readonly location: RecoveryPointLocation;
  readonly status: 'Succeeded' | 'Failed';
  readonly recoveryPoint: RecoveryPoint | null;
  readonly errorId: string | null;
  readonly errorMessage: string | null;
}

/** Runs every backup due at `now`, one after another; one failure does not stop the others. */
export async function runDueBackups(ctx: ServerContext, now: Date, signal?: AbortSignal): Promise<ScheduledRun[]> {
  const runs: ScheduledRun[] = [];
  for (const group of groups(ctx.db)) {
    for (const member of group.members) {
      const locations: [RecoveryPointLocation, number][] = [['Disk', group.syncFrequencyMinutes]];
      if (member.online && group.longTerm === 'Online') locations.push(['Online', ONLINE_FREQUENCY_MINUTES]);
      for (const [location, frequencyMinutes] of locations) {
        signal?.throwIfAborted();
        const last = newestRecoveryPoint(ctx.db, member.datasourceId, location);
        const failure = jobs(ctx.db, { datasourceId: member.datasourceId, type: 'Backup', status: 'Failed' })
          .filter((j) => j.location === location && (last === undefined || j.startedAt > last.createdAt))
          .at(-1);
        if (!isBackupDue({ frequencyMinutes, lastBackupAt: last?.createdAt ?? null, lastFailureAt: failure?.startedAt ?? null }, now)) continue;
        const base = { protectionGroup: group.name, datasourceId: member.datasourceId, datasourceName: member.source.name, location };
        try {
          const result = await backupNow(ctx, member.datasourceId, { location, backupType: last ? 'Incremental' : 'ExpressFull', signal });
          runs.push({ ...base, status: 'Succeeded', recoveryPoint: result.recoveryPoint, errorId: null, errorMessage: null });
        } catch (error) {
          if (signal?.aborted) throw error;
          const id = (error as { id?: unknown }).id;
          runs.push({ ...base, status: 'Failed', recoveryPoint: null, errorId: typeof id === 'string' ? id : 'UnexpectedError', errorMessage: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  }
  return runs;
}
