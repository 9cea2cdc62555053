/**
 * When a protected data source is next synchronized. A data source is due once its synchronization
 * frequency has passed since its last recovery point; one never backed up is due at once. A
 * backup that failed is retried after the retry delay rather than at once, so a broken source
 * does not occupy the scheduler.
 */

/** Minutes before a failed scheduled backup is tried again. */
export const RETRY_AFTER_FAILURE_MINUTES = 15;

/** What the scheduler knows of one protected data source. */
export interface ScheduledSource {
  readonly frequencyMinutes: number;
  /** When its newest recovery point was made; null when it has none. */
  readonly lastBackupAt: Date | null;
  /** When its newest scheduled backup failed, if that was after its last recovery point. */
  readonly lastFailureAt?: Date | null;
}

/** The instant a data source is next due. */
export function nextBackupDue(source: ScheduledSource): Date {
  const afterSuccess = source.lastBackupAt === null ? 0 : source.lastBackupAt.getTime() + source.frequencyMinutes * 60_000;
  const failure = source.lastFailureAt ?? null;
  const afterFailure = failure === null ? 0 : failure.getTime() + RETRY_AFTER_FAILURE_MINUTES * 60_000;
  return new Date(Math.max(afterSuccess, afterFailure));
}

/** True when the data source is due at `now`. */
export function isBackupDue(source: ScheduledSource, now: Date): boolean {
  return nextBackupDue(source).getTime() <= now.getTime();
}
