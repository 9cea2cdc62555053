/** Get-DPMJob: the jobs the catalog holds. */
import { jobs } from '../catalog/jobs.js';
import type { ServerContext } from '../context/server-context.js';
import type { Job, JobFilter } from '../model/types.js';

/** Jobs, oldest first. */
export function listJobs(ctx: ServerContext, filter: JobFilter = {}): Job[] {
  return jobs(ctx.db, filter);
}
