/**
 * A deliberately small directory-tree plugin for testing the harness itself (the SDK must not
 * depend on a real plugin). `corrupt` makes its restore flip the first byte of every file, so a
 * test can prove the harness notices.
 */
import type { Stats } from 'node:fs';
import { chmod, lstat, mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupEntry, EntryMetadata, WorkloadPluginDefinition } from '../../contract.js';
import { defineWorkloadPlugin } from '../../define-plugin.js';

export interface TreePluginOptions {
  readonly corrupt?: boolean;
  /** Called with each hook's name, to check the order the harness calls them in. */
  readonly onHook?: (hook: string) => void;
  /** Overrides the definition's methods, to make it misbehave. */
  readonly override?: Partial<WorkloadPluginDefinition>;
}

function metadataOf(stats: Stats): EntryMetadata {
  const { mode, uid, gid, size, mtimeMs, atimeMs, ctimeMs, ino } = stats;
  return { mode, uid, gid, size: stats.isDirectory() ? 0 : size, mtimeMs, atimeMs, ctimeMs, inode: ino };
}

async function* walk(root: string, relative: string, previous: ((path: string) => EntryMetadata | undefined) | undefined, warn: (m: string) => void): AsyncGenerator<BackupEntry> {
  for (const name of (await readdir(join(root, relative))).sort()) {
    const path = relative === '' ? name : `${relative}/${name}`;
    const stats = await lstat(join(root, path));
    const metadata = metadataOf(stats);
    if (stats.isDirectory()) {
      yield { type: 'directory', path, metadata };
      yield* walk(root, path, previous, warn);
    } else if (stats.isFile()) {
      const before = previous?.(path);
      if (before !== undefined && before.size === metadata.size && before.mtimeMs === metadata.mtimeMs) yield { type: 'unchanged', path, metadata };
      else yield { type: 'file', path, metadata, sparse: false, content: async function* () { yield await readFile(join(root, path)); } };
    } else warn(`Skipped ${join(root, path)}: not a file or directory`);
  }
}

export function treePlugin(options: TreePluginOptions = {}) {
  const hook = (name: string) => async () => options.onHook?.(name);
  return defineWorkloadPlugin({
    apiVersion: 1,
    name: 'tree',
    workload: 'FileSystem',
    version: '1.0.0',
    discover: async () => [],
    resolve: async (path) => ({ id: path, name: path, kind: 'Folder', sizeEstimateBytes: 0, path }),
    consistency: { prepare: hook('prepare'), freeze: hook('freeze'), thaw: hook('thaw') },
    backup(source, backupOptions, context) {
      const { previous } = backupOptions;
      const lookup = previous === null ? undefined : (path: string) => {
        const found = previous.lookup(path);
        return found?.type === 'file' ? found.metadata : undefined;
      };
      return walk(source.path ?? '', '', lookup, (m) => context.warn(m));
    },
    async restore(reader, restoreOptions) {
      const root = restoreOptions.target.kind === 'alternate' ? restoreOptions.target.path : (reader.source.path ?? '');
      const directories: { path: string; metadata: EntryMetadata }[] = [];
      let restoredFiles = 0;
      let restoredBytes = 0;
      for await (const entry of reader.entries(restoreOptions.items)) {
        const path = join(root, entry.path);
        if (entry.type === 'directory') {
          await mkdir(path, { recursive: true });
          directories.push({ path, metadata: entry.metadata });
        } else if (entry.type === 'file') {
          const chunks: Uint8Array[] = [];
          for await (const chunk of entry.content()) chunks.push(chunk);
          const bytes = Buffer.concat(chunks);
          if (options.corrupt === true && bytes.length > 0) bytes[0] ^= 0xff;
          await writeFile(path, bytes);
          await chmod(path, entry.metadata.mode & 0o7777);
          await utimes(path, entry.metadata.atimeMs / 1000, entry.metadata.mtimeMs / 1000);
          restoredFiles++;
          restoredBytes += bytes.length;
        }
      }
      for (const { path, metadata } of directories.reverse()) {
        await chmod(path, metadata.mode & 0o7777);
        await utimes(path, metadata.atimeMs / 1000, metadata.mtimeMs / 1000);
      }
      return { restoredFiles, restoredDirectories: directories.length, restoredBytes, skipped: 0 };
    },
    ...options.override,
  });
}
