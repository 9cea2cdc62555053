/**
 * repairIndex: rebuilds the index from the packs themselves.
 * Every pack ends with a sealed header listing its blobs, so one damaged index object loses
 * nothing a pack still holds. The order keeps every blob findable at every moment: the new index
 * objects are written first, and only then do the old ones go; a crash leaves at worst both.
 */
import { createHash } from 'node:crypto';
import type { IndexRepairReport, LongRunOptions } from '../api.js';
import { readIfExists } from '../backend/not-found.js';
import { packObjectName, readPackHeader, type PackRecord } from '../format/pack-format.js';
import { stepReached } from '../steps/step-hook.js';
import type { RepositoryContext } from './context.js';
import { listPacks, readIndexContents, writeIndexObject } from './index-store.js';
import { acquireLock } from './lock.js';

/** Packs one rebuilt index object lists (index objects stay well under a few MiB). */
export const PACKS_PER_INDEX_OBJECT = 512;

/** Rebuilds the index from the pack headers under the repository's lock. */
export async function runRepairIndex(context: RepositoryContext, options: LongRunOptions = {}): Promise<IndexRepairReport> {
  const { backend, keys } = context;
  const lock = await acquireLock(backend, keys);
  try {
    const oldNames = await backend.list('index/');
    // What the old index says about a pack is kept only for a pack whose own header is damaged.
    const previous = new Map<string, PackRecord>();
    for (const records of (await readIndexContents(backend, keys.dataKey, oldNames)).objects.values()) for (const record of records) previous.set(record.name, record);

    const packs = [...(await listPacks(backend))].sort();
    const records: PackRecord[] = [];
    const damagedPacks: string[] = [];
    let packsRead = 0;
    let bytesRead = 0;
    for (const name of packs) {
      options.signal?.throwIfAborted();
      const bytes = await readIfExists(backend, packObjectName(name));
      if (bytes === undefined) continue;
      packsRead += 1;
      bytesRead += bytes.length;
      const header = readPackHeader(keys.dataKey, bytes);
      const intact = createHash('sha256').update(bytes).digest('hex') === name;
      if (!intact) damagedPacks.push(`pack ${packObjectName(name)}: its bytes do not hash to its name`);
      if (typeof header === 'string') {
        if (intact) damagedPacks.push(`pack ${packObjectName(name)}: ${header}`);
        const known = previous.get(name);
        if (known !== undefined) records.push(known);
      } else {
        records.push({ name, length: bytes.length, blobs: header });
      }
      options.onProgress?.({ bytesDone: bytesRead, filesDone: packsRead, filesTotal: packs.length, currentPath: packObjectName(name) });
    }

    const written = new Set<string>();
    for (let at = 0; at < records.length; at += PACKS_PER_INDEX_OBJECT) {
      written.add((await writeIndexObject(backend, keys.dataKey, records.slice(at, at + PACKS_PER_INDEX_OBJECT))).name);
      stepReached('repair-index:index-object-written');
    }
    stepReached('repair-index:new-index-written');
    let indexObjectsRemoved = 0;
    for (const name of oldNames) {
      if (written.has(name)) continue;
      await backend.delete(name);
      indexObjectsRemoved += 1;
      stepReached('repair-index:index-object-deleted');
    }
    stepReached('repair-index:old-index-deleted');
    await context.index.refresh(backend, keys.dataKey);
    return {
      packsRead,
      blobsIndexed: records.reduce((sum, record) => sum + record.blobs.length, 0),
      indexObjectsWritten: written.size,
      indexObjectsRemoved,
      damagedPacks,
    };
  } finally {
    await lock.release();
  }
}
