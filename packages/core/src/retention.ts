/**
 * Which recovery points a retention range lets go: those made more than the range before now,
 * never the newest one, so a data source that stopped changing (or stopped being backed up)
 * always keeps something to restore.
 */
import { MS_PER_DAY } from './days.js';

/** A recovery point as retention sees it. */
export interface RetainedPoint {
  readonly id: string;
  readonly createdAt: Date;
}

/** The ids of the points older than `retentionDays` before `now`, keeping the newest point whatever its age. */
export function expiredRecoveryPoints(points: readonly RetainedPoint[], retentionDays: number, now: Date): string[] {
  if (points.length === 0) return [];
  const newest = points.reduce((a, b) => (b.createdAt.getTime() > a.createdAt.getTime() ? b : a));
  const cutoff = now.getTime() - retentionDays * MS_PER_DAY;
  return points.filter((p) => p !== newest && p.createdAt.getTime() < cutoff).map((p) => p.id);
}
