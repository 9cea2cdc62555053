/**
 * A file's content as the SDK's ContentSource: 1 MiB reads into a fresh buffer each, because the
 * server may keep a chunk after asking for the next. It reads the size the entry was yielded with,
 * so content and metadata agree, and warns when the file changed meanwhile.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ContentSource, PluginContext } from '@dpmsh/sdk';

/** The size of one read. */
export const READ_BLOCK = 1 << 20;

// O_NOFOLLOW: a file swapped for a link is never followed; O_NONBLOCK: one swapped for a FIFO never hangs.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Opens a file the way the backup reads it; throws as open does. */
export function openForBackup(path: string) {
  return open(path, OPEN_FLAGS);
}

/** The content of the file at `path`, `size` bytes long unless it shrank. */
export function fileContent(path: string, size: number, mtimeMs: number, context: PluginContext): ContentSource {
  return async function* read() {
    const handle = await openForBackup(path);
    try {
      let offset = 0;
      while (offset < size) {
        context.signal.throwIfAborted();
        const buffer = Buffer.allocUnsafe(Math.min(READ_BLOCK, size - offset));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
        yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
      }
      const now = await handle.stat();
      if (now.size !== size || now.mtimeMs !== mtimeMs) {
        context.warn(`${path} changed while it was backed up; the recovery point holds ${offset} of its bytes as they were read.`);
      }
    } finally {
      await handle.close();
    }
  };
}
