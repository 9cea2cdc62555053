import type { BackupOptions, EntryMetadata, EntryPath } from '@dpmsh/sdk';

/**
 * True when an incremental backup may report the file unchanged: the previous point holds a file
 * at the path with the same size, modification time, change time and inode. The change time
 * catches what a touch back to the old mtime would hide; the inode catches a file replaced by another.
 */
export function isUnchanged(options: BackupOptions, path: EntryPath, metadata: EntryMetadata): boolean {
  if (options.kind !== 'incremental' || options.previous === null) return false;
  const before = options.previous.lookup(path);
  return (
    before?.type === 'file' &&
    before.metadata.size === metadata.size &&
    before.metadata.mtimeMs === metadata.mtimeMs &&
    before.metadata.ctimeMs === metadata.ctimeMs &&
    before.metadata.inode === metadata.inode
  );
}
