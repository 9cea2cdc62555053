/**
 * Gives a restored entry its recorded owner, permissions and times, always through an open
 * handle, never a path: a path could meanwhile lead through a link to something the restore did
 * not create. The owner comes first because chown clears set-user-ID bits; owners are restored
 * only when running as root, and a refused chown (an id unmapped in a user namespace) leaves the
 * restoring user as owner.
 */
import type { FileHandle } from 'node:fs/promises';
import type { EntryMetadata } from '@dpmsh/sdk';
import { errorCode } from '../errors/plugin-errors.js';

const isRoot = (): boolean => process.getuid?.() === 0;

async function ignoringRefusal(change: Promise<void>): Promise<void> {
  await change.catch((error: unknown) => {
    if (errorCode(error) !== 'EPERM' && errorCode(error) !== 'EINVAL') throw error;
  });
}

/** Applies metadata through an open handle: a file before it is renamed into place, a directory once everything inside it is written. */
export async function applyToHandle(handle: FileHandle, metadata: EntryMetadata): Promise<void> {
  if (isRoot()) await ignoringRefusal(handle.chown(metadata.uid, metadata.gid));
  await handle.chmod(metadata.mode & 0o7777);
  await handle.utimes(metadata.atimeMs / 1000, metadata.mtimeMs / 1000);
}
