/**
 * The warnings that name each skipped item. The wording follows @dpmsh/core's file-type rules
 * (the seed's unsupported file types), which a plugin may not import: links and other reparse
 * points, special files and the second names of hard-linked files are not backed up.
 */
import type { Stats } from 'node:fs';

/** What a non-file, non-directory entry is, in words. */
function specialKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isBlockDevice()) return 'a block device';
  return 'a character device';
}

/** The warning for an entry skipped for its type (a link or a special file). */
export function skippedForType(path: string, stats: Stats): string {
  if (stats.isSymbolicLink()) return `Skipped ${path}: a symbolic link; links and other reparse points are not backed up.`;
  return `Skipped ${path}: ${specialKind(stats)}; devices, FIFOs and sockets are not backed up, only files and directories.`;
}

/** The warning for the second or later name of a hard-linked file. */
export function skippedHardLink(path: string, firstPath: string): string {
  return `Skipped ${path}: another name of ${firstPath}, which is backed up; hard links are not backed up twice.`;
}

/** The warning for a directory that is another volume's mount point. */
export function skippedMountPoint(path: string): string {
  return `Skipped ${path}: the mount point of another volume; protect that volume as a data source of its own.`;
}

/** The warning for an entry whose name cannot be kept as text. */
export function skippedBadName(path: string): string {
  return `Skipped ${path}: its name is not valid UTF-8.`;
}

/** The warning for an entry that could not be read (it vanished, or access was denied). */
export function skippedUnreadable(path: string, code: string | undefined): string {
  if (code === 'ENOENT' || code === 'ENOTDIR') return `Skipped ${path}: it vanished during the backup.`;
  if (code === 'EACCES' || code === 'EPERM') return `Skipped ${path}: permission denied.`;
  return `Skipped ${path}: it cannot be read (${code ?? 'unknown error'}).`;
}

/** The warning for a directory whose contents could not be listed. */
export function skippedContents(path: string, code: string | undefined): string {
  return skippedUnreadable(path, code).replace(/^Skipped /, 'Skipped the contents of ');
}
