import { mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntryMetadata, RecoveredEntry, RecoveryPointReader, RestoreOptions } from '@dpmsh/sdk';
import { createTestContext, recoveryPointReader } from '@dpmsh/sdk/testing';
import { describe, expect, it } from 'vitest';
import { filesPlugin } from '../index.js';
import { backUp, folder } from '../test-support/backup.js';
import { useTempDirs } from '../test-support/temp-dir.js';

const tempDir = useTempDirs();

async function restore(reader: RecoveryPointReader, options: RestoreOptions, context = createTestContext()) {
  return filesPlugin.restore(reader, options, context);
}

async function pointOfTwoFiles() {
  const root = await tempDir();
  await mkdir(join(root, 'dir'));
  await writeFile(join(root, 'dir/a.txt'), 'backed-up a');
  await writeFile(join(root, 'b.txt'), 'backed-up b');
  return { root, point: await backUp(root) };
}

const metadata: EntryMetadata = { mode: 0o100644, uid: 0, gid: 0, size: 1, mtimeMs: 0, atimeMs: 0, ctimeMs: 0, inode: 0 };

function readerOf(entries: readonly RecoveredEntry[], path?: string): RecoveryPointReader {
  return {
    recoveryPointId: 'rp',
    createdAt: new Date(),
    source: { id: 'x', name: 'x', kind: 'Folder', sizeEstimateBytes: 0, ...(path === undefined ? {} : { path }) },
    async *entries() {
      yield* entries;
    },
  };
}

describe('restore to the original location', () => {
  it("overwrites existing items under 'overwrite'", async () => {
    const { root, point } = await pointOfTwoFiles();
    await writeFile(join(root, 'b.txt'), 'changed since');
    const result = await restore(recoveryPointReader(point), { target: { kind: 'original' }, overwrite: 'overwrite' });
    expect(result).toMatchObject({ restoredFiles: 2, restoredDirectories: 1, skipped: 0 });
    expect(await readFile(join(root, 'b.txt'), 'utf8')).toBe('backed-up b');
    expect((await readdir(root)).sort()).toEqual(['b.txt', 'dir']);
  });

  it("leaves existing items and counts them under 'skip'", async () => {
    const { root, point } = await pointOfTwoFiles();
    await writeFile(join(root, 'b.txt'), 'changed since');
    const result = await restore(recoveryPointReader(point), { target: { kind: 'original' }, overwrite: 'skip' });
    expect(result).toMatchObject({ restoredFiles: 0, skipped: 2 });
    expect(await readFile(join(root, 'b.txt'), 'utf8')).toBe('changed since');
  });

  it("restores what is missing under 'skip'", async () => {
    const { root, point } = await pointOfTwoFiles();
    await writeFile(join(root, 'dir/a.txt'), 'mine');
    await rm(join(root, 'b.txt'));
    const result = await restore(recoveryPointReader(point), { target: { kind: 'original' }, overwrite: 'skip' });
    expect(result).toMatchObject({ restoredFiles: 1, skipped: 1 });
    expect(await readFile(join(root, 'b.txt'), 'utf8')).toBe('backed-up b');
  });

  it("refuses under 'fail' before writing anything, naming the item", async () => {
    const { root, point } = await pointOfTwoFiles();
    await writeFile(join(root, 'b.txt'), 'changed since');
    await rm(join(root, 'dir/a.txt'));
    await expect(restore(recoveryPointReader(point), { target: { kind: 'original' }, overwrite: 'fail' })).rejects.toMatchObject({
      errorId: 'RestoreTargetExists',
      message: `Cannot restore ${join(root, 'b.txt')}: it already exists and the overwrite policy is 'fail'. Choose to overwrite or skip existing items, or restore to another location.`,
    });
    await expect(stat(join(root, 'dir/a.txt'))).rejects.toThrow('ENOENT');
  });

  it('restores one chosen file', async () => {
    const { root, point } = await pointOfTwoFiles();
    await writeFile(join(root, 'dir/a.txt'), 'lost a');
    await writeFile(join(root, 'b.txt'), 'newer b');
    const result = await restore(recoveryPointReader(point), { target: { kind: 'original' }, items: ['dir/a.txt'], overwrite: 'overwrite' });
    expect(result).toMatchObject({ restoredFiles: 1, restoredDirectories: 1 });
    expect(await readFile(join(root, 'dir/a.txt'), 'utf8')).toBe('backed-up a');
    expect(await readFile(join(root, 'b.txt'), 'utf8')).toBe('newer b');
  });

  it('replaces a file standing where a directory is restored, under overwrite', async () => {
    const { root, point } = await pointOfTwoFiles();
    await rm(join(root, 'dir'), { recursive: true });
    await writeFile(join(root, 'dir'), 'a file now');
    await restore(recoveryPointReader(point), { target: { kind: 'original' }, overwrite: 'overwrite' });
    expect(await readFile(join(root, 'dir/a.txt'), 'utf8')).toBe('backed-up a');
  });

  it('skips a directory, and what it holds, where a file stands, under skip', async () => {
    const { root, point } = await pointOfTwoFiles();
    await rm(join(root, 'dir'), { recursive: true });
    await writeFile(join(root, 'dir'), 'a file now');
    const result = await restore(recoveryPointReader(point), { target: { kind: 'original' }, overwrite: 'skip' });
    expect(result).toMatchObject({ skipped: 3, restoredFiles: 0 });
  });
});

