import { execFileSync } from 'node:child_process';
import { chmod, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PluginContractViolation, RoundTripMismatchError } from './harness-errors.js';
import { runRoundTrip } from './round-trip.js';
import { useTempDirs } from './test-support/temp-dir.js';
import { treePlugin } from './test-support/tree-plugin.js';

const tempDir = useTempDirs();

async function sampleTree(): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, 'docs/empty'), { recursive: true });
  await writeFile(join(root, 'docs/a.txt'), 'alpha');
  await writeFile(join(root, 'b.bin'), Buffer.alloc(3000, 7));
  await writeFile(join(root, 'c.txt'), 'gamma');
  await chmod(join(root, 'c.txt'), 0o600);
  await utimes(join(root, 'docs/a.txt'), 1_000_000, 1_000_000.123);
  return root;
}

describe('runRoundTrip', () => {
  it('passes a plugin that restores its source, running the hooks in order', async () => {
    const hooks: string[] = [];
    const root = await sampleTree();
    const report = await runRoundTrip({ plugin: treePlugin({ onHook: (hook) => hooks.push(hook) }), source: root });
    expect(report.full.steps).toEqual(['prepare', 'freeze', 'backup', 'thaw']);
    expect(hooks).toEqual(['prepare', 'freeze', 'thaw', 'prepare', 'freeze', 'thaw']);
    expect(report.full).toMatchObject({ kind: 'full', files: 3, directories: 2, unchanged: 0, bytesRead: 3010 });
    expect(report.incremental).toMatchObject({ kind: 'incremental', files: 0, unchanged: 3 });
    expect(report.restore.result).toMatchObject({ restoredFiles: 3, restoredDirectories: 2 });
    expect(report.differences).toEqual([]);
  });

  it('backs up what changed between the two backups and restores the latest state', async () => {
    const root = await sampleTree();
    const report = await runRoundTrip({
      plugin: treePlugin(),
      source: root,
      change: async (path) => {
        await writeFile(join(path, 'c.txt'), 'gamma, longer');
        await writeFile(join(path, 'docs/new.txt'), 'new');
        await rm(join(path, 'b.bin'));
      },
    });
    expect(report.incremental).toMatchObject({ files: 2, unchanged: 1 });
  });

  it('fails a plugin that restores other bytes, naming the file', async () => {
    const root = await sampleTree();
    const attempt = runRoundTrip({ plugin: treePlugin({ corrupt: true }), source: root });
    await expect(attempt).rejects.toThrow(RoundTripMismatchError);
    await expect(runRoundTrip({ plugin: treePlugin({ corrupt: true }), source: root })).rejects.toThrow("'docs/a.txt': the content differs from byte 0");
  });

  it('fails a plugin that forgets permissions and times', async () => {
    const root = await sampleTree();
    const plugin = treePlugin({
      override: {
        async restore(reader, options) {
          const target = options.target.kind === 'alternate' ? options.target.path : '';
          let files = 0;
          let directories = 0;
          for await (const entry of reader.entries()) {
            if (entry.type === 'directory') {
              directories++;
              await mkdir(join(target, entry.path), { recursive: true });
            } else if (entry.type === 'file') {
              files++;
              const chunks: Uint8Array[] = [];
              for await (const chunk of entry.content()) chunks.push(chunk);
              await writeFile(join(target, entry.path), Buffer.concat(chunks));
            }
          }
          return { restoredFiles: files, restoredDirectories: directories, restoredBytes: 0, skipped: 0 };
        },
      },
    });
    const error: unknown = await runRoundTrip({ plugin, source: root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RoundTripMismatchError);
    const { report } = error as RoundTripMismatchError;
    expect(report.differences).toContainEqual(expect.objectContaining({ kind: 'mode', path: 'c.txt' }));
    expect(report.differences).toContainEqual(expect.objectContaining({ kind: 'mtime', path: 'docs/a.txt' }));
  });

  it('fails a plugin that claims everything unchanged after a change', async () => {
    const root = await sampleTree();
    const plugin = treePlugin();
    const lying = treePlugin({
      override: {
        async *backup(source, options, context) {
          for await (const entry of plugin.backup(source, { ...options, previous: null }, context)) {
            yield entry.type === 'file' && options.previous !== null ? { type: 'unchanged', path: entry.path, metadata: entry.metadata } : entry;
          }
        },
      },
    });
    await expect(runRoundTrip({ plugin: lying, source: root, change: (path) => writeFile(join(path, 'c.txt'), 'GAMMA') })).rejects.toThrow(
      "'c.txt': the content differs from byte 0",
    );
  });

  it('excuses a source item that a warning names as skipped', async () => {
    const root = await sampleTree();
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const report = await runRoundTrip({ plugin: treePlugin(), source: root });
    expect(report.skipped).toEqual(['pipe']);
    expect(report.incremental.warnings).toEqual([`Skipped ${join(root, 'pipe')}: not a file or directory`]);
  });

  it('fails when an item is missing and no warning names it', async () => {
    const root = await sampleTree();
    const forgetful = treePlugin({
      override: {
        async *backup(source, options, context) {
          for await (const entry of treePlugin().backup(source, options, context)) if (entry.path !== 'c.txt') yield entry;
        },
      },
    });
    await expect(runRoundTrip({ plugin: forgetful, source: root })).rejects.toThrow("'c.txt' (file) was not restored");
  });

  it('restores and compares only chosen items', async () => {
    const root = await sampleTree();
    const report = await runRoundTrip({ plugin: treePlugin(), source: root, items: ['docs/a.txt'] });
    expect(report.restore.result).toMatchObject({ restoredFiles: 1, restoredDirectories: 1 });
  });

  it('keeps the restored tree when asked', async () => {
    const root = await sampleTree();
    const target = await tempDir();
    const report = await runRoundTrip({ plugin: treePlugin(), source: root, target, keepRestored: true });
    expect(report.restore.target).toBe(target);
  });

  it('calls thaw when the backup fails, and passes the failure on', async () => {
    const hooks: string[] = [];
    const root = await sampleTree();
    const failing = treePlugin({
      onHook: (hook) => hooks.push(hook),
      override: {
        async *backup() {
          throw new Error('disk on fire');
        },
      },
    });
    await expect(runRoundTrip({ plugin: failing, source: root })).rejects.toThrow('disk on fire');
    expect(hooks).toEqual(['prepare', 'freeze', 'thaw']);
  });

  it('reports a broken contract as a violation', async () => {
    const root = await sampleTree();
    const backwards = treePlugin({
      override: {
        async *backup() {
          yield { type: 'file', path: 'docs/a.txt', sparse: false, metadata: { mode: 0o100644, uid: 0, gid: 0, size: 0, mtimeMs: 0, atimeMs: 0, ctimeMs: 0, inode: 1 }, content: async function* () {} };
        },
      },
    });
    await expect(runRoundTrip({ plugin: backwards, source: root })).rejects.toThrow(PluginContractViolation);
    await expect(runRoundTrip({ plugin: backwards, source: root })).rejects.toThrow("The plugin 'tree' broke the plugin contract: 'docs/a.txt' came before its directory 'docs'.");
  });

  it('refuses what defineWorkloadPlugin did not make', async () => {
    await expect(runRoundTrip({ plugin: { ...treePlugin(), kind: undefined } as never, source: '/' })).rejects.toThrow('needs a plugin made by defineWorkloadPlugin');
  });

  it('stops when its signal aborts', async () => {
    const root = await sampleTree();
    await expect(runRoundTrip({ plugin: treePlugin(), source: root, signal: AbortSignal.abort(new Error('stopped')) })).rejects.toThrow('stopped');
  });
});
