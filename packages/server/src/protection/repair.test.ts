/** Repair-DPMStorage and the key envelope and config checks of Test-DPMRecoveryPoint, against real parts. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISK_REPOSITORY_FOLDER } from '../storage/repositories.js';
import { expectDomainError, folder, openFixture, protectFolder, register, type Fixture } from '../test-support/fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(async () => {
  await f.close();
});

function flip(path: string, at: (length: number) => number): void {
  const bytes = readFileSync(path);
  bytes[at(bytes.length)] ^= 0x04;
  writeFileSync(path, bytes);
}

async function backedUpOnDisk() {
  await register(f);
  const data = folder(f.dir, 'data');
  writeFileSync(join(data, 'report.bin'), Buffer.alloc(300_000, 7));
  writeFileSync(join(data, 'notes.txt'), 'first version\n');
  const diskPath = folder(f.dir, 'disk1');
  const disk = await f.server.addDisk(diskPath);
  const datasourceId = await protectFolder(f, data);
  const { recoveryPoint } = await f.server.backupNow(datasourceId, { location: 'Disk' });
  return { data, disk, repositoryDir: join(disk.path, DISK_REPOSITORY_FOLDER), recoveryPoint };
}

describe('Test-DPMRecoveryPoint and the repository around a point', () => {
  it('fails a point whose repository key envelope is damaged, naming keys/<id>', async () => {
    const { repositoryDir, recoveryPoint } = await backedUpOnDisk();
    expect((await f.server.verify(recoveryPoint.id)).ok).toBe(true);
    const envelope = join(repositoryDir, 'keys', readdirSync(join(repositoryDir, 'keys'))[0]);
    flip(envelope, (length) => length >> 1);
    const result = await f.server.verify(recoveryPoint.id);
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toContain('key envelope keys/');
    expect(result.job).toMatchObject({ type: 'Verify', status: 'Failed', errorId: 'RecoveryPointDamaged' });
  });
});

describe('Repair-DPMStorage', () => {
  it('rebuilds a damaged index so the point restores again, and reclaims leftovers, as Repair jobs', async () => {
    const { repositoryDir, recoveryPoint } = await backedUpOnDisk();
    const index = join(repositoryDir, 'index', readdirSync(join(repositoryDir, 'index'))[0]);
    flip(index, (length) => length >> 1);
    writeFileSync(join(repositoryDir, 'snapshots', '.tmp-999999999-abcdef'), Buffer.alloc(1000));
    expect((await f.server.verify(recoveryPoint.id)).ok).toBe(false);

    const repaired = await f.server.repair();
    expect(repaired).toMatchObject({ location: 'Disk', storage: expect.stringContaining('disk1') as unknown });
    expect(repaired.index).toMatchObject({ indexObjectsRemoved: 1, damagedPacks: [] });
    expect(repaired.leftovers).toMatchObject({ temporaryObjects: 1, temporaryBytes: 1000 });
    expect(repaired.job).toMatchObject({ type: 'Repair', status: 'Succeeded', location: 'Disk' });
    expect(f.server.jobs({ type: 'Repair' })).toHaveLength(1);

    expect((await f.server.verify(recoveryPoint.id)).ok).toBe(true);
    const target = folder(f.dir, 'restored');
    await f.server.restore(recoveryPoint.id, { options: { target: { alternatePath: target }, overwrite: 'fail' } });
    expect(readdirSync(target, { recursive: true }).map(String).some((name) => name.endsWith('notes.txt'))).toBe(true);

    const onlyLeftovers = await f.server.repair({ disk: repaired.storage, leftovers: true });
    expect(onlyLeftovers.index).toBeNull();
    expect(onlyLeftovers.leftovers).toMatchObject({ temporaryObjects: 0, orphanPacks: 0 });
  });

  it('warns a backup that meets a damaged index object, pointing at the repair', async () => {
    const { repositoryDir, recoveryPoint } = await backedUpOnDisk();
    // A damaged copy of the index under a new name: the server's open repository reads it at the next backup.
    const original = readFileSync(join(repositoryDir, 'index', readdirSync(join(repositoryDir, 'index'))[0]));
    original[original.length >> 1] ^= 0x04;
    const index = join(repositoryDir, 'index', createHash('sha256').update(original).digest('hex'));
    writeFileSync(index, original);
    const warnings: string[] = [];
    const next = await f.server.backupNow(recoveryPoint.datasourceId, { location: 'Disk', warn: (message) => warnings.push(message) });
    expect(next.job.status).toBe('Succeeded');
    expect(warnings.join('\n')).toContain('Repair-DPMStorage -Index');
    expect(warnings.join('\n')).toContain(index.slice(repositoryDir.length + 1));
  });

  it('refuses disk storage that is not on this server, an online repair without an online copy, and a repair of nothing', async () => {
    await backedUpOnDisk();
    await expectDomainError(f.server.repair({ disk: '/nowhere' }), 'DiskNotFound');
    await expectDomainError(f.server.repair({ online: true }), 'OnlineCopyNotFound');
    await expectDomainError(f.server.repair({ index: false, leftovers: false }), 'NothingToRepair');
  });
});
