/**
 * forget: removes snapshot objects (their data stays until prune). Idempotent, because its
 * caller (retention) deletes snapshots before the catalog rows that list them: a crash between
 * the two leaves rows for snapshots already gone, and the rerun must then simply succeed.
 */
import { snapshotNotFound } from '../errors.js';
import { stepReached } from '../steps/step-hook.js';
import type { RepositoryContext } from './context.js';
import { acquireLock } from './lock.js';
import { isSnapshotId, snapshotObjectName } from './snapshot-store.js';

/** Deletes the snapshots under the lock; one already gone is done; a malformed id is 'SnapshotNotFound'. */
export async function runForget(context: RepositoryContext, snapshotIds: readonly string[]): Promise<void> {
  const { backend, keys } = context;
  // A malformed id can name no snapshot ever written: a caller's mistake, refused before anything changes.
  const malformed = snapshotIds.find((id) => !isSnapshotId(id));
  if (malformed !== undefined) throw snapshotNotFound(backend.location, malformed);
  const lock = await acquireLock(backend, keys);
  try {
    for (const id of snapshotIds) {
      await backend.delete(snapshotObjectName(id));
      stepReached('forget:snapshot-deleted');
    }
  } finally {
    await lock.release();
  }
}
