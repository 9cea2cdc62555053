/**
 * Restores (Restore-DPMRecoverableItem): the state table decides whether the location may be read
 * now; the recovery point is read from disk, or from the vault through the recovery folder; the
 * plugin writes the chosen items to the original place or under another folder.
 */
import { resolve } from 'node:path';
import type { ContentSource } from '@dpmsh/engine';
import type { RecoveredEntry, RecoveryPointReader, RestoreResult } from '@dpmsh/sdk';
import type { ServerContext } from '../context/server-context.js';
import { invalidRecoveryOptionError } from '../model/errors.js';
import { fromPlugin } from '../plugins/plugin-errors.js';
import { pluginContext, type OperationOutput } from '../plugins/plugin-context.js';
import { findRecoveryPoint } from './recovery-points.js';
import { runJob } from './job-runner.js';
import { ProgressMeter, type ProgressListener } from './progress.js';
import { recoverySource } from './recovery-source.js';
import { assertCloudAllows } from './state-table.js';
import type { Job, RecoveryOptions, RecoveryPoint } from '../model/types.js';

/** What Restore-DPMRecoverableItem asks for. */
export interface RestoreRequest extends OperationOutput {
  readonly options: RecoveryOptions;
  readonly onProgress?: ProgressListener;
}

/** What a restore did. */
export interface RestoreOutcome {
  readonly recoveryPoint: RecoveryPoint;
  readonly result: RestoreResult;
  readonly job: Job;
}

/** Restores a recovery point, whole or chosen items. */
export async function restoreRecoveryPoint(ctx: ServerContext, recoveryPointId: string, request: RestoreRequest): Promise<RestoreOutcome> {
  const rp = findRecoveryPoint(ctx, recoveryPointId);
  await assertCloudAllows(ctx, rp.location === 'Disk' ? 'restoreFromDisk' : 'restoreFromVault');
  const { options } = request;
  if (options.target !== 'original' && options.target.alternatePath.trim() === '') {
    throw invalidRecoveryOptionError('The alternate location of the restore is empty.', 'Give the folder to restore under with New-DPMRecoveryOption -AlternateLocation.');
  }
  const target = options.target === 'original' ? ({ kind: 'original' } as const) : ({ kind: 'alternate', path: resolve(options.target.alternatePath) } as const);
  const plugin = await ctx.plugins.plugin(rp.plugin);
  const done = await runJob(ctx, { type: 'Restore', location: rp.location, datasourceId: rp.datasourceId, datasourceName: rp.datasourceName, recoveryPointId: rp.id }, request.signal, async () => {
    const meter = new ProgressMeter('Restore', rp.datasourceName, request.onProgress, rp.sizeBytes);
    const source = await recoverySource(ctx, rp, { signal: request.signal });
    try {
      const reader = countingReader(rp, (snapshotItems) => source.repository.entries(rp.snapshotId, snapshotItems), meter);
      let result: RestoreResult;
      try {
        result = await plugin.restore(reader, { target, overwrite: options.overwrite, ...(options.items ? { items: options.items } : {}) }, pluginContext(request));
      } catch (error) {
        throw fromPlugin(plugin.name, error);
      }
      meter.complete();
      return { result, end: { bytes: result.restoredBytes, files: result.restoredFiles } };
    } finally {
      await source.cleanup();
    }
  });
  return { recoveryPoint: rp, result: done.result, job: done.job };
}

/** A reader whose content reads are counted for progress. */
function countingReader(rp: RecoveryPoint, read: (items?: readonly string[]) => AsyncIterable<RecoveredEntry>, meter: ProgressMeter): RecoveryPointReader {
  let bytesDone = 0;
  let filesDone = 0;
  const counted = (content: ContentSource, path: string): ContentSource =>
    async function* () {
      for await (const chunk of content()) {
        bytesDone += chunk.length;
        meter.update({ bytesDone, filesDone, currentPath: path });
        yield chunk;
      }
    };
  return {
    recoveryPointId: rp.id,
    createdAt: rp.createdAt,
    source: rp.source,
    async *entries(items) {
      for await (const entry of read(items)) {
        if (entry.type === 'directory') {
          yield entry;
          continue;
        }
        if (entry.type === 'file') filesDone += 1;
        yield { ...entry, content: counted(entry.content, entry.path) };
      }
    },
  };
}
