import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestContext } from '@dpmsh/sdk/testing';
import { describe, expect, it } from 'vitest';
import { filesPlugin } from '../index.js';
import { useTempDirs } from '../test-support/temp-dir.js';

const tempDir = useTempDirs();

describe('discover', () => {
  it('lists at least the root volume, with a size estimate', async () => {
    const volumes = await filesPlugin.discover(createTestContext());
    const root = volumes.find((volume) => volume.id === '/');
    expect(root).toMatchObject({ name: '/', kind: 'Volume', path: '/' });
    expect(root?.sizeEstimateBytes).toBeGreaterThan(0);
    expect(volumes.map((volume) => volume.id)).not.toContain('/proc');
    expect(volumes.map((volume) => volume.id)).not.toContain('/etc/hosts');
  });
});

describe('resolve', () => {
  it('finds a folder by its path, with the sizes of its files', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'sub'));
    await writeFile(join(root, 'sub/a'), '12345');
    await writeFile(join(root, 'b'), '123');
    expect(await filesPlugin.resolve?.(root, createTestContext())).toEqual({ id: root, name: root, kind: 'Folder', sizeEstimateBytes: 8, path: root });
  });

  it('names one folder the same however its path is written', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'data'));
    await symlink(join(root, 'data'), join(root, 'link'));
    const context = createTestContext();
    for (const spelling of [`${root}/data/`, `${root}//data`, `${root}/link`]) {
      expect((await filesPlugin.resolve?.(spelling, context))?.id).toBe(join(root, 'data'));
    }
  });

  it('resolves the root as the root volume', async () => {
    expect(await filesPlugin.resolve?.('/', createTestContext())).toMatchObject({ id: '/', kind: 'Volume' });
  });

  it('finds nothing for a missing path, a file or a relative path', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'file'), '');
    const context = createTestContext();
    expect(await filesPlugin.resolve?.(join(root, 'missing'), context)).toBeUndefined();
    expect(await filesPlugin.resolve?.(join(root, 'file'), context)).toBeUndefined();
    expect(await filesPlugin.resolve?.('relative/path', context)).toBeUndefined();
  });
});
