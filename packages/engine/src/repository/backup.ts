/**
 * One backup run: entries in, a snapshot out. Content is chunked on this thread and sealed by
 * the codec's workers; 'unchanged' files take the parent's chunk list without reading anything.
 * The order of writes is what makes a crash harmless: packs, then the index objects listing
 * them, then the snapshot object last.
 */
import type { BackupEntry, BackupRunOptions, ContentSource, SnapshotSummary } from '../api.js';
import { ChunkBuffers } from '../chunking/chunk-buffers.js';
import { chunkStream, StreamChunker } from '../chunking/stream-chunker.js';
import { snapshotNotFound, unchangedEntryMissing } from '../errors.js';
import { createBlobCodec } from '../workers/blob-codec.js';
import { BLOB_OVERHEAD } from '../format/blob.js';
import { BlobReader } from './blob-reader.js';
import type { RepositoryContext } from './context.js';
import { acquireLock } from './lock.js';
import { removeLeftovers } from './reclaim.js';
import { manifestRecords } from './manifest-reader.js';
import { encodeList, LIST_BLOB_CHUNKS, ManifestWriter, toTuple, type ContentRefs } from './manifest.js';
import { readSnapshot, sealSnapshot, snapshotObjectName, summaryOf, type SnapshotRecord } from './snapshot-store.js';
import { stepReached } from '../steps/step-hook.js';
import { WriteSession } from './write-session.js';

/** Progress is reported at least this often (bytes), and after every entry. */
const PROGRESS_EVERY_BYTES = 4 * 1024 * 1024;

interface ParentFile {
  readonly sparse: boolean;
  readonly refs: ContentRefs;
}

/** Runs a backup under the repository's lock. */
export async function runBackup(context: RepositoryContext, entries: AsyncIterable<BackupEntry>, options: BackupRunOptions): Promise<SnapshotSummary> {
  const { backend, keys } = context;
  const lock = await acquireLock(backend, keys);
  const codec = createBlobCodec(keys, context.workers);
  const buffers = new ChunkBuffers(context.config.chunker.max + BLOB_OVERHEAD);
  const session = new WriteSession('backup', backend, keys, context.index, codec, buffers);
  const chunker = new StreamChunker(context.config.chunker, context.gear, buffers);
  try {
    // What killed writers left is theirs no more, and a writer that holds the lock is the one to take it away.
    await removeLeftovers(backend);
    await context.index.refresh(backend, keys.dataKey);
    const warnings = context.index.unreadableWarnings(backend.location);
    const parentFiles = options.parent === null ? null : await loadParentFiles(context, options.parent);
    const manifest = new ManifestWriter((bytes) => session.store('tree', bytes));
    const progress = new ProgressReporter(options);
    let files = 0;
    let directories = 0;

    const storeContent = async (content: ContentSource, path: string): Promise<ContentRefs> => {
      let ids: string[] = [];
      const lists: string[] = [];
      for await (const chunk of chunkStream(content(), chunker)) {
        options.signal?.throwIfAborted();
        const length = chunk.length;
        ids.push(await session.store('data', chunk));
        progress.bytes(length, path);
        if (ids.length === LIST_BLOB_CHUNKS) {
          lists.push(await session.store('tree', encodeList(ids)));
          ids = [];
        }
      }
      if (lists.length === 0) return { c: ids };
      if (ids.length > 0) lists.push(await session.store('tree', encodeList(ids)));
      return { l: lists };
    };

    for await (const entry of entries) {
      options.signal?.throwIfAborted();
      switch (entry.type) {
        case 'directory':
          directories += 1;
          await manifest.add({ t: 'd', p: entry.path, m: toTuple(entry.metadata) });
          break;
        case 'file':
          files += 1;
          await manifest.add({ t: 'f', p: entry.path, m: toTuple(entry.metadata), s: entry.sparse, ...(await storeContent(entry.content, entry.path)) });
          break;
        case 'stream':
          await manifest.add({ t: 's', p: entry.path, n: entry.streamName, m: toTuple(entry.metadata), ...(await storeContent(entry.content, entry.path)) });
          break;
        case 'unchanged': {
          const previous = parentFiles?.get(entry.path);
          if (previous === undefined) throw unchangedEntryMissing(backend.location, entry.path, options.parent);
          files += 1;
          progress.skipped(entry.metadata.size);
          await manifest.add({ t: 'f', p: entry.path, m: toTuple(entry.metadata), s: previous.sparse, ...previous.refs });
          break;
        }
      }
      progress.entryDone(entry.path);
    }

    const trees = await manifest.finish();
    await session.finish();
    const record: SnapshotRecord = {
      v: 1,
      createdAt: (options.now ?? new Date()).toISOString(),
      parent: options.parent,
      tags: { ...options.tags },
      files,
      directories,
      totalBytes: progress.totalBytes,
      addedBytes: session.addedBytes,
      trees,
    };
    const { id, sealed } = sealSnapshot(keys, record);
    await backend.write(snapshotObjectName(id), sealed);
    stepReached('backup:snapshot-written');
    return warnings.length === 0 ? summaryOf(id, record) : { ...summaryOf(id, record), warnings };
  } catch (error) {
    await session.abandon();
    throw error;
  } finally {
    await codec.close();
    await lock.release();
  }
}

async function loadParentFiles(context: RepositoryContext, parent: string): Promise<Map<string, ParentFile>> {
  const { backend, keys, index } = context;
  const record = await readSnapshot(backend, keys, parent);
  if (record === undefined) throw snapshotNotFound(backend.location, parent);
  const files = new Map<string, ParentFile>();
  const reader = new BlobReader(backend, keys.dataKey, index);
  for await (const entry of manifestRecords(reader, record.trees)) {
    if (entry.t === 'f') files.set(entry.p, { sparse: entry.s, refs: 'c' in entry ? { c: entry.c } : { l: entry.l } });
  }
  return files;
}

class ProgressReporter {
  totalBytes = 0;
  private filesDone = 0;
  private reportedAt = 0;

  constructor(private readonly options: BackupRunOptions) {}

  bytes(count: number, path: string): void {
    this.totalBytes += count;
    if (this.totalBytes - this.reportedAt >= PROGRESS_EVERY_BYTES) this.report(path);
  }

  skipped(count: number): void {
    this.totalBytes += count;
  }

  entryDone(path: string): void {
    this.filesDone += 1;
    this.report(path);
  }

  private report(path: string): void {
    this.reportedAt = this.totalBytes;
    this.options.onProgress?.({
      bytesDone: this.totalBytes,
      filesDone: this.filesDone,
      currentPath: path,
      ...(this.options.bytesTotal === undefined ? {} : { bytesTotal: this.options.bytesTotal }),
    });
  }
}
