import { isDomainError } from '@dpmsh/core';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localBackend } from '../backend/local-backend.js';
import { packObjectName } from '../format/pack-format.js';
import { entriesOf, fileEntries, filesUnder, newRepository, random, restore, useTempDirs } from '../test-support/repositories.js';
import { LEFTOVER_AFTER_MS } from './reclaim.js';

const tempDir = useTempDirs();
const MiB = 1024 * 1024;

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

async function backedUp() {
  const dir = await tempDir();
  const { repository, masterKey } = await newRepository(dir);
  const data = random(2 * MiB);
  const point = await repository.backup(entriesOf(fileEntries(new Map([['a.bin', data]]))), { parent: null });
  return { dir, repository, masterKey, data, point };
}

async function temporary(dir: string, name: string, bytes: number, ageMs = 0): Promise<void> {
  const path = join(dir, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, random(bytes));
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    await utimes(path, then, then);
  }
}

describe('reclaiming leftovers', () => {
  it('removes temporary files of gone writers and packs no index lists, keeps a live writer’s, and reports counts and bytes', async () => {
    const { dir, repository, data, point } = await backedUp();
    const dead = await deadPid();
    await temporary(dir, `data/ab/.tmp-${dead}-0a0b0c`, 1000);
    await temporary(dir, `index/.tmp-${dead}-0d0e0f`, 200);
    // A lock taker killed while writing its lock.
    await temporary(dir, `locks/.tmp-${dead}-101010`, 50);
    // A live process's fresh temporary file may be a write in flight: kept. An old one is not.
    await temporary(dir, `snapshots/.tmp-${process.ppid}-111111`, 300);
    await temporary(dir, `snapshots/.tmp-${process.ppid}-222222`, 400, LEFTOVER_AFTER_MS + 60_000);
    const orphan = random(5000);
    const orphanName = createHash('sha256').update(orphan).digest('hex');
    await localBackend(dir).write(packObjectName(orphanName), orphan);

    const report = await repository.reclaim();
    expect(report).toEqual({ temporaryObjects: 4, temporaryBytes: 1650, orphanPacks: 1, orphanBytes: 5000 });
    const left = await filesUnder(dir);
    expect(left.filter((file) => file.includes('.tmp-')).map((file) => file.slice(dir.length + 1))).toEqual([`snapshots/.tmp-${process.ppid}-111111`]);
    expect(left.some((file) => file.includes(orphanName))).toBe(false);
    expect(await repository.verify()).toMatchObject({ ok: true, unreferencedPacks: 0 });
    expect((await restore(repository, point.id)).get('a.bin')?.data?.equals(data)).toBe(true);
    expect(await repository.reclaim()).toEqual({ temporaryObjects: 0, temporaryBytes: 0, orphanPacks: 0, orphanBytes: 0 });
  });

  it('refuses to take packs for leftovers while an index object is unreadable', async () => {
    const { dir, repository, point, data } = await backedUp();
    const index = (await filesUnder(join(dir, 'index')))[0];
    const sealed = await readFile(index);
    sealed[9] ^= 1;
    await writeFile(index, sealed);
    const refused = await repository.reclaim().then(() => undefined, (error: unknown) => error);
    expect(isDomainError(refused, 'RepositoryCorrupt')).toBe(true);
    expect((refused as Error).message).toContain('repair the index');
    expect((await filesUnder(join(dir, 'data'))).length).toBeGreaterThan(0);
    await repository.repairIndex();
    expect((await repository.reclaim()).orphanPacks).toBe(0);
    expect((await restore(repository, point.id)).get('a.bin')?.data?.equals(data)).toBe(true);
  });

  it('is done by prune too, for temporary files', async () => {
    const { dir, repository } = await backedUp();
    await temporary(dir, `data/cd/.tmp-${await deadPid()}-0a0b0c`, 1234);
    expect((await repository.prune()).bytesFreed).toBe(1234);
    expect((await filesUnder(dir)).some((file) => file.includes('.tmp-'))).toBe(false);
  });
});
