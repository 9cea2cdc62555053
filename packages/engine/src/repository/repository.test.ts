import { isDomainError } from '@dpmsh/core';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupEntry } from '../api.js';
import { localBackend } from '../backend/local-backend.js';
import { wrapMasterKey } from '../crypto/envelope.js';
import { createMasterKey } from '../crypto/keys.js';
import {
  contentOf,
  entriesOf,
  fakeEnvelope,
  fileEntries,
  filesUnder,
  logText,
  metadata,
  newRepository,
  random,
  restore,
  useTempDirs,
} from '../test-support/repositories.js';
import { initRepository, openRepository, repositoryExists } from './repository.js';

const tempDir = useTempDirs();
const MiB = 1024 * 1024;

const errorOf = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (error: unknown) => error);

function sourceEntries(): { entries: BackupEntry[]; expected: Map<string, Buffer | null> } {
  const big = random(6 * MiB + 777);
  const text = logText(3 * MiB);
  const sparse = Buffer.concat([random(4096), Buffer.alloc(5 * MiB), random(4096)]);
  const stream = Buffer.from('zone identifier: 3\n');
  const entries: BackupEntry[] = [
    { type: 'directory', path: 'docs', metadata: metadata(0, { mode: 0o40750, uid: 1, gid: 2 }) },
    { type: 'directory', path: 'docs/empty', metadata: metadata(0, { mode: 0o40700 }) },
    { type: 'directory', path: 'empty', metadata: metadata(0, { mode: 0o40755, inode: 99 }) },
    { type: 'file', path: 'docs/big.bin', metadata: metadata(big.length), sparse: false, content: contentOf(big, 65_537) },
    { type: 'file', path: 'docs/app.log', metadata: metadata(text.length, { mode: 0o100600 }), sparse: false, content: contentOf(text) },
    { type: 'file', path: 'docs/nothing.txt', metadata: metadata(0), sparse: false, content: contentOf(Buffer.alloc(0)) },
    { type: 'file', path: 'disk.vhdx', metadata: metadata(sparse.length), sparse: true, content: contentOf(sparse, 3 * MiB) },
    { type: 'stream', path: 'docs/app.log', streamName: 'Zone.Identifier', metadata: metadata(stream.length), content: contentOf(stream) },
  ];
  const expected = new Map<string, Buffer | null>([
    ['docs', null],
    ['docs/empty', null],
    ['empty', null],
    ['docs/big.bin', big],
    ['docs/app.log', text],
    ['docs/nothing.txt', Buffer.alloc(0)],
    ['disk.vhdx', sparse],
    ['docs/app.log:Zone.Identifier', stream],
  ]);
  return { entries, expected };
}

