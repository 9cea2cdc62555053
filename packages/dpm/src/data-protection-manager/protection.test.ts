/**
 * The protection cmdlets through the pipeline runner and the binder, as a script runs them: a
 * real session home (catalog, embedded vault, repositories), the files plugin, and the objects one
 * command outputs passed to the next.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outString, RecordingHost, Session, installStandardCommands } from '@dpmsh/cmdlets';
import { installDpmModule } from '../index.js';
import { cmdletRunner } from '../test-support/cmdlet-runner.js';
import type { PSObject } from '@dpmsh/runtime';

const root = mkdtempSync(join(tmpdir(), 'dpmsh-protection-cmdlets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PASS = 'correct horse battery staple';
let dir: string;
let session: Session;
let host: RecordingHost;
let count = 0;

beforeEach(() => {
  dir = join(root, `t${count++}`);
  mkdirSync(dir);
  host = new RecordingHost({ width: 120 });
  session = new Session({ host, location: dir, home: dir, dpmshHome: join(dir, 'home'), environment: { PATH: '' } });
  installStandardCommands(session);
  installDpmModule(session);
});
afterEach(async () => {
  await session.dispose();
});

const { run, one, errorIdOf } = cmdletRunner(() => session);

async function registerServer(): Promise<void> {
  await run('New-BackupVault', { Name: 'contoso-vault', Location: 'westus' });
  const credential = await one('Get-VaultCredential', { Vault: 'contoso-vault', Path: dir });
  await run('Register-DPMServer', { VaultCredentials: credential.read('FilePath'), EncryptionPassphrase: PASS, RecoveryFolder: join(dir, 'recovery'), ScratchPath: join(dir, 'scratch') });
}

function data(): string {
  const path = join(dir, 'data');
  mkdirSync(join(path, 'docs'), { recursive: true });
  writeFileSync(join(path, 'readme.txt'), 'hello\n');
  writeFileSync(join(path, 'docs', 'notes.txt'), 'notes\n');
  return path;
}

describe('the protection cmdlets', () => {
  it('protect a folder on disk and online, restore it, verify it and list the jobs', async () => {
    await registerServer();
    const source = data();
    mkdirSync(join(dir, 'disk1'));
    const disk = await one('Add-DPMDisk', { Path: join(dir, 'disk1') });
    expect(disk.read('Status')).toBe('Healthy');
    expect((await run('Get-DPMDisk')).length).toBe(1);

    const ds = await one('Get-DPMDatasource', { Path: [source] });
    expect(ds.read('ObjectType')).toBeTypeOf('string');
    expect(ds.read('Protected')).toBe(false);
    const pg = await one('New-DPMProtectionGroup', { Name: 'Files' });
    await run('Add-DPMChildDatasource', { ProtectionGroup: pg, ChildDatasource: ds, Online: true });
    await run('Set-DPMProtectionType', { ProtectionGroup: pg, ShortTerm: 'Disk', LongTerm: 'Online' });
    expect(await errorIdOf('Set-DPMPolicyObjective', { ProtectionGroup: pg, RetentionRangeDays: 10, SynchronizationFrequencyMinutes: 90 })).toBe('InvalidSyncFrequency');
    await run('Set-DPMPolicyObjective', { ProtectionGroup: pg, RetentionRangeInDays: 10, SynchronizationFrequencyMinutes: 60 });
    await run('Set-DPMPolicyObjective', { ProtectionGroup: pg, OnlineRetentionRangeInDays: 60 });
    expect(pg.read('ProtectionMethod')).toBe('Short-term using disk, Long-term using online');
    expect((pg.read('Members') as unknown[]).length).toBe(1);
    await run('Set-DPMProtectionGroup', { ProtectionGroup: pg });

    const saved = await one('Get-ProtectionGroup');
    expect([saved.read('FriendlyName'), saved.read('RetentionRangeDays'), saved.read('SynchronizationFrequencyMinutes'), saved.read('OnlineRetentionRangeDays')]).toEqual(['Files', 10, 60, 60]);
    const member = await one('Get-DPMDatasource', { _: [saved] });
    expect(member.read('ProtectionGroupName')).toBe('Files');

    const rp = await one('New-DPMRecoveryPoint', { Datasource: member, Disk: true, BackupType: 'ExpressFull' });
    expect([rp.read('Location'), rp.read('BackupType'), rp.read('DataSource')]).toEqual(['Disk', 'ExpressFull', source]);
    expect(host.progressRecords.some((p) => p.completed && p.activity.startsWith('Backing up to disk'))).toBe(true);
    const online = await one('New-DPMRecoveryPoint', { Datasource: member, Online: true });
    expect(online.read('Location')).toBe('Online');
    expect((await run('Get-DPMRecoveryPoint', { Datasource: member })).length).toBe(1);
    expect((await run('Get-RecoveryPoint', { Datasource: member, Online: true })).length).toBe(1);

    const table = await outString([rp], { width: 120, tables: session });
    expect(table).toMatch(/DataSource\s+RepresentedPointInTime\s+Location\s+BackupType\s+Size/);

    const option = await one('New-DPMRecoveryOption', { TargetServer: 'localhost', RecoveryLocation: 'AlternateLocation', AlternateLocation: join(dir, 'out'), OverwriteType: 'Overwrite', RecoveryType: 'Recover', FileSystem: true });
    const restored = await one('Restore-DPMRecoverableItem', { RecoveryOption: option, RecoverableItem: online });
    expect(restored.read('RestoredFiles')).toBe(2);
    expect(readFileSync(join(dir, 'out', 'docs', 'notes.txt'), 'utf8')).toBe('notes\n');
    expect(readdirSync(join(dir, 'recovery'))).toEqual([]);

    const items = await run('Get-DPMRecoverableItem', { RecoverableItem: rp, BrowseType: 'Child' });
    expect(items.map((i) => (i as PSObject).read('Path'))).toEqual(['docs', 'readme.txt']);
    const docs = await run('Get-DPMRecoverableItem', { RecoverableItem: items[0] });
    const option2 = await one('New-DPMRecoveryOption', { TargetServer: 'localhost', RecoveryLocation: 'AlternateLocation', AlternateLocation: join(dir, 'items'), OverwriteType: 'Fail', RecoveryType: 'Recover' });
    await run('Restore-DPMRecoverableItem', { RecoveryOption: option2 }, docs);
    expect(readdirSync(join(dir, 'items'))).toEqual(['docs']);

    const copy = await one('New-DPMRecoveryOption', { TargetServer: 'localhost', RecoveryLocation: 'OriginalServer', OverwriteType: 'CreateCopy', RecoveryType: 'Recover' });
    expect(await errorIdOf('Restore-DPMRecoverableItem', { RecoveryOption: copy, RecoverableItem: rp })).toBe('OverwriteTypeNotSupported');

    const check = await one('Test-DPMRecoveryPoint', { RecoveryPoint: rp });
    expect(check.read('Ok')).toBe(true);
    const jobs = await run('Get-DPMJob', { Type: 'Backup' });
    expect(jobs.map((j) => [(j as PSObject).read('Location'), (j as PSObject).read('Status')])).toEqual([
      ['Disk', 'Succeeded'],
      ['Online', 'Succeeded'],
    ]);
    expect((await run('Get-DPMJob', { Status: 'Failed' })).length).toBe(0);
    expect(await run('Start-DPMScheduler', { Once: true })).toEqual([]);
  });

  it('while the subscription is deprovisioned: no online points listed, disk points neither browsed nor tested', async () => {
    await registerServer();
    mkdirSync(join(dir, 'disk1'));
    await run('Add-DPMDisk', { Path: join(dir, 'disk1') });
    const pg = await one('New-DPMProtectionGroup', { Name: 'Files' });
    await run('Add-DPMChildDatasource', { ProtectionGroup: pg, ChildDatasource: await one('Get-DPMDatasource', { Path: [data()] }), Online: true });
    await run('Set-DPMProtectionType', { ProtectionGroup: pg, ShortTerm: 'Disk', LongTerm: 'Online' });
    await run('Set-DPMProtectionGroup', { ProtectionGroup: pg });
    const member = await one('Get-DPMDatasource', { _: [await one('Get-DPMProtectionGroup')] });
    await run('New-DPMRecoveryPoint', { Datasource: member, Online: true });
    expect(await run('Get-DPMRecoveryPoint', { Datasource: member, Online: true })).toHaveLength(1);

    await run('Set-BackupSubscription', { State: 'Deprovisioned', Confirm: false });
    expect(await run('Get-DPMRecoveryPoint', { Datasource: member, Online: true })).toEqual([]);
    const disk = await one('Get-DPMRecoveryPoint', { Datasource: member });
    expect(await errorIdOf('Get-DPMRecoverableItem', { RecoverableItem: disk })).toBe('SubscriptionDeprovisioned');
    expect(await errorIdOf('Test-DPMRecoveryPoint', { RecoveryPoint: disk })).toBe('SubscriptionDeprovisioned');
  });

  it('refuse a group without disk storage, a folder that is not there and another server, with their error ids', async () => {
    await registerServer();
    const ds = await one('Get-DPMDatasource', { Path: [data()] });
    const pg = await one('New-ProtectionGroup', { Name: 'Files' });
    await run('Add-ChildDatasource', { ProtectionGroup: pg, ChildDatasource: ds });
    expect(await errorIdOf('Set-DPMProtectionGroup', { ProtectionGroup: pg })).toBe('NoDiskStorage');
    expect(await run('Get-DPMProtectionGroup')).toEqual([]);
    expect(await errorIdOf('Add-DPMDisk', { Path: join(dir, 'missing') })).toBe('DiskStorageUnusable');
    expect(await errorIdOf('New-DPMProtectionGroup', { DPMServerName: 'elsewhere', Name: 'x' })).toBe('RemoteServerNotSupported');
  });
});
