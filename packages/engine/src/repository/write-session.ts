/**
 * The write path of one backup, prune or replication. Blobs are sealed by the codec (workers)
 * while the caller goes on chunking; sealed blobs fill a data pack and a tree pack (trees apart,
 * so reading a manifest never reads file content); full packs are written while the next fill,
 * and every INDEX_EVERY_PACKS written packs an index object lists them. A blob counts as stored
 * only once an index object lists it: until then it is pending, deduplicated within the session
 * but never trusted by anyone else. Memory is bounded by the jobs and writes allowed in flight.
 */
import type { ObjectBackend } from '../api.js';
import type { RepositoryKeys } from '../crypto/keys.js';
import type { ChunkBuffers } from '../chunking/chunk-buffers.js';
import type { BlobCodec } from '../workers/blob-codec.js';
import { blobId, encodeBlob, type BlobType } from '../format/blob.js';
import { stepReached } from '../steps/step-hook.js';
import { writeIndexObject, type IndexStore } from './index-store.js';
import { packObjectName, type PackRecord } from '../format/pack-format.js';
import { PACK_TARGET_BYTES, PackWriter, type FinishedPack } from './pack-writer.js';

/** Written packs an index object waits for before it is written. */
export const INDEX_EVERY_PACKS = 32;
/** Pack writes in flight at once. */
const MAX_WRITES = 2;

/** Blobs into packs into the backend, with index objects after them. */
export class WriteSession {
  /** Sealed bytes of the blobs this session added. */
  addedBytes = 0;
  /** Blobs this session added. */
  blobsAdded = 0;
  /** Bytes written to the backend (packs and index objects). */
  bytesWritten = 0;

  private readonly pending = new Set<string>();
  private readonly packs: Record<BlobType, PackWriter>;
  private readonly jobs = new Set<Promise<void>>();
  private readonly writes = new Set<Promise<void>>();
  private unindexed: PackRecord[] = [];
  private failure: { readonly error: unknown } | undefined;
  private readonly maxJobs: number;

  constructor(
    /** The operation's name in its step boundaries ('backup' gives 'backup:packs-written'). */
    private readonly operation: string,
    private readonly backend: ObjectBackend,
    private readonly keys: RepositoryKeys,
    private readonly index: IndexStore,
    private readonly codec?: BlobCodec,
    /** Where data chunks' buffers go back once their sealed blob is in a pack, or at once when found stored. */
    private readonly buffers?: ChunkBuffers,
  ) {
    this.packs = { data: new PackWriter(keys.dataKey), tree: new PackWriter(keys.dataKey) };
    this.maxJobs = codec?.parallelism ?? 1;
  }

  /** True when the blob is stored or pending in this session. */
  has(id: string): boolean {
    return this.index.has(id) || this.pending.has(id);
  }

  /** Stores a blob unless it is there already; its id. `plaintext` (a data chunk: its whole buffer) is handed over. */
  async store(type: BlobType, plaintext: Uint8Array): Promise<string> {
    this.throwIfFailed();
    const idBytes = blobId(this.keys.idKey, type, plaintext);
    const id = idBytes.toString('hex');
    if (this.has(id)) {
      this.buffers?.give(plaintext.buffer);
      return id;
    }
    this.pending.add(id);
    if (type === 'tree') {
      // Trees are small and few: sealing them here saves a round trip, and an unchanged backup
      // (whose only new blobs are trees) never starts the workers.
      this.accept(type, id, encodeBlob(this.keys.dataKey, type, idBytes, plaintext));
      return id;
    }
    if (this.codec === undefined) throw new Error('This write session has no codec to seal data blobs with.');
    const codec = this.codec;
    await this.room();
    this.track(
      this.jobs,
      codec.encode(type, idBytes, plaintext).then((sealed) => {
        this.accept(type, id, sealed);
        // Copied into the pack: the chunk's buffer (which the blob was sealed in) can take the next chunk.
        this.buffers?.give(sealed.buffer);
      }),
    );
    return id;
  }

  /** Adds a blob sealed already (copied from a pack); false when it is there already. */
  async addSealed(type: BlobType, id: string, sealed: Uint8Array): Promise<boolean> {
    this.throwIfFailed();
    if (this.has(id)) return false;
    this.pending.add(id);
    await this.room();
    this.accept(type, id, sealed);
    return true;
  }

  /** Waits for every blob, writes the last packs and the index objects; throws the first failure. */
  async finish(): Promise<void> {
    await drain(this.jobs);
    this.throwIfFailed();
    for (const type of ['data', 'tree'] as const) if (this.packs[type].count > 0) this.writePack(this.packs[type].finish());
    await drain(this.writes);
    this.throwIfFailed();
    stepReached(`${this.operation}:packs-written`);
    if (this.unindexed.length > 0) await this.writeIndex(this.unindexed.splice(0));
  }

  /** After a failure: lets in-flight work settle and indexes the packs that did get written, so the next run reuses them. */
  async abandon(): Promise<void> {
    await drain(this.jobs);
    await drain(this.writes);
    if (this.unindexed.length > 0) await this.writeIndex(this.unindexed.splice(0)).catch(() => undefined);
  }

  private accept(type: BlobType, id: string, sealed: Uint8Array): void {
    const pack = this.packs[type];
    pack.add(type, id, sealed);
    this.addedBytes += sealed.length;
    this.blobsAdded += 1;
    if (pack.size >= PACK_TARGET_BYTES) this.writePack(pack.finish());
  }

  private writePack(pack: FinishedPack): void {
    this.track(
      this.writes,
      (async () => {
        await this.backend.write(packObjectName(pack.record.name), fromParts(pack.parts));
        this.packs[pack.record.blobs[0]?.type ?? 'data'].reuse(pack.buffer);
        this.bytesWritten += pack.record.length;
        this.unindexed.push(pack.record);
        if (this.unindexed.length >= INDEX_EVERY_PACKS) await this.writeIndex(this.unindexed.splice(0));
      })(),
    );
  }

  private async writeIndex(records: PackRecord[]): Promise<void> {
    const { name, bytes } = await writeIndexObject(this.backend, this.keys.dataKey, records);
    this.bytesWritten += bytes;
    stepReached(`${this.operation}:index-written`);
    this.index.addIndexObject(name, records);
    for (const record of records) for (const blob of record.blobs) this.pending.delete(blob.id);
  }

  private async room(): Promise<void> {
    while (this.jobs.size >= this.maxJobs || this.writes.size >= MAX_WRITES) {
      await Promise.race([...this.jobs, ...this.writes]);
      this.throwIfFailed();
    }
  }

  private track(set: Set<Promise<void>>, work: Promise<void>): void {
    const tracked: Promise<void> = work.then(
      () => void set.delete(tracked),
      (error: unknown) => {
        set.delete(tracked);
        this.failure ??= { error };
      },
    );
    set.add(tracked);
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }
}

async function drain(set: Set<Promise<void>>): Promise<void> {
  while (set.size > 0) await Promise.all([...set]);
}

async function* fromParts(parts: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* parts;
}
