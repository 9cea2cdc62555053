import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesOf, fileEntries, filesUnder, newRepository, random, restore, useTempDirs } from '../test-support/repositories.js';

const tempDir = useTempDirs();
const MiB = 1024 * 1024;

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const file of await filesUnder(dir)) total += (await stat(file)).size;
  return total;
}

describe('forget and prune', () => {
  it('frees the data only forgotten snapshots used and keeps every chunk the others need', async () => {
    const dir = await tempDir();
    const { repository } = await newRepository(dir);
    const shared = random(20 * MiB);
    const onlyFirst = random(20 * MiB);
    const onlySecond = random(4 * MiB);
    const first = await repository.backup(entriesOf(fileEntries(new Map([['shared', shared], ['gone', onlyFirst]]))), { parent: null });
    const second = await repository.backup(entriesOf(fileEntries(new Map([['shared', shared], ['new', onlySecond]]))), { parent: null });
    expect(await repository.prune()).toEqual({ snapshotsRemoved: 0, packsRemoved: 0, packsRewritten: 0, bytesFreed: 0 });

    const before = await bytesUnder(dir);
    await repository.forget([first.id]);
    const report = await repository.prune();
    // The pack where the shared file ends and the forgotten one begins is mostly unused: rewritten.
    expect(report.packsRemoved).toBeGreaterThanOrEqual(1);
    expect(report.packsRewritten).toBeGreaterThanOrEqual(1);
    expect(report.bytesFreed).toBeGreaterThan(14 * MiB);
    const after = await bytesUnder(dir);
    expect(before - after).toBeGreaterThan(14 * MiB);
    expect(after).toBeLessThan(27 * MiB);

    const restored = await restore(repository, second.id);
    expect(restored.get('shared')?.data?.equals(shared)).toBe(true);
    expect(restored.get('new')?.data?.equals(onlySecond)).toBe(true);
    expect(await repository.verify()).toMatchObject({ ok: true, unreferencedPacks: 0 });

    // The repository goes on working after a prune: a backup that shares data deduplicates against the rewritten packs.
    const third = await repository.backup(entriesOf(fileEntries(new Map([['shared', shared]]))), { parent: null });
    expect(third.addedBytes).toBeLessThan(64 * 1024);
    expect((await restore(repository, third.id)).get('shared')?.data?.equals(shared)).toBe(true);
  });

  it('removes everything once every snapshot is forgotten', async () => {
    const dir = await tempDir();
    const { repository } = await newRepository(dir);
    const { id } = await repository.backup(entriesOf(fileEntries(new Map([['a', random(3 * MiB)]]))), { parent: null });
    await repository.forget([id]);
    const report = await repository.prune();
    expect(report.packsRemoved).toBeGreaterThanOrEqual(2);
    expect(await filesUnder(join(dir, 'data'))).toEqual([]);
    expect(await filesUnder(join(dir, 'index'))).toEqual([]);
    expect((await repository.verify()).ok).toBe(true);
  });
});