describe('a repository', () => {
  it('restores what it backed up byte for byte: random, text, empty files, empty directories, streams, sparse flag and metadata', async () => {
    const { repository } = await newRepository(await tempDir());
    const { entries, expected } = sourceEntries();
    const progress: number[] = [];
    const summary = await repository.backup(entriesOf(entries), { parent: null, tags: { datasource: 'ds1' }, now: new Date('2026-12-04T10:00:00Z'), onProgress: (p) => progress.push(p.bytesDone) });
    expect(summary).toMatchObject({ parent: null, tags: { datasource: 'ds1' }, files: 4, directories: 3, createdAt: new Date('2026-12-04T10:00:00Z') });
    expect(summary.id).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.totalBytes).toBe([...expected.values()].reduce((sum, data) => sum + (data?.length ?? 0), 0));
    expect(summary.addedBytes).toBeGreaterThan(6 * MiB);
    expect(summary.addedBytes).toBeLessThan(8 * MiB);
    expect(progress.at(-1)).toBe(summary.totalBytes);

    const restored = await restore(repository, summary.id);
    expect([...restored.keys()]).toEqual(['docs', 'docs/empty', 'empty', 'docs/big.bin', 'docs/app.log', 'docs/nothing.txt', 'disk.vhdx', 'docs/app.log:Zone.Identifier']);
    for (const entry of entries) {
      const key = entry.type === 'stream' ? `${entry.path}:${entry.streamName}` : entry.path;
      const got = restored.get(key);
      expect(got?.metadata).toEqual(entry.metadata);
      const data = expected.get(key);
      if (data === null) expect(got?.type).toBe('directory');
      else expect(got?.data?.equals(data as Buffer)).toBe(true);
    }
    expect(restored.get('disk.vhdx')?.sparse).toBe(true);
    expect(restored.get('docs/big.bin')?.sparse).toBe(false);

    const index = await repository.index(summary.id);
    expect(index.get('docs/app.log:Zone.Identifier')).toMatchObject({ type: 'stream', streamName: 'Zone.Identifier' });
    expect(index.get('disk.vhdx')).toMatchObject({ type: 'file', sparse: true, metadata: metadata((expected.get('disk.vhdx') as Buffer).length) });
    expect(index.get('empty')?.type).toBe('directory');
  });

  it('restores chosen items with their trees and the directories leading to them', async () => {
    const { repository } = await newRepository(await tempDir());
    const { entries } = sourceEntries();
    const { id } = await repository.backup(entriesOf(entries), { parent: null });
    expect([...(await restore(repository, id, ['docs/app.log'])).keys()]).toEqual(['docs', 'docs/app.log', 'docs/app.log:Zone.Identifier']);
    expect([...(await restore(repository, id, ['docs/'])).keys()]).toEqual([
      'docs',
      'docs/empty',
      'docs/big.bin',
      'docs/app.log',
      'docs/nothing.txt',
      'docs/app.log:Zone.Identifier',
    ]);
  });

  it("takes an 'unchanged' file's content from the parent without reading it, and deduplicates a second backup of the same data", async () => {
    const { repository } = await newRepository(await tempDir());
    const a = random(3 * MiB);
    const b = logText(2 * MiB);
    const first = await repository.backup(entriesOf(fileEntries(new Map([['a', a], ['b', b]]))), { parent: null });
    const second = await repository.backup(
      entriesOf([
        { type: 'unchanged', path: 'a', metadata: metadata(a.length, { atimeMs: 5 }) },
        { type: 'file', path: 'b', metadata: metadata(b.length), sparse: false, content: contentOf(b, 12345) },
        { type: 'file', path: 'c', metadata: metadata(1), sparse: false, content: contentOf(Buffer.from('c')) },
      ]),
      { parent: first.id },
    );
    expect(second.parent).toBe(first.id);
    expect(second.addedBytes).toBeLessThan(64 * 1024);
    const restored = await restore(repository, second.id);
    expect(restored.get('a')?.data?.equals(a)).toBe(true);
    expect(restored.get('a')?.metadata.atimeMs).toBe(5);
    expect(restored.get('b')?.data?.equals(b)).toBe(true);

    const again = await repository.backup(entriesOf(fileEntries(new Map([['a', a], ['b', b]]))), { parent: null });
    expect(again.addedBytes).toBe(0);
    expect(again.totalBytes).toBe(first.totalBytes);
    expect((await repository.snapshots()).map((s) => s.id).sort()).toEqual([first.id, second.id, again.id].sort());
  });

  it("refuses an 'unchanged' entry the parent has no file for, and a parent that does not exist", async () => {
    const { repository } = await newRepository(await tempDir());
    const first = await repository.backup(entriesOf([{ type: 'directory', path: 'd', metadata: metadata(0) }]), { parent: null });
    const unchanged: BackupEntry = { type: 'unchanged', path: 'd', metadata: metadata(0) };
    expect(isDomainError(await errorOf(repository.backup(entriesOf([unchanged]), { parent: first.id })), 'UnchangedEntryMissing')).toBe(true);
    expect(isDomainError(await errorOf(repository.backup(entriesOf([unchanged]), { parent: null })), 'UnchangedEntryMissing')).toBe(true);
    expect(isDomainError(await errorOf(repository.backup(entriesOf([]), { parent: 'f'.repeat(64) })), 'SnapshotNotFound')).toBe(true);
    expect(isDomainError(await errorOf(repository.index('0'.repeat(64))), 'SnapshotNotFound')).toBe(true);
    // A failed backup leaves the lock free and the repository sound.
    await repository.backup(entriesOf([]), { parent: null });
    expect((await repository.verify()).ok).toBe(true);
  });

  it('does not trust an index entry whose pack is gone: the next backup stores that data again', async () => {
    const dir = await tempDir();
    const { repository, masterKey } = await newRepository(dir);
    const data = random(3 * MiB);
    const first = await repository.backup(entriesOf(fileEntries(new Map([['f', data]]))), { parent: null });
    for (const pack of await filesUnder(join(dir, 'data'))) await rm(pack);
    expect((await repository.verify()).ok).toBe(false);

    const reopened = await openRepository(localBackend(dir), { masterKey });
    const second = await reopened.backup(entriesOf(fileEntries(new Map([['f', data]]))), { parent: null });
    expect(second.addedBytes).toBeGreaterThanOrEqual(first.addedBytes - 1024);
    expect((await restore(reopened, second.id)).get('f')?.data?.equals(data)).toBe(true);
    // The loss stays reported (the old index lists lost packs) until a prune drops those entries.
    const { problems } = await reopened.verify({ snapshotIds: [second.id] });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.includes('which is missing') && !problem.includes(second.id))).toBe(true);
    // The process that lost them goes on too: its index drops the lost packs when the next writer starts.
    await repository.forget([first.id]);
    await repository.prune();
    expect(await repository.verify()).toMatchObject({ ok: true, snapshotsChecked: 1, problems: [] });
  });

  it('lists snapshots oldest first and forgets them', async () => {
    const { repository } = await newRepository(await tempDir());
    const later = await repository.backup(entriesOf([]), { parent: null, now: new Date('2026-01-02T00:00:00Z'), tags: { n: '2' } });
    const earlier = await repository.backup(entriesOf([]), { parent: null, now: new Date('2026-01-01T00:00:00Z'), tags: { n: '1' } });
    expect((await repository.snapshots()).map((s) => s.id)).toEqual([earlier.id, later.id]);
    expect(isDomainError(await errorOf(repository.forget(['not-a-snapshot-id'])), 'SnapshotNotFound')).toBe(true);
    await repository.forget([earlier.id]);
    expect((await repository.snapshots()).map((s) => s.tags)).toEqual([{ n: '2' }]);
    // A snapshot already gone (a retention run killed between forgetting and updating its catalog) is simply done.
    await repository.forget([earlier.id, '1'.repeat(64)]);
    expect((await repository.snapshots()).map((s) => s.tags)).toEqual([{ n: '2' }]);
  });

  it('stores nothing in plaintext: a marker repeated through a file appears in no object', async () => {
    const dir = await tempDir();
    const { repository } = await newRepository(dir);
    const marker = 'DPMSH-PLAINTEXT-MARKER-7f3a9c';
    const data = Buffer.from(marker.repeat(200_000));
    await repository.backup(
      entriesOf([
        { type: 'directory', path: marker, metadata: metadata(0) },
        { type: 'file', path: `${marker}/${marker}.txt`, metadata: metadata(data.length), sparse: false, content: contentOf(data) },
      ]),
      { parent: null, tags: { label: marker } },
    );
    const files = await filesUnder(dir);
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const bytes = await readFile(file);
      expect(bytes.includes(marker), file).toBe(false);
      expect(bytes.includes(Buffer.from(marker, 'utf16le')), file).toBe(false);
      expect(file.includes(marker)).toBe(false);
    }
  });
});

