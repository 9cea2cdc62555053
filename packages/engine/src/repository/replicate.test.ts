import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDomainError } from '@dpmsh/core';
import { describe, expect, it } from 'vitest';
import { localBackend } from '../backend/local-backend.js';
import { entriesOf, fileEntries, filesUnder, logText, newRepository, random, restore, useTempDirs } from '../test-support/repositories.js';
import { openRepository } from './repository.js';

const tempDir = useTempDirs();
const MiB = 1024 * 1024;

describe('replicate', () => {
  it('copies a snapshot and the chunks the target lacks into a repository of the same key, and sends about nothing again', async () => {
    const { repository: source, masterKey } = await newRepository(await tempDir());
    const targetDir = await tempDir();
    const { repository: target } = await newRepository(targetDir, masterKey);
    expect(target.keyId).toBe(source.keyId);
    expect(target.id).not.toBe(source.id);

    const a = random(5 * MiB);
    const b = logText(3 * MiB);
    const first = await source.backup(entriesOf(fileEntries(new Map([['d', null], ['d/a', a], ['d/b', b]]))), { parent: null });
    const sent = await source.replicate(first.id, target);
    expect(sent.chunksSent).toBeGreaterThan(4);
    expect(sent.bytesSent).toBeGreaterThan(first.addedBytes);
    expect(sent.bytesSent).toBeLessThan(first.addedBytes + 64 * 1024);

    const reopened = await openRepository(localBackend(targetDir), { masterKey });
    expect((await reopened.snapshots()).map((s) => s.id)).toEqual([first.id]);
    const restored = await restore(reopened, first.id);
    expect(restored.get('d/a')?.data?.equals(a)).toBe(true);
    expect(restored.get('d/b')?.data?.equals(b)).toBe(true);
    expect(await reopened.verify()).toMatchObject({ ok: true, unreferencedPacks: 0 });

    expect(await source.replicate(first.id, target)).toEqual({ bytesSent: 0, chunksSent: 0 });
    const c = random(MiB);
    const second = await source.backup(entriesOf(fileEntries(new Map([['d', null], ['d/a', a], ['d/b', b], ['d/c', c]]))), { parent: first.id });
    const again = await source.replicate(second.id, target);
    expect(again.chunksSent).toBeLessThanOrEqual(3);
    expect(again.bytesSent).toBeLessThan(MiB + 64 * 1024);
    expect((await restore(target, second.id)).get('d/c')?.data?.equals(c)).toBe(true);
  });

  it('says so when an index object of the target does not authenticate, sends the data it listed again, and the copy restores', async () => {
    const { repository: source, masterKey } = await newRepository(await tempDir());
    const targetDir = await tempDir();
    const { repository: target } = await newRepository(targetDir, masterKey);
    const a = random(2 * MiB);
    const first = await source.backup(entriesOf(fileEntries(new Map([['a', a]]))), { parent: null });
    expect((await source.replicate(first.id, target)).warnings).toBeUndefined();
    const [indexObject] = await filesUnder(join(targetDir, 'index'));
    const damaged = await readFile(indexObject as string);
    damaged[damaged.length >> 1] ^= 0x10;
    await writeFile(indexObject as string, damaged);

    const second = await source.backup(entriesOf(fileEntries(new Map([['a', a], ['b', Buffer.from('b')]]))), { parent: first.id });
    const reopened = await openRepository(localBackend(targetDir), { masterKey });
    const sent = await source.replicate(second.id, reopened);
    expect(sent.warnings?.join('\n')).toContain((indexObject as string).slice(targetDir.length + 1));
    expect(sent.bytesSent).toBeGreaterThan(2 * MiB);
    expect((await restore(reopened, second.id)).get('a')?.data?.equals(a)).toBe(true);
  });

  it("refuses a target of another master key with 'RepositoryKeyMismatch', and an unknown snapshot", async () => {
    const { repository: source, masterKey } = await newRepository(await tempDir());
    const { repository: stranger } = await newRepository(await tempDir());
    const { id } = await source.backup(entriesOf(fileEntries(new Map([['f', Buffer.from('x')]]))), { parent: null });
    await expect(source.replicate(id, stranger)).rejects.toSatisfy((error: unknown) => isDomainError(error, 'RepositoryKeyMismatch'));
    const { repository: twin } = await newRepository(await tempDir(), masterKey);
    await expect(source.replicate('0'.repeat(64), twin)).rejects.toSatisfy((error: unknown) => isDomainError(error, 'SnapshotNotFound'));
  });
});
