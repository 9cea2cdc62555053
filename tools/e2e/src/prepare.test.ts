/**
 * Issue 4 end to end: preparing a server through the built dpmsh, in real temporary homes. Each
 * test runs dpmsh as a user does; the test itself only plays the parts a user would play with
 * other tools (copying, damaging or deleting a file, reading a certificate with openssl) and
 * reads the stores to show that a refused step changed nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, createEmbeddedVault, saveVaultCredentialsFile } from '@dpmsh/vault';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const dpmsh = join(root, 'apps/shell/bin/dpmsh.js');
const work = mkdtempSync(join(tmpdir(), 'dpmsh-prepare-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HOUR = 3_600_000;
const MINUTE = 60_000;
const PASS = 'correct horse battery staple';
const INVALID = 'Invalid vault credentials provided. The file is either corrupted or does not have the latest credentials associated with recovery service. (ID: 34513)';
const UNREADABLE = 'Unable to read the vault credentials file provided. (ID: 34528)';
const EXPIRED = 'Vault credentials file provided has expired. We recommend you download a new vault credentials file from the portal and use it within 2 days.';

let count = 0;
/** A fresh, empty dpmsh home and a working folder beside it. */
function fresh(): { home: string; dir: string } {
  const base = join(work, `t${count++}`);
  mkdirSync(join(base, 'work'), { recursive: true });
  return { home: join(base, 'home'), dir: join(base, 'work') };
}

