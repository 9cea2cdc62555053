/** Repair-DPMStorage through the pipeline runner and the binder, against a real session home. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingHost, Session, installStandardCommands, outString } from '@dpmsh/cmdlets';
import type { PSObject } from '@dpmsh/runtime';
import { installDpmModule } from '../index.js';
import { cmdletRunner } from '../test-support/cmdlet-runner.js';

const root = mkdtempSync(join(tmpdir(), 'dpmsh-repair-cmdlet-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dir: string;
let session: Session;
let count = 0;

beforeEach(() => {
  dir = join(root, `t${count++}`);
  mkdirSync(dir);
  session = new Session({ host: new RecordingHost({ width: 120 }), location: dir, home: dir, dpmshHome: join(dir, 'home'), environment: { PATH: '' } });
  installStandardCommands(session);
  installDpmModule(session);
});
afterEach(async () => {
  await session.dispose();
});

const { run, one, errorIdOf } = cmdletRunner(() => session);

/** A registered server with a folder protected on disk and one disk recovery point. */
async function protectedOnDisk(): Promise<{ disk: PSObject; rp: PSObject }> {
  await run('New-BackupVault', { Name: 'contoso-vault', Location: 'westus' });
  const credential = await one('Get-VaultCredential', { Vault: 'contoso-vault', Path: dir });
  await run('Register-DPMServer', { VaultCredentials: credential.read('FilePath'), EncryptionPassphrase: 'correct horse battery staple', RecoveryFolder: join(dir, 'recovery'), ScratchPath: join(dir, 'scratch') });
  const source = join(dir, 'data');
  mkdirSync(source);
  writeFileSync(join(source, 'readme.txt'), 'hello\n');
  mkdirSync(join(dir, 'disk1'));
  const disk = await one('Add-DPMDisk', { Path: join(dir, 'disk1') });
  const pg = await one('New-DPMProtectionGroup', { Name: 'Files' });
  await run('Add-DPMChildDatasource', { ProtectionGroup: pg, ChildDatasource: await one('Get-DPMDatasource', { Path: [source] }) });
  await run('Set-DPMProtectionType', { ProtectionGroup: pg, ShortTerm: 'Disk' });
  await run('Set-DPMProtectionGroup', { ProtectionGroup: pg });
  const member = await one('Get-DPMDatasource', { Path: [source] });
  const rp = await one('New-DPMRecoveryPoint', { Datasource: member, Disk: true });
  return { disk, rp };
}

describe('Repair-DPMStorage', () => {
  it('rebuilds a damaged index from the packs so Test-DPMRecoveryPoint passes again, as a Repair job', async () => {
    const { disk, rp } = await protectedOnDisk();
    const indexDir = join(dir, 'disk1', 'dpmsh-repository', 'index');
    const index = join(indexDir, readdirSync(indexDir)[0]);
    const bytes = readFileSync(index);
    bytes[bytes.length >> 1] ^= 1;
    writeFileSync(index, bytes);
    expect((await one('Test-DPMRecoveryPoint', { RecoveryPoint: [rp] })).read('Ok')).toBe(false);

    const repaired = await one('Repair-DPMStorage', {}, [disk]);
    expect([repaired.read('Status'), repaired.read('Location'), repaired.read('IndexObjectsRemoved'), repaired.read('DamagedPacks')]).toEqual(['Succeeded', 'Disk', 1, []]);
    expect((await one('Test-DPMRecoveryPoint', { RecoveryPoint: [rp] })).read('Ok')).toBe(true);
    expect((await one('Get-DPMJob', { Type: 'Repair' })).read('Status')).toBe('Succeeded');
    expect(await outString([repaired], { width: 120, tables: session })).toMatch(/Storage\s+Status\s+Packs\s+Temporaries\s+Unlisted\s+Reclaimed/);

    const leftovers = await one('Repair-DPMStorage', { DPMDiskStorage: [join(dir, 'disk1')], Leftovers: true });
    expect([leftovers.read('PacksRead'), leftovers.read('TemporaryFilesRemoved')]).toEqual([0, 0]);
  });

  it('stops with stable error ids for disk storage that is not there and an online copy that does not exist', async () => {
    await protectedOnDisk();
    expect(await errorIdOf('Repair-DPMStorage', { DPMDiskStorage: [join(dir, 'elsewhere')] })).toBe('DiskNotFound');
    expect(await errorIdOf('Repair-DPMStorage', { Online: true })).toBe('OnlineCopyNotFound');
  });
});
