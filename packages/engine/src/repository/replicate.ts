/**
 * replicate: copies one snapshot into another repository of the same master key. Blobs are
 * sealed per master key, so the ones the target lacks travel as they are, authenticated first
 * (damage is never copied), re-packed into the target's packs; then the target's index, then
 * the snapshot object last, as a backup would. Source packs are read once each.
 */
import type { LongRunOptions, ReplicationReport } from '../api.js';
import { readIfExists } from '../backend/not-found.js';
import { keyMismatch, repositoryCorrupt, snapshotNotFound } from '../errors.js';
import { blobAuthenticates, type BlobType } from '../format/blob.js';
import { BlobReader } from './blob-reader.js';
import type { RepositoryContext } from './context.js';
import { acquireLock } from './lock.js';
import { packObjectName } from '../format/pack-format.js';
import { readSnapshot, snapshotObjectName } from './snapshot-store.js';
import { walkSnapshot } from './walk.js';
import { stepReached } from '../steps/step-hook.js';
import { WriteSession } from './write-session.js';

/** Copies the snapshot and the blobs the target lacks, under the target's lock. */
export async function runReplicate(source: RepositoryContext, snapshotId: string, target: RepositoryContext, options: LongRunOptions = {}): Promise<ReplicationReport> {
  if (target.keyId !== source.keyId) throw keyMismatch(target.backend.location, `The master key of the repository at ${source.backend.location}`);
  const record = await readSnapshot(source.backend, source.keys, snapshotId);
  if (record === undefined) throw snapshotNotFound(source.backend.location, snapshotId);
  const objectName = snapshotObjectName(snapshotId);
  const snapshotBytes = await source.backend.read(objectName);

  const lock = await acquireLock(target.backend, target.keys);
  const session = new WriteSession('replicate', target.backend, target.keys, target.index);
  try {
    if ((await readIfExists(target.backend, objectName)) !== undefined) return { bytesSent: 0, chunksSent: 0 };
    await target.index.refresh(target.backend, target.keys.dataKey);
    await source.index.refresh(source.backend, source.keys.dataKey);
    const warnings = target.index.unreadableWarnings(target.backend.location);

    // Which blobs to send, grouped by the source pack they are in.
    const reader = new BlobReader(source.backend, source.keys.dataKey, source.index);
    const byPack = new Map<string, Map<string, BlobType>>();
    await walkSnapshot(reader, record, ({ type, id }) => {
      if (target.index.has(id)) return;
      const location = source.index.get(id);
      if (location === undefined) throw repositoryCorrupt(source.backend.location, `${type} blob ${id} of snapshot ${snapshotId} is in no index`);
      let blobs = byPack.get(location.pack);
      if (blobs === undefined) byPack.set(location.pack, (blobs = new Map()));
      blobs.set(id, type);
    });

    let chunksSent = 0;
    let packsRead = 0;
    for (const [pack, blobs] of byPack) {
      options.signal?.throwIfAborted();
      const bytes = await source.backend.read(packObjectName(pack));
      for (const [id, type] of blobs) {
        const location = source.index.get(id);
        if (location === undefined) continue;
        const sealed = bytes.slice(location.offset, location.offset + location.length);
        if (!blobAuthenticates(source.keys.dataKey, type, Buffer.from(id, 'hex'), sealed)) {
          throw repositoryCorrupt(source.backend.location, `${type} blob ${id} in pack ${packObjectName(pack)} does not authenticate; nothing damaged is replicated`);
        }
        if (await session.addSealed(type, id, sealed)) chunksSent += 1;
      }
      packsRead += 1;
      options.onProgress?.({ bytesDone: session.bytesWritten, filesDone: packsRead, filesTotal: byPack.size });
    }
    await session.finish();
    await target.backend.write(objectName, snapshotBytes);
    stepReached('replicate:snapshot-written');
    const report = { bytesSent: session.bytesWritten + snapshotBytes.length, chunksSent };
    return warnings.length === 0 ? report : { ...report, warnings };
  } catch (error) {
    await session.abandon();
    throw error;
  } finally {
    await lock.release();
  }
}
