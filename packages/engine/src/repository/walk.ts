/**
 * Every blob a snapshot needs: its trees, its list blobs and its data chunks. Verify walks with a
 * problem callback and carries on past damage; prune and replicate walk without one and stop,
 * since acting on a partial picture could lose data.
 */
import type { BlobType } from '../format/blob.js';
import type { BlobReader } from './blob-reader.js';
import { hasContent } from './manifest-reader.js';
import { parseList, parseTree, type ManifestRecord } from './manifest.js';
import type { SnapshotRecord } from './snapshot-store.js';

/** A blob a snapshot refers to, and the entry that does (none for its trees). */
export interface BlobReference {
  readonly type: BlobType;
  readonly id: string;
  readonly path?: string;
}

/** Visits the blobs; with `onProblem`, an unreadable tree or list is reported and skipped. */
export async function walkSnapshot(
  reader: BlobReader,
  snapshot: SnapshotRecord,
  visit: (reference: BlobReference) => void,
  onProblem?: (problem: string) => void,
): Promise<void> {
  const attempt = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (onProblem === undefined) return work();
    try {
      return await work();
    } catch (error) {
      onProblem(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  };
  for (const tree of snapshot.trees) {
    visit({ type: 'tree', id: tree });
    const records: ManifestRecord[] | undefined = await attempt(async () => parseTree(await reader.read('tree', tree)));
    for (const record of records ?? []) {
      if (!hasContent(record)) continue;
      const path = record.t === 's' ? `${record.p}:${record.n}` : record.p;
      if ('c' in record) {
        for (const id of record.c) visit({ type: 'data', id, path });
        continue;
      }
      for (const list of record.l) {
        visit({ type: 'tree', id: list, path });
        const ids = await attempt(async () => parseList(await reader.read('tree', list)));
        for (const id of ids ?? []) visit({ type: 'data', id, path });
      }
    }
  }
}
