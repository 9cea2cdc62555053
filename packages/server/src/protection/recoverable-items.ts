/** Get-DPMRecoverableItem: the entries of a recovery point under a folder, for choosing what to restore. */
import type { ServerContext } from '../context/server-context.js';
import { findRecoveryPoint } from './recovery-points.js';
import { repositoryOf } from './recovery-source.js';
import type { RecoverableItem } from '../model/types.js';

/** The entries directly under `folder` ('' for the top) of a recovery point; refused when the table stops restoring it. */
export async function recoverableItems(ctx: ServerContext, recoveryPointId: string, folder = ''): Promise<RecoverableItem[]> {
  const rp = findRecoveryPoint(ctx, recoveryPointId);
  const repository = await repositoryOf(ctx, rp);
  const parent = folder.replace(/^\/+|\/+$/g, '');
  const items: RecoverableItem[] = [];
  for (const [key, entry] of await repository.index(rp.snapshotId)) {
    if (entry.type === 'stream' || key === '') continue;
    const slash = key.lastIndexOf('/');
    if ((slash < 0 ? '' : key.slice(0, slash)) !== parent) continue;
    items.push({ recoveryPointId: rp.id, path: key, type: entry.type, size: entry.metadata.size, modified: new Date(entry.metadata.mtimeMs) });
  }
  return items.sort((a, b) => a.path.localeCompare(b.path));
}