/** Runs a script through the built dpmsh with -Command, in the given home. */
async function run(home: string, script: string, cwd = work) {
  const r = await execa('node', [dpmsh, '-NoProfile', '-NonInteractive', '-Command', script], {
    cwd,
    env: { DPMSH_HOME: home, TZ: 'UTC', COLUMNS: '120', NO_COLOR: '1', FORCE_COLOR: undefined },
    reject: false,
  });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

/** Runs a script that must succeed silently on stderr; returns its stdout. */
async function ok(home: string, script: string, cwd = work): Promise<string> {
  const r = await run(home, script, cwd);
  expect(r.stderr, r.stdout).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

/** Single-quoted PowerShell literal of a path. */
const q = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Everything the server keeps about itself and everything the vault keeps about registrations. */
function stores(home: string): unknown {
  const catalog = new Database(join(home, 'catalog.db'), { readonly: true });
  const vault = new Database(join(home, 'vault', DATABASE_FILE), { readonly: true });
  try {
    return {
      server: catalog.prepare('SELECT * FROM server').all(),
      registration: catalog.prepare('SELECT * FROM registration').all(),
      // The last contact is the time of the last check and moves with every Get-DPMCloudStatus.
      setting: catalog.prepare("SELECT * FROM setting WHERE key <> 'lastContactAt' ORDER BY key").all(),
      registrations: vault.prepare('SELECT * FROM registrations ORDER BY server_id').all(),
    };
  } finally {
    catalog.close();
    vault.close();
  }
}

/** What Get-DPMCloudStatus says, without the time of the check itself. */
const STATUS = '$s = Get-DPMCloudStatus; "$($s.Registered) $($s.Vault) $($s.Connected) $($s.SubscriptionState) $($s.BackupToVault) $($s.BackupToDisk) $($s.RestoreFromVault) $($s.RestoreFromDisk)"';

/** Tries a registration and prints the error's id and message, as a user inspects $_. */
function attempt(path: string, extra = ''): string {
  return `try { Register-DPMServer -VaultCredentials ${q(path)} -EncryptionPassphrase ${q(PASS)} ${extra} -ErrorAction Stop | Out-Null; 'registered' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }`;
}

/** A home with vaults v1 and v2 and the server registered to v1; returns the paths it made. */
async function registeredHome(): Promise<{ home: string; dir: string }> {
  const { home, dir } = fresh();
  await ok(
    home,
    `New-BackupVault -Name v1 -Location westus | Out-Null; New-BackupVault -Name v2 -Location eastus | Out-Null
     Get-BackupVault v1 | Get-VaultCredential -Path ${q(join(dir, 'v1'))} | Register-DPMServer -EncryptionPassphrase ${q(PASS)} -RecoveryFolder ${q(join(dir, 'recovery'))} | Out-Null`,
  );
  return { home, dir };
}

/** Runs a refused registration and checks its id and message, and that stores and status did not change. */
async function expectRefused(home: string, path: string, id: string, message: string): Promise<void> {
  const statusBefore = await ok(home, STATUS);
  const before = stores(home);
  const out = await ok(home, attempt(path));
  expect(out.split('\n')).toEqual([`${id},Register-DPMServer`, message]);
  expect(stores(home)).toEqual(before);
  expect(await ok(home, STATUS)).toBe(statusBefore);
}

/** The base64 PKCS#12 in a credentials file's ManagementCert element. */
function managementCert(path: string): Buffer {
  const match = /<ManagementCert>([^<]+)<\/ManagementCert>/.exec(readFileSync(path, 'utf8'));
  if (!match) throw new Error(`no ManagementCert in ${path}`);
  return Buffer.from(match[1].replace(/\s+/g, ''), 'base64');
}

describe('the seeds workflow through dpmsh', () => {
  it('prepares a server from an empty home: vault, redundancy, credentials, registration, throttling, connection', { timeout: 180_000 }, async () => {
    const { home, dir } = fresh();
    const out = await ok(
      home,
      `$v = New-BackupVault -Name contoso-vault -Location westus
       "$($v.Name) $($v.Location) $($v.StorageRedundancy)"
       Set-BackupVault -Name contoso-vault -StorageRedundancy ZoneRedundant
       (Get-BackupVault contoso-vault).StorageRedundancy
       $c = Get-BackupVault contoso-vault | Get-VaultCredential -Path ${q(dir)}
       Split-Path -Leaf $c.FilePath
       $c.Vault
       $c.Thumbprint -match '^[0-9A-F]{40}$'
       $pass = ConvertTo-SecureString -String ${q(PASS)} -AsPlainText -Force
       $r = $c | Register-DPMServer -EncryptionPassphrase $pass -RecoveryFolder ${q(join(dir, 'recovery'))} -ScratchPath ${q(join(dir, 'scratch'))} -NoProxy
       "$($r.Vault) $($r.CertThumbprint -eq $c.Thumbprint)"
       $t = Set-ThrottlingSetting -WorkDay Mo,Tu,We,Th,Fr -StartWorkHour '9:00:00' -EndWorkHour '18:00:00' -WorkHourBandwidth 512KB -NonWorkHourBandwidth 2MB
       "$($t.WorkDay -join ',') $($t.StartWorkHour)-$($t.EndWorkHour) $($t.WorkHourBandwidth) $($t.NonWorkHourBandwidth)"
       Get-DPMCloudConnection
       ${STATUS}`,
    );
    const lines = out.split('\n');
    expect(lines[0]).toBe('contoso-vault westus GeoRedundant');
    expect(lines[1]).toBe('ZoneRedundant');
    expect(lines[2]).toMatch(/^contoso-vault_(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d\d \d{4}\.VaultCredentials$/);
    expect(lines.slice(3)).toEqual([
      'contoso-vault',
      'True',
      'contoso-vault True',
      'Monday,Tuesday,Wednesday,Thursday,Friday 09:00:00-18:00:00 524288 2097152',
      'True',
      'True contoso-vault True Active Allowed Allowed Allowed Allowed',
    ]);
    // The file is the owner's alone, and the catalog keeps no passphrase.
    expect(statSync(join(dir, lines[2])).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(home, 'catalog.db')).includes(Buffer.from(PASS))).toBe(false);
    // The redundancy chosen before the first backup stays; the recovery and scratch folders exist.
    expect(statSync(join(dir, 'recovery')).isDirectory()).toBe(true);
    expect(statSync(join(dir, 'scratch')).isDirectory()).toBe(true);
  });

  it('an empty home reports no registration and refuses to register with a 15-character passphrase', { timeout: 180_000 }, async () => {
    const { home, dir } = fresh();
    const out = await ok(
      home,
      `(Get-DPMCloudStatus).Registered
       New-BackupVault -Name v1 -Location westus | Out-Null
       $c = Get-VaultCredential -Vault v1 -Path ${q(dir)}
       try { $c | Register-DPMServer -EncryptionPassphrase 'fifteen chars!!' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
       (Get-DPMCloudStatus).Registered
       ($c | Register-DPMServer -EncryptionPassphrase 'sixteen chars!!!').Vault`,
    );
    expect(out.split('\n')).toEqual(['False', 'PassphraseTooShort,Register-DPMServer', 'False', 'v1']);
  });
});

describe('vault credentials through dpmsh', () => {
  it('a second download invalidates the first: registering with the first fails with ID 34513 and changes nothing', { timeout: 180_000 }, async () => {
    const { home, dir } = fresh();
    await ok(
      home,
      `New-BackupVault -Name v1 -Location westus | Out-Null
       Get-VaultCredential -Vault v1 -Path ${q(join(dir, 'first'))} | Out-Null
       Get-VaultCredential -Vault v1 -Path ${q(join(dir, 'second'))} | Out-Null`,
    );
    const [first, second] = ['first', 'second'].map((f) => {
      const out = execFileSync('ls', [join(dir, f)], { encoding: 'utf8' }).trim();
      return join(dir, f, out);
    });
    await expectRefused(home, first, 'VaultCredentialsInvalid', INVALID);
    expect(await ok(home, attempt(second))).toBe('registered');
    // Once the second is used, the first stays refused.
    expect((await ok(home, attempt(first))).split('\n')[0]).toBe('VaultCredentialsInvalid,Register-DPMServer');
  });

  it('an expired file fails with the documented text; one a minute inside its 48 hours registers', { timeout: 180_000 }, async () => {
    const { home, dir } = fresh();
    await ok(home, 'New-BackupVault -Name v1 -Location westus | Out-Null; New-BackupVault -Name v2 -Location westus | Out-Null');
    // The vault issues with its own clock: open the home's vault as it was 48 hours and a minute
    // ago, and issue there. The file, its certificate and the vault's record are all the real
    // ones; only the time they were issued is in the past.
    const issueAt = async (vaultName: string, when: Date, folder: string): Promise<string> => {
      const vault = await createEmbeddedVault(join(home, 'vault'), { clock: () => when });
      try {
        return await saveVaultCredentialsFile(folder, await vault.issueCredentials(vaultName));
      } finally {
        await vault.close();
      }
    };
    const expired = await issueAt('v1', new Date(Date.now() - 48 * HOUR - MINUTE), join(dir, 'expired'));
    const fresher = await issueAt('v2', new Date(Date.now() - 48 * HOUR + MINUTE), join(dir, 'fresher'));
    // Empty stores exist once dpmsh has run; the refusal must leave them as they are.
    await ok(home, 'Get-DPMCloudConnection | Out-Null');
    await expectRefused(home, expired, 'VaultCredentialsExpired', EXPIRED);
    expect(await ok(home, attempt(fresher))).toBe('registered');
  });

  it('a corrupted file fails: ID 34513 when its text no longer matches its certificate, 34528 when the certificate or the XML is damaged', { timeout: 180_000 }, async () => {
    const { home, dir } = fresh();
    await ok(home, `New-BackupVault -Name v1 -Location westus | Out-Null; New-BackupVault -Name v2 -Location westus | Out-Null; Get-VaultCredential -Vault v1 -Path ${q(dir)} | Out-Null`);
    const good = join(dir, execFileSync('ls', [dir], { encoding: 'utf8' }).trim());
    const xml = readFileSync(good, 'utf8');
    const [v1, v2] = (await ok(home, '(Get-BackupVault v1).VaultId; (Get-BackupVault v2).VaultId')).split('\n');
    expect(xml.includes(v1)).toBe(true);

    // The file edited to name vault v2: the certificate inside was issued for v1, so the file is corrupted (34513).
    const renamed = join(dir, 'renamed.VaultCredentials');
    writeFileSync(renamed, xml.replaceAll('>v1<', '>v2<').replaceAll(v1, v2).replaceAll('/vaults/v1', '/vaults/v2'));
    await expectRefused(home, renamed, 'VaultCredentialsInvalid', INVALID);

    // One bit flipped inside the PKCS#12: still XML and base64, but its MAC no longer verifies, so the
    // certificate cannot be read (34528).
    const p12 = managementCert(good);
    p12[p12.length - 40] ^= 0x01;
    const damaged = join(dir, 'damaged.VaultCredentials');
    writeFileSync(damaged, xml.replace(/<ManagementCert>[^<]+<\/ManagementCert>/, `<ManagementCert>${p12.toString('base64')}</ManagementCert>`));
    await expectRefused(home, damaged, 'VaultCredentialsUnreadable', UNREADABLE);

    // Cut in half: no longer well-formed XML (34528).
    const truncated = join(dir, 'truncated.VaultCredentials');
    writeFileSync(truncated, xml.slice(0, Math.floor(xml.length / 2)));
    await expectRefused(home, truncated, 'VaultCredentialsUnreadable', UNREADABLE);

    // The intact file still registers: nothing above used it up.
    expect(await ok(home, attempt(good))).toBe('registered');
  });

  it('an unreadable file fails with ID 34528: a path that does not exist, a folder, a binary file', { timeout: 180_000 }, async () => {
    const { home, dir } = await registeredHome();
    // Tests run as root, which reads a chmod 000 file anyway; a folder is what no one can read as a file.
    const binary = join(dir, 'binary.VaultCredentials');
    writeFileSync(binary, Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x00, 0x89, 0x50, 0x4e, 0x47]));
    await expectRefused(home, join(dir, 'missing.VaultCredentials'), 'VaultCredentialsUnreadable', UNREADABLE);
    await expectRefused(home, join(dir, 'v1'), 'VaultCredentialsUnreadable', UNREADABLE);
    await expectRefused(home, binary, 'VaultCredentialsUnreadable', UNREADABLE);
  });

  it("one from another vault than the server's fails with ID 100110 and changes nothing", { timeout: 180_000 }, async () => {
    const { home, dir } = await registeredHome();
    await ok(home, `Get-VaultCredential -Vault v2 -Path ${q(join(dir, 'v2'))} | Out-Null`);
    const other = join(dir, 'v2', execFileSync('ls', [join(dir, 'v2')], { encoding: 'utf8' }).trim());
    await expectRefused(
      home,
      other,
      'VaultCredentialsForAnotherVault',
      'The vault credentials provided belong to a vault other than the one this server is registered to. (ID: 100110)',
    );
    expect(await ok(home, '(Get-DPMCloudStatus).Vault')).toBe('v1');
  });

  it('openssl reads the certificate from the file: client authentication, valid from issue minus 10 minutes to issue plus 48 hours', { timeout: 180_000 }, async () => {
    const { home, dir } = fresh();
    const out = await ok(
      home,
      `New-BackupVault -Name v1 -Location westus | Out-Null
       $c = Get-VaultCredential -Vault v1 -Path ${q(dir)}
       $c.FilePath; $c.Thumbprint; $c.NotAfter.ToUniversalTime().ToString('o')`,
    );
    const [file, thumbprint, notAfter] = out.split('\n');
    const p12 = join(dir, 'cert.p12');
    writeFileSync(p12, managementCert(file));
    const pem = execFileSync('openssl', ['pkcs12', '-in', p12, '-nokeys', '-passin', 'pass:'], { encoding: 'utf8' });
    expect(pem).toContain('-----BEGIN CERTIFICATE-----');
    const text = execFileSync('openssl', ['x509', '-noout', '-text'], { input: pem, encoding: 'utf8' });
    expect(text).toMatch(/X509v3 Extended Key Usage:\s*\n\s*TLS Web Client Authentication/);
    const dates = execFileSync('openssl', ['x509', '-noout', '-startdate', '-enddate', '-fingerprint', '-sha1'], { input: pem, encoding: 'utf8' });
    const start = new Date(/notBefore=(.+)/.exec(dates)?.[1] ?? '');
    const end = new Date(/notAfter=(.+)/.exec(dates)?.[1] ?? '');
    expect(end.getTime() - start.getTime()).toBe(48 * HOUR + 10 * MINUTE);
    expect(end.toISOString()).toBe(new Date(notAfter).toISOString());
    expect(end.getTime() - Date.now()).toBeGreaterThan(48 * HOUR - 5 * MINUTE);
    expect(end.getTime() - Date.now()).toBeLessThanOrEqual(48 * HOUR);
    expect(/Fingerprint=(.+)/.exec(dates)?.[1].replaceAll(':', '')).toBe(thumbprint);
    // The file holds the key too, unprotected as in Microsoft's files.
    expect(execFileSync('openssl', ['pkcs12', '-in', p12, '-nocerts', '-nodes', '-passin', 'pass:'], { encoding: 'utf8' })).toContain('PRIVATE KEY');
  });
});

