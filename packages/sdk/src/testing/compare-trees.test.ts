import { execFileSync } from 'node:child_process';
import { chmod, mkdir, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTrees } from './compare-trees.js';
import { useTempDirs } from './test-support/temp-dir.js';

const tempDir = useTempDirs();

async function twoTrees(): Promise<[string, string]> {
  const pair: [string, string] = [await tempDir(), await tempDir()];
  for (const root of pair) {
    await mkdir(join(root, 'd/empty'), { recursive: true });
    await writeFile(join(root, 'd/f.txt'), 'same');
    await utimes(join(root, 'd/f.txt'), 1000, 1000);
    await utimes(join(root, 'd/empty'), 3000, 3000);
    await utimes(join(root, 'd'), 2000, 2000);
  }
  return pair;
}

describe('compareTrees', () => {
  it('finds nothing between equal trees', async () => {
    const [a, b] = await twoTrees();
    expect(await compareTrees(a, b)).toEqual([]);
  });

  it('finds missing and extra entries, empty directories included', async () => {
    const [a, b] = await twoTrees();
    await mkdir(join(a, 'only-a'));
    await writeFile(join(b, 'only-b'), '');
    expect(await compareTrees(a, b)).toEqual([
      { path: 'only-a', kind: 'missing', message: "'only-a' (directory) was not restored" },
      { path: 'only-b', kind: 'extra', message: "'only-b' (file) was restored but is not in the source" },
    ]);
  });

  it('finds different bytes, sizes, modes, times and types', async () => {
    const [a, b] = await twoTrees();
    await writeFile(join(b, 'd/f.txt'), 'sane');
    await utimes(join(b, 'd/f.txt'), 1000, 1000);
    await writeFile(join(a, 'g'), 'x');
    await writeFile(join(b, 'g'), 'xy');
    await chmod(join(b, 'g'), 0o600);
    await chmod(join(a, 'g'), 0o644);
    await utimes(join(b, 'd'), 2000, 2001);
    await writeFile(join(a, 'h'), '');
    await mkdir(join(b, 'h'));
    const found = await compareTrees(a, b);
    expect(found.map((d) => d.message)).toEqual([
      "'d': the modification time is 1970-01-01T00:33:21.000Z, expected 1970-01-01T00:33:20.000Z",
      "'d/f.txt': the content differs from byte 2",
      "'g': the size is 2 bytes, expected 1 bytes",
      "'g': the mode is 0600, expected 0644",
      "'h': the type is directory, expected file",
    ]);
  });

  it('compares link targets without following them', async () => {
    const [a, b] = await twoTrees();
    await symlink('d/f.txt', join(a, 'link'));
    await symlink('elsewhere', join(b, 'link'));
    expect((await compareTrees(a, b)).map((d) => d.kind)).toEqual(['link']);
  });

  it('finds a sparse file restored without holes', async () => {
    const [a, b] = await twoTrees();
    await writeFile(join(a, 'sparse'), '');
    await truncate(join(a, 'sparse'), 1 << 20);
    await writeFile(join(b, 'sparse'), Buffer.alloc(1 << 20));
    const found = await compareTrees(a, b, { mtimes: false });
    // A file system without holes allocates both fully; then there is nothing to find.
    expect(found.map((d) => d.kind)).toEqual(found.length === 0 ? [] : ['sparse']);
  });

  it('compares only what include accepts, and what is asked for', async () => {
    const [a, b] = await twoTrees();
    await writeFile(join(a, 'skip-me'), 'x');
    await chmod(join(b, 'd/f.txt'), 0o777);
    expect(await compareTrees(a, b, { include: (path) => path !== 'skip-me', modes: false })).toEqual([]);
  });

  it('compares FIFOs by type', async () => {
    const [a, b] = await twoTrees();
    execFileSync('mkfifo', [join(a, 'p'), join(b, 'p')]);
    expect(await compareTrees(a, b)).toEqual([]);
  });
});
