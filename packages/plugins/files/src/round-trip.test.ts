import { execFileSync } from 'node:child_process';
import { chown, link, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runRoundTrip } from '@dpmsh/sdk/testing';
import { describe, expect, it } from 'vitest';
import plugin, { filesPlugin } from './index.js';
import { sampleTree } from './test-support/sample-tree.js';
import { useTempDirs } from './test-support/temp-dir.js';

const tempDir = useTempDirs();
const isRoot = process.getuid?.() === 0;

describe('the files plugin round trip', () => {
  it('restores bytes, empty directories, nested trees, modes and times', async () => {
    const root = await sampleTree(await tempDir());
    const report = await runRoundTrip({ plugin, source: root, target: join(await tempDir(), 'restored') });
    expect(report.full).toMatchObject({ directories: 5, files: 6, unchanged: 0, warnings: [] });
    expect(report.full.bytesRead).toBe(8 + 7000 + 8 + 3 * 1024 * 1024 + 17 + 1 + 10);
    expect(report.incremental).toMatchObject({ files: 0, unchanged: 6 });
    expect(report.restore.result).toEqual({ restoredFiles: 6, restoredDirectories: 5, restoredBytes: report.full.bytesRead, skipped: 0 });
  });

  it('is the default export', () => {
    expect(plugin).toBe(filesPlugin);
    expect(plugin).toMatchObject({ kind: 'dpmsh-workload-plugin', name: 'files', workload: 'FileSystem' });
  });

  it('skips a symbolic link, a FIFO and a second hard-link name, with a warning naming each', async () => {
    const root = await sampleTree(await tempDir());
    await symlink('readme.txt', join(root, 'link-to-readme'));
    execFileSync('mkfifo', [join(root, 'docs/pipe')]);
    await link(join(root, 'readme.txt'), join(root, 'the-same-readme'));
    const report = await runRoundTrip({ plugin, source: root });
    expect(report.skipped).toEqual(['docs/pipe', 'link-to-readme', 'the-same-readme']);
    expect(report.incremental.warnings).toEqual([
      `Skipped ${join(root, 'docs/pipe')}: a FIFO; devices, FIFOs and sockets are not backed up, only files and directories.`,
      `Skipped ${join(root, 'link-to-readme')}: a symbolic link; links and other reparse points are not backed up.`,
      `Skipped ${join(root, 'the-same-readme')}: another name of ${join(root, 'readme.txt')}, which is backed up; hard links are not backed up twice.`,
    ]);
  });

  it('backs up only what changed: modified, added and deleted files', async () => {
    const root = await sampleTree(await tempDir());
    const report = await runRoundTrip({
      plugin,
      source: root,
      change: async (path) => {
        await writeFile(join(path, 'docs/plan.md'), 'a new plan');
        await writeFile(join(path, 'docs/reports/2024/q2.csv'), 'c,d\n');
        await rm(join(path, 'script.sh'));
      },
    });
    // Six files, one changed, one added, one deleted: four were untouched.
    expect(report.incremental).toMatchObject({ files: 2, unchanged: 4 });
    expect(report.restore.result.restoredFiles).toBe(6);
  });

  it('reads a file again when only its change time moved (a touch back to the old mtime)', async () => {
    const root = await sampleTree(await tempDir());
    const report = await runRoundTrip({
      plugin,
      source: root,
      change: async (path) => {
        await writeFile(join(path, 'readme.txt'), 'READ ME\n');
        await utimes(join(path, 'readme.txt'), 1_600_000_000, 1_600_000_000.123);
      },
    });
    expect(report.incremental).toMatchObject({ files: 1, unchanged: 5 });
  });

  it('restores chosen items with the directories leading to them', async () => {
    const root = await sampleTree(await tempDir());
    const report = await runRoundTrip({ plugin, source: root, items: ['docs/reports/2024', 'secret.key'] });
    expect(report.restore.result).toMatchObject({ restoredFiles: 2, restoredDirectories: 3 });
  });

  it.runIf(isRoot)('restores owners when running as root', async () => {
    const root = await sampleTree(await tempDir());
    await chown(join(root, 'docs/plan.md'), 1234, 5678);
    await chown(join(root, 'empty'), 4321, 8765);
    await runRoundTrip({ plugin, source: root, compare: { ownership: true } });
  });
});
