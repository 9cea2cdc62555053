import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDomainError } from '@dpmsh/core';
import { ProtectionServer } from './server.js';

const PASSPHRASE = 'correct horse battery staple';

let dir: string;
let now: Date;
const clock = () => now;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dpmsh-server-'));
  now = new Date('2026-11-23T10:00:00Z');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function openServer(home = join(dir, 'home')): Promise<ProtectionServer> {
  return ProtectionServer.open({ home, clock, serverName: 'dpm01' });
}

async function expectDomainError(promise: Promise<unknown>, id: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDomainError(error), `expected DomainError ${id}, got ${String(error)}`).toBe(true);
  expect((error as { id: string }).id).toBe(id);
}

function catalogRows(home: string): unknown {
  const db = new Database(join(home, 'catalog.db'), { readonly: true });
  try {
    return { registration: db.prepare('SELECT * FROM registration').all(), settings: db.prepare('SELECT * FROM setting ORDER BY key').all() };
  } finally {
    db.close();
  }
}

describe('the protection server', () => {
  it('issues credentials into a file only its owner can read', async () => {
    const server = await openServer();
    try {
      await server.createVault({ name: 'contoso-vault', location: 'westus' });
      const file = await server.issueCredentials('contoso-vault', dir);
      expect(file.filePath).toMatch(/contoso-vault_Mon Nov 23 2026\.VaultCredentials$/);
      expect(statSync(file.filePath).mode & 0o777).toBe(0o600);
      expect(file.notAfter.getTime() - now.getTime()).toBe(48 * 3600 * 1000);
      expect(file.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    } finally {
      await server.close();
    }
  });

  it('registers with the newest credentials, keeping a key check value and never the passphrase', async () => {
    const home = join(dir, 'home');
    const server = await openServer(home);
    try {
      await server.createVault({ name: 'contoso-vault', location: 'westus' });
      const old = await server.issueCredentials('contoso-vault', join(dir, 'a'));
      const fresh = await server.issueCredentials('contoso-vault', join(dir, 'b'));
      await expectDomainError(server.register({ credentialsPath: old.filePath, passphrase: PASSPHRASE }), 'VaultCredentialsInvalid');
      const registration = await server.register({ credentialsPath: fresh.filePath, passphrase: PASSPHRASE, recoveryFolder: join(dir, 'recovery') });
      expect(registration).toMatchObject({ vaultName: 'contoso-vault', region: 'westus', certThumbprint: fresh.thumbprint, serverName: 'dpm01' });
      expect(existsSync(join(dir, 'recovery'))).toBe(true);
      expect(await server.passphraseMatches(PASSPHRASE)).toBe(true);
      expect(await server.passphraseMatches('correct horse battery stable')).toBe(false);
      const catalog = readFileSync(join(home, 'catalog.db'));
      expect(catalog.includes(Buffer.from(PASSPHRASE))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('leaves the catalog and the file system as they were when registration fails', async () => {
    const home = join(dir, 'home');
    const server = await openServer(home);
    try {
      await server.createVault({ name: 'contoso-vault', location: 'westus' });
      const first = await server.issueCredentials('contoso-vault', dir);
      await server.issueCredentials('contoso-vault', join(dir, 'newer'));
      const before = catalogRows(home);
      const recovery = join(dir, 'new', 'recovery');
      await expectDomainError(server.register({ credentialsPath: first.filePath, passphrase: PASSPHRASE, recoveryFolder: recovery }), 'VaultCredentialsInvalid');
      expect(catalogRows(home)).toEqual(before);
      expect(existsSync(join(dir, 'new'))).toBe(false);
      await expectDomainError(server.register({ credentialsPath: first.filePath, passphrase: 'fifteen chars!!' }), 'PassphraseTooShort');
      expect(catalogRows(home)).toEqual(before);
    } finally {
      await server.close();
    }
  });

  it('refuses an expired, an unreadable, a corrupted file, and one from another vault', async () => {
    const server = await openServer();
    try {
      await server.createVault({ name: 'vault-a', location: 'westus' });
      await server.createVault({ name: 'vault-b', location: 'eastus' });
      const a = await server.issueCredentials('vault-a', dir);
      now = new Date(now.getTime() + 48 * 3600 * 1000 + 60_000);
      await expectDomainError(server.register({ credentialsPath: a.filePath, passphrase: PASSPHRASE }), 'VaultCredentialsExpired');
      await expectDomainError(server.register({ credentialsPath: join(dir, 'missing.VaultCredentials'), passphrase: PASSPHRASE }), 'VaultCredentialsUnreadable');
      const corrupted = join(dir, 'corrupted.VaultCredentials');
      writeFileSync(corrupted, readFileSync(a.filePath, 'utf8').slice(0, 200));
      await expectDomainError(server.register({ credentialsPath: corrupted, passphrase: PASSPHRASE }), 'VaultCredentialsUnreadable');

      const fresh = await server.issueCredentials('vault-a', join(dir, 'fresh'));
      await server.register({ credentialsPath: fresh.filePath, passphrase: PASSPHRASE });
      const b = await server.issueCredentials('vault-b', join(dir, 'b'));
      await expectDomainError(server.register({ credentialsPath: b.filePath, passphrase: PASSPHRASE }), 'VaultCredentialsForAnotherVault');
      expect(server.registration()?.vaultName).toBe('vault-a');
    } finally {
      await server.close();
    }
  });

  it('keeps settings across reopening, changed all or none', async () => {
    const home = join(dir, 'home');
    let server = await openServer(home);
    await server.createVault({ name: 'v1', location: 'westus' });
    const file = await server.issueCredentials('v1', dir);
    await server.register({ credentialsPath: file.filePath });
    expect(server.settings().passphraseSet).toBe(false);
    await expectDomainError(
      server.changeSettings({ throttling: { enabled: true, workDays: ['Monday'], startWorkHour: 9 * 3600_000, endWorkHour: 18 * 3600_000, workHourBandwidth: 511 * 1024, nonWorkHourBandwidth: 2 * 1024 * 1024 }, passphrase: PASSPHRASE }),
      'BandwidthOutOfRange',
    );
    expect(server.settings().passphraseSet).toBe(false);
    await server.changeSettings({ passphrase: PASSPHRASE, proxy: null, throttling: { enabled: true, workDays: ['Monday', 'Tuesday'], startWorkHour: 9 * 3600_000, endWorkHour: 18 * 3600_000, workHourBandwidth: 512 * 1024, nonWorkHourBandwidth: 2 * 1024 * 1024 } });
    await server.close();
    server = await openServer(home);
    try {
      const settings = server.settings();
      expect(settings.passphraseSet).toBe(true);
      expect(settings.throttling).toMatchObject({ enabled: true, workDays: ['Monday', 'Tuesday'], workHourBandwidth: 524288 });
      expect(settings.registration?.vaultName).toBe('v1');
    } finally {
      await server.close();
    }
  });

  it('reports the cloud status from a real connection check and the subscription state', async () => {
    const server = await openServer();
    try {
      await server.createVault({ name: 'v1', location: 'westus' });
      const file = await server.issueCredentials('v1', dir);
      await server.register({ credentialsPath: file.filePath, passphrase: PASSPHRASE });
      expect(await server.checkConnection()).toBe(true);
      let status = await server.cloudStatus();
      expect(status).toMatchObject({ registered: true, vault: 'v1', connected: true, subscriptionState: 'Active' });
      expect(status.operations).toMatchObject({ backupToVault: 'Allowed', backupToDisk: 'Allowed', restoreFromVault: 'Allowed', restoreFromDisk: 'Allowed' });
      expect(status.lastContact?.toISOString()).toBe(now.toISOString());
      await server.setSubscriptionState('Expired');
      status = await server.cloudStatus();
      expect(status.operations).toMatchObject({ backupToVault: 'Stopped', backupToDisk: 'Stopped', restoreFromVault: 'Allowed', restoreFromDisk: 'Allowed' });
    } finally {
      await server.close();
    }
  });
});
