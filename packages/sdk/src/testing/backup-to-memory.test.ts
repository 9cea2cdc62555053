import { describe, expect, it } from 'vitest';
import type { BackupEntry, EntryMetadata, WorkloadPluginDefinition } from '../contract.js';
import { defineWorkloadPlugin } from '../define-plugin.js';
import type { MemoryRecoveryPoint } from './recovery-point.js';
import { backupToMemory } from './backup-to-memory.js';
import { previousBackupOf, recoveryPointReader } from './memory-reader.js';
import { createTestContext } from './test-context.js';

const metadata: EntryMetadata = { mode: 0o100644, uid: 0, gid: 0, size: 1, mtimeMs: 1, atimeMs: 1, ctimeMs: 1, inode: 1 };
const dir = (path: string): BackupEntry => ({ type: 'directory', path, metadata: { ...metadata, mode: 0o40755 } });
const file = (path: string, text = 'x'): BackupEntry => ({ type: 'file', path, metadata, sparse: false, content: async function* () { yield Buffer.from(text); } });
const source = { id: 's', name: 's', kind: 'Folder', sizeEstimateBytes: 0 };

function pluginYielding(entries: readonly BackupEntry[], extra: Partial<WorkloadPluginDefinition> = {}) {
  return defineWorkloadPlugin({
    apiVersion: 1,
    name: 'list',
    workload: 'Test',
    version: '0.0.1',
    discover: async () => [],
    async *backup() {
      yield* entries;
    },
    restore: async () => ({ restoredFiles: 0, restoredDirectories: 0, restoredBytes: 0, skipped: 0 }),
    ...extra,
  });
}

async function backUp(entries: readonly BackupEntry[], previous: MemoryRecoveryPoint | null = null) {
  return backupToMemory(pluginYielding(entries), source, { kind: previous === null ? 'full' : 'incremental', previous, context: createTestContext() });
}

async function pathsOf(point: MemoryRecoveryPoint, items?: readonly string[]): Promise<string[]> {
  const paths: string[] = [];
  for await (const entry of recoveryPointReader(point).entries(items)) paths.push(entry.type === 'stream' ? `${entry.path}:${entry.streamName}` : entry.path);
  return paths;
}

describe('backupToMemory', () => {
  it('keeps entries in order and resolves unchanged files from the previous point', async () => {
    const first = await backUp([dir('a'), file('a/x', 'one'), file('b', 'two')]);
    const second = await backUp([dir('a'), { type: 'unchanged', path: 'a/x', metadata }, file('b', 'three')], first.point);
    expect(second.counts).toMatchObject({ entries: 3, directories: 1, files: 1, unchanged: 1, bytesRead: 5 });
    const contents: Record<string, string> = {};
    for await (const entry of recoveryPointReader(second.point).entries()) {
      if (entry.type !== 'file') continue;
      const chunks: Uint8Array[] = [];
      for await (const chunk of entry.content()) chunks.push(chunk);
      contents[entry.path] = Buffer.concat(chunks).toString();
    }
    expect(contents).toEqual({ 'a/x': 'one', b: 'three' });
    expect(previousBackupOf(second.point).lookup('a')).toEqual({ type: 'directory', metadata: { ...metadata, mode: 0o40755 } });
    expect(previousBackupOf(second.point).lookup('nope')).toBeUndefined();
  });

  it('selects items with everything under them and the directories leading to them', async () => {
    const stream: BackupEntry = { type: 'stream', path: 'a/b/f', streamName: 'meta', metadata, content: async function* () {} };
    const { point } = await backUp([dir('a'), dir('a/b'), file('a/b/f'), stream, file('a/g'), dir('c'), file('c/h')]);
    expect(await pathsOf(point, ['a/b'])).toEqual(['a', 'a/b', 'a/b/f', 'a/b/f:meta']);
    expect(await pathsOf(point, ['c/h', 'a/g'])).toEqual(['a', 'a/g', 'c', 'c/h']);
    expect(await pathsOf(point)).toHaveLength(7);
    await expect(pathsOf(point, ['zzz'])).rejects.toThrow("holds no item 'zzz'");
  });

  it.each([
    ['a bad path', [file('../etc/passwd')], "the entry path '../etc/passwd' is not valid: it has a '..' part"],
    ['a duplicate', [file('a'), file('a')], "'a' was yielded twice"],
    ['a file under a file', [file('a'), file('a/b')], "'a/b' came before its directory 'a'"],
    ['a stream without its file', [{ type: 'stream', path: 'a', streamName: 's', metadata, content: async function* () {} }], 'the stream \'a\':s came before its file'],
    ['an unchanged file in a full backup', [{ type: 'unchanged', path: 'a', metadata }], "'a' was reported unchanged in a full backup"],
    ['metadata without a time', [{ type: 'directory', path: 'a', metadata: { ...metadata, mtimeMs: Number.NaN } }], "the metadata of 'a' has no finite mtimeMs"],
  ] satisfies [string, BackupEntry[], string][])('refuses %s', async (_label, entries, problem) => {
    await expect(backUp(entries)).rejects.toThrow(problem);
  });

  it('refuses an unchanged file the previous point does not have', async () => {
    const first = await backUp([file('a')]);
    await expect(backUp([{ type: 'unchanged', path: 'b', metadata }], first.point)).rejects.toThrow("'b' was reported unchanged but the previous recovery point has no file there");
  });

  it('keeps the backup failure when thaw fails too', async () => {
    const context = createTestContext();
    const plugin = pluginYielding([], {
      consistency: { thaw: async () => Promise.reject(new Error('thaw broke')) },
      async *backup() {
        throw new Error('read broke');
      },
    });
    await expect(backupToMemory(plugin, source, { kind: 'full', previous: null, context })).rejects.toThrow('read broke');
    expect(context.warnings).toEqual(['thaw failed after the backup failed: thaw broke']);
  });

  it('passes a thaw failure on when the backup itself succeeded', async () => {
    const plugin = pluginYielding([], { consistency: { thaw: async () => Promise.reject(new Error('thaw broke')) } });
    await expect(backupToMemory(plugin, source, { kind: 'full', previous: null, context: createTestContext() })).rejects.toThrow('thaw broke');
  });
});
