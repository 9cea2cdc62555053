/**
 * File content as the in-memory store keeps it. Runs of zero bytes are kept as their length, so a
 * large sparse file costs only its data; everything else is copied, because a plugin's chunk
 * belongs to the consumer once yielded and the store must keep it as it was.
 */
import type { ContentSource } from '../contract.js';

/** A chunk of stored content: its bytes, or the length of a run of zeros. */
export type StoredChunk = Uint8Array | number;

/** Content kept in memory. */
export interface StoredContent {
  readonly chunks: readonly StoredChunk[];
  readonly size: number;
}

const ZEROS = new Uint8Array(1 << 20);
const REPLAY_BLOCK = 1 << 20;

/** True when every byte of `bytes` is zero. */
export function isAllZero(bytes: Uint8Array): boolean {
  for (let offset = 0; offset < bytes.length; offset += ZEROS.length) {
    const part = bytes.subarray(offset, offset + ZEROS.length);
    if (!Buffer.from(part.buffer, part.byteOffset, part.length).equals(ZEROS.subarray(0, part.length))) return false;
  }
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

/**
 * Reads a content source once into memory. `violation` is called with a description when the
 * source yields something other than a Uint8Array, or changes a chunk after yielding it.
 */
export async function storeContent(source: ContentSource, violation: (problem: string) => never, signal?: AbortSignal): Promise<StoredContent> {
  const chunks: StoredChunk[] = [];
  let size = 0;
  // Only the newest chunk is watched: a plugin that reuses one buffer changes it on the next read.
  let watched: { readonly yielded: Uint8Array; readonly copy: Uint8Array } | undefined;
  const checkWatched = (): void => {
    if (watched !== undefined && !sameBytes(watched.yielded, watched.copy)) {
      violation('a content chunk changed after it was yielded (reuse of one buffer); yield a fresh Uint8Array each time');
    }
  };
  for await (const chunk of source()) {
    signal?.throwIfAborted();
    checkWatched();
    if (!(chunk instanceof Uint8Array)) violation(`content yielded ${typeof chunk}, not a Uint8Array`);
    if (chunk.length === 0) continue;
    const copy = chunk.slice();
    watched = { yielded: chunk, copy };
    size += copy.length;
    const last = chunks.at(-1);
    if (!isAllZero(copy)) chunks.push(copy);
    else if (typeof last === 'number') chunks[chunks.length - 1] = last + copy.length;
    else chunks.push(copy.length);
  }
  checkWatched();
  return { chunks, size };
}

/** A content source over stored content, yielding fresh chunks of at most 1 MiB. */
export function replayContent(content: StoredContent): ContentSource {
  return async function* replay() {
    for (const chunk of content.chunks) {
      if (typeof chunk !== 'number') {
        yield chunk.slice();
        continue;
      }
      for (let left = chunk; left > 0; left -= REPLAY_BLOCK) yield new Uint8Array(Math.min(left, REPLAY_BLOCK));
    }
  };
}
