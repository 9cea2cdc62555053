/**
 * Gathers sealed blobs into one pack (about 16 MiB) and closes it with its header. Blobs are
 * copied into one buffer as they arrive (copying into memory already touched costs far less than
 * holding every blob's own buffer until the pack is written) and hashed on the way; the buffer
 * goes with the closed pack and comes back, via `reuse`, once the pack is written.
 */
import { createHash, type Hash } from 'node:crypto';
import type { BlobType } from '../format/blob.js';
import { packTrailer, type PackBlob, type PackRecord } from '../format/pack-format.js';

/** A pack closes once its blobs reach this size. */
export const PACK_TARGET_BYTES = 16 * 1024 * 1024;

/** A closed pack: its record, the bytes to write, and the buffer to hand back once written. */
export interface FinishedPack {
  readonly record: PackRecord;
  readonly parts: readonly Uint8Array[];
  readonly buffer: Uint8Array;
}

/** One pack being filled. */
export class PackWriter {
  private buffer: Uint8Array | undefined;
  private blobs: PackBlob[] = [];
  private hash: Hash = createHash('sha256');
  private bytes = 0;
  private readonly spare: Uint8Array[] = [];

  constructor(private readonly dataKey: Uint8Array) {}

  /** Bytes of blobs so far. */
  get size(): number {
    return this.bytes;
  }

  /** Blobs so far. */
  get count(): number {
    return this.blobs.length;
  }

  /** Appends (copies) a sealed blob. */
  add(type: BlobType, id: string, sealed: Uint8Array): void {
    const needed = this.bytes + sealed.length;
    if (this.buffer === undefined || this.buffer.length < needed) {
      const grown = this.takeBuffer(needed);
      if (this.buffer !== undefined) grown.set(this.buffer.subarray(0, this.bytes));
      this.buffer = grown;
    }
    this.buffer.set(sealed, this.bytes);
    this.blobs.push({ type, id, offset: this.bytes, length: sealed.length });
    this.hash.update(sealed);
    this.bytes = needed;
  }

  /** Closes the pack and starts an empty one. */
  finish(): FinishedPack {
    const trailer = packTrailer(this.dataKey, this.blobs);
    this.hash.update(trailer);
    const buffer = this.buffer ?? new Uint8Array(0);
    const finished: FinishedPack = {
      record: { name: this.hash.digest('hex'), length: this.bytes + trailer.length, blobs: this.blobs },
      parts: [buffer.subarray(0, this.bytes), trailer],
      buffer,
    };
    this.buffer = undefined;
    this.blobs = [];
    this.hash = createHash('sha256');
    this.bytes = 0;
    return finished;
  }

  /** Takes back a written pack's buffer for a later pack. */
  reuse(buffer: Uint8Array): void {
    if (buffer.length >= PACK_TARGET_BYTES && this.spare.length < 2) this.spare.push(buffer);
  }

  private takeBuffer(needed: number): Uint8Array {
    const index = this.spare.findIndex((buffer) => buffer.length >= needed);
    if (index >= 0) return this.spare.splice(index, 1)[0];
    // Room for a full pack plus its last (largest) blob, so a pack is not grown twice.
    return new Uint8Array(Math.max(needed, PACK_TARGET_BYTES + 4 * 1024 * 1024 + 1024));
  }
}
