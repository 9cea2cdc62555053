import type { Stats } from 'node:fs';
import type { EntryMetadata } from '@dpmsh/sdk';

/** The entry metadata of a stat result (directories have size 0, as the contract says). */
export function metadataOf(stats: Stats): EntryMetadata {
  return {
    mode: stats.mode,
    uid: stats.uid,
    gid: stats.gid,
    size: stats.isDirectory() ? 0 : stats.size,
    mtimeMs: stats.mtimeMs,
    atimeMs: stats.atimeMs,
    ctimeMs: stats.ctimeMs,
    inode: stats.ino,
  };
}

/** True when a file has fewer bytes allocated than its size: it has holes. */
export function isSparse(stats: Stats): boolean {
  return stats.blocks * 512 < stats.size;
}
