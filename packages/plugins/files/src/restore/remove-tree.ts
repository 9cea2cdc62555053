/**
 * Removes what stands in the way of a restored item: a file or link is unlinked (never
 * followed), a directory emptied through handles opened without following links, as the rest
 * of the restore is, so a link swapped in meanwhile cannot lead the removal elsewhere.
 */
import { lstat, opendir, rmdir, unlink } from 'node:fs/promises';
import { errorCode } from '../errors/plugin-errors.js';
import type { Directory } from './directory.js';

const unless =
  (...codes: string[]) =>
  (error: unknown): void => {
    if (!codes.includes(errorCode(error) ?? '')) throw error;
  };

/** Removes `name` inside `parent`, with everything under it when it is a directory (`isDirectory`). */
export async function removeEntry(parent: Directory, name: string, isDirectory: boolean): Promise<void> {
  if (!isDirectory) {
    // Gone already, or a directory took its place meanwhile: either way the caller meets what is there now.
    await unlink(await parent.nameOf(name)).catch(unless('ENOENT', 'EISDIR'));
    return;
  }
  const directory = await parent.openChild(name);
  try {
    const names: string[] = [];
    for await (const entry of await opendir(await directory.self())) names.push(entry.name);
    for (const inside of names) {
      // lstat, not the listing's type: some file systems give none.
      const found = await lstat(await directory.nameOf(inside)).catch(() => undefined);
      if (found !== undefined) await removeEntry(directory, inside, found.isDirectory());
    }
  } finally {
    await directory.close();
  }
  await rmdir(await parent.nameOf(name)).catch(unless('ENOENT'));
}
