/**
 * The recovery folder and the scratch location: folders that exist or can be created, and that
 * the server can write to. A folder this check creates is removed again if the operation that
 * asked for it fails.
 */
import { constants } from 'node:fs';
import { access, mkdir, rm, statfs, stat } from 'node:fs/promises';
import { unusableFolderError, type FolderRole } from '@dpmsh/core';

/** A folder made ready; `createdRoot` is the outermost folder this check created, if any. */
export interface PreparedFolder {
  readonly path: string;
  readonly createdRoot?: string;
}

/** Ensures a folder exists (creating it) and is writable; refuses with the role's domain error. */
export async function prepareFolder(role: FolderRole, path: string): Promise<PreparedFolder> {
  let createdRoot: string | undefined;
  try {
    const info = await stat(path);
    if (!info.isDirectory()) throw unusableFolderError(role, path, 'it exists and is not a folder');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (error instanceof Error && error.name === 'DomainError') throw error;
      throw unusableFolderError(role, path, (error as Error).message);
    }
    try {
      createdRoot = await mkdir(path, { recursive: true, mode: 0o700 });
    } catch (mkdirError) {
      throw unusableFolderError(role, path, `it cannot be created: ${(mkdirError as NodeJS.ErrnoException).code ?? (mkdirError as Error).message}`);
    }
  }
  try {
    await access(path, constants.W_OK);
  } catch {
    if (createdRoot) await rm(createdRoot, { recursive: true, force: true });
    throw unusableFolderError(role, path, 'it is not writable');
  }
  return { path, createdRoot };
}

/** Removes folders this operation created, after it failed. */
export async function undoFolders(folders: readonly PreparedFolder[]): Promise<void> {
  for (const f of folders) if (f.createdRoot) await rm(f.createdRoot, { recursive: true, force: true });
}

/** Free bytes on the volume of a folder. */
export async function freeBytes(path: string): Promise<number> {
  const s = await statfs(path);
  return s.bavail * s.bsize;
}
