/**
 * Reading a snapshot back: its entries with content sources that stream the chunks (opened and
 * decompressed one at a time, the next one read ahead), and its index by path for incremental
 * comparisons. Readers take no lock.
 */
import type { SnapshotEntry, RecoveredEntry } from '../api.js';
import { snapshotNotFound } from '../errors.js';
import { BlobReader } from './blob-reader.js';
import type { RepositoryContext } from './context.js';
import { chunkIdsOf, manifestRecords } from './manifest-reader.js';
import { fromTuple, recordKey, type ContentRefs, type ManifestRecord } from './manifest.js';
import { readSnapshot, type SnapshotRecord } from './snapshot-store.js';

async function snapshotOf(context: RepositoryContext, snapshotId: string): Promise<SnapshotRecord> {
  const record = await readSnapshot(context.backend, context.keys, snapshotId);
  if (record === undefined) throw snapshotNotFound(context.backend.location, snapshotId);
  return record;
}

function readerFor(context: RepositoryContext): BlobReader {
  const { backend, keys, index } = context;
  return new BlobReader(backend, keys.dataKey, index, () => index.refresh(backend, keys.dataKey));
}

/** The snapshot's entries in stored order (directories first); with `items`, those paths, what is under them and the directories leading to them. */
export async function* storedEntries(context: RepositoryContext, snapshotId: string, items?: readonly string[]): AsyncGenerator<RecoveredEntry> {
  const record = await snapshotOf(context, snapshotId);
  const reader = readerFor(context);
  const chosen = items === undefined ? undefined : items.map((item) => item.replace(/\/+$/, ''));
  for await (const entry of manifestRecords(reader, record.trees)) {
    if (chosen !== undefined && !isChosen(entry, chosen)) continue;
    const metadata = fromTuple(entry.m);
    if (entry.t === 'd') yield { type: 'directory', path: entry.p, metadata };
    else if (entry.t === 'f') yield { type: 'file', path: entry.p, metadata, sparse: entry.s, content: () => chunks(reader, entry) };
    else yield { type: 'stream', path: entry.p, streamName: entry.n, metadata, content: () => chunks(reader, entry) };
  }
}

/** The snapshot's entries by path (streams as 'path:streamName'). */
export async function snapshotIndex(context: RepositoryContext, snapshotId: string): Promise<Map<string, SnapshotEntry>> {
  const record = await snapshotOf(context, snapshotId);
  const entries = new Map<string, SnapshotEntry>();
  for await (const entry of manifestRecords(readerFor(context), record.trees)) {
    const metadata = fromTuple(entry.m);
    const value: SnapshotEntry =
      entry.t === 'd'
        ? { type: 'directory', path: entry.p, metadata }
        : entry.t === 'f'
          ? { type: 'file', path: entry.p, metadata, sparse: entry.s }
          : { type: 'stream', path: entry.p, streamName: entry.n, metadata };
    entries.set(recordKey(entry), value);
  }
  return entries;
}

function isChosen(entry: ManifestRecord, items: readonly string[]): boolean {
  return items.some(
    (item) => entry.p === item || item === '' || entry.p.startsWith(`${item}/`) || (entry.t === 'd' && item.startsWith(`${entry.p}/`)),
  );
}

async function* chunks(reader: BlobReader, refs: ContentRefs): AsyncGenerator<Uint8Array> {
  let ahead: Promise<Uint8Array> | undefined;
  const readAhead = (id: string): Promise<Uint8Array> => {
    const read = reader.read('data', id);
    // Handled here so that a reader abandoned mid-file leaves no unhandled rejection.
    void read.catch(() => undefined);
    return read;
  };
  for await (const id of chunkIdsOf(reader, refs)) {
    const next = readAhead(id);
    if (ahead !== undefined) yield await ahead;
    ahead = next;
  }
  if (ahead !== undefined) yield await ahead;
}
