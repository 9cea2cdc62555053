/** The rules a protection operation is refused by, each with its stable error id. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GB } from '@dpmsh/core';
import { expectDomainError, folder, openFixture, protectFolder, register, writeSizedPlugin, type Fixture } from '../test-support/fixture.js';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

async function withData(): Promise<{ fx: Fixture; data: string }> {
  f = await openFixture({ plugins: (dir) => ['@dpmsh/plugin-files', writeSizedPlugin(dir)] });
  const data = folder(f.dir, 'data');
  writeFileSync(join(data, 'a.txt'), 'alpha\n');
  return { fx: f, data };
}

describe('disk storage', () => {
  it('is mandatory: a group cannot be saved and nothing backs up without it', async () => {
    const { fx, data } = await withData();
    await register(fx);
    const { groups, datasources } = fx.server;
    const draft = groups.create('Files');
    groups.addMember(draft.draftId, await datasources.resolve(data), false);
    const e = await expectDomainError(groups.commit(draft.draftId), 'NoDiskStorage');
    expect(e.recommendedAction).toContain('Add-DPMDisk');
    expect(groups.list()).toEqual([]);
  });

  it('must be an existing writable folder, added once', async () => {
    const { fx } = await withData();
    await expectDomainError(fx.server.addDisk(join(fx.dir, 'missing')), 'DiskStorageUnusable');
    const file = join(fx.dir, 'file');
    writeFileSync(file, '');
    await expectDomainError(fx.server.addDisk(file), 'DiskStorageUnusable');
    const disk = folder(fx.dir, 'disk1');
    const added = await fx.server.addDisk(disk);
    expect(added).toMatchObject({ path: disk, status: 'Healthy' });
    expect(added.capacityBytes).toBeGreaterThan(0);
    await expectDomainError(fx.server.addDisk(`${disk}/`), 'DiskStorageAlreadyAdded');
    expect((await fx.server.disks()).map((d) => d.path)).toEqual([disk]);
  });

  it('holds its repository in a dpmsh-repository folder', async () => {
    const { fx, data } = await withData();
    await register(fx);
    await fx.server.addDisk(folder(fx.dir, 'disk1'));
    const id = await protectFolder(fx, data);
    expect((await fx.server.backupNow(id, { location: 'Disk' })).job.status).toBe('Succeeded');
    expect(readdirSync(join(fx.dir, 'disk1'))).toEqual(['dpmsh-repository']);
  });
});

describe('protection groups', () => {
  it('offer only the documented synchronization frequencies and retention ranges', async () => {
    const { fx } = await withData();
    const { groups } = fx.server;
    const draft = groups.create('Files');
    await expectDomainError(Promise.resolve().then(() => groups.setPolicy(draft.draftId, { syncFrequencyMinutes: 90 })), 'InvalidSyncFrequency');
    await expectDomainError(Promise.resolve().then(() => groups.setPolicy(draft.draftId, { retentionDays: 449 })), 'RetentionOutOfRange');
    expect(groups.setPolicy(draft.draftId, { syncFrequencyMinutes: 1440, retentionDays: 448 })).toMatchObject({ syncFrequencyMinutes: 1440, retentionDays: 448 });
  });

  it('refuse a data source over 54,400 GB', async () => {
    const { fx } = await withData();
    const { groups, datasources } = fx.server;
    const draft = groups.create('Huge');
    const huge = await datasources.find({ plugin: 'sized', sourceId: String(54_401 * GB) });
    const e = await expectDomainError(Promise.resolve().then(() => groups.addMember(draft.draftId, huge, false)), 'DatasourceTooLarge');
    expect(e.message).toContain('54,400 GB');
    expect(groups.draft(draft.draftId).members).toEqual([]);
  });

  it('need scratch space of 5% of the data protected online', async () => {
    const { fx } = await withData();
    await register(fx);
    await fx.server.addDisk(folder(fx.dir, 'disk1'));
    const { groups, datasources } = fx.server;
    const draft = groups.create('Big');
    // 50,000 GB online needs 2,500 GB of free scratch space, more than a test machine has.
    groups.addMember(draft.draftId, await datasources.find({ plugin: 'sized', sourceId: String(50_000 * GB) }), true);
    groups.setProtectionType(draft.draftId, 'Disk', 'Online');
    await expectDomainError(groups.commit(draft.draftId), 'InsufficientScratchSpace');
    // On disk only, the scratch space does not matter.
    const diskOnly = groups.create('Big on disk');
    groups.addMember(diskOnly.draftId, await datasources.find({ plugin: 'sized', sourceId: String(50_000 * GB) }), false);
    expect((await groups.commit(diskOnly.draftId)).members).toHaveLength(1);
  });

  it('need online long-term protection and a registered server for members marked online', async () => {
    const { fx, data } = await withData();
    await fx.server.addDisk(folder(fx.dir, 'disk1'));
    const { groups, datasources } = fx.server;
    const draft = groups.create('Files');
    groups.addMember(draft.draftId, await datasources.resolve(data), true);
    await expectDomainError(groups.commit(draft.draftId), 'OnlineProtectionNotSelected');
    groups.setProtectionType(draft.draftId, 'Disk', 'Online');
    await expectDomainError(groups.commit(draft.draftId), 'ServerNotRegistered');
    await expectDomainError(groups.commit(groups.create('Empty').draftId), 'ProtectionGroupEmpty');
  });

  it('keep names unique and a data source in one group only', async () => {
    const { fx, data } = await withData();
    await fx.server.addDisk(folder(fx.dir, 'disk1'));
    await protectFolder(fx, data, { name: 'Files' });
    const { groups, datasources } = fx.server;
    const again = groups.create('files');
    groups.addMember(again.draftId, await datasources.find({ plugin: 'sized', sourceId: '10' }), false);
    await expectDomainError(groups.commit(again.draftId), 'ProtectionGroupNameTaken');
    const other = groups.create('Other');
    await expectDomainError(datasources.resolve(data).then((ds) => groups.addMember(other.draftId, ds, false)), 'DatasourceAlreadyProtected');
  });

  it('are changed through a modifiable copy and saved all at once', async () => {
    const { fx, data } = await withData();
    await fx.server.addDisk(folder(fx.dir, 'disk1'));
    await protectFolder(fx, data, { name: 'Files' });
    const { groups, datasources } = fx.server;
    const saved = groups.list()[0];
    const copy = groups.modify(saved?.id ?? '');
    groups.addMember(copy.draftId, await datasources.find({ plugin: 'sized', sourceId: '10' }), false);
    groups.setPolicy(copy.draftId, { retentionDays: 20 });
    expect(groups.get('Files').members).toHaveLength(1);
    const changed = await groups.commit(copy.draftId);
    expect(changed).toMatchObject({ id: saved?.id, retentionDays: 20 });
    expect(changed.members).toHaveLength(2);
  });
});

describe('the connectivity x subscription table', () => {
  it('stops backups while the subscription is expired but lets online restores go on', async () => {
    const { fx, data } = await withData();
    await register(fx);
    await fx.server.addDisk(folder(fx.dir, 'disk1'));
    const id = await protectFolder(fx, data, { online: true });
    const online = await fx.server.backupNow(id, { location: 'Online' });
    await fx.server.setSubscriptionState('Expired');
    await expectDomainError(fx.server.backupNow(id, { location: 'Online' }), 'SubscriptionExpired');
    await expectDomainError(fx.server.backupNow(id, { location: 'Disk' }), 'SubscriptionExpired');
    const restored = await fx.server.restore(online.recoveryPoint.id, { options: { target: { alternatePath: join(fx.dir, 'out') }, overwrite: 'fail' } });
    expect(restored.result.restoredFiles).toBe(1);
    expect(fx.server.jobs({ type: 'Backup' }).filter((j) => j.status !== 'Succeeded')).toEqual([]);
  });

  it('stops backups and restores, disk and online, once the subscription is deprovisioned', async () => {
    const { fx, data } = await withData();
    await register(fx);
    await fx.server.addDisk(folder(fx.dir, 'disk1'));
    const id = await protectFolder(fx, data, { online: true });
    const online = await fx.server.backupNow(id, { location: 'Online' });
    const disk = fx.server.recoveryPoints({ datasourceId: id, location: 'Disk' })[0];
    await fx.server.setSubscriptionState('Deprovisioned');
    const target = { options: { target: { alternatePath: join(fx.dir, 'out') }, overwrite: 'fail' as const } };
    const e = await expectDomainError(fx.server.restore(online.recoveryPoint.id, target), 'SubscriptionDeprovisioned');
    expect(e.message).toContain('deleted');
    await expectDomainError(fx.server.backupNow(id, { location: 'Online' }), 'SubscriptionDeprovisioned');
    await expectDomainError(fx.server.restore(disk?.id ?? '', target), 'SubscriptionDeprovisioned');
    // The vault's data is gone for good, so its points are no longer offered.
    expect(fx.server.recoveryPoints({ location: 'Online' })).toEqual([]);
    await expectDomainError(fx.server.restore(online.recoveryPoint.id, target), 'RecoveryPointNotFound');
  });

  it('comes after the encryption key: a server given no passphrase cannot back up', async () => {
    const { fx, data } = await withData();
    await fx.server.addDisk(folder(fx.dir, 'disk1'));
    const id = await protectFolder(fx, data);
    await expectDomainError(fx.server.backupNow(id, { location: 'Disk' }), 'EncryptionKeyMissing');
  });
});

describe('workload plugins', () => {
  it('name a plugin that cannot load, and the others go on', async () => {
    f = await openFixture({ plugins: (dir) => ['@dpmsh/plugin-files', '@dpmsh/plugin-nonexistent', writeBrokenPlugin(dir)] });
    const warnings: string[] = [];
    const found = await f.server.datasources.inquire({ warn: (w) => warnings.push(w) });
    expect(found.every((d) => d.plugin === 'files')).toBe(true);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("'@dpmsh/plugin-nonexistent'");
    expect(warnings[0]).toContain('not installed');
    expect(warnings[1]).toContain('needs plugin API version 99');
    const failures = await f.server.pluginFailures();
    expect(failures.map((x) => x.error.id)).toEqual(['WorkloadPluginLoadFailed', 'WorkloadPluginLoadFailed']);
  });
});

function writeBrokenPlugin(dir: string): string {
  const path = join(dir, 'future-plugin.mjs');
  writeFileSync(
    path,
    `export default { kind: 'dpmsh-workload-plugin', apiVersion: 99, name: 'future', workload: 'X', version: '9.0.0',
  async discover() { return []; }, async *backup() {}, async restore() { return {}; } };\n`,
  );
  return path;
}
