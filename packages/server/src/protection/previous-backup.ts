/** What an incremental backup compares against: the entries of the data source's previous recovery point. */
import type { Repository } from '@dpmsh/engine';
import type { PreviousBackup } from '@dpmsh/sdk';
import type { RecoveryPoint } from '../model/types.js';

/** The previous recovery point as a plugin sees it, read from the snapshot's index. */
export async function previousBackup(repository: Repository, recoveryPoint: RecoveryPoint): Promise<PreviousBackup> {
  const index = await repository.index(recoveryPoint.snapshotId);
  return {
    recoveryPointId: recoveryPoint.id,
    createdAt: recoveryPoint.createdAt,
    lookup(path) {
      const entry = index.get(path);
      return entry === undefined ? undefined : { type: entry.type, metadata: entry.metadata };
    },
  };
}
