/**
 * Content-defined chunking of a stream with bounded memory: at most twice the maximum chunk size
 * is buffered, whatever sizes the source yields. Each chunk is a copy with its own ArrayBuffer, so
 * it can be transferred to a worker.
 */
import { cutMasks, findCut, type ChunkerParams, type CutMasks } from './fastcdc.js';

/** Splits what is pushed into content-defined chunks. */
export class StreamChunker {
  private readonly masks: CutMasks;
  private readonly buffer: Uint8Array;
  private start = 0;
  private end = 0;

  constructor(
    private readonly params: ChunkerParams,
    private readonly gear: Int32Array,
  ) {
    this.masks = cutMasks(params);
    this.buffer = new Uint8Array(params.max * 2);
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

  /** The remaining chunks at the end of the stream. */
  *finish(): Generator<Uint8Array> {
    while (this.end > this.start) yield this.cut();
    this.start = 0;
    this.end = 0;
  }

  private cut(): Uint8Array {
    const length = findCut(this.buffer, this.start, this.end, this.params, this.masks, this.gear);
    const chunk = this.buffer.slice(this.start, this.start + length);
    this.start += length;
    return chunk;
  }
}

/** The chunks of a whole stream. */
export async function* chunkStream(source: AsyncIterable<Uint8Array>, params: ChunkerParams, gear: Int32Array): AsyncGenerator<Uint8Array> {
  const chunker = new StreamChunker(params, gear);
  for await (const block of source) yield* chunker.push(block);
  yield* chunker.finish();
}
