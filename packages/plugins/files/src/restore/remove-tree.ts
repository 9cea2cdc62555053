/**
 * Removes what stands in the way of a restored item: a file or link is unlinked (never
 * followed), a directory emptied through handles opened without following links, as the rest
 * of the restore is, so a link swapped in meanwhile cannot lead the removal elsewhere.
 */
import { opendir, rmdir, unlink } from 'node:fs/promises';
import { errorCode } from '../errors/plugin-errors.js';
import type { Directory } from './directory.js';

/** Removes `name` inside `parent`, with everything under it when it is a directory (`isDirectory`). */
export async function removeEntry(parent: Directory, name: string, isDirectory: boolean): Promise<void> {
  if (!isDirectory) {
    // A file system that does not give entry types in listings makes a directory look like a file.
    const removed = await unlink(await parent.nameOf(name)).then(
      () => true,
      (error: unknown) => {
        // Gone already: what stood in the way is out of it.
        if (errorCode(error) === 'ENOENT') return true;
        if (errorCode(error) !== 'EISDIR') throw error;
        return false;
      },
    );
    if (removed) return;
  }
  const directory = await parent.openChild(name);
  try {
    const inside: { readonly name: string; readonly isDirectory: boolean }[] = [];
    for await (const entry of await opendir(await directory.self())) inside.push({ name: entry.name, isDirectory: entry.isDirectory() });
    for (const entry of inside) await removeEntry(directory, entry.name, entry.isDirectory);
  } finally {
    await directory.close();
  }
  await rmdir(await parent.nameOf(name));
}
