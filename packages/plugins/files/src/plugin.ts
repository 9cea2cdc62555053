/**
 * The files workload plugin: volumes and folders of this server, backed up as directory trees
 * with their permissions, owners and times, sparse files kept sparse, and the seed's unsupported
 * file types (links, special files, second names of hard-linked files) skipped with a warning
 * naming each. Linux has no alternate data streams, so it yields none.
 */
import { stat } from 'node:fs/promises';
import type { WorkloadPlugin } from '@dpmsh/sdk';
import { SDK_API_VERSION, defineWorkloadPlugin } from '@dpmsh/sdk';
import { backupTree } from './backup/walk.js';
import { resolveDataSource } from './discover/resolve.js';
import { discoverVolumes } from './discover/volumes.js';
import { dataSourceNotFound } from './errors/plugin-errors.js';
import { restoreTree } from './restore/restore-tree.js';

/** The files plugin (workload 'FileSystem'). */
export const filesPlugin: WorkloadPlugin = defineWorkloadPlugin({
  apiVersion: SDK_API_VERSION,
  name: 'files',
  workload: 'FileSystem',
  version: '0.0.0',
  discover: discoverVolumes,
  resolve: resolveDataSource,
  consistency: {
    // A folder that is gone fails the backup here, with a message saying so, before anything is read.
    async prepare(source) {
      const path = source.path ?? source.id;
      const stats = await stat(path).catch(() => undefined);
      if (stats === undefined) throw dataSourceNotFound(path, 'it does not exist');
      if (!stats.isDirectory()) throw dataSourceNotFound(path, 'it is not a directory');
    },
  },
  backup: backupTree,
  restore: restoreTree,
});
