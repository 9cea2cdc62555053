import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createEmbeddedVault, DATABASE_FILE, proveCredentialPossession, type VaultClient } from '../index.js';

let root: string;
let dir: string;
let vault: VaultClient;
let serverId: string;

async function registerServer(client: VaultClient, vaultName: string, serverName: string): Promise<string> {
  const issued = await client.issueCredentials(vaultName);
  const { challenge } = await client.beginRegistration(issued.content);
  const signature = proveCredentialPossession(issued.content, challenge);
  return (await client.completeRegistration({ challenge, serverName, signature })).serverId;
}

async function* pieces(...texts: string[]): AsyncIterable<Uint8Array> {
  for (const text of texts) yield new TextEncoder().encode(text);
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

const recoveryPoint = (id: string, createdAt: string) => ({
  recoveryPointId: id,
  datasourceId: '/srv/data',
  datasourceName: '/srv/data',
  createdAt,
  sizeBytes: 1024,
});

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dpmsh-vault-objects-'));
  dir = join(root, 'vault');
  vault = await createEmbeddedVault(dir);
  await vault.createVault({ name: 'contoso-vault', location: 'West US' });
  serverId = await registerServer(vault, 'contoso-vault', 'dpm01.contoso.com');
});

afterEach(async () => {
  await vault.close();
  await rm(root, { recursive: true, force: true });
});

describe("a server's objects", () => {
  it('are stored whole, read back, listed by prefix in order and deleted', async () => {
    await vault.putObject(serverId, 'data/3f/3f9a', pieces('first ', 'pack'));
    await vault.putObject(serverId, 'data/0a/0a11', new TextEncoder().encode('second'));
    await vault.putObject(serverId, 'snapshots/s1', pieces('manifest'));

    expect(text(await vault.getObject(serverId, 'data/3f/3f9a'))).toBe('first pack');
    expect(await vault.listObjects(serverId, 'data/')).toEqual(['data/0a/0a11', 'data/3f/3f9a']);
    expect(await vault.listObjects(serverId, 'data/3')).toEqual(['data/3f/3f9a']);
    expect(await vault.listObjects(serverId, '')).toEqual(['data/0a/0a11', 'data/3f/3f9a', 'snapshots/s1']);

    await vault.putObject(serverId, 'snapshots/s1', pieces('replaced'));
    expect(text(await vault.getObject(serverId, 'snapshots/s1'))).toBe('replaced');

    await vault.deleteObject(serverId, 'data/3f/3f9a');
    await vault.deleteObject(serverId, 'data/3f/3f9a');
    await expect(vault.getObject(serverId, 'data/3f/3f9a')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await vault.listObjects(serverId, 'data/')).toEqual(['data/0a/0a11']);
  });

  it('leave nothing behind when the data fails half way', async () => {
    async function* failing(): AsyncIterable<Uint8Array> {
      yield new TextEncoder().encode('half');
      throw new Error('source went away');
    }
    await expect(vault.putObject(serverId, 'data/aa/aa01', failing())).rejects.toThrow('source went away');
    expect(await vault.listObjects(serverId, '')).toEqual([]);
    expect(await readdir(join(dir, 'objects', '.tmp'))).toEqual([]);
  });

  it('leave no temporary file behind a writer killed half way, once the vault opens again', async () => {
    // The child runs the built vault (dist/); the workspace's `npm test` builds before it tests.
    const built = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'index.js');
    const script = `
      const { createEmbeddedVault } = await import(process.argv[1]);
      const vault = await createEmbeddedVault(process.argv[2]);
      setInterval(() => undefined, 1000);
      await vault.putObject(process.argv[3], 'data/aa/aa01', (async function* () { yield new Uint8Array(4096); await new Promise(() => undefined); })());`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, built, dir, serverId], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const temporary = join(dir, 'objects', '.tmp');
    const pending = async (): Promise<string[]> => readdir(temporary).catch(() => []);
    while ((await pending()).length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    await exited;
    // A write of this live process stays.
    await writeFile(join(temporary, `${process.pid}-in-flight`), 'x');

    await vault.close();
    vault = await createEmbeddedVault(dir);
    expect(await readdir(temporary)).toEqual([`${process.pid}-in-flight`]);
    expect(await vault.listObjects(serverId, '')).toEqual([]);
  });

  it('are kept apart per server', async () => {
    const other = await registerServer(vault, 'contoso-vault', 'dpm02.contoso.com');
    await vault.putObject(serverId, 'config', pieces('one'));
    await vault.putObject(other, 'config', pieces('two'));
    expect(text(await vault.getObject(serverId, 'config'))).toBe('one');
    expect(text(await vault.getObject(other, 'config'))).toBe('two');
  });

  it('refuse names that could leave the server store, and unregistered servers', async () => {
    for (const name of ['../x', 'data/../../x', '/etc/passwd', 'a//b', 'a/./b', 'a b', '']) {
      await expect(vault.putObject(serverId, name, pieces('x'))).rejects.toMatchObject({ id: 'InvalidVaultObjectName' });
    }
    await expect(vault.listObjects(serverId, '../')).rejects.toMatchObject({ id: 'InvalidVaultObjectName' });
    await expect(vault.putObject('unknown-server', 'config', pieces('x'))).rejects.toMatchObject({
      id: 'ServerNotRegistered',
    });
  });
});

