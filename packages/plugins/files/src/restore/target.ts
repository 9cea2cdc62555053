/**
 * Where a restore writes, and the tree of directories it holds there. Entry paths are checked
 * against the entry-path rules, and every directory is opened from its already-open parent
 * without following a link (directory.ts), so neither a crafted path, nor a link planted in the
 * target, nor a directory swapped for a link while the restore runs leads a write elsewhere.
 * Each directory's identity is remembered when it is first opened: meeting another one at its
 * place later, or a link, means someone replaced it, and the restore stops with
 * RestoreTargetChanged.
 */
import { lstat, mkdir } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { EntryPath, RecoveryPointReader, RestoreOptions } from '@dpmsh/sdk';
import { entryPathProblem, parentEntryPath } from '@dpmsh/sdk';
import { errorCode, invalidRestoreTarget, restoreOutsideTarget, restoreTargetChanged } from '../errors/plugin-errors.js';
import type { Identity } from './directory.js';
import { Directory, sameIdentity } from './directory.js';
import { reclaimLeftovers } from './leftovers.js';

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

/** How a target tree reaches names: through /proc/self/fd (the default where it works) or re-checked paths. */
export interface TreeAccess {
  /** False forces the re-checked paths, as where /proc is missing; undefined detects. */
  readonly viaProc?: boolean;
}

// Open directory handles kept for reuse; the others are opened again (and checked) when needed.
const OPEN_HANDLES = 64;

const nameIn = (path: EntryPath): string => path.slice(path.lastIndexOf('/') + 1);
const depth = (path: EntryPath): number => path.split('/').length;

/** The directories of one restore target, opened without following links. */
export class TargetTree {
  /** Open handles, least recently used first. */
  private readonly handles = new Map<EntryPath, Directory>();
  /** Every directory this restore opened or created, by entry path. */
  private readonly identities = new Map<EntryPath, Identity>();
  private readonly created = new Set<EntryPath>();
  /** Temporary files of killed restores removed so far. */
  leftoversRemoved = 0;

  private constructor(
    readonly root: string,
    private readonly top: Directory,
    private readonly creates: boolean,
  ) {}

  /**
   * Opens the tree at `root`. With `creates`, the target and missing directories are created and
   * leftovers of killed restores removed from directories opened; without it, nothing is changed.
   */
  static async open(root: string, creates: boolean, access: TreeAccess = {}): Promise<TargetTree> {
    if (creates) await mkdir(root, { recursive: true });
    const tree = new TargetTree(root, await Directory.openTarget(root, access.viaProc), creates);
    if (creates) tree.leftoversRemoved += await reclaimLeftovers(tree.top);
    return tree;
  }

  /** The absolute path of an entry; throws RestoreOutsideTarget for a path that breaks the entry-path rules. */
  pathOf(path: EntryPath): string {
    if (entryPathProblem(path) !== undefined) throw restoreOutsideTarget(path, this.root);
    return join(this.root, ...path.split('/'));
  }

  /**
   * The directory at `path` ('' for the target itself), opened from its parent. A missing one is
   * created (mode 0700 until the restore sets its own) when the tree creates, else undefined.
   */
  async directory(path: EntryPath | ''): Promise<Directory | undefined> {
    if (path === '') return this.top;
    const held = this.handles.get(path);
    if (held !== undefined) {
      this.handles.delete(path);
      this.handles.set(path, held);
      return held;
    }
    const parent = await this.directory(parentEntryPath(path));
    if (parent === undefined) return undefined;
    let opened = await this.openIn(parent, path);
    if (opened === undefined) {
      if (!this.creates) return undefined;
      const made = await mkdir(await parent.nameOf(nameIn(path)), { mode: 0o700 }).then(
        () => true,
        (error: unknown) => {
          if (errorCode(error) !== 'EEXIST') throw error;
          return false;
        },
      );
      opened = await this.openIn(parent, path);
      if (opened === undefined) throw restoreTargetChanged(this.pathOf(path), this.root);
      // Between mkdir and open another directory could take the name: nothing tells which one
      // mkdir made (its owner and mode differ with ACLs and NFS), so it is adopted as the one made.
      if (made) this.created.add(path);
    }
    await this.remember(path, opened);
    return opened;
  }

