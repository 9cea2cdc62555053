/**
 * Temporary files of a restore: each file's content is written under a temporary name in its
 * directory and renamed over its own name once complete, so a killed restore leaves at most such
 * temporary files, never part of a file under its name. A later restore that opens the directory
 * removes them.
 */
import { randomBytes } from 'node:crypto';
import { opendir, unlink } from 'node:fs/promises';
import { errorCode } from '../errors/plugin-errors.js';
import type { Directory } from './directory.js';

const PREFIX = '.dpmsh-restore-';
// This prefix, and the `.<name>.dpmsh-restore-<hex>` names earlier versions used.
const LEFTOVER = /^\.(?:.*\.)?dpmsh-restore-[0-9a-f]{12,}$/;

/** A fresh temporary name. */
export function temporaryName(): string {
  return `${PREFIX}${randomBytes(8).toString('hex')}`;
}

/** Removes the temporary files a killed restore left in `directory`; returns how many. */
export async function reclaimLeftovers(directory: Directory): Promise<number> {
  const found: string[] = [];
  for await (const entry of await opendir(await directory.self())) if (entry.isFile() && LEFTOVER.test(entry.name)) found.push(entry.name);
  for (const name of found) {
    await unlink(await directory.nameOf(name)).catch((error: unknown) => {
      if (errorCode(error) !== 'ENOENT') throw error;
    });
  }
  return found.length;
}
