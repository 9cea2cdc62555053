/**
 * reclaim: removes what interrupted writes left behind, under the lock (so no writer of this
 * repository is live): temporary objects of the backend, and packs no index lists. A temporary
 * object goes when the process that wrote it is gone, or when it is older than any write takes;
 * a pack goes only while every index object is readable, since an unreadable one's packs would
 * look unlisted.
 */
import type { LeftoverObject, LongRunOptions, ObjectBackend, ReclaimReport } from '../api.js';
import { readIfExists } from '../backend/not-found.js';
import { repositoryCorrupt } from '../errors.js';
import { packObjectName } from '../format/pack-format.js';
import { stepReached } from '../steps/step-hook.js';
import type { RepositoryContext } from './context.js';
import { listPacks, readIndexContents } from './index-store.js';
import { acquireLock } from './lock.js';
import { processAlive } from './process-identity.js';

/** A temporary object this old is a leftover whoever wrote it: no single write takes this long. */
export const LEFTOVER_AFTER_MS = 6 * 60 * 60 * 1000;

/** Removes leftovers and unlisted packs under the repository's lock. */
export async function runReclaim(context: RepositoryContext, options: LongRunOptions = {}): Promise<ReclaimReport> {
  const { backend, keys } = context;
  const lock = await acquireLock(backend, keys);
  try {
    const temporaries = await removeLeftovers(backend);
    stepReached('reclaim:temporaries-removed');

    const contents = await readIndexContents(backend, keys.dataKey);
    if (contents.unreadable.length > 0) {
      throw repositoryCorrupt(backend.location, `index ${contents.unreadable[0]} does not authenticate, so the packs it lists cannot be told from leftovers; repair the index, then reclaim again`);
    }
    const listed = new Set<string>();
    for (const records of contents.objects.values()) for (const record of records) listed.add(record.name);
    let orphanPacks = 0;
    let orphanBytes = 0;
    for (const name of await listPacks(backend)) {
      if (listed.has(name)) continue;
      options.signal?.throwIfAborted();
      const bytes = await readIfExists(backend, packObjectName(name));
      if (bytes === undefined) continue;
      await backend.delete(packObjectName(name));
      orphanPacks += 1;
      orphanBytes += bytes.length;
      stepReached('reclaim:pack-deleted');
    }
    stepReached('reclaim:orphans-deleted');
    await context.index.refresh(backend, keys.dataKey);
    return { ...temporaries, orphanPacks, orphanBytes };
  } finally {
    await lock.release();
  }
}

/** Removes the backend's temporary objects whose writer is gone; the caller holds the lock. */
export async function removeLeftovers(backend: ObjectBackend, now = Date.now()): Promise<{ temporaryObjects: number; temporaryBytes: number }> {
  let temporaryObjects = 0;
  let temporaryBytes = 0;
  if (backend.leftovers === undefined || backend.deleteLeftover === undefined) return { temporaryObjects, temporaryBytes };
  for (const leftover of await backend.leftovers()) {
    if (!abandoned(leftover, now)) continue;
    await backend.deleteLeftover(leftover.name);
    temporaryObjects += 1;
    temporaryBytes += leftover.bytes;
  }
  return { temporaryObjects, temporaryBytes };
}

function abandoned(leftover: LeftoverObject, now: number): boolean {
  if (now - leftover.modifiedAt.getTime() > LEFTOVER_AFTER_MS) return true;
  // Lock takers write 'locks/' without holding the lock; a live one keeps its file by its pid, like any writer.
  const pid = leftover.writerPid;
  return pid !== undefined && pid !== process.pid && !processAlive(pid);
}
