/**
 * FastCDC (Xia et al., USENIX ATC 2016): a gear rolling hash with normalized chunking at level
 * 2. Below the minimum size nothing is hashed (cut-point skipping); up to the average size a
 * harder mask (2 more bits) makes a cut unlikely, past it an easier one (2 fewer bits) makes one
 * likely, which pulls sizes towards the average. The hash is 32-bit so it stays in V8's small
 * integers; the masks take the high bits, which depend on the last 32 bytes (the window).
 */

/** Chunk sizes in bytes; avg must be a power of two. */
export interface ChunkerParams {
  readonly min: number;
  readonly avg: number;
  readonly max: number;
}

/** The repository's sizes: 256 KiB, 1 MiB, 4 MiB. */
export const DEFAULT_CHUNKER_PARAMS: ChunkerParams = { min: 256 * 1024, avg: 1024 * 1024, max: 4 * 1024 * 1024 };

/** The two masks of normalized chunking for an average size. */
export interface CutMasks {
  readonly small: number;
  readonly large: number;
}

const topBits = (count: number): number => (count >= 32 ? -1 : (0xffffffff << (32 - count)) | 0);

/** Masks for level-2 normalization: log2(avg) + 2 bits before the average, log2(avg) - 2 after. */
export function cutMasks(params: ChunkerParams): CutMasks {
  const bits = Math.log2(params.avg);
  if (!Number.isInteger(bits) || bits < 4) throw new RangeError(`The average chunk size must be a power of two of at least 16 bytes, not ${params.avg}.`);
  if (!(params.min > 0 && params.min <= params.avg && params.avg <= params.max)) {
    throw new RangeError(`Chunk sizes must satisfy 0 < min <= avg <= max (got ${params.min}, ${params.avg}, ${params.max}).`);
  }
  return { small: topBits(bits + 2), large: topBits(bits - 2) };
}

/**
 * The length of the chunk starting at `start`, looking at no byte at or past `end`. When fewer
 * than `max` bytes are available the answer is only final at the end of the stream.
 */
export function findCut(data: Uint8Array, start: number, end: number, params: ChunkerParams, masks: CutMasks, gear: Int32Array): number {
  const available = end - start;
  if (available <= params.min) return available;
  const limit = Math.min(available, params.max);
  const normalEnd = start + Math.min(limit, params.avg);
  const limitEnd = start + limit;
  const small = masks.small;
  const large = masks.large;
  let hash = 0;
  let i = start + params.min;
  for (; i < normalEnd; i++) {
    hash = ((hash << 1) + gear[data[i]]) | 0;
    if ((hash & small) === 0) return i - start + 1;
  }
  for (; i < limitEnd; i++) {
    hash = ((hash << 1) + gear[data[i]]) | 0;
    if ((hash & large) === 0) return i - start + 1;
  }
  return limit;
}
