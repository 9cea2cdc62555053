/**
 * The online recovery points the vault no longer holds. A deprovisioned subscription deletes the
 * vault's data for good (the seed: "the backup data in Azure is irretrievably lost"), so the
 * catalog stops listing those points as soon as the vault says so, rather than offering
 * restores that can only fail.
 */
import type { SubscriptionRecord } from '@dpmsh/vault';
import { deleteRecoveryPoints, recoveryPoints } from '../catalog/recovery-points.js';
import type { ServerContext } from '../context/server-context.js';

/** Drops the catalog's online points whose vault data was deleted; returns how many. */
export async function dropDeletedOnlinePoints(ctx: ServerContext, subscription: SubscriptionRecord): Promise<number> {
  // Only a subscription that was ever deprovisioned has lost vault data; the others cost nothing here.
  if (subscription.state !== 'Deprovisioned' && subscription.vaultDataDeletedAt === null) return 0;
  const online = recoveryPoints(ctx.db, { location: 'Online' });
  if (online.length === 0) return 0;
  // Active again: points copied since are held; the vault lists exactly those.
  const held = subscription.state === 'Deprovisioned' ? new Set<string>() : new Set((await ctx.vault.listRecoveryPoints(ctx.serverId)).map((p) => p.recoveryPointId));
  const gone = online.filter((p) => !held.has(p.id)).map((p) => p.id);
  if (gone.length > 0) ctx.db.transaction(() => deleteRecoveryPoints(ctx.db, gone))();
  return gone.length;
}
