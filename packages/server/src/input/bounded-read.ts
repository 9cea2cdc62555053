/**
 * Files the server reads from a path a user gave (a vault credentials file, a passphrase file) are
 * read with a bound and only when they are regular files: a FIFO would block the read forever, a
 * device such as /dev/urandom never ends, and a huge file would fill memory before it is refused.
 * The file is opened without blocking (O_NONBLOCK makes opening a FIFO with no writer return at
 * once), checked with fstat on the open descriptor (so a swap of the path after the check changes
 * nothing), and read to at most `limit` bytes.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Stats } from 'node:fs';

/** Why a file given as input was refused before or while it was read. */
export class InputFileRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'InputFileRefusedError';
  }
}

/** The bytes of a regular file of at most `limit` bytes; InputFileRefusedError for anything else, errno errors as they come. */
export async function readBoundedFile(path: string, limit: number): Promise<Buffer> {
  const file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    const stats = await file.stat();
    if (!stats.isFile()) throw new InputFileRefusedError(path, `it is ${kindOf(stats)}, not a regular file`);
    if (stats.size > limit) throw new InputFileRefusedError(path, `it is ${formatSize(stats.size)}, more than the ${formatSize(limit)} such a file can be`);
    // The size is read again as the bytes come: a file that grows after fstat is still cut at the bound.
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) throw new InputFileRefusedError(path, `it grew past ${formatSize(limit)} while it was read`);
    }
    return buffer.subarray(0, length);
  } finally {
    await file.close();
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(bytes % 1024 ** 3 === 0 ? 0 : 1)} GiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
  return `${String(bytes)} bytes`;
}
