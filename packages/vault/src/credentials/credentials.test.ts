import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseVaultCredentials } from '@dpmsh/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmbeddedVault,
  proveCredentialPossession,
  saveVaultCredentialsFile,
  type IssuedCredentials,
  type VaultClient,
} from '../index.js';
import { readManagementCertificate } from './pkcs12.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let root: string;
let vaultDir: string;
let now: Date;
let vault: VaultClient;
let first: IssuedCredentials;
let newest: IssuedCredentials;

const advance = (ms: number): void => {
  now = new Date(now.getTime() + ms);
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dpmsh-credentials-'));
  vaultDir = join(root, 'vault');
  now = new Date();
  vault = await createEmbeddedVault(vaultDir, { clock: () => now });
  await vault.createVault({ name: 'contoso-vault', location: 'West US' });
  first = await vault.issueCredentials('contoso-vault');
  advance(MINUTE);
  newest = await vault.issueCredentials('CONTOSO-VAULT');
});

afterAll(async () => {
  await vault.close();
  await rm(root, { recursive: true, force: true });
});

describe('issued vault credentials', () => {
  it('are an XML file named after the vault and the day, valid from 10 minutes before issue to 48 hours after', () => {
    expect(newest.fileName).toMatch(/^contoso-vault_(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} \d{2} \d{4}\.VaultCredentials$/);
    expect(newest.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    expect(Date.parse(newest.notAfter) - Date.parse(newest.notBefore)).toBe(48 * HOUR + 10 * MINUTE);
    const fields = parseVaultCredentials(newest.content);
    expect(fields).toMatchObject({
      resourceName: 'contoso-vault',
      vaultId: newest.vault.vaultId,
      subscriptionId: newest.vault.subscriptionId,
      location: 'West US',
      resourceGroup: 'dpmsh',
    });
  });

  it('are read by the real openssl: the PKCS#12 without a password, the clientAuth EKU, the validity and the thumbprint', async () => {
    const openssl = execFileSync('which', ['openssl'], { encoding: 'utf8' }).trim();
    const folder = join(root, 'downloads');
    const path = await saveVaultCredentialsFile(folder, newest);
    expect(path).toBe(join(folder, newest.fileName));
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    const p12 = join(root, 'management.p12');
    await writeFile(p12, Buffer.from(parseVaultCredentials(await readFile(path, 'utf8')).managementCert, 'base64'));
    const pem = execFileSync(openssl, ['pkcs12', '-in', p12, '-nodes', '-passin', 'pass:'], { encoding: 'utf8' });
    expect(pem).toContain('-----BEGIN PRIVATE KEY-----');
    expect(pem).toContain('-----BEGIN CERTIFICATE-----');

    const x509 = (...args: string[]): string => execFileSync(openssl, ['x509', '-noout', ...args], { input: pem, encoding: 'utf8' });
    const text = x509('-text');
    expect(text).toMatch(/X509v3 Extended Key Usage:\s*\n\s*TLS Web Client Authentication/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s*\n\s*Digital Signature, Key Encipherment/);
    expect(text).toContain('Subject: CN = contoso-vault, OU = Subscription ');
    const openSslDate = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;
    expect(x509('-dates', '-dateopt', 'iso_8601')).toBe(
      `notBefore=${openSslDate(newest.notBefore)}\nnotAfter=${openSslDate(newest.notAfter)}\n`,
    );
    expect(x509('-fingerprint', '-sha1').toUpperCase()).toBe(
      `SHA1 FINGERPRINT=${newest.thumbprint.replace(/(..)(?!$)/g, '$1:')}\n`,
    );
  });

  it('are never kept whole by the vault: its files hold neither the private key nor the PKCS#12', async () => {
    const stored = Buffer.concat(
      await Promise.all(
        (await readdir(vaultDir)).map((name) => readFile(join(vaultDir, name))),
      ),
    );
    for (const credential of [first, newest]) {
      const fields = parseVaultCredentials(credential.content);
      const { privateKey, certificateDer } = readManagementCertificate(fields);
      const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
      const pkcs1 = privateKey.export({ format: 'der', type: 'pkcs1' });
      const pemBody = (privateKey.export({ format: 'pem', type: 'pkcs8' }) as string).split('\n')[1] as string;
      expect(stored.includes(pkcs8)).toBe(false);
      expect(stored.includes(pkcs1)).toBe(false);
      expect(stored.includes(pemBody)).toBe(false);
      expect(stored.includes(Buffer.from(fields.managementCert, 'base64'))).toBe(false);
      expect(stored.includes(fields.managementCert.slice(0, 64))).toBe(false);
      // The public certificate is what the vault does keep, which shows the scan reads the data.
      expect(stored.includes(certificateDer)).toBe(true);
    }
    expect(stored.includes('PRIVATE KEY')).toBe(false);
  });
});

describe('registration', () => {
  it('refuses the first of two downloads (34513) and accepts the second', async () => {
    await expect(vault.beginRegistration(first.content)).rejects.toMatchObject({
      id: 'VaultCredentialsInvalid',
      code: 34513,
      message: expect.stringContaining('does not have the latest credentials'),
    });
    const challenge = await vault.beginRegistration(newest.content);
    expect(challenge).toMatchObject({
      vaultId: newest.vault.vaultId,
      vaultName: 'contoso-vault',
      region: 'West US',
      certThumbprint: newest.thumbprint,
    });
  });

  it('refuses a damaged file as unreadable (34528): truncated XML, or one flipped base64 character', async () => {
    await expect(vault.beginRegistration(newest.content.slice(0, newest.content.length / 2))).rejects.toMatchObject({
      id: 'VaultCredentialsUnreadable',
      code: 34528,
    });
    const cert = parseVaultCredentials(newest.content).managementCert;
    const middle = Math.floor(cert.length / 2);
    const flipped = cert.slice(0, middle) + (cert[middle] === 'A' ? 'B' : 'A') + cert.slice(middle + 1);
    await expect(vault.beginRegistration(newest.content.replace(cert, flipped))).rejects.toMatchObject({ code: 34528 });
    expect(() => proveCredentialPossession(newest.content.replace(cert, flipped), 'x')).toThrow(/ID: 34528/);
  });

  it('registers a server that signs the challenge, and only once per challenge', async () => {
    const { challenge } = await vault.beginRegistration(newest.content);
    // The superseded file still holds a valid key pair, just not this credential's.
    const wrong = proveCredentialPossession(first.content, challenge);
    const request = { challenge, serverName: 'dpm01.contoso.com' };
    await expect(vault.completeRegistration({ ...request, signature: wrong })).rejects.toMatchObject({
      id: 'CredentialPossessionNotProven',
    });

    const signature = proveCredentialPossession(newest.content, challenge);
    const registration = await vault.completeRegistration({ ...request, signature });
    expect(registration).toMatchObject({
      serverName: 'dpm01.contoso.com',
      vaultId: newest.vault.vaultId,
      vaultName: 'contoso-vault',
      subscriptionId: newest.vault.subscriptionId,
      region: 'West US',
      certThumbprint: newest.thumbprint,
      registeredAt: now.toISOString(),
      lastContactAt: null,
    });
    await expect(vault.completeRegistration({ ...request, signature })).rejects.toMatchObject({
      id: 'RegistrationChallengeInvalid',
    });

    expect(await vault.getRegistration(registration.serverId)).toEqual(registration);
    advance(MINUTE);
    expect((await vault.recordContact(registration.serverId)).lastContactAt).toBe(now.toISOString());
    expect((await vault.getVault('contoso-vault')).registeredServerCount).toBe(1);
    await expect(vault.removeVault('contoso-vault')).rejects.toMatchObject({ id: 'VaultHasRegisteredServers' });

    // A server registers to one vault at a time (100110), and that refusal changes nothing.
    await vault.createVault({ name: 'other-vault', location: 'westus' });
    const other = await vault.issueCredentials('other-vault');
    const otherChallenge = await vault.beginRegistration(other.content);
    await expect(
      vault.completeRegistration({
        challenge: otherChallenge.challenge,
        signature: proveCredentialPossession(other.content, otherChallenge.challenge),
        serverName: 'dpm01.contoso.com',
        serverId: registration.serverId,
      }),
    ).rejects.toMatchObject({ id: 'VaultCredentialsForAnotherVault', code: 100110 });
    expect((await vault.getRegistration(registration.serverId))?.vaultName).toBe('contoso-vault');

    expect(await vault.unregister(registration.serverId)).toBe(true);
    await vault.removeVault('other-vault');
    await expect(vault.beginRegistration(other.content)).rejects.toMatchObject({ code: 34513 });
  });

  it('refuses a challenge answered after 5 minutes', async () => {
    const { challenge } = await vault.beginRegistration(newest.content);
    advance(5 * MINUTE + 1);
    await expect(
      vault.completeRegistration({
        challenge,
        signature: proveCredentialPossession(newest.content, challenge),
        serverName: 'dpm02',
      }),
    ).rejects.toMatchObject({ id: 'RegistrationChallengeExpired' });
  });

  it('refuses to complete with credentials superseded after the challenge was given (34513)', async () => {
    const { challenge } = await vault.beginRegistration(newest.content);
    const signature = proveCredentialPossession(newest.content, challenge);
    newest = await vault.issueCredentials('contoso-vault');
    await expect(vault.completeRegistration({ challenge, signature, serverName: 'dpm03' })).rejects.toMatchObject({
      code: 34513,
    });
  });

  it('refuses credentials presented more than 48 hours after their issue with the expired message', async () => {
    now = new Date(Date.parse(newest.notAfter) + MINUTE);
    await expect(vault.beginRegistration(newest.content)).rejects.toMatchObject({
      id: 'VaultCredentialsExpired',
      message:
        'Vault credentials file provided has expired. We recommend you download a new vault credentials file from the portal and use it within 2 days.',
    });
  });
});
