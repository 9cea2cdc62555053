import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedVault, DATABASE_FILE, type VaultClient } from '../index.js';

let root: string;
let dir: string;
let vault: VaultClient;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dpmsh-vault-'));
  dir = join(root, 'home', 'vault');
  vault = await createEmbeddedVault(dir);
});

afterEach(async () => {
  await vault.close();
  await rm(root, { recursive: true, force: true });
});

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe('the vault directory', () => {
  it('is owner-only, in WAL mode, with a recorded schema version', async () => {
    await vault.createVault({ name: 'contoso-vault', location: 'West US' });
    expect(await mode(dir)).toBe(0o700);
    for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) {
      expect(await mode(join(dir, file))).toBe(0o600);
    }
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1, 2]);
    } finally {
      db.close();
    }
  });
});

describe('subscriptions', () => {
  it('starts with one active subscription whose state changes persist across reopening', async () => {
    const first = await vault.getSubscription();
    expect(first.subscriptionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(first).toMatchObject({ state: 'Active', vaultDataDeletedAt: null });

    await vault.setSubscriptionState('Expired');
    const deprovisioned = await vault.setSubscriptionState('Deprovisioned');
    expect(deprovisioned.vaultDataDeletedAt).toBe(deprovisioned.stateChangedAt);
    await vault.close();

    vault = await createEmbeddedVault(dir);
    const reopened = await vault.getSubscription();
    expect(reopened).toEqual(deprovisioned);
    const active = await vault.setSubscriptionState('Active');
    expect(active).toMatchObject({ state: 'Active', vaultDataDeletedAt: deprovisioned.vaultDataDeletedAt });
  });

  it('refuses a state that is not one of the three', async () => {
    await expect(vault.setSubscriptionState('Suspended' as 'Active')).rejects.toMatchObject({
      id: 'InvalidSubscriptionState',
    });
  });
});

describe('vaults', () => {
  it('creates, finds in any letter case and lists vaults; names are unique per subscription', async () => {
    const created = await vault.createVault({ name: 'Contoso-Vault', location: 'westus' });
    const { subscriptionId } = await vault.getSubscription();
    expect(created).toMatchObject({
      name: 'Contoso-Vault',
      subscriptionId,
      location: 'westus',
      storageRedundancy: 'GeoRedundant',
      hasBackup: false,
      registeredServerCount: 0,
      resourceId: `/subscriptions/${subscriptionId}/resourceGroups/dpmsh/providers/Microsoft.RecoveryServices/vaults/Contoso-Vault`,
    });
    expect(await vault.getVault('contoso-VAULT')).toEqual(created);

    await expect(vault.createVault({ name: 'CONTOSO-vault', location: 'West US' })).rejects.toMatchObject({
      id: 'VaultAlreadyExists',
      category: 'ResourceExists',
    });
    const other = await vault.createVault({
      name: 'archive',
      location: 'North Europe',
      storageRedundancy: 'LocallyRedundant',
      resourceGroupName: 'backup-rg',
    });
    expect(other.resourceId).toMatch(/\/resourceGroups\/backup-rg\/providers\/Microsoft.RecoveryServices\/vaults\/archive$/);
    expect((await vault.listVaults()).map((v) => v.name)).toEqual(['archive', 'Contoso-Vault']);
  });

  it('refuses bad names and regions, and reports a missing vault as ObjectNotFound', async () => {
    await expect(vault.createVault({ name: '1vault', location: 'westus' })).rejects.toMatchObject({ id: 'InvalidVaultName' });
    await expect(vault.createVault({ name: 'vault', location: 'Atlantis' })).rejects.toMatchObject({ id: 'InvalidRegion' });
    await expect(vault.createVault({ name: 'vault', location: 'westus', resourceGroupName: 'a/b' })).rejects.toMatchObject({
      id: 'InvalidResourceGroupName',
    });
    await expect(vault.getVault('nowhere')).rejects.toMatchObject({ id: 'VaultNotFound', category: 'ObjectNotFound' });
    expect(await vault.listVaults()).toEqual([]);
  });

  it('changes storage redundancy before the first backup and refuses it after', async () => {
    await vault.createVault({ name: 'contoso-vault', location: 'westus' });
    const changed = await vault.setVaultProperties('contoso-vault', { storageRedundancy: 'LocallyRedundant' });
    expect(changed.storageRedundancy).toBe('LocallyRedundant');

    expect((await vault.markBackupStored('contoso-vault')).hasBackup).toBe(true);
    await expect(vault.setVaultProperties('contoso-vault', { storageRedundancy: 'GeoRedundant' })).rejects.toMatchObject({
      id: 'StorageRedundancyLocked',
      message: expect.stringContaining('Modify storage settings before the initial backup'),
    });
    // Setting the value it already has is not a change, so scripts that always set it still run.
    expect((await vault.setVaultProperties('contoso-vault', { storageRedundancy: 'LocallyRedundant' })).storageRedundancy).toBe(
      'LocallyRedundant',
    );
    expect((await vault.getVault('contoso-vault')).storageRedundancy).toBe('LocallyRedundant');
  });

  it('removes a vault without registered servers', async () => {
    await vault.createVault({ name: 'contoso-vault', location: 'westus' });
    await vault.removeVault('CONTOSO-VAULT');
    await expect(vault.getVault('contoso-vault')).rejects.toMatchObject({ id: 'VaultNotFound' });
    await expect(vault.removeVault('contoso-vault')).rejects.toMatchObject({ id: 'VaultNotFound' });
  });

  it('is one store for every client opened on the directory', async () => {
    const second = await createEmbeddedVault(dir);
    try {
      expect((await second.getSubscription()).subscriptionId).toBe((await vault.getSubscription()).subscriptionId);
      await vault.createVault({ name: 'shared', location: 'westus' });
      await expect(second.createVault({ name: 'SHARED', location: 'westus' })).rejects.toMatchObject({
        id: 'VaultAlreadyExists',
      });
      expect((await second.listVaults()).map((v) => v.name)).toEqual(['shared']);
    } finally {
      await second.close();
    }
  });
});

describe('the client', () => {
  it('answers a ping with the vault clock, and refuses every call once closed', async () => {
    const at = new Date('2025-03-01T12:00:00.000Z');
    const clocked = await createEmbeddedVault(dir, { clock: () => at });
    expect(await clocked.ping()).toEqual({ ok: true, serverTime: '2025-03-01T12:00:00.000Z' });
    await clocked.close();
    await clocked.close();
    await expect(clocked.ping()).rejects.toThrow(/closed/);
  });

  it('reports unknown servers as not registered', async () => {
    expect(await vault.getRegistration('no-such-server')).toBeNull();
    expect(await vault.unregister('no-such-server')).toBe(false);
    await expect(vault.recordContact('no-such-server')).rejects.toMatchObject({ id: 'ServerNotRegistered' });
  });
});
