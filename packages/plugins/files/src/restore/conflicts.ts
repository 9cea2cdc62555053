/**
 * What exists at a restored item's place. An existing directory where a directory is restored is
 * merged into, never a conflict; anything else existing at an item's place is, and the overwrite
 * policy decides.
 */
import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import type { RecoveredEntry, RecoveryPointReader, RestoreOptions } from '@dpmsh/sdk';
import { parentEntryPath } from '@dpmsh/sdk';
import { errorCode, restoreTargetExists } from '../errors/plugin-errors.js';
import type { Directory } from './directory.js';
import type { TargetTree } from './target.js';

/** The lstat of what is at `name` in `directory`, or undefined when nothing is. */
export async function existing(directory: Directory, name: string): Promise<Stats | undefined> {
  try {
    return await lstat(await directory.nameOf(name));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** True when restoring `entry` over what exists (`found`) is a conflict. */
export function conflicts(entry: RecoveredEntry, found: Stats | undefined): boolean {
  if (found === undefined) return false;
  return entry.type !== 'directory' || !found.isDirectory();
}

/**
 * For the 'fail' policy: throws RestoreTargetExists for the first conflicting item before
 * anything is written, so a refused restore leaves the target as it was. `tree` must be one
 * that creates nothing.
 */
export async function assertNoConflicts(reader: RecoveryPointReader, options: RestoreOptions, tree: TargetTree): Promise<void> {
  for await (const entry of reader.entries(options.items)) {
    if (entry.type === 'stream') continue;
    const path = tree.pathOf(entry.path);
    const parent = await tree.directory(parentEntryPath(entry.path));
    if (parent !== undefined && conflicts(entry, await existing(parent, entry.path.slice(entry.path.lastIndexOf('/') + 1)))) throw restoreTargetExists(path);
  }
}
