/** A data source by id or name: any existing absolute directory, as the volume it is or as a folder. */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { DataSourceInfo, PluginContext } from '@dpmsh/sdk';
import { estimateTreeSize } from './size-estimate.js';
import { discoverVolumes } from './volumes.js';

/** The data source at an absolute directory path, or undefined when there is none (missing, relative, not a directory). */
export async function resolveDataSource(idOrName: string, context: PluginContext): Promise<DataSourceInfo | undefined> {
  if (!isAbsolute(idOrName)) return undefined;
  let path: string;
  try {
    // The real path is the id, so '/srv/data/', '/srv//data' and a link to it name one data source.
    path = await realpath(idOrName);
    if (!(await stat(path)).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const volume = (await discoverVolumes(context)).find((candidate) => candidate.id === path);
  if (volume !== undefined) return volume;
  return { id: path, name: path, kind: 'Folder', sizeEstimateBytes: await estimateTreeSize(path, context), path };
}
