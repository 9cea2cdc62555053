import type { Stats } from 'node:fs';
import { lstat, mkdir, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntryMetadata } from '../../index.js';
import { PluginError, SDK_API_VERSION, defineWorkloadPlugin, joinEntryPath, validateEntryPath } from '../../index.js';

function metadataOf(stats: Stats): EntryMetadata {
  const { mode, uid, gid, size, mtimeMs, atimeMs, ctimeMs, ino } = stats;
  return { mode, uid, gid, size, mtimeMs, atimeMs, ctimeMs, inode: ino };
}

// A fresh buffer per read: the server may keep a chunk after asking for the next one.
async function* readChunks(file: string): AsyncIterable<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    for (;;) {
      const buffer = Buffer.alloc(1 << 20);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Protects flat folders of notes: every file is an entry; anything else is skipped with a warning. */
export default defineWorkloadPlugin({
  apiVersion: SDK_API_VERSION,
  name: 'notes',
  workload: 'FileSystem',
  version: '1.0.0',
  // Notes finds nothing by itself; an administrator adds folders by path, which resolve() checks.
  async discover() {
    return [];
  },
  async resolve(path) {
    const stats = await lstat(path).catch(() => undefined);
    return stats?.isDirectory() ? { id: path, name: path, kind: 'Folder', sizeEstimateBytes: 0, path } : undefined;
  },
  async *backup(source, { kind, previous }, context) {
    const root = source.path ?? source.id;
    for (const name of (await readdir(root)).sort()) {
      context.signal.throwIfAborted();
      const path = joinEntryPath('', name);
      const file = join(root, name);
      const stats = await lstat(file);
      if (!stats.isFile()) {
        context.warn(`Skipped ${file}: notes backs up files only.`);
        continue;
      }
      const metadata = metadataOf(stats);
      const before = kind === 'incremental' ? previous?.lookup(path) : undefined;
      if (before?.type === 'file' && before.metadata.size === metadata.size && before.metadata.mtimeMs === metadata.mtimeMs) {
        yield { type: 'unchanged', path, metadata };
      } else {
        yield { type: 'file', path, metadata, sparse: false, content: () => readChunks(file) };
      }
    }
  },
  async restore(reader, options, context) {
    const root = options.target.kind === 'alternate' ? options.target.path : (reader.source.path ?? reader.source.id);
    await mkdir(root, { recursive: true });
    let restoredFiles = 0;
    let restoredBytes = 0;
    let skipped = 0;
    for await (const entry of reader.entries(options.items)) {
      context.signal.throwIfAborted();
      if (entry.type !== 'file') continue;
      const file = join(root, validateEntryPath(entry.path));
      const exists = await lstat(file).then(() => true, () => false);
      if (exists && options.overwrite === 'skip') {
        skipped++;
        continue;
      }
      if (exists && options.overwrite === 'fail') {
        throw new PluginError({ errorId: 'RestoreTargetExists', category: 'ResourceExists', target: file, message: `Cannot restore ${file}: it exists.` });
      }
      const handle = await open(file, 'w');
      try {
        for await (const chunk of entry.content()) restoredBytes += (await handle.write(chunk)).bytesWritten;
        await handle.chmod(entry.metadata.mode & 0o7777);
        await handle.utimes(entry.metadata.atimeMs / 1000, entry.metadata.mtimeMs / 1000);
      } finally {
        await handle.close();
      }
      restoredFiles++;
    }
    return { restoredFiles, restoredDirectories: 0, restoredBytes, skipped };
  },
});
