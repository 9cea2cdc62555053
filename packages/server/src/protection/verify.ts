/** Test-DPMRecoveryPoint: re-reads and authenticates every byte of a recovery point, as a Verify job. */
import type { ServerContext } from '../context/server-context.js';
import type { OperationOutput } from '../plugins/plugin-context.js';
import { findRecoveryPoint } from './recovery-points.js';
import { runJob } from './job-runner.js';
import { ProgressMeter, type ProgressListener } from './progress.js';
import { repositoryOf } from './recovery-source.js';
import { assertCloudAllows } from './state-table.js';
import type { VerifyResult } from '../model/types.js';

/** Verifies a recovery point; a damaged one ends as a failed job with the problems found. */
export async function verifyRecoveryPoint(ctx: ServerContext, recoveryPointId: string, request: OperationOutput & { readonly onProgress?: ProgressListener }): Promise<VerifyResult> {
  const rp = findRecoveryPoint(ctx, recoveryPointId);
  // Reading the vault's copy is what a restore from the vault does, so the same row of the table applies.
  if (rp.location === 'Online') await assertCloudAllows(ctx, 'restoreFromVault');
  const repository = await repositoryOf(ctx, rp);
  const done = await runJob(ctx, { type: 'Verify', location: rp.location, datasourceId: rp.datasourceId, datasourceName: rp.datasourceName, recoveryPointId: rp.id }, request.signal, async () => {
    const meter = new ProgressMeter('Verify', rp.datasourceName, request.onProgress, rp.sizeBytes);
    const report = await repository.verify({ snapshotIds: [rp.snapshotId], signal: request.signal, onProgress: meter.update });
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
