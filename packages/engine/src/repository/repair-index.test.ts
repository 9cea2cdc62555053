import { isDomainError } from '@dpmsh/core';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localBackend } from '../backend/local-backend.js';
import { entriesOf, fileEntries, filesUnder, logText, newRepository, random, restore, useTempDirs } from '../test-support/repositories.js';
import { openRepository } from './repository.js';

const tempDir = useTempDirs();
const MiB = 1024 * 1024;

const errorOf = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (error: unknown) => error);

async function flipByte(path: string, at: (length: number) => number): Promise<Buffer> {
  const original = await readFile(path);
  const damaged = Buffer.from(original);
  damaged[at(damaged.length)] ^= 0x10;
  await writeFile(path, damaged);
  return original;
}

describe('repairing the index', () => {
  it('makes points restorable again after an index object is damaged; a backup meanwhile says so and does not trust that index', async () => {
    const dir = await tempDir();
    const { masterKey } = await newRepository(dir);
    const first = new Map([['a.bin', random(3 * MiB)], ['b.log', logText(MiB)]]);
    const created = await openRepository(localBackend(dir), { masterKey });
    const point = await created.backup(entriesOf(fileEntries(first)), { parent: null });
    const indexObjects = await filesUnder(join(dir, 'index'));
    expect(indexObjects).toHaveLength(1);
    await flipByte(indexObjects[0], (length) => length >> 1);
    const damagedName = indexObjects[0].slice(dir.length + 1);

    const repository = await openRepository(localBackend(dir), { masterKey });
    await expect(restore(repository, point.id)).rejects.toThrow();
    expect((await repository.verify()).problems.join('\n')).toContain(damagedName);
    expect(isDomainError(await errorOf(repository.prune()), 'RepositoryCorrupt')).toBe(true);

    // A backup of the same data stores it again rather than trusting the packs of an unreadable index, and says why.
    const again = await repository.backup(entriesOf(fileEntries(first)), { parent: null });
    expect(again.warnings?.join('\n')).toContain(damagedName);
    expect(again.addedBytes).toBeGreaterThan(3 * MiB);

    const report = await repository.repairIndex();
    expect(report.packsRead).toBe((await filesUnder(join(dir, 'data'))).length);
    expect(report.damagedPacks).toEqual([]);
    expect(report.indexObjectsWritten).toBe(1);
    expect(report.indexObjectsRemoved).toBe(2);
    expect(await filesUnder(join(dir, 'index'))).toHaveLength(1);

    for (const id of [point.id, again.id]) {
      const restored = await restore(repository, id);
      for (const [name, data] of first) expect(restored.get(name)?.data?.equals(data), name).toBe(true);
    }
    expect(await repository.verify()).toMatchObject({ ok: true, problems: [] });
    // And from a fresh open, with the repaired index only.
    const reopened = await openRepository(localBackend(dir), { masterKey });
    expect((await restore(reopened, point.id)).get('a.bin')?.data?.equals(first.get('a.bin') as Buffer)).toBe(true);
    const next = await reopened.backup(entriesOf(fileEntries(first)), { parent: null });
    expect(next.warnings).toBeUndefined();
    expect(next.addedBytes).toBeLessThan(64 * 1024);
  });

  it('names a pack whose header is damaged and keeps what a readable index said of it', async () => {
    const dir = await tempDir();
    const { repository } = await newRepository(dir);
    await repository.backup(entriesOf(fileEntries(new Map([['a.bin', random(2 * MiB)]]))), { parent: null });
    const packs = (await filesUnder(join(dir, 'data'))).sort();
    // The header sits just before the pack's last 4 bytes.
    await flipByte(packs[0], (length) => length - 6);
    const report = await repository.repairIndex();
    const name = packs[0].slice(packs[0].lastIndexOf('/') + 1);
    expect(report.damagedPacks.some((line) => line.includes(name)), report.damagedPacks.join('\n')).toBe(true);
    expect(report.packsRead).toBe(packs.length);
    // The damaged pack is still indexed (as the old index had it), so verify names it rather than losing track of it.
    const verify = await repository.verify();
    expect(verify.unreferencedPacks).toBe(0);
    expect(verify.problems.join('\n')).toContain(name);
  });
});
