/**
 * An open directory of a restore target, and the way names inside it are reached without
 * following a link the restore did not create. Node has no openat(), but on Linux
 * /proc/self/fd/<fd>/<name> resolves <name> inside the directory the handle holds, wherever it
 * has been moved and whatever now stands at its old path: a name reached that way is a name in
 * that very directory. Where /proc is missing, the directory's path is used instead, after an
 * lstat right before each use shows it still is the held directory (same device and inode); that
 * narrows the window an attacker has to the moment between the check and the call.
 */
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { restoreTargetChanged } from '../errors/plugin-errors.js';

/** Opens a directory without following a link at its last part. */
const OPEN_DIRECTORY = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;

/** A directory's identity: what stays the same when it is renamed, and differs for any other. */
export interface Identity {
  readonly dev: number;
  readonly ino: number;
}

/** True when `a` and `b` are the same directory (or file). */
export const sameIdentity = (a: Identity, b: Identity): boolean => a.dev === b.dev && a.ino === b.ino;

/** Where a directory is: the path shown to the user, and (without /proc) the link-free path used after a check. */
interface Place {
  readonly shown: string;
  readonly real: string;
  /** The restore target, for messages. */
  readonly target: string;
  readonly viaProc: boolean;
}

/** An open directory; names inside it are reached through `nameOf`. */
export class Directory {
  private constructor(
    readonly handle: FileHandle,
    /** Its fstat when opened: identity, owner and permissions. */
    readonly stats: Stats,
    private readonly place: Place,
  ) {}

  /**
   * Opens the restore target at `path`, following links on the way: the target itself is the
   * administrator's choice. `viaProc` false forces the fallback (for tests); undefined uses
   * /proc/self/fd when it resolves the handle.
   */
  static async openTarget(path: string, viaProc?: boolean): Promise<Directory> {
    const handle = await open(path, constants.O_RDONLY | constants.O_DIRECTORY);
    try {
      const stats = await handle.stat();
      const proc = viaProc ?? (await procResolves(handle, stats));
      // The fallback compares lstat of the path with the handle, so that path must hold no link.
      return new Directory(handle, stats, { shown: path, real: proc ? path : await realpath(path), target: path, viaProc: proc });
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The path shown to the user. */
  get path(): string {
    return this.place.shown;
  }

  /** A path that reaches `name` inside this directory; throws RestoreTargetChanged when none can. */
  async nameOf(name: string): Promise<string> {
    if (this.place.viaProc) return `/proc/self/fd/${this.handle.fd}/${name}`;
    await this.checkPath();
    return join(this.place.real, name);
  }

  /** A path that reaches this directory itself, for listing it. */
  async self(): Promise<string> {
    if (this.place.viaProc) return `/proc/self/fd/${this.handle.fd}`;
    await this.checkPath();
    return this.place.real;
  }

  /** Opens the directory `name` inside this one without following a link there. */
  async openChild(name: string): Promise<Directory> {
    const handle = await open(await this.nameOf(name), OPEN_DIRECTORY);
    try {
      const place = { ...this.place, shown: join(this.place.shown, name), real: join(this.place.real, name) };
      return new Directory(handle, await handle.stat(), place);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Throws RestoreTargetChanged naming this directory. */
  changed(): never {
    throw restoreTargetChanged(this.place.shown, this.place.target);
  }

  /** Closes the handle. */
  async close(): Promise<void> {
    await this.handle.close();
  }

  private async checkPath(): Promise<void> {
    const now = await lstat(this.place.real).catch(() => undefined);
    if (now === undefined || !now.isDirectory() || !sameIdentity(now, this.stats)) this.changed();
  }
}

async function procResolves(handle: FileHandle, identity: Identity): Promise<boolean> {
  const resolved = await stat(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
  return resolved !== undefined && sameIdentity(resolved, identity);
}
