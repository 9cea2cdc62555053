/**
 * Where a restore writes, and the guard that keeps it there: entry paths are checked against the
 * entry-path rules, and every directory written into must resolve (links followed) inside the
 * target, so neither a crafted path nor a link planted in the target leads a write elsewhere.
 */
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { EntryPath, RecoveryPointReader, RestoreOptions } from '@dpmsh/sdk';
import { entryPathProblem } from '@dpmsh/sdk';
import { errorCode, invalidRestoreTarget, restoreOutsideTarget } from '../errors/plugin-errors.js';

/** The absolute directory a restore writes under: the data source's own path, or the alternate path. */
export function targetDirectory(reader: RecoveryPointReader, options: RestoreOptions): string {
  if (options.target.kind === 'original') {
    const path = reader.source.path;
    if (path === undefined || !isAbsolute(path)) throw invalidRestoreTarget(`the data source ${reader.source.name} has no absolute path to restore to`);
    return resolve(path);
  }
  if (!isAbsolute(options.target.path)) throw invalidRestoreTarget(`the alternate location '${options.target.path}' is not an absolute path`, options.target.path);
  return resolve(options.target.path);
}

/** Keeps writes inside one target directory. */
export class TargetGuard {
  private readonly checked = new Set<string>();

  private constructor(
    readonly root: string,
    private readonly realRoot: string,
  ) {}

  /** Creates the target directory when missing and returns a guard over it. */
  static async open(root: string): Promise<TargetGuard> {
    await mkdir(root, { recursive: true });
    return new TargetGuard(root, await realpath(root));
  }

  /** The absolute path of an entry; throws RestoreOutsideTarget for a path that breaks the entry-path rules. */
  pathOf(path: EntryPath): string {
    if (entryPathProblem(path) !== undefined) throw restoreOutsideTarget(path, this.root);
    return join(this.root, ...path.split('/'));
  }

  /** Makes sure the directory holding `target` exists and resolves inside the target; throws RestoreOutsideTarget otherwise. */
  async parentReady(target: string): Promise<void> {
    const parent = dirname(target);
    if (this.checked.has(parent)) return;
    // The reader gives directories before their contents, so the parent normally exists; when it
    // does not, its nearest existing ancestor is checked before anything is created under it.
    let existing = parent;
    while (!(await exists(existing))) existing = dirname(existing);
    this.assertInside(await realpath(existing), target);
    if (existing !== parent) {
      await mkdir(parent, { recursive: true, mode: 0o700 });
      this.assertInside(await realpath(parent), target);
    }
    this.checked.add(parent);
  }

  /** Forgets a directory's check, after something replaced it. */
  forget(directory: string): void {
    this.checked.delete(directory);
  }

  private assertInside(real: string, target: string): void {
    if (real !== this.realRoot && !real.startsWith(this.realRoot.endsWith(sep) ? this.realRoot : `${this.realRoot}${sep}`)) {
      throw restoreOutsideTarget(target, this.root);
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}