  /** True when this restore created the directory at `path`. */
  wasCreated(path: EntryPath): boolean {
    return this.created.has(path);
  }

  /** Forgets `path` and everything under it, after the restore removed it. */
  async forget(path: EntryPath): Promise<void> {
    const under = (known: EntryPath): boolean => known === path || known.startsWith(`${path}/`);
    for (const [known, directory] of this.handles) {
      if (!under(known)) continue;
      this.handles.delete(known);
      await directory.close();
    }
    for (const known of [...this.identities.keys()]) if (under(known)) this.identities.delete(known);
    for (const known of [...this.created]) if (under(known)) this.created.delete(known);
  }

  /**
   * Calls `each` with every directory the restore opened or created, deepest first, then with the
   * target itself (''), each after checking it still stands at its place: the last chance to
   * notice a swap before owners, permissions and times are set, and before the restore reports success.
   */
  async finish(each: (path: EntryPath | '', directory: Directory) => Promise<void>): Promise<void> {
    const paths = [...this.identities.keys()].sort((a, b) => depth(b) - depth(a));
    for (const path of paths) {
      const parent = await this.directory(parentEntryPath(path));
      const known = this.identities.get(path);
      const now = parent === undefined ? undefined : await lstat(await parent.nameOf(nameIn(path))).catch(() => undefined);
      if (known === undefined || now === undefined || !now.isDirectory() || !sameIdentity(now, known)) throw restoreTargetChanged(this.pathOf(path), this.root);
      const directory = await this.directory(path);
      if (directory === undefined) throw restoreTargetChanged(this.pathOf(path), this.root);
      await each(path, directory);
    }
    await each('', this.top);
  }

  /**
   * The error to report for `error`: a name missing inside a held directory means that directory
   * was removed from the target (another one took its place) while the restore held it.
   */
  async explain(error: unknown): Promise<unknown> {
    if (errorCode(error) !== 'ENOENT') return error;
    for (const directory of [this.top, ...this.handles.values()]) {
      const stats = await directory.handle.stat().catch(() => undefined);
      if (stats?.nlink === 0) return restoreTargetChanged(directory.path, this.root);
    }
    return error;
  }

  /** Closes every handle. */
  async close(): Promise<void> {
    for (const directory of this.handles.values()) await directory.close();
    this.handles.clear();
    await this.top.close();
  }

  /** Opens `path` inside `parent`; undefined when nothing is there. */
  private async openIn(parent: Directory, path: EntryPath): Promise<Directory | undefined> {
    try {
      return await parent.openChild(nameIn(path));
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') return undefined;
      if (code !== 'ENOTDIR' && code !== 'ELOOP') throw error;
      // A directory this restore already held is now something else; a link it never saw was planted.
      if (this.identities.has(path)) throw restoreTargetChanged(this.pathOf(path), this.root);
      const found = await lstat(await parent.nameOf(nameIn(path))).catch(() => undefined);
      if (found?.isSymbolicLink() === true) throw restoreOutsideTarget(this.pathOf(path), this.root);
      // Not a directory when opened, and a directory or nothing a moment later: being swapped.
      if (found === undefined || found.isDirectory()) throw restoreTargetChanged(this.pathOf(path), this.root);
      throw error;
    }
  }

  private async remember(path: EntryPath, directory: Directory): Promise<void> {
    const known = this.identities.get(path);
    if (known !== undefined && !sameIdentity(known, directory.stats)) {
      await directory.close();
      throw restoreTargetChanged(this.pathOf(path), this.root);
    }
    if (known === undefined) {
      this.identities.set(path, directory.stats);
      if (this.creates && !this.created.has(path)) this.leftoversRemoved += await reclaimLeftovers(directory);
    }
    this.handles.set(path, directory);
    for (const [oldest, evicted] of this.handles) {
      if (this.handles.size <= OPEN_HANDLES) break;
      this.handles.delete(oldest);
      await evicted.close();
    }
  }
}
