/** Job rows: one per backup, restore or verify, written when it starts and when it ends. */
import { processAlive } from '@dpmsh/engine';
import type { Job, JobFilter, JobStatus, JobType, RecoveryPointLocation } from '../model/types.js';
import type { CatalogDatabase } from './database.js';

interface Row {
  id: string;
  type: JobType;
  location: RecoveryPointLocation;
  datasource_id: string | null;
  datasource_name: string | null;
  recovery_point_id: string | null;
  status: JobStatus;
  started_at: string;
  ended_at: string | null;
  bytes: number;
  files: number;
  error_id: string | null;
  error_message: string | null;
}

const fromRow = (r: Row): Job => ({
  id: r.id,
  type: r.type,
  location: r.location,
  datasourceId: r.datasource_id,
  datasourceName: r.datasource_name,
  recoveryPointId: r.recovery_point_id,
  status: r.status,
  startedAt: new Date(r.started_at),
  endedAt: r.ended_at === null ? null : new Date(r.ended_at),
  bytes: r.bytes,
  files: r.files,
  errorId: r.error_id,
  errorMessage: r.error_message,
});

/** What a job is about when it starts. */
export interface JobStart {
  readonly id: string;
  readonly type: JobType;
  readonly location: RecoveryPointLocation;
  readonly datasourceId: string | null;
  readonly datasourceName: string | null;
  readonly recoveryPointId: string | null;
  readonly startedAt: Date;
}

/** How a job ended. */
export interface JobEnd {
  readonly status: Exclude<JobStatus, 'InProgress'>;
  readonly endedAt: Date;
  readonly bytes?: number;
  readonly files?: number;
  readonly recoveryPointId?: string | null;
  readonly errorId?: string | null;
  readonly errorMessage?: string | null;
}

/** Records a job as in progress. */
export function startJob(db: CatalogDatabase, job: JobStart): void {
  db.prepare(
    `INSERT INTO job (id, type, location, datasource_id, datasource_name, recovery_point_id, status, started_at, pid)
     VALUES (?, ?, ?, ?, ?, ?, 'InProgress', ?, ?)`,
  ).run(job.id, job.type, job.location, job.datasourceId, job.datasourceName, job.recoveryPointId, job.startedAt.toISOString(), process.pid);
}

/** Records how a job ended. */
export function finishJob(db: CatalogDatabase, id: string, end: JobEnd): void {
  db.prepare(
    `UPDATE job SET status = @status, ended_at = @endedAt, bytes = @bytes, files = @files,
       recovery_point_id = COALESCE(@recoveryPointId, recovery_point_id), error_id = @errorId, error_message = @errorMessage
     WHERE id = @id`,
  ).run({
    id,
    status: end.status,
    endedAt: end.endedAt.toISOString(),
    bytes: end.bytes ?? 0,
    files: end.files ?? 0,
    recoveryPointId: end.recoveryPointId ?? null,
    errorId: end.errorId ?? null,
    errorMessage: end.errorMessage ?? null,
  });
}

/** One job, or undefined. */
export function jobById(db: CatalogDatabase, id: string): Job | undefined {
  const row = db.prepare('SELECT * FROM job WHERE id = ?').get(id) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

/** Jobs matching a filter, oldest first. */
export function jobs(db: CatalogDatabase, filter: JobFilter = {}): Job[] {
  const rows = db
    .prepare(
      `SELECT * FROM job
       WHERE (@status IS NULL OR status = @status) AND (@type IS NULL OR type = @type)
         AND (@datasourceId IS NULL OR datasource_id = @datasourceId)
         AND (@from IS NULL OR started_at >= @from) AND (@to IS NULL OR started_at <= @to)
       ORDER BY started_at, rowid`,
    )
    .all({
      status: filter.status ?? null,
      type: filter.type ?? null,
      datasourceId: filter.datasourceId ?? null,
      from: filter.from?.toISOString() ?? null,
      to: filter.to?.toISOString() ?? null,
    }) as Row[];
  return rows.map(fromRow);
}

/** Jobs left in progress by a process that has ended: they were interrupted, so they failed. */
export function failInterruptedJobs(db: CatalogDatabase, at: Date): void {
  const running = db.prepare("SELECT id, pid FROM job WHERE status = 'InProgress'").all() as { id: string; pid: number | null }[];
  const fail = db.prepare(
    `UPDATE job SET status = 'Failed', ended_at = ?, error_id = 'JobInterrupted',
       error_message = 'The job was interrupted: the dpmsh process running it ended before it finished.'
     WHERE id = ?`,
  );
  for (const job of running) if (job.pid === null || !processAlive(job.pid)) fail.run(at.toISOString(), job.id);
}
