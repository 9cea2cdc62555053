import { readFile, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localBackend } from '../backend/local-backend.js';
import { deriveKeys } from '../crypto/keys.js';
import { entriesOf, fileEntries, filesUnder, logText, newRepository, random, useTempDirs } from '../test-support/repositories.js';
import { blobId, encodeBlob } from '../format/blob.js';
import { packObjectName } from '../format/pack-format.js';
import { PackWriter } from './pack-writer.js';

const tempDir = useTempDirs();
const MiB = 1024 * 1024;

async function backedUp() {
  const dir = await tempDir();
  const { repository, masterKey } = await newRepository(dir);
  const summary = await repository.backup(entriesOf(fileEntries(new Map([['dir', null], ['dir/a.bin', random(3 * MiB)], ['dir/b.log', logText(2 * MiB)]]))), { parent: null });
  const packs = (await filesUnder(join(dir, 'data'))).sort();
  return { dir, repository, masterKey, summary, packs };
}

describe('verify', () => {
  it('passes a sound repository, counting what it read', async () => {
    const { repository, packs } = await backedUp();
    const report = await repository.verify();
    expect(report).toMatchObject({ ok: true, problems: [], snapshotsChecked: 1, packsChecked: packs.length, unreferencedPacks: 0 });
    expect(packs.length).toBeGreaterThanOrEqual(2);
    expect(report.bytesChecked).toBeGreaterThan(3 * MiB);
  });

  it('reports a flipped byte anywhere in any pack (first blob, middle, header, trailer) as a problem naming the pack', async () => {
    const { repository, packs } = await backedUp();
    for (const pack of packs) {
      const original = await readFile(pack);
      const positions = [0, 13, original.length >> 1, original.length - 40, original.length - 5, original.length - 1];
      for (const at of positions) {
        const damaged = Buffer.from(original);
        damaged[at] ^= 0x20;
        await writeFile(pack, damaged);
        const report = await repository.verify();
        expect(report.ok, `byte ${at} of ${pack}`).toBe(false);
        const name = pack.slice(pack.lastIndexOf('/') + 1);
        expect(report.problems.some((problem) => problem.includes(name)), report.problems.join('\n')).toBe(true);
      }
      await writeFile(pack, original);
    }
    expect((await repository.verify()).ok).toBe(true);
  });

  it('reports a missing pack and a damaged index or snapshot object', async () => {
    const { dir, repository, summary, packs } = await backedUp();
    const index = (await filesUnder(join(dir, 'index')))[0];
    const original = await readFile(index);
    await writeFile(index, Buffer.concat([original.subarray(0, 10), Buffer.from([original[10] ^ 1]), original.subarray(11)]));
    let report = await repository.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain(index.slice(dir.length + 1));
    await writeFile(index, original);

    const snapshot = join(dir, 'snapshots', summary.id);
    const sealed = await readFile(snapshot);
    sealed[20] ^= 1;
    await writeFile(snapshot, sealed);
    report = await repository.verify();
    expect(report.problems.join('\n')).toContain(summary.id);
    sealed[20] ^= 1;
    await writeFile(snapshot, sealed);

    await rm(packs[0]);
    report = await repository.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain(packs[0].slice(packs[0].lastIndexOf('/') + 1));
  });

  it('counts a pack no index lists as unreferenced, not as a problem, and can check chosen snapshots only', async () => {
    const { dir, repository, masterKey, summary } = await backedUp();
    const keys = deriveKeys(masterKey);
    const writer = new PackWriter(keys.dataKey);
    const plaintext = random(1000);
    const id = blobId(keys.idKey, 'data', plaintext);
    writer.add('data', id.toString('hex'), encodeBlob(keys.dataKey, 'data', id, plaintext));
    const orphan = writer.finish();
    await localBackend(dir).write(packObjectName(orphan.record.name), Buffer.concat(orphan.parts));

    const report = await repository.verify();
    expect(report).toMatchObject({ ok: true, unreferencedPacks: 1 });
    const chosen = await repository.verify({ snapshotIds: [summary.id] });
    expect(chosen).toMatchObject({ ok: true, snapshotsChecked: 1 });
    const unknown = await repository.verify({ snapshotIds: ['ab'.repeat(32)] });
    expect(unknown.ok).toBe(false);
  });

  it('names the damaged object when a byte is flipped in each kind of stored object: config, key envelope, index, pack, snapshot', async () => {
    const { dir, repository, summary, packs } = await backedUp();
    const index = (await filesUnder(join(dir, 'index')))[0];
    const objects = [
      { path: join(dir, 'config'), named: 'config config' },
      { path: join(dir, 'keys', repository.keyId), named: `key envelope keys/${repository.keyId}` },
      { path: index, named: `index ${index.slice(dir.length + 1)}` },
      { path: packs[0], named: packs[0].slice(packs[0].lastIndexOf('/') + 1) },
      { path: join(dir, 'snapshots', summary.id), named: `snapshot snapshots/${summary.id}` },
    ];
    for (const { path, named } of objects) {
      const original = await readFile(path);
      const damaged = Buffer.from(original);
      damaged[damaged.length >> 1] ^= 0x02;
      await writeFile(path, damaged);
      const report = await repository.verify();
      expect(report.ok, named).toBe(false);
      expect(report.problems.some((problem) => problem.includes(named)), `${named}: ${report.problems.join('\n')}`).toBe(true);
      await writeFile(path, original);
    }
    expect((await repository.verify()).ok).toBe(true);
  });
});
