/**
 * A job's life in the catalog: a row in progress when it starts, and when it ends either its
 * result written together with its own changes in one transaction, or Failed (Cancelled when the
 * user stopped it) with the error's id and message.
 */
import { randomUUID } from 'node:crypto';
import { isDomainError } from '@dpmsh/core';
import { finishJob, jobById, startJob, type JobEnd, type JobStart } from '../catalog/jobs.js';
import type { ServerContext } from '../context/server-context.js';
import type { Job } from '../model/types.js';

/** What a job's work returns: its result, and what to write when it succeeded. */
export interface JobOutcome<T> {
  readonly result: T;
  readonly end: Omit<JobEnd, 'endedAt' | 'status'> & { readonly status?: 'Succeeded' | 'Failed' };
  /** Catalog changes written in the same transaction as the job's end. */
  readonly commit?: () => void;
}

/** Runs work as a job; the job row tells how it went, whatever happens. */
export async function runJob<T>(ctx: ServerContext, start: Omit<JobStart, 'id' | 'startedAt'>, signal: AbortSignal | undefined, work: (jobId: string) => Promise<JobOutcome<T>>): Promise<{ result: T; job: Job }> {
  const id = randomUUID();
  ctx.db.transaction(() => startJob(ctx.db, { ...start, id, startedAt: ctx.clock() }))();
  try {
    const outcome = await work(id);
    ctx.db.transaction(() => {
      outcome.commit?.();
      finishJob(ctx.db, id, { ...outcome.end, status: outcome.end.status ?? 'Succeeded', endedAt: ctx.clock() });
    })();
    return { result: outcome.result, job: jobById(ctx.db, id) as Job };
  } catch (error) {
    const cancelled = signal?.aborted === true;
    ctx.db.transaction(() =>
      finishJob(ctx.db, id, {
        status: cancelled ? 'Cancelled' : 'Failed',
        endedAt: ctx.clock(),
        errorId: cancelled ? 'OperationStopped' : isDomainError(error) ? error.id : 'UnexpectedError',
        errorMessage: error instanceof Error ? error.message : String(error),
      }),
    )();
    throw error;
  }
}
