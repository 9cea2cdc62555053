import { chmod, link, mkdir, rename, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry, BackupOptions, PluginContext } from '@dpmsh/sdk';
import { createTestContext, previousBackupOf } from '@dpmsh/sdk/testing';
import { describe, expect, it } from 'vitest';
import { filesPlugin } from '../index.js';
import { backUp, folder } from '../test-support/backup.js';
import { useTempDirs } from '../test-support/temp-dir.js';

const tempDir = useTempDirs();
const full: BackupOptions = { kind: 'full', previous: null };

async function entriesOf(root: string, options: BackupOptions = full, context: PluginContext = createTestContext()): Promise<BackupEntry[]> {
  const entries: BackupEntry[] = [];
  for await (const entry of filesPlugin.backup(folder(root), options, context)) entries.push(entry);
  return entries;
}

const describeEntry = (entry: BackupEntry): string => `${entry.type} ${entry.path}`;

describe('the files backup walk', () => {
  it('yields each directory before its contents, in sorted order', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'b/c'), { recursive: true });
    await writeFile(join(root, 'b/c/z'), '');
    await writeFile(join(root, 'b/a'), '');
    await writeFile(join(root, 'a'), '');
    expect((await entriesOf(root)).map(describeEntry)).toEqual(['file a', 'directory b', 'file b/a', 'directory b/c', 'file b/c/z']);
  });

  it('records the stat of each entry, directories with size 0', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'd'));
    await writeFile(join(root, 'd/f'), 'four');
    await chmod(join(root, 'd/f'), 0o640);
    const stats = await stat(join(root, 'd/f'));
    const [directory, file] = await entriesOf(root);
    expect(directory.metadata.size).toBe(0);
    expect(file.metadata).toEqual({
      mode: stats.mode,
      uid: stats.uid,
      gid: stats.gid,
      size: 4,
      mtimeMs: stats.mtimeMs,
      atimeMs: stats.atimeMs,
      ctimeMs: stats.ctimeMs,
      inode: stats.ino,
    });
  });

  it('reads content in fresh blocks of at most 1 MiB', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'f'), Buffer.alloc((5 << 19) + 3, 1));
    const [file] = await entriesOf(root);
    if (file.type !== 'file') throw new Error('expected a file');
    const chunks: Uint8Array[] = [];
    for await (const chunk of file.content()) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.length)).toEqual([1 << 20, 1 << 20, (1 << 19) + 3]);
    expect(new Set(chunks.map((chunk) => chunk.buffer)).size).toBe(3);
  });

  it('marks sparse files', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'holes'), 'x');
    await truncate(join(root, 'holes'), 16 << 20);
    await writeFile(join(root, 'dense'), Buffer.alloc(8192, 1));
    const entries = await entriesOf(root);
    const sparse = Object.fromEntries(entries.map((entry) => [entry.path, entry.type === 'file' && entry.sparse]));
    expect(sparse.dense).toBe(false);
    const holes = await stat(join(root, 'holes'));
    expect(sparse.holes).toBe(holes.blocks * 512 < holes.size);
  });

  it('reports files unchanged only when size, times and inode all match', async () => {
    const root = await tempDir();
    for (const name of ['same', 'touched', 'replaced', 'grown']) await writeFile(join(root, name), 'data');
    const previous = previousBackupOf(await backUp(root));
    await utimes(join(root, 'touched'), 1000, 1000);
    const { mtime } = await stat(join(root, 'replaced'));
    await writeFile(join(root, 'replacement'), 'data');
    await utimes(join(root, 'replacement'), mtime, mtime);
    await rename(join(root, 'replacement'), join(root, 'replaced'));
    await writeFile(join(root, 'grown'), 'more data');
    const entries = await entriesOf(root, { kind: 'incremental', previous });
    expect(entries.map(describeEntry)).toEqual(['file grown', 'file replaced', 'unchanged same', 'file touched']);
    expect((await entriesOf(root, { kind: 'full', previous })).every((entry) => entry.type === 'file')).toBe(true);
  });

  it('backs up the first name of a hard-linked file and skips the others, across directories', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'a'));
    await mkdir(join(root, 'b'));
    await writeFile(join(root, 'b/original'), 'shared');
    await link(join(root, 'b/original'), join(root, 'a/second'));
    await link(join(root, 'b/original'), join(root, 'b/third'));
    const context = createTestContext();
    expect((await entriesOf(root, full, context)).map(describeEntry)).toEqual(['directory a', 'file a/second', 'directory b']);
    expect(context.warnings).toEqual([
      `Skipped ${join(root, 'b/original')}: another name of ${join(root, 'a/second')}, which is backed up; hard links are not backed up twice.`,
      `Skipped ${join(root, 'b/third')}: another name of ${join(root, 'a/second')}, which is backed up; hard links are not backed up twice.`,
    ]);
  });

  it('warns about a file that vanishes during the walk and goes on', async () => {
    const root = await tempDir();
    for (const name of ['a', 'b', 'c']) await writeFile(join(root, name), name);
    const context = createTestContext();
    const seen: string[] = [];
    for await (const entry of filesPlugin.backup(folder(root), full, context)) {
      seen.push(entry.path);
      if (entry.path === 'a') await rm(join(root, 'b'));
    }
    expect(seen).toEqual(['a', 'c']);
    expect(context.warnings).toEqual([`Skipped ${join(root, 'b')}: it vanished during the backup.`]);
  });

  it.skipIf(process.getuid?.() === 0)('warns about unreadable files and directories and goes on', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'locked'), 'x');
    await chmod(join(root, 'locked'), 0);
    await mkdir(join(root, 'closed'));
    await chmod(join(root, 'closed'), 0);
    await writeFile(join(root, 'open'), 'x');
    const context = createTestContext();
    expect((await entriesOf(root, full, context)).map(describeEntry)).toEqual(['directory closed', 'file open']);
    expect(context.warnings).toEqual([
      `Skipped the contents of ${join(root, 'closed')}: permission denied.`,
      `Skipped ${join(root, 'locked')}: permission denied.`,
    ]);
  });

  it('skips a name that is not UTF-8, with a warning', async () => {
    const root = await tempDir();
    writeFileSync(Buffer.concat([Buffer.from(`${root}/bad-`), Buffer.from([0xff, 0xfe])]), 'x');
    await writeFile(join(root, 'good'), 'x');
    const context = createTestContext();
    expect((await entriesOf(root, full, context)).map(describeEntry)).toEqual(['file good']);
    expect(context.warnings).toEqual([`Skipped ${join(root, 'bad-\uFFFD\uFFFD')}: its name is not valid UTF-8.`]);
  });

  it('warns when a file changes while its content is read', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'f'), 'before');
    const context = createTestContext();
    const [file] = await entriesOf(root, full, context);
    await writeFile(join(root, 'f'), 'after, and longer');
    if (file.type !== 'file') throw new Error('expected a file');
    const chunks: Uint8Array[] = [];
    for await (const chunk of file.content()) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString()).toBe('after,');
    expect(context.warnings).toEqual([`${join(root, 'f')} changed while it was backed up; the recovery point holds 6 of its bytes as they were read.`]);
  });

  it('fails clearly when the data source is gone', async () => {
    const root = join(await tempDir(), 'gone');
    await expect(entriesOf(root)).rejects.toMatchObject({ errorId: 'DataSourceNotFound', message: expect.stringContaining(`The folder ${root} cannot be backed up: it does not exist.`) });
    await expect(filesPlugin.consistency?.prepare?.(folder(root), createTestContext())).rejects.toMatchObject({ errorId: 'DataSourceNotFound' });
  });

  it('stops when its signal aborts', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'a'), 'a');
    const context = createTestContext();
    context.abort(new Error('Stop-Job'));
    await expect(entriesOf(root, full, context)).rejects.toThrow('Stop-Job');
  });
});
