/**
 * Buffers for chunks, reused. Fresh memory costs a page fault per 4 KiB on first touch, which on
 * a virtual machine is as slow as chunking the bytes; so every chunk is written into a buffer
 * taken from here, a little larger than the maximum chunk so that the chunk is sealed in place,
 * and the buffer comes back once its sealed blob is written in a pack, or at once when the chunk
 * is found stored already.
 */

/** Kept at most; more only when more chunks are in flight at once. */
const POOLED = 24;

/** A free list of chunk-sized ArrayBuffers. */
export class ChunkBuffers {
  private readonly free: ArrayBuffer[] = [];

  constructor(readonly size: number) {}

  /** A buffer of `size` bytes (contents undefined). */
  take(): ArrayBuffer {
    return this.free.pop() ?? new ArrayBuffer(this.size);
  }

  /** Returns a buffer; ignored unless it is one of this size and still attached. */
  give(buffer: ArrayBufferLike): void {
    if (buffer instanceof ArrayBuffer && buffer.byteLength === this.size && this.free.length < POOLED) this.free.push(buffer);
  }
}