describe('the subscription state', () => {
  it('stops writes while Expired but still serves reads', async () => {
    await vault.putObject(serverId, 'config', pieces('kept'));
    await vault.recordRecoveryPoint(serverId, recoveryPoint('rp1', '2026-12-01T00:00:00.000Z'));
    await vault.setSubscriptionState('Expired');

    await expect(vault.putObject(serverId, 'data/aa/aa01', pieces('x'))).rejects.toMatchObject({ id: 'SubscriptionExpired' });
    await expect(vault.deleteObject(serverId, 'config')).rejects.toMatchObject({ id: 'SubscriptionExpired' });
    await expect(
      vault.recordRecoveryPoint(serverId, recoveryPoint('rp2', '2026-12-02T00:00:00.000Z')),
    ).rejects.toMatchObject({ id: 'SubscriptionExpired' });
    expect(text(await vault.getObject(serverId, 'config'))).toBe('kept');
    expect((await vault.listRecoveryPoints(serverId)).map((rp) => rp.recoveryPointId)).toEqual(['rp1']);
  });

  it('deletes every object and recovery point when Deprovisioned, for good', async () => {
    await vault.putObject(serverId, 'config', pieces('gone'));
    await vault.recordRecoveryPoint(serverId, recoveryPoint('rp1', '2026-12-01T00:00:00.000Z'));
    await vault.setSubscriptionState('Deprovisioned');
    await expect(vault.getObject(serverId, 'config')).rejects.toMatchObject({ id: 'SubscriptionDeprovisioned' });

    await vault.setSubscriptionState('Active');
    await expect(vault.getObject(serverId, 'config')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await vault.listRecoveryPoints(serverId)).toEqual([]);
  });

  it('deletes the data a crash kept from being deleted with the subscription, when the vault opens', async () => {
    await vault.putObject(serverId, 'config', pieces('must go'));
    await vault.close();
    // What a crash after deprovisioning's transaction and before its deletion of the data leaves.
    const db = new Database(join(dir, DATABASE_FILE));
    db.prepare("UPDATE subscriptions SET state = 'Deprovisioned'").run();
    db.close();
    vault = await createEmbeddedVault(dir);
    await vault.setSubscriptionState('Active');
    await expect(vault.getObject(serverId, 'config')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('recovery points', () => {
  it('are listed oldest first, replaced by id, deleted, and lock the vault storage redundancy', async () => {
    expect((await vault.getVault('contoso-vault')).hasBackup).toBe(false);
    await vault.recordRecoveryPoint(serverId, recoveryPoint('rp2', '2026-12-02T00:00:00.000Z'));
    await vault.recordRecoveryPoint(serverId, recoveryPoint('rp1', '2026-12-01T00:00:00.000Z'));
    await vault.recordRecoveryPoint(serverId, { ...recoveryPoint('rp2', '2026-12-02T00:00:00.000Z'), sizeBytes: 2048 });

    const points = await vault.listRecoveryPoints(serverId);
    expect(points.map((rp) => [rp.recoveryPointId, rp.sizeBytes])).toEqual([
      ['rp1', 1024],
      ['rp2', 2048],
    ]);
    expect(points[0]).toMatchObject({ serverId, datasourceName: '/srv/data' });
    expect((await vault.getVault('contoso-vault')).hasBackup).toBe(true);

    await vault.deleteRecoveryPoint(serverId, 'rp1');
    await vault.deleteRecoveryPoint(serverId, 'rp1');
    expect((await vault.listRecoveryPoints(serverId)).map((rp) => rp.recoveryPointId)).toEqual(['rp2']);
    await expect(vault.setVaultProperties('contoso-vault', { storageRedundancy: 'LocallyRedundant' })).rejects.toMatchObject({
      id: 'StorageRedundancyLocked',
    });
  });
});
