/** The volumes of this server as data sources: one per data-bearing mount, sized by what is used on it. */
import { readFile, stat, statfs } from 'node:fs/promises';
import { parse } from 'node:path';
import type { DataSourceInfo, PluginContext } from '@dpmsh/sdk';
import { isDataVolume, parseMounts } from './mounts.js';

const MOUNT_TABLE = '/proc/self/mounts';

/** Bytes in use on the file system holding `path` (statfs), or 0 when it cannot be asked. */
export async function usedBytes(path: string): Promise<number> {
  try {
    const fs = await statfs(path);
    return (fs.blocks - fs.bfree) * fs.bsize;
  } catch {
    return 0;
  }
}

async function mountPoints(context: PluginContext): Promise<string[]> {
  try {
    return parseMounts(await readFile(MOUNT_TABLE, 'utf8'))
      .filter(isDataVolume)
      .map((mount) => mount.mountPoint);
  } catch (error) {
    // Without a mount table (not Linux) the file system's root is the one volume known.
    context.verbose(`The mount table ${MOUNT_TABLE} cannot be read (${error instanceof Error ? error.message : String(error)}); only the root volume is listed.`);
    return [parse(process.cwd()).root];
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The data-bearing volumes, sorted by mount point; bind-mounted files (/etc/hosts in a container) are left out. */
export async function discoverVolumes(context: PluginContext): Promise<DataSourceInfo[]> {
  const volumes: DataSourceInfo[] = [];
  for (const mountPoint of (await mountPoints(context)).sort()) {
    context.signal.throwIfAborted();
    if (!(await isDirectory(mountPoint))) continue;
    volumes.push({ id: mountPoint, name: mountPoint, kind: 'Volume', sizeEstimateBytes: await usedBytes(mountPoint), path: mountPoint });
  }
  return volumes;
}
