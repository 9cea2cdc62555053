/**
 * The embedded vault's object data: one file per object under
 * `<vault dir>/objects/<vault id>/<server>/<name>`, written atomically (a temporary file, fsync,
 * rename, fsync of the directory), so an object is wholly there or absent after a crash.
 * A temporary file is named after the process writing it, so the files a killed process left
 * can be told from those a live one is still writing, and reclaimed when the vault next opens.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, unlink } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { objectNotFoundError, validateObjectName, validateObjectPrefix } from '../object-names.js';

const PRIVATE_DIRECTORY = 0o700;
const PRIVATE_FILE = 0o600;
const OBJECTS_DIRECTORY = 'objects';
// Temporary files live beside the vault directories (same file system, so rename is atomic) and
// never inside a server's store, so a listing cannot see a half-written object.
const TEMPORARY_DIRECTORY = '.tmp';

/** The object files of every vault in one vault directory. */
export class ObjectStore {
  private readonly root: string;

  constructor(vaultDir: string) {
    this.root = join(vaultDir, OBJECTS_DIRECTORY);
  }

  /** Stores an object, replacing any earlier one of that name. */
  async put(vaultId: string, serverId: string, name: string, data: Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
    const target = this.pathOf(vaultId, serverId, validateObjectName(name));
    const temporaryDir = join(this.root, TEMPORARY_DIRECTORY);
    await mkdir(temporaryDir, { recursive: true, mode: PRIVATE_DIRECTORY });
    const temporary = join(temporaryDir, `${process.pid}-${randomUUID()}`);
    const file = await open(temporary, 'wx', PRIVATE_FILE);
    try {
      try {
        for await (const chunk of data instanceof Uint8Array ? [data] : data) {
          let written = 0;
          while (written < chunk.length) {
            const { bytesWritten } = await file.write(chunk, written, chunk.length - written);
            written += bytesWritten;
          }
        }
        await file.sync();
      } finally {
        await file.close();
      }
      await mkdir(dirname(target), { recursive: true, mode: PRIVATE_DIRECTORY });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncDirectory(dirname(target));
  }

  /** The object's bytes; an error with code 'ENOENT' when there is none. */
  async get(vaultId: string, serverId: string, name: string): Promise<Uint8Array> {
    const path = this.pathOf(vaultId, serverId, validateObjectName(name));
    try {
      return new Uint8Array(await readFile(path));
    } catch (error) {
      if (isMissing(error) || isNotDirectory(error)) throw objectNotFoundError(name);
      throw error;
    }
  }

  /** Names that start with `prefix`, sorted. */
  async list(vaultId: string, serverId: string, prefix: string): Promise<string[]> {
    validateObjectPrefix(prefix);
    const base = this.serverDir(vaultId, serverId);
    // Walk only below the directory the prefix names fully ('data/3f' starts at 'data/').
    const slash = prefix.lastIndexOf('/');
    const start = slash < 0 ? '' : prefix.slice(0, slash + 1);
    const names: string[] = [];
    await walk(join(base, start), start, names);
    return names.filter((n) => n.startsWith(prefix)).sort();
  }

  /** Removes an object; no error when it is already gone. */
  async delete(vaultId: string, serverId: string, name: string): Promise<void> {
    const path = this.pathOf(vaultId, serverId, validateObjectName(name));
    try {
      await unlink(path);
    } catch (error) {
      if (!isMissing(error) && !isNotDirectory(error)) throw error;
      return;
    }
    await syncDirectory(dirname(path));
  }

  /**
   * Removes the temporary files of writers that are gone (a process killed mid-write); those of
   * live processes, this one included, stay. Returns how many were removed.
   */
  async reclaimTemporaryFiles(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(join(this.root, TEMPORARY_DIRECTORY));
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      // A name without a process id is from a version that did not record one; only a crash keeps such a file.
      const writer = /^(\d+)-/.exec(name)?.[1];
      if (writer !== undefined && processAlive(Number(writer))) continue;
      await rm(join(this.root, TEMPORARY_DIRECTORY, name), { force: true });
      removed += 1;
    }
    return removed;
  }

  /** Deletes every object of one vault (a removed vault). */
  deleteVault(vaultId: string): void {
    rmSync(join(this.root, vaultDirectoryName(vaultId)), { recursive: true, force: true });
  }

  /** Deletes every object of every vault (a deprovisioned subscription). */
  deleteAll(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  private serverDir(vaultId: string, serverId: string): string {
    return join(this.root, vaultDirectoryName(vaultId), serverDirectoryName(serverId));
  }

  private pathOf(vaultId: string, serverId: string, name: string): string {
    return join(this.serverDir(vaultId, serverId), ...name.split('/'));
  }
}

function vaultDirectoryName(vaultId: string): string {
  // Vault ids are GUIDs the vault made; checked anyway, since they become a path.
  if (!/^[0-9a-f-]{36}$/i.test(vaultId)) throw new Error(`Not a vault id: '${vaultId}'.`);
  return vaultId;
}

function serverDirectoryName(serverId: string): string {
  // Server ids are printable ASCII and may hold '/', '.' or '%'; encoded and prefixed so none is special.
  return `server-${encodeURIComponent(serverId).replace(/\./g, '%2E')}`;
}

async function walk(dir: string, relative: string, names: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error) || isNotDirectory(error)) return;
    throw error;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) await walk(join(dir, entry.name), `${relative}${entry.name}/`, names);
    else if (entry.isFile()) names.push(relative + entry.name);
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function isNotDirectory(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOTDIR';
}