describe('restore never writes outside its target', () => {
  it.each(['../escaped', '/etc/escaped', 'a/../../escaped'])('refuses the entry path %s', async (path) => {
    const target = await tempDir();
    const reader = readerOf([{ type: 'file', path, metadata, sparse: false, content: async function* () {} }]);
    await expect(restore(reader, { target: { kind: 'alternate', path: join(target, 'in') }, overwrite: 'overwrite' })).rejects.toMatchObject({ errorId: 'RestoreOutsideTarget' });
    expect(await readdir(target)).toEqual(['in']);
  });

  it('refuses to follow a link planted in the target', async () => {
    const target = await tempDir();
    const elsewhere = await tempDir();
    await symlink(elsewhere, join(target, 'dir'));
    const reader = readerOf([{ type: 'file', path: 'dir/x', metadata, sparse: false, content: async function* () { yield Buffer.from('x'); } }]);
    await expect(restore(reader, { target: { kind: 'alternate', path: target }, overwrite: 'overwrite' })).rejects.toMatchObject({ errorId: 'RestoreOutsideTarget' });
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('replaces a link standing at a file’s place instead of writing through it', async () => {
    const target = await tempDir();
    const elsewhere = await tempDir();
    await writeFile(join(elsewhere, 'victim'), 'untouched');
    await symlink(join(elsewhere, 'victim'), join(target, 'x'));
    const reader = readerOf([{ type: 'file', path: 'x', metadata, sparse: false, content: async function* () { yield Buffer.from('restored'); } }]);
    await restore(reader, { target: { kind: 'alternate', path: target }, overwrite: 'overwrite' });
    expect(await readFile(join(elsewhere, 'victim'), 'utf8')).toBe('untouched');
    expect(await readFile(join(target, 'x'), 'utf8')).toBe('restored');
  });

  it('removes a directory standing at a file’s place without following the links inside it', async () => {
    const target = await tempDir();
    const elsewhere = await tempDir();
    await writeFile(join(elsewhere, 'victim'), 'untouched');
    await mkdir(join(target, 'x/deeper'), { recursive: true });
    await writeFile(join(target, 'x/deeper/old'), 'old');
    await symlink(elsewhere, join(target, 'x/deeper/link'));
    const reader = readerOf([{ type: 'file', path: 'x', metadata, sparse: false, content: async function* () { yield Buffer.from('restored'); } }]);
    await restore(reader, { target: { kind: 'alternate', path: target }, overwrite: 'overwrite' });
    expect(await readFile(join(target, 'x'), 'utf8')).toBe('restored');
    expect(await readdir(elsewhere)).toEqual(['victim']);
  });

  it('refuses a relative alternate location and an original location without a path', async () => {
    await expect(restore(readerOf([]), { target: { kind: 'alternate', path: 'relative/dir' }, overwrite: 'fail' })).rejects.toMatchObject({ errorId: 'InvalidRestoreTarget' });
    await expect(restore(readerOf([]), { target: { kind: 'original' }, overwrite: 'fail' })).rejects.toMatchObject({ errorId: 'InvalidRestoreTarget' });
  });
});

describe('restore of streams', () => {
  it('warns that named streams are not supported here', async () => {
    const target = await tempDir();
    const context = createTestContext();
    const reader = readerOf([
      { type: 'file', path: 'f', metadata, sparse: false, content: async function* () { yield Buffer.from('f'); } },
      { type: 'stream', path: 'f', streamName: 'Zone.Identifier', metadata, content: async function* () {} },
    ]);
    const result = await restore(reader, { target: { kind: 'alternate', path: target }, overwrite: 'fail' }, context);
    expect(result.restoredFiles).toBe(1);
    expect(context.warnings).toEqual([`Skipped the stream Zone.Identifier of ${join(target, 'f')}: named data streams are not supported on this platform.`]);
  });
});

describe('restore stops', () => {
  it('when its signal aborts', async () => {
    const { point } = await pointOfTwoFiles();
    const context = createTestContext();
    context.abort(new Error('stopped by the user'));
    await expect(restore(recoveryPointReader(point), { target: { kind: 'alternate', path: await tempDir() }, overwrite: 'fail' }, context)).rejects.toThrow('stopped by the user');
  });

  it('leaves no temporary file behind when content fails', async () => {
    const target = await tempDir();
    const reader = readerOf([
      {
        type: 'file',
        path: 'f',
        metadata,
        sparse: false,
        content: async function* () {
          yield Buffer.from('part');
          throw new Error('vault unreachable');
        },
      },
    ]);
    await expect(restore(reader, { target: { kind: 'alternate', path: target }, overwrite: 'fail' })).rejects.toThrow('vault unreachable');
    expect(await readdir(target)).toEqual([]);
  });
});

describe('restore after a killed one', () => {
  it('removes the temporary files it left in the directories restored into, and nothing else', async () => {
    const { root, point } = await pointOfTwoFiles();
    const leftovers = [join(root, '.dpmsh-restore-0123456789abcdef'), join(root, 'dir/.dpmsh-restore-fedcba9876543210'), join(root, 'dir/.a.txt.dpmsh-restore-0123456789ab')];
    for (const leftover of leftovers) await writeFile(leftover, 'part of a file');
    await writeFile(join(root, 'dir/.dpmsh-restore-notes'), 'a user’s own file');
    const context = createTestContext();
    await restore(recoveryPointReader(point), { target: { kind: 'original' }, overwrite: 'overwrite' }, context);
    expect((await readdir(root)).sort()).toEqual(['b.txt', 'dir']);
    expect((await readdir(join(root, 'dir'))).sort()).toEqual(['.dpmsh-restore-notes', 'a.txt']);
    expect(context.verboseMessages).toEqual([`Removed 3 temporary files an interrupted restore left in ${root}.`]);
  });
});

describe('restore to an alternate location', () => {
  it('creates the location and restores a data source there', async () => {
    const { root, point } = await pointOfTwoFiles();
    const target = join(await tempDir(), 'new/place');
    await restore(recoveryPointReader({ ...point, source: folder(root) }), { target: { kind: 'alternate', path: target }, overwrite: 'fail' });
    expect(await readFile(join(target, 'dir/a.txt'), 'utf8')).toBe('backed-up a');
  });
});
