/**
 * prune: works out which blobs the remaining snapshots use, deletes packs none of whose blobs
 * are used and rewrites packs mostly unused (their used blobs, still sealed, copied into new
 * packs). The order keeps every needed blob listed by an index object that points at an existing
 * pack at every moment: new packs, their index, a full index of the kept packs, then the old
 * index objects go, and only then the old packs. A crash anywhere leaves at worst packs no index
 * lists, which the next prune deletes, and temporary files, which it deletes too. Damage stops prune
 * before it deletes anything.
 */
import type { LongRunOptions, PruneReport } from '../api.js';
import { repositoryCorrupt } from '../errors.js';
import { BlobReader } from './blob-reader.js';
import type { RepositoryContext } from './context.js';
import { IndexStore, listPacks, readIndexContents, writeIndexObject, type BlobLocation } from './index-store.js';
import { acquireLock } from './lock.js';
import { packObjectName, type PackRecord } from '../format/pack-format.js';
import { removeLeftovers } from './reclaim.js';
import { listSnapshotIds, readSnapshot, snapshotObjectName } from './snapshot-store.js';
import { walkSnapshot } from './walk.js';
import { stepReached } from '../steps/step-hook.js';
import { WriteSession } from './write-session.js';

/** A pack whose used blobs fill less than this share of it is rewritten. */
export const REWRITE_BELOW_USED = 0.5;

/** Prunes under the repository's lock. */
export async function runPrune(context: RepositoryContext, options: LongRunOptions = {}): Promise<PruneReport> {
  const { backend, keys } = context;
  const lock = await acquireLock(backend, keys);
  let session: WriteSession | undefined;
  try {
    const contents = await readIndexContents(backend, keys.dataKey);
    if (contents.unreadable.length > 0) throw repositoryCorrupt(backend.location, `index ${contents.unreadable[0]} does not authenticate, so prune cannot tell which data is in use`);
    const existing = await listPacks(backend);
    const indexed = new Map<string, PackRecord>();
    const locations = new Map<string, BlobLocation>();
    let indexListsMissingPacks = false;
    for (const records of contents.objects.values()) {
      for (const record of records) {
        if (!existing.has(record.name)) {
          indexListsMissingPacks = true;
          continue;
        }
        indexed.set(record.name, record);
        for (const blob of record.blobs) {
          if (!locations.has(blob.id)) locations.set(blob.id, { pack: record.name, type: blob.type, offset: blob.offset, length: blob.length });
        }
      }
    }

    const used = new Set<string>();
    const reader = new BlobReader(backend, keys.dataKey, locations);
    const snapshotIds = await listSnapshotIds(backend);
    for (const snapshotId of snapshotIds) {
      options.signal?.throwIfAborted();
      const record = await readSnapshot(backend, keys, snapshotId);
      if (record === undefined) continue;
      await walkSnapshot(reader, record, (reference) => {
        if (!locations.has(reference.id)) {
          throw repositoryCorrupt(backend.location, `snapshot ${snapshotObjectName(snapshotId)} needs ${reference.type} blob ${reference.id}, which is in no index; prune stopped`);
        }
        used.add(reference.id);
      });
    }

    const usedBytes = new Map<string, number>();
    for (const id of used) {
      const location = locations.get(id) as BlobLocation;
      usedBytes.set(location.pack, (usedBytes.get(location.pack) ?? 0) + location.length);
    }
    const remove: PackRecord[] = [];
    const rewrite: PackRecord[] = [];
    const keep: PackRecord[] = [];
    for (const record of indexed.values()) {
      const bytes = usedBytes.get(record.name) ?? 0;
      if (bytes === 0) remove.push(record);
      else if (bytes < record.length * REWRITE_BELOW_USED) rewrite.push(record);
      else keep.push(record);
    }
    const orphans = [...existing].filter((name) => !indexed.has(name));
    // Temporary files of interrupted writes go too (no writer is live while prune holds the lock).
    const leftovers = await removeLeftovers(backend);
    if (remove.length + rewrite.length + orphans.length === 0 && !indexListsMissingPacks) {
      return { snapshotsRemoved: 0, packsRemoved: 0, packsRewritten: 0, bytesFreed: leftovers.temporaryBytes };
    }

    const kept = new IndexStore();
    for (const record of keep) kept.addPack(record);
    session = new WriteSession('prune', backend, keys, kept);
    for (const record of rewrite) {
      options.signal?.throwIfAborted();
      const pack = await backend.read(packObjectName(record.name));
      for (const blob of record.blobs) {
        if (used.has(blob.id) && locations.get(blob.id)?.pack === record.name) {
          // A copy, so the old pack's buffer is not held until the new pack is written.
          await session.addSealed(blob.type, blob.id, pack.slice(blob.offset, blob.offset + blob.length));
        }
      }
      options.onProgress?.({ bytesDone: session.bytesWritten, filesDone: rewrite.indexOf(record) + 1, filesTotal: rewrite.length });
    }
    await session.finish();
    if (keep.length > 0) await writeIndexObject(backend, keys.dataKey, keep);
    stepReached('prune:new-index-written');
    for (const name of contents.objects.keys()) {
      await backend.delete(name);
      stepReached('prune:index-object-deleted');
    }
    stepReached('prune:old-index-deleted');

    let bytesFreed = leftovers.temporaryBytes;
    for (const record of [...remove, ...rewrite]) {
      await backend.delete(packObjectName(record.name));
      bytesFreed += record.length;
      stepReached('prune:pack-deleted');
    }
    stepReached('prune:old-packs-deleted');
    for (const name of orphans) {
      const objectName = packObjectName(name);
      bytesFreed += (await backend.read(objectName)).length;
      await backend.delete(objectName);
    }
    stepReached('prune:orphans-deleted');
    await context.index.refresh(backend, keys.dataKey);
    return {
      snapshotsRemoved: 0,
      packsRemoved: remove.length + orphans.length,
      packsRewritten: rewrite.length,
      bytesFreed: Math.max(0, bytesFreed - session.bytesWritten),
    };
  } catch (error) {
    await session?.abandon();
    throw error;
  } finally {
    await lock.release();
  }
}
