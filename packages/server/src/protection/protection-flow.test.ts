/**
 * The whole protection flow against real parts: a temporary home, the SQLite catalog, the
 * embedded vault, the engine's repositories on disk and the files plugin.
 */
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folder, openFixture, register, type Fixture } from '../test-support/fixture.js';
import type { OperationProgress } from './progress.js';

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(async () => {
  await f.close();
});

/** Every file and folder under a root: relative path to content (files) or 'dir'. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) {
        out[relative(root, path)] = 'dir';
        walk(path);
      } else out[relative(root, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(root);
  return out;
}

function makeData(root: string): void {
  folder(root, 'docs', 'empty');
  writeFileSync(join(root, 'readme.txt'), 'hello, dpmsh\n');
  writeFileSync(join(root, 'docs', 'report.bin'), Buffer.alloc(300_000, 7));
  writeFileSync(join(root, 'docs', 'notes.txt'), 'first version\n');
}

describe('protecting a folder on disk and online', () => {
  it('backs up, copies to the vault, backs up again incrementally, and restores byte for byte', async () => {
    await register(f);
    const data = folder(f.dir, 'data');
    makeData(data);
    await f.server.addDisk(folder(f.dir, 'disk1'));
    const datasourceId = await protectFolderOnline(data);

    const progress: OperationProgress[] = [];
    const full = await f.server.backupNow(datasourceId, { location: 'Disk', backupType: 'ExpressFull', onProgress: (p) => progress.push(p) });
    expect(full.recoveryPoint).toMatchObject({ location: 'Disk', backupType: 'ExpressFull', files: 3 });
    expect(full.job).toMatchObject({ type: 'Backup', status: 'Succeeded', location: 'Disk' });
    expect(progress.at(-1)).toMatchObject({ activity: 'Backup', completed: true });

    const online = await f.server.backupNow(datasourceId, { location: 'Online' });
    expect(online.recoveryPoint).toMatchObject({ location: 'Online', snapshotId: full.recoveryPoint.snapshotId });
    expect(online.diskBackup).toBeUndefined();
    expect((await f.server.getVault('contoso-vault')).hasBackup).toBe(true);
    await expect(f.server.setVaultRedundancy('contoso-vault', 'LocallyRedundant')).rejects.toMatchObject({ id: 'StorageRedundancyLocked' });
    expect((await f.server.vault.listRecoveryPoints(f.server.serverId)).map((p) => p.recoveryPointId)).toEqual([online.recoveryPoint.id]);
    const original = tree(data);

    f.advance(3_600_000);
    writeFileSync(join(data, 'docs', 'notes.txt'), 'second version, longer\n');
    writeFileSync(join(data, 'new.txt'), 'added later\n');
    const incremental = await f.server.backupNow(datasourceId, { location: 'Disk', backupType: 'Incremental' });
    expect(incremental.recoveryPoint).toMatchObject({ backupType: 'Incremental', files: 4 });
    const changed = tree(data);

    const whole = await f.server.restore(full.recoveryPoint.id, { options: { target: { alternatePath: join(f.dir, 'restore-full') }, overwrite: 'fail' } });
    expect(whole.job).toMatchObject({ type: 'Restore', status: 'Succeeded' });
    expect(tree(join(f.dir, 'restore-full'))).toEqual(original);
    await f.server.restore(incremental.recoveryPoint.id, { options: { target: { alternatePath: join(f.dir, 'restore-incr') }, overwrite: 'fail' } });
    expect(tree(join(f.dir, 'restore-incr'))).toEqual(changed);

    const items = await f.server.recoverableItems(incremental.recoveryPoint.id, 'docs');
    expect(items.map((i) => i.path)).toEqual(['docs/empty', 'docs/notes.txt', 'docs/report.bin']);
    await f.server.restore(incremental.recoveryPoint.id, { options: { target: { alternatePath: join(f.dir, 'restore-item') }, overwrite: 'fail', items: ['docs/notes.txt'] } });
    expect(readFileSync(join(f.dir, 'restore-item', 'docs', 'notes.txt'), 'utf8')).toBe('second version, longer\n');
    expect(() => statSync(join(f.dir, 'restore-item', 'readme.txt'))).toThrow();

    // The online copy comes back through the recovery folder, which is left empty.
    const restoreProgress: OperationProgress[] = [];
    await f.server.restore(online.recoveryPoint.id, { options: { target: { alternatePath: join(f.dir, 'restore-online') }, overwrite: 'fail' }, onProgress: (p) => restoreProgress.push(p) });
    expect(tree(join(f.dir, 'restore-online'))).toEqual(original);
    expect(readdirSync(join(f.dir, 'recovery'))).toEqual([]);
    expect(restoreProgress.at(-1)).toMatchObject({ activity: 'Restore', completed: true });

    // Restoring over the original with the data deleted brings it back.
    rmSync(join(data, 'docs'), { recursive: true });
    await f.server.restore(incremental.recoveryPoint.id, { options: { target: 'original', overwrite: 'overwrite' } });
    expect(tree(data)).toEqual(changed);

    const verified = await f.server.verify(full.recoveryPoint.id);
    expect(verified).toMatchObject({ ok: true, problems: [] });
    expect(verified.job).toMatchObject({ type: 'Verify', status: 'Succeeded' });
    expect((await f.server.verify(online.recoveryPoint.id)).ok).toBe(true);

    expect(f.server.jobs({ type: 'Restore' })).toHaveLength(5);
    expect(f.server.jobs({ status: 'Failed' })).toEqual([]);
    expect(f.server.recoveryPoints({ datasourceId, location: 'Disk' }).map((p) => p.id)).toEqual([full.recoveryPoint.id, incremental.recoveryPoint.id]);
  });

  it('makes a disk recovery point first when an online backup finds none, or only one already copied', async () => {
    await register(f);
    const data = folder(f.dir, 'data');
    makeData(data);
    await f.server.addDisk(folder(f.dir, 'disk1'));
    const datasourceId = await protectFolderOnline(data);
    const first = await f.server.backupNow(datasourceId, { location: 'Online' });
    expect(first.diskBackup?.recoveryPoint).toMatchObject({ location: 'Disk', backupType: 'ExpressFull' });
    f.advance(60_000);
    const second = await f.server.backupNow(datasourceId, { location: 'Online' });
    expect(second.diskBackup?.recoveryPoint).toMatchObject({ location: 'Disk', backupType: 'Incremental' });
    expect(second.recoveryPoint.createdAt.getTime()).toBeGreaterThan(first.recoveryPoint.createdAt.getTime());
  });

  it('lets recovery points go after the retention range, keeping the newest', async () => {
    const data = folder(f.dir, 'data');
    makeData(data);
    await register(f);
    await f.server.addDisk(folder(f.dir, 'disk1'));
    const { groups, datasources } = f.server;
    const draft = groups.create('Short');
    groups.addMember(draft.draftId, await datasources.resolve(data), false);
    groups.setPolicy(draft.draftId, { retentionDays: 1 });
    await groups.commit(draft.draftId);
    const datasourceId = (await datasources.resolve(data)).datasourceId;
    const old = await f.server.backupNow(datasourceId, { location: 'Disk' });
    f.advance(2 * 86_400_000);
    const fresh = await f.server.backupNow(datasourceId, { location: 'Disk' });
    expect(f.server.recoveryPoints({ datasourceId }).map((p) => p.id)).toEqual([fresh.recoveryPoint.id]);
    await expect(f.server.restore(old.recoveryPoint.id, { options: { target: { alternatePath: join(f.dir, 'x') }, overwrite: 'fail' } })).rejects.toMatchObject({ id: 'RecoveryPointNotFound' });
    expect((await f.server.verify(fresh.recoveryPoint.id)).ok).toBe(true);
  });
});

describe('online retention', () => {
  it('lets vault recovery points go from the vault catalog too', async () => {
    const data = folder(f.dir, 'data');
    makeData(data);
    await register(f);
    await f.server.addDisk(folder(f.dir, 'disk1'));
    const { groups, datasources } = f.server;
    const ds = await datasources.resolve(data);
    const draft = groups.create('Short online');
    groups.addMember(draft.draftId, ds, true);
    groups.setProtectionType(draft.draftId, 'Disk', 'Online');
    groups.setPolicy(draft.draftId, { onlineRetentionDays: 1 });
    await groups.commit(draft.draftId);
    await f.server.backupNow(ds.datasourceId, { location: 'Online' });
    f.advance(2 * 86_400_000);
    const fresh = await f.server.backupNow(ds.datasourceId, { location: 'Online' });
    expect((await f.server.vault.listRecoveryPoints(f.server.serverId)).map((p) => p.recoveryPointId)).toEqual([fresh.recoveryPoint.id]);
  });
});

async function protectFolderOnline(path: string): Promise<string> {
  const { groups, datasources } = f.server;
  const ds = await datasources.resolve(path);
  const draft = groups.create('Files');
  groups.addMember(draft.draftId, ds, true);
  groups.setProtectionType(draft.draftId, 'Disk', 'Online');
  groups.setPolicy(draft.draftId, { retentionDays: 10, syncFrequencyMinutes: 60, onlineRetentionDays: 30 });
  const saved = await groups.commit(draft.draftId);
  expect(saved).toMatchObject({ name: 'Files', longTerm: 'Online', retentionDays: 10, syncFrequencyMinutes: 60 });
  expect(saved.members.map((m) => m.source.path)).toEqual([path]);
  return ds.datasourceId;
}
