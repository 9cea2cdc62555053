/**
 * Writes restored content into a new file. A sparse file's zero blocks are not written, only
 * skipped over, and the file is then truncated to its length: the holes come back as holes.
 */
import type { FileHandle } from 'node:fs/promises';

// The usual file-system block: a hole can only be as small as a block.
const HOLE_BLOCK = 4096;
const ZEROS = Buffer.alloc(HOLE_BLOCK);

function isZero(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).equals(ZEROS.subarray(0, bytes.length));
}

async function writeAll(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

/** Writes a chunk's non-zero runs, block-aligned to the file, at their offsets. */
async function writeSparse(handle: FileHandle, chunk: Uint8Array, position: number): Promise<void> {
  let runStart = -1;
  for (let at = 0; at < chunk.length; ) {
    const end = Math.min(chunk.length, at + HOLE_BLOCK - ((position + at) % HOLE_BLOCK));
    const zero = isZero(chunk.subarray(at, end));
    if (!zero && runStart < 0) runStart = at;
    if (zero && runStart >= 0) {
      await writeAll(handle, chunk.subarray(runStart, at), position + runStart);
      runStart = -1;
    }
    at = end;
  }
  if (runStart >= 0) await writeAll(handle, chunk.subarray(runStart), position + runStart);
}

/** Writes all of `content` into an empty file and returns its length. */
export async function writeContent(handle: FileHandle, content: AsyncIterable<Uint8Array>, sparse: boolean, signal: AbortSignal): Promise<number> {
  let position = 0;
  for await (const chunk of content) {
    signal.throwIfAborted();
    if (sparse) await writeSparse(handle, chunk, position);
    else await writeAll(handle, chunk, position);
    position += chunk.length;
  }
  // Sets the length a trailing hole leaves unwritten.
  await handle.truncate(position);
  return position;
}
