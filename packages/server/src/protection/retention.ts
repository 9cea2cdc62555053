/**
 * Retention after each backup: recovery points of the data source older than the group's
 * retention range at that location are forgotten and their data pruned, the newest always kept.
 * A snapshot two points share (an online point copied twice) goes only with the last of them.
 */
import { expiredRecoveryPoints } from '@dpmsh/core';
import type { Repository } from '@dpmsh/engine';
import { deleteRecoveryPoints, recoveryPoints } from '../catalog/recovery-points.js';
import type { ServerContext } from '../context/server-context.js';
import type { RecoveryPointLocation } from '../model/types.js';

/** Lets go of a data source's expired recovery points at one location; returns their ids. */
export async function applyRetention(ctx: ServerContext, repository: Repository, datasourceId: string, location: RecoveryPointLocation, retentionDays: number): Promise<string[]> {
  const points = recoveryPoints(ctx.db, { datasourceId, location });
  const expired = new Set(expiredRecoveryPoints(points, retentionDays, ctx.clock()));
  if (expired.size === 0) return [];
  const kept = new Set(recoveryPoints(ctx.db, { location }).filter((p) => !expired.has(p.id)).map((p) => p.snapshotId));
  const snapshots = [...new Set(points.filter((p) => expired.has(p.id)).map((p) => p.snapshotId))].filter((s) => !kept.has(s));
  if (snapshots.length > 0) {
    await repository.forget(snapshots);
    await repository.prune();
  }
  // The vault's own catalog of the server's points follows, so Get-DPMRecoveryPoint -Online and
  // the vault agree on what is held there.
  if (location === 'Online') for (const id of expired) await ctx.vault.deleteRecoveryPoint(ctx.serverId, id);
  ctx.db.transaction(() => deleteRecoveryPoints(ctx.db, [...expired]))();
  return [...expired];
}
