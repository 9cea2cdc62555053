/**
 * Gathers sealed blobs into one pack (about 16 MiB) and closes it with its header. The blobs are
 * kept as the parts they came in and hashed as they arrive, so closing copies nothing.
 */
import { createHash, type Hash } from 'node:crypto';
import type { BlobType } from './blob.js';
import { packTrailer, type PackBlob, type PackRecord } from './pack-format.js';

/** A pack closes once its blobs reach this size. */
export const PACK_TARGET_BYTES = 16 * 1024 * 1024;

/** A closed pack: its record and the bytes to write. */
export interface FinishedPack {
  readonly record: PackRecord;
  readonly parts: readonly Uint8Array[];
}

/** One pack being filled. */
export class PackWriter {
  private parts: Uint8Array[] = [];
  private blobs: PackBlob[] = [];
  private hash: Hash = createHash('sha256');
  private bytes = 0;

  constructor(private readonly dataKey: Uint8Array) {}

  /** Bytes of blobs so far. */
  get size(): number {
    return this.bytes;
  }

  /** Blobs so far. */
  get count(): number {
    return this.blobs.length;
  }

  /** Appends a sealed blob. */
  add(type: BlobType, id: string, sealed: Uint8Array): void {
    this.blobs.push({ type, id, offset: this.bytes, length: sealed.length });
    this.parts.push(sealed);
    this.hash.update(sealed);
    this.bytes += sealed.length;
  }

  /** Closes the pack and starts an empty one. */
  finish(): FinishedPack {
    const trailer = packTrailer(this.dataKey, this.blobs);
    this.hash.update(trailer);
    const finished: FinishedPack = {
      record: { name: this.hash.digest('hex'), length: this.bytes + trailer.length, blobs: this.blobs },
      parts: [...this.parts, trailer],
    };
    this.parts = [];
    this.blobs = [];
    this.hash = createHash('sha256');
    this.bytes = 0;
    return finished;
  }
}
