/** Get-DPMRecoveryPoint: the recovery points the catalog holds. */
import { recoveryPointById, recoveryPoints } from '../catalog/recovery-points.js';
import type { ServerContext } from '../context/server-context.js';
import { recoveryPointNotFoundError } from '../model/errors.js';
import type { RecoveryPoint, RecoveryPointLocation } from '../model/types.js';

/** Which recovery points to list. */
export interface RecoveryPointFilter {
  readonly datasourceId?: string;
  readonly location?: RecoveryPointLocation;
}

/** Recovery points, oldest first. */
export function listRecoveryPoints(ctx: ServerContext, filter: RecoveryPointFilter = {}): RecoveryPoint[] {
  return recoveryPoints(ctx.db, filter);
}

/** One recovery point; RecoveryPointNotFound when the catalog has none of that id. */
export function findRecoveryPoint(ctx: ServerContext, id: string): RecoveryPoint {
  const rp = recoveryPointById(ctx.db, id);
  if (!rp) throw recoveryPointNotFoundError(id);
  return rp;
}
