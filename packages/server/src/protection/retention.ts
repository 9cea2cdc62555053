/**
 * Retention after each backup: recovery points of the data source older than the group's
 * retention range at that location are forgotten and their data pruned, the newest always kept.
 * A snapshot two points share (an online point copied twice) goes only with the last of them.
 *
 * The order makes a crash at any moment harmless: the catalog rows go first (with the vault's
 * own entries for online points), then the snapshots, then the data they alone used. A crash
 * after the catalog step leaves snapshots that no recovery point names; the next run finds them
 * by their data-source tag and forgets them, so nothing is ever listed that is not stored, and
 * nothing stays stored that retention already let go of.
 */
import { expiredRecoveryPoints } from '@dpmsh/core';
import { stepReached, type Repository, type SnapshotSummary } from '@dpmsh/engine';
import { jobs } from '../catalog/jobs.js';
import { deleteRecoveryPoints, recoveryPoints } from '../catalog/recovery-points.js';
import type { ServerContext } from '../context/server-context.js';
import type { RecoveryPointLocation } from '../model/types.js';

/** Lets go of a data source's expired recovery points at one location; returns their ids. */
export async function applyRetention(ctx: ServerContext, repository: Repository, datasourceId: string, location: RecoveryPointLocation, retentionDays: number): Promise<string[]> {
  const points = recoveryPoints(ctx.db, { datasourceId, location });
  const expired = expiredRecoveryPoints(points, retentionDays, ctx.clock());
  if (expired.length > 0) {
    // The vault's catalog of the server's points follows, so Get-DPMRecoveryPoint -Online and
    // the vault agree on what is held there. Its deletes are idempotent, so a crash between
    // them and the catalog's transaction is repaired by the next run.
    if (location === 'Online') for (const id of expired) await ctx.vault.deleteRecoveryPoint(ctx.serverId, id);
    ctx.db.transaction(() => deleteRecoveryPoints(ctx.db, expired))();
    stepReached('retention:catalog-updated');
  }
  if (location === 'Online') await forgetVaultEntriesWithoutPoint(ctx, datasourceId);

  const unnamed = await snapshotsWithoutPoint(ctx, repository, datasourceId, location);
  if (unnamed.length > 0) {
    await repository.forget(unnamed);
    stepReached('retention:snapshots-forgotten');
    await repository.prune();
    stepReached('retention:pruned');
  }
  return expired;
}

/**
 * The data source's snapshots in the repository that no recovery point at the location names:
 * those of the points just let go, and those a crash left behind (after retention's catalog
 * step, or after a backup stored its snapshot but before its recovery point was written).
 * Only snapshots the repository lists now are returned, so forget never meets one already gone.
 */
async function snapshotsWithoutPoint(ctx: ServerContext, repository: Repository, datasourceId: string, location: RecoveryPointLocation): Promise<string[]> {
  // A backup of the data source still running in another process has stored its snapshot before
  // it writes the recovery point: its snapshot would look left behind. Leave the sweep to later.
  if (jobs(ctx.db, { status: 'InProgress', type: 'Backup', datasourceId }).length > 0) return [];
  const named = new Set(recoveryPoints(ctx.db, { location }).map((p) => p.snapshotId));
  const stored: SnapshotSummary[] = await repository.snapshots();
  return stored.filter((s) => s.tags.datasource === datasourceId && !named.has(s.id)).map((s) => s.id);
}

/** Removes the vault's entries for the data source that name no online recovery point here (a crash's leftovers). */
async function forgetVaultEntriesWithoutPoint(ctx: ServerContext, datasourceId: string): Promise<void> {
  if (jobs(ctx.db, { status: 'InProgress', type: 'Backup', datasourceId }).length > 0) return;
  const named = new Set(recoveryPoints(ctx.db, { datasourceId, location: 'Online' }).map((p) => p.id));
  for (const entry of await ctx.vault.listRecoveryPoints(ctx.serverId)) {
    if (entry.datasourceId === datasourceId && !named.has(entry.recoveryPointId)) await ctx.vault.deleteRecoveryPoint(ctx.serverId, entry.recoveryPointId);
  }
}
