/**
 * Test-DPMRecoveryPoint: re-reads and authenticates every byte of a recovery point, as a Verify
 * job, and the repository's key envelope and config with it (what a server rebuilt from the
 * passphrase alone needs). A repository too damaged to open is a failed check naming the damage.
 */
import { isDomainError } from '@dpmsh/core';
import type { VerifyReport } from '@dpmsh/engine';
import type { ServerContext } from '../context/server-context.js';
import type { OperationOutput } from '../plugins/plugin-context.js';
import { findRecoveryPoint } from './recovery-points.js';
import { runJob } from './job-runner.js';
import { ProgressMeter, type ProgressListener } from './progress.js';
import { storedRepository } from './recovery-source.js';
import { assertCloudAllows } from './state-table.js';
import type { VerifyResult } from '../model/types.js';

/** Verifies a recovery point; a damaged one ends as a failed job with the problems found. */
export async function verifyRecoveryPoint(ctx: ServerContext, recoveryPointId: string, request: OperationOutput & { readonly onProgress?: ProgressListener }): Promise<VerifyResult> {
  const rp = findRecoveryPoint(ctx, recoveryPointId);
  // Reading a point is what a restore from its location does, so the same row of the table
  // applies, and a refusal comes before any job is recorded, as a refused restore's does.
  await assertCloudAllows(ctx, rp.location === 'Disk' ? 'restoreFromDisk' : 'restoreFromVault');
  const done = await runJob(ctx, { type: 'Verify', location: rp.location, datasourceId: rp.datasourceId, datasourceName: rp.datasourceName, recoveryPointId: rp.id }, request.signal, async () => {
    const meter = new ProgressMeter('Verify', rp.datasourceName, request.onProgress, rp.sizeBytes);
    const opened = await storedRepository(ctx, rp).catch((error: unknown) => {
      if (isDomainError(error, 'RepositoryCorrupt')) return error;
      throw error;
    });
    const report: Pick<VerifyReport, 'ok' | 'bytesChecked' | 'problems'> =
      opened instanceof Error ? { ok: false, bytesChecked: 0, problems: [opened.message] } : await opened.verify({ snapshotIds: [rp.snapshotId], signal: request.signal, onProgress: meter.update });
    meter.complete();
    return {
      result: report,
      end: {
        status: report.ok ? ('Succeeded' as const) : ('Failed' as const),
        bytes: report.bytesChecked,
        ...(report.ok ? {} : { errorId: 'RecoveryPointDamaged', errorMessage: report.problems.join('; ') }),
      },
    };
  });
  return { recoveryPoint: rp, ok: done.result.ok, bytesChecked: done.result.bytesChecked, problems: done.result.problems, job: done.job };
}