describe('the cmdlets as documented', () => {
  it('Get-BackupVault x | Get-VaultCredential | Register-DPMServer -EncryptionPassphrase $p binds FilePath from the pipeline', { timeout: 180_000 }, async () => {
    const { home, dir } = fresh();
    const out = await ok(
      home,
      `New-BackupVault -Name v1 -Location westus | Out-Null
       $p = ConvertTo-SecureString ${q(PASS)} -AsPlainText -Force
       $r = Get-BackupVault v1 | Get-VaultCredential | Register-DPMServer -EncryptionPassphrase $p
       $r.Vault; (Get-DPMCloudStatus).Registered`,
      dir,
    );
    expect(out.split('\n')).toEqual(['v1', 'True']);
  });

  it('Register-DPMServer -WhatIf says what it would do and changes nothing', { timeout: 180_000 }, async () => {
    const { home, dir } = fresh();
    await ok(home, `New-BackupVault -Name v1 -Location westus | Out-Null; Get-VaultCredential -Vault v1 -Path ${q(dir)} | Out-Null`);
    const file = join(dir, execFileSync('ls', [dir], { encoding: 'utf8' }).trim());
    const before = stores(home);
    const out = await ok(home, `Get-BackupVault v1 | Get-VaultCredential -Path ${q(dir)} | Register-DPMServer -EncryptionPassphrase ${q(PASS)} -WhatIf`);
    expect(out).toBe(`What if: Performing the operation "Register server with vault" on target "${file}".`);
    const after = stores(home) as { registration: unknown[]; registrations: unknown[] };
    expect(after.registration).toEqual([]);
    expect(after.registrations).toEqual([]);
    expect(after).toEqual(before);
    expect(await ok(home, '(Get-DPMCloudStatus).Registered')).toBe('False');
  });

  it('Set-ThrottlingSetting takes days by name and by two-letter abbreviation, and -NoThrottle turns it off', { timeout: 180_000 }, async () => {
    const { home } = await registeredHome();
    const out = await ok(
      home,
      `$a = Set-ThrottlingSetting -WorkDay Monday,wednesday,FRIDAY -StartWorkHour '8:30' -EndWorkHour '17:00:00' -WorkHourBandwidth (512*1024) -NonWorkHourBandwidth 1023MB
       "$($a.WorkDay -join ',') $($a.StartWorkHour) $($a.EndWorkHour) $($a.WorkHourBandwidth) $($a.NonWorkHourBandwidth)"
       $b = Set-ThrottlingSetting -WorkDay Mo,Tu,we,TH -StartWorkHour '9:00:00' -EndWorkHour '18:00:00' -WorkHourBandwidth 1MB -NonWorkHourBandwidth 2MB
       ((Get-ThrottlingSetting).WorkDay -join ',')
       try { Set-ThrottlingSetting -WorkDay Mo -StartWorkHour '9:00:00' -EndWorkHour '18:00:00' -WorkHourBandwidth 1MB -NonWorkHourBandwidth 1024MB -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
       ((Get-ThrottlingSetting).WorkDay -join ',')
       Set-ThrottlingSetting -NoThrottle | Out-Null
       (Get-ThrottlingSetting).WorkDay.Count`,
    );
    expect(out.split('\n')).toEqual([
      'Monday,Wednesday,Friday 08:30:00 17:00:00 524288 1072693248',
      'Monday,Tuesday,Wednesday,Thursday',
      'BandwidthOutOfRange,Set-ThrottlingSetting',
      'Monday,Tuesday,Wednesday,Thursday',
      '0',
    ]);
    const settings = stores(home) as { setting: Array<{ key: string; value: string }> };
    expect(JSON.parse(settings.setting.find((s) => s.key === 'throttling')?.value ?? '{}')).toEqual({ enabled: false });
  });

  it('Get-DPMCloudConnection takes the server name positionally and as -ComputerName or -CN', { timeout: 180_000 }, async () => {
    const { home } = await registeredHome();
    const out = await ok(
      home,
      `Get-DPMCloudConnection
       Get-DPMCloudConnection localhost
       Get-DPMCloudConnection -ComputerName localhost
       Get-DPMCloudConnection -CN ${hostname()}
       Get-DPMCloudConnection -DPMServerName .
       try { Get-DPMCloudConnection -CN elsewhere.example -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }`,
    );
    expect(out.split('\n')).toEqual(['True', 'True', 'True', 'True', 'True', 'RemoteServerNotSupported,Get-DPMCloudConnection']);
  });
});
