/**
 * A repository in a local directory. A write goes to a temporary file in the object's own
 * directory, is fsynced, renamed over the name and the directory fsynced (as restic does), so
 * after a crash the object is either wholly there or absent; only temporary files, which list
 * never shows, can be left behind; `leftovers` lists them (their names record the writer's pid)
 * for reclaim.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { LeftoverObject, ObjectBackend } from '../api.js';
import { isNotFound } from './not-found.js';

/** Temporary files start with this; no object name part does. */
const TEMP_PREFIX = '.tmp-';

/** A backend keeping each object as a file under `dir` (created as needed). */
export function localBackend(dir: string): ObjectBackend {
  const pathOf = (name: string): string => join(dir, ...checkedParts(name));
  return {
    location: dir,
    // A Buffer is a Uint8Array: no copy.
    read: async (name) => readFile(pathOf(name)),
    write: async (name, data) => writeAtomically(pathOf(name), data),
    list: async (prefix) => listUnder(dir, prefix),
    delete: async (name) => removeIfThere(pathOf(name)),
    leftovers: async () => temporariesUnder(dir),
    deleteLeftover: async (name) => removeIfThere(join(dir, ...checkedTemporary(name))),
  };
}

async function removeIfThere(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** The parts of a leftover's name: object name parts, then a temporary file's name. */
function checkedTemporary(name: string): string[] {
  const slash = name.lastIndexOf('/');
  const file = name.slice(slash + 1);
  if (!file.startsWith(TEMP_PREFIX) || file.includes('\\') || file === TEMP_PREFIX) throw new RangeError(`'${name}' is not a temporary file's name.`);
  return [...(slash < 0 ? [] : checkedParts(name.slice(0, slash))), file];
}

/** Temporary files anywhere under the repository, with the pid their name records. */
async function temporariesUnder(root: string): Promise<LeftoverObject[]> {
  const found: LeftoverObject[] = [];
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (isNotFound(error)) return found;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.startsWith(TEMP_PREFIX)) continue;
    const path = join(entry.parentPath, entry.name);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      // Renamed or removed by its writer since the listing.
      if (isNotFound(error)) continue;
      throw error;
    }
    const pid = Number.parseInt(entry.name.slice(TEMP_PREFIX.length), 10);
    found.push({
      name: relative(root, path).split(sep).join('/'),
      bytes: info.size,
      modifiedAt: info.mtime,
      ...(Number.isSafeInteger(pid) && pid > 0 ? { writerPid: pid } : {}),
    });
  }
  return found;
}

function checkedParts(name: string): string[] {
  const parts = name.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.startsWith(TEMP_PREFIX) || part.includes('\\'))) {
    throw new RangeError(`'${name}' is not a valid object name.`);
  }
  return parts;
}

async function writeAtomically(path: string, data: Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
  const directory = dirname(path);
  const created = await mkdir(directory, { recursive: true });
  const temp = join(directory, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, 'wx', 0o600);
  let renamed = false;
  try {
    try {
      if (data instanceof Uint8Array) await handle.write(data);
      else for await (const part of data) await handle.write(part);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    renamed = true;
    await syncDirectory(directory);
    // New directories must reach the disk as entries of their parents too.
    if (created !== undefined) {
      for (let d = directory; d.length >= created.length; d = dirname(d)) await syncDirectory(dirname(d));
    }
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

async function syncDirectory(directory: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS orders the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function listUnder(root: string, prefix: string): Promise<string[]> {
  const slash = prefix.lastIndexOf('/');
  const base = slash < 0 ? root : join(root, ...checkedParts(prefix.slice(0, slash)));
  const names: string[] = [];
  const walk = async (directory: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      if (isNotFound(error) || (error instanceof Error && 'code' in error && error.code === 'ENOTDIR')) return;
      throw error;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(TEMP_PREFIX)) continue;
      const full = join(directory, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const name = relative(root, full).split(sep).join('/');
        if (name.startsWith(prefix)) names.push(name);
      }
    }
  };
  await walk(base);
  return names;
}