describe('opening a repository', () => {
  it('opens with the passphrase of its envelope or its master key; refuses a wrong passphrase, a wrong key and a second init', async () => {
    const dir = await tempDir();
    const backend = localBackend(dir);
    expect(await repositoryExists(backend)).toBe(false);
    expect(isDomainError(await errorOf(openRepository(backend, { passphrase: 'x' })), 'RepositoryNotFound')).toBe(true);

    const masterKey = createMasterKey();
    const created = await initRepository(backend, { masterKey, envelope: await wrapMasterKey(masterKey, 'passphrase one') });
    expect(await repositoryExists(backend)).toBe(true);
    const { id } = await created.backup(entriesOf(fileEntries(new Map([['f', Buffer.from('hello')]]))), { parent: null });

    const byPassphrase = await openRepository(localBackend(dir), { passphrase: 'passphrase one' });
    expect(byPassphrase.id).toBe(created.id);
    expect(byPassphrase.keyId).toBe(created.keyId);
    expect((await restore(byPassphrase, id)).get('f')?.data?.toString()).toBe('hello');

    const wrongPassphrase = await errorOf(openRepository(backend, { passphrase: 'passphrase two' }));
    expect(isDomainError(wrongPassphrase, 'RepositoryPassphraseIncorrect')).toBe(true);
    expect((wrongPassphrase as Error).message).toContain(dir);
    expect(isDomainError(await errorOf(openRepository(backend, { masterKey: createMasterKey() })), 'RepositoryKeyMismatch')).toBe(true);
    expect(isDomainError(await errorOf(initRepository(backend, { masterKey, envelope: fakeEnvelope(masterKey) })), 'RepositoryExists')).toBe(true);
    const other = createMasterKey();
    expect(isDomainError(await errorOf(initRepository(localBackend(await tempDir()), { masterKey, envelope: fakeEnvelope(other) })), 'RepositoryKeyMismatch')).toBe(true);
  });

  it('replaces its key envelope after a passphrase change, only with one of its own key', async () => {
    const dir = await tempDir();
    const masterKey = createMasterKey();
    const repository = await initRepository(localBackend(dir), { masterKey, envelope: await wrapMasterKey(masterKey, 'old passphrase') });
    await repository.setKeyEnvelope(await wrapMasterKey(masterKey, 'new passphrase'));
    expect((await openRepository(localBackend(dir), { passphrase: 'new passphrase' })).id).toBe(repository.id);
    expect(isDomainError(await errorOf(openRepository(localBackend(dir), { passphrase: 'old passphrase' })), 'RepositoryPassphraseIncorrect')).toBe(true);
    expect(isDomainError(await errorOf(repository.setKeyEnvelope(fakeEnvelope(createMasterKey()))), 'RepositoryKeyMismatch')).toBe(true);
  });

  it("lets one writer at a time: a second gets 'RepositoryLocked' while the first backs up, readers carry on", async () => {
    const dir = await tempDir();
    const { repository, masterKey } = await newRepository(dir);
    const { id } = await repository.backup(entriesOf(fileEntries(new Map([['f', Buffer.from('data')]]))), { parent: null });
    const second = await openRepository(localBackend(dir), { masterKey });

    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = async function* (): AsyncGenerator<BackupEntry> {
      started();
      await gate;
      yield { type: 'directory', path: 'later', metadata: metadata(0) };
    };
    const first = repository.backup(slow(), { parent: null });
    await running;
    const refused = await errorOf(second.backup(entriesOf([]), { parent: null }));
    expect(isDomainError(refused, 'RepositoryLocked')).toBe(true);
    expect((refused as Error).message).toContain(dir);
    expect(isDomainError(await errorOf(second.prune()), 'RepositoryLocked')).toBe(true);
    expect(isDomainError(await errorOf(second.forget([id])), 'RepositoryLocked')).toBe(true);
    expect((await restore(second, id)).get('f')?.data?.toString()).toBe('data');
    expect((await second.verify()).ok).toBe(true);
    release();
    await first;
    await second.backup(entriesOf([]), { parent: null });
  });
});
