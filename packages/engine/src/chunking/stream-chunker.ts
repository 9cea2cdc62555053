/**
 * Content-defined chunking of a stream with bounded memory: a buffer of four maximum chunk sizes,
 * whatever sizes the source yields (four rather than two, so that moving the unchunked rest to the
 * front happens a third as often). Each chunk is a copy at the start of an ArrayBuffer of its
 * own (from ChunkBuffers when given, so memory is reused), which can be transferred to a worker.
 */
import type { ChunkBuffers } from './chunk-buffers.js';
import { cutMasks, findCut, type ChunkerParams, type CutMasks } from './fastcdc.js';

const BUFFERED_CHUNKS = 4;

/** Splits what is pushed into content-defined chunks. */
export class StreamChunker {
  private readonly masks: CutMasks;
  private readonly buffer: Uint8Array;
  private start = 0;
  private end = 0;

  constructor(
    private readonly params: ChunkerParams,
    private readonly gear: Int32Array,
    private readonly buffers?: ChunkBuffers,
  ) {
    this.masks = cutMasks(params);
    this.buffer = new Uint8Array(params.max * BUFFERED_CHUNKS);
  }

  /** The chunks completed by `block`; the rest stays buffered for the next push or finish. */
  *push(block: Uint8Array): Generator<Uint8Array> {
    let offset = 0;
    while (offset < block.length) {
      if (this.buffer.length - this.end < this.params.max && this.start > 0) {
        this.buffer.copyWithin(0, this.start, this.end);
        this.end -= this.start;
        this.start = 0;
      }
      const take = Math.min(this.buffer.length - this.end, block.length - offset);
      this.buffer.set(block.subarray(offset, offset + take), this.end);
      this.end += take;
      offset += take;
      // A cut is final once max bytes are buffered: findCut never looks further.
      while (this.end - this.start >= this.params.max) yield this.cut();
    }
  }

  /** The remaining chunks at the end of the stream; the chunker is then ready for another. */
  *finish(): Generator<Uint8Array> {
    while (this.end > this.start) yield this.cut();
    this.reset();
  }

  /** Forgets anything buffered (a stream that failed part way). */
  reset(): void {
    this.start = 0;
    this.end = 0;
  }

  private cut(): Uint8Array {
    const length = findCut(this.buffer, this.start, this.end, this.params, this.masks, this.gear);
    const source = this.buffer.subarray(this.start, this.start + length);
    this.start += length;
    if (this.buffers === undefined) return source.slice();
    const chunk = new Uint8Array(this.buffers.take(), 0, length);
    chunk.set(source);
    return chunk;
  }
}

/** The chunks of a whole stream, through a chunker that may be reused (its buffer is 16 MiB: one per backup, not per file). */
export async function* chunkStream(source: AsyncIterable<Uint8Array>, chunker: StreamChunker): AsyncGenerator<Uint8Array> {
  chunker.reset();
  for await (const block of source) yield* chunker.push(block);
  yield* chunker.finish();
}
