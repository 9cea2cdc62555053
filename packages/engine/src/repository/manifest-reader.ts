/** Reading a manifest back: its records, tree by tree, and a record's chunk ids. */
import type { BlobReader } from './blob-reader.js';
import { parseList, parseTree, type ContentRefs, type ManifestRecord } from './manifest.js';

/** The records of a manifest, in order; one tree blob in memory at a time. */
export async function* manifestRecords(reader: BlobReader, trees: readonly string[]): AsyncGenerator<ManifestRecord> {
  for (const tree of trees) yield* parseTree(await reader.read('tree', tree));
}

/** The chunk ids of a file's or stream's content, in order; one list blob in memory at a time. */
export async function* chunkIdsOf(reader: BlobReader, refs: ContentRefs): AsyncGenerator<string> {
  if ('c' in refs) {
    yield* refs.c;
    return;
  }
  for (const list of refs.l) yield* parseList(await reader.read('tree', list));
}

/** True for records with content. */
export function hasContent(record: ManifestRecord): record is Extract<ManifestRecord, { t: 'f' | 's' }> {
  return record.t !== 'd';
}
