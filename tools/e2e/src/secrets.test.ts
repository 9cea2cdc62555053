/**
 * Secrets at rest and bounded input files, through the built dpmsh as a user drives it: a master
 * key kept wrapped (nothing in a copy of $DPMSH_HOME opens the backups; DPMSH_PASSPHRASE_FILE
 * or Unlock-DPMMasterKey does), the proxy password absent from catalog.db's bytes, and
 * credentials files that are FIFOs, devices or huge refused at once.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const dpmsh = join(root, 'apps/shell/bin/dpmsh.js');
const work = mkdtempSync(join(tmpdir(), 'dpmsh-secrets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PASS = 'correct horse battery staple';
const MINUTES = 60_000;

let count = 0;
function fresh(): { home: string; dir: string } {
  const base = join(work, `t${count++}`);
  mkdirSync(join(base, 'work'), { recursive: true });
  return { home: join(base, 'home'), dir: join(base, 'work') };
}

/** Runs a script through the built dpmsh with -Command; `env` adds to the environment. */
async function run(home: string, script: string, env: Record<string, string> = {}) {
  const r = await execa('node', [dpmsh, '-NoProfile', '-NonInteractive', '-Command', script], {
    cwd: work,
    env: { DPMSH_HOME: home, TZ: 'UTC', COLUMNS: '200', NO_COLOR: '1', FORCE_COLOR: undefined, DPMSH_PASSPHRASE_FILE: undefined, ...env },
    extendEnv: true,
    reject: false,
  });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, signal: r.signal };
}

async function ok(home: string, script: string, env: Record<string, string> = {}): Promise<string> {
  const r = await run(home, script, env);
  expect(r.stderr, r.stdout).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

const q = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Every file under `dir` that holds `needle` raw, in hex or in base64. */
function filesHolding(dir: string, needle: Buffer): string[] {
  const forms = [needle, Buffer.from(needle.toString('hex')), Buffer.from(needle.toString('base64'))];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => forms.some((form) => readFileSync(path).includes(form)));
}

/** A registered server protecting dir/data (one file) on dir/disk1, with one disk recovery point. */
async function protectedHome(): Promise<{ home: string; dir: string }> {
  const { home, dir } = fresh();
  mkdirSync(join(dir, 'data'));
  mkdirSync(join(dir, 'disk1'));
  writeFileSync(join(dir, 'data', 'a.txt'), 'alpha\n');
  await ok(
    home,
    `New-BackupVault -Name contoso-vault -Location westus | Out-Null
     Get-BackupVault contoso-vault | Get-VaultCredential -Path ${q(dir)} | Register-DPMServer -EncryptionPassphrase ${q(PASS)} -RecoveryFolder ${q(join(dir, 'recovery'))} -ScratchPath ${q(join(dir, 'scratch'))} | Out-Null
     Add-DPMDisk -Path ${q(join(dir, 'disk1'))} | Out-Null
     $pg = New-DPMProtectionGroup -Name Files
     Add-DPMChildDatasource -ProtectionGroup $pg -ChildDatasource (Get-DPMDatasource -Path ${q(join(dir, 'data'))})
     Set-DPMProtectionGroup -ProtectionGroup $pg
     Get-DPMDatasource | New-DPMRecoveryPoint -Disk | Out-Null`,
  );
  return { home, dir };
}

/** Restores the newest recovery point into `target` and prints the file; a refusal stops the script (exit 1, the error on stderr). */
function restoreScript(target: string): string {
  return `$ErrorActionPreference = 'Stop'
    $rp = Get-DPMDatasource | Get-DPMRecoveryPoint | Select-Object -Last 1
    $o = New-DPMRecoveryOption -TargetServer localhost -RecoveryLocation AlternateLocation -AlternateLocation ${q(target)} -OverwriteType Overwrite -RecoveryType Recover -FileSystem
    Restore-DPMRecoverableItem -RecoverableItem $rp -RecoveryOption $o | Out-Null
    Get-Content ${q(join(target, 'a.txt'))}`;
}

/** Runs a restore that must be refused; returns stderr. */
async function refusedRestore(home: string, target: string, env: Record<string, string> = {}): Promise<string> {
  const r = await run(home, restoreScript(target), env);
  expect(r.exitCode, r.stdout).toBe(1);
  expect(r.stdout).toBe('');
  expect(existsSync(join(target, 'a.txt'))).toBe(false);
  return r.stderr;
}

describe('a master key kept wrapped', () => {
  it('leaves no key in the home; a copy of the home restores nothing; DPMSH_PASSPHRASE_FILE and Unlock-DPMMasterKey open it', { timeout: 5 * MINUTES }, async () => {
    const { home, dir } = await protectedHome();
    const key = readFileSync(join(home, 'keys', 'master.key'));
    expect(await ok(home, restoreScript(join(dir, 'out0')))).toBe('alpha');

    await ok(home, `Protect-DPMMasterKey -EncryptionPassphrase (ConvertTo-SecureString ${q(PASS)} -AsPlainText -Force)`);
    expect(existsSync(join(home, 'keys', 'master.key'))).toBe(false);
    expect(filesHolding(home, key)).toEqual([]);

    // A copy of the home, as a thief or a stray backup of it has it.
    const copy = join(dir, 'copied-home');
    cpSync(home, copy, { recursive: true });
    const locked = await refusedRestore(copy, join(dir, 'out-copy'));
    expect(locked).toContain("The server's master key is locked");
    expect(locked).toContain('Recommendation: Set DPMSH_PASSPHRASE_FILE');
    expect(locked).toContain('Unlock-DPMMasterKey');
    const backup = await run(copy, 'Get-DPMDatasource | New-DPMRecoveryPoint -Disk');
    expect(backup.exitCode).toBe(1);
    expect(backup.stderr).toContain('master key is locked');

    // The passphrase from a file outside the home.
    const passphraseFile = join(dir, 'passphrase');
    writeFileSync(passphraseFile, `${PASS}\n`, { mode: 0o600 });
    expect(await ok(home, restoreScript(join(dir, 'out-file')), { DPMSH_PASSPHRASE_FILE: passphraseFile })).toBe('alpha');
    writeFileSync(join(dir, 'wrong'), 'a wrong passphrase, long enough\n');
    expect(await refusedRestore(home, join(dir, 'out-wrong'), { DPMSH_PASSPHRASE_FILE: join(dir, 'wrong') })).toContain(`The passphrase from the file '${join(dir, 'wrong')}' (DPMSH_PASSPHRASE_FILE) does not open this server's master key.`);

    // Or unlocked for one session.
    expect(await ok(home, `Unlock-DPMMasterKey (ConvertTo-SecureString ${q(PASS)} -AsPlainText -Force)\n${restoreScript(join(dir, 'out-unlock'))}`)).toBe('alpha');

    // Turned off again: the same key is back in its file.
    await ok(home, `Unprotect-DPMMasterKey -EncryptionPassphrase (ConvertTo-SecureString ${q(PASS)} -AsPlainText -Force)`);
    expect(readFileSync(join(home, 'keys', 'master.key'))).toEqual(key);
    expect(await ok(home, restoreScript(join(dir, 'out-after')))).toBe('alpha');
  });
});

describe('switching how the master key is kept, killed half-way', () => {
  const unlock = `(ConvertTo-SecureString ${q(PASS)} -AsPlainText -Force)`;

  it('a Protect- killed after its marker completes on the next start; an Unprotect- killed after writing the key is as if not run', { timeout: 5 * MINUTES }, async () => {
    const { home, dir } = await protectedHome();
    const keyFile = join(home, 'keys', 'master.key');
    const key = readFileSync(keyFile);

    const protect = await run(home, `Protect-DPMMasterKey -EncryptionPassphrase ${unlock}`, { DPMSH_TEST_KILL_AT: 'keys:wrapped-marker-written' });
    expect(protect.signal).toBe('SIGKILL');
    expect(existsSync(join(home, 'keys', 'wrapped'))).toBe(true);
    expect(existsSync(keyFile)).toBe(true);
    // The next start reads the marker: wrapped, locked, and the key file left behind is removed.
    expect(await refusedRestore(home, join(dir, 'out-1'))).toContain('master key is locked');
    expect(existsSync(keyFile)).toBe(false);
    expect(filesHolding(home, key)).toEqual([]);

    const unprotect = await run(home, `Unprotect-DPMMasterKey -EncryptionPassphrase ${unlock}`, { DPMSH_TEST_KILL_AT: 'keys:key-file-written' });
    expect(unprotect.signal).toBe('SIGKILL');
    expect(await refusedRestore(home, join(dir, 'out-2'))).toContain('master key is locked');
    expect(existsSync(keyFile)).toBe(false);

    // Run again, it completes.
    await ok(home, `Unprotect-DPMMasterKey -EncryptionPassphrase ${unlock}`);
    expect(readFileSync(keyFile)).toEqual(key);
    expect(existsSync(join(home, 'keys', 'wrapped'))).toBe(false);
    expect(await ok(home, restoreScript(join(dir, 'out-3')))).toBe('alpha');
  });
});

describe('the proxy password', () => {
  it('is in no byte of catalog.db or its log after Set-OBMachineSetting', { timeout: 3 * MINUTES }, async () => {
    const { home, dir } = fresh();
    const secret = 'Zebra-Proxy-Secret-991';
    await ok(
      home,
      `New-BackupVault -Name contoso-vault -Location westus | Out-Null
       Get-BackupVault contoso-vault | Get-VaultCredential -Path ${q(dir)} | Register-DPMServer -EncryptionPassphrase ${q(PASS)} | Out-Null
       Set-OBMachineSetting -ProxyServer proxy.contoso.com -ProxyPort 8080 -ProxyUsername backup -ProxyPassword (ConvertTo-SecureString ${q(secret)} -AsPlainText -Force) | Out-Null`,
    );
    const catalogFiles = readdirSync(home).filter((name) => name.startsWith('catalog.db'));
    expect(catalogFiles).toContain('catalog.db');
    for (const name of catalogFiles) expect(readFileSync(join(home, name)).includes(Buffer.from(secret)), name).toBe(false);
    expect(filesHolding(home, Buffer.from(secret))).toEqual([]);
    expect(await ok(home, '(Get-OBMachineSetting).ProxyUsername')).toBe('backup');
  });
});

describe('a credentials file that is not one', () => {
  /** Registers with `path` and prints the error's id and message. */
  const attempt = (path: string): string =>
    `try { Register-DPMServer -VaultCredentials ${q(path)} -EncryptionPassphrase ${q(PASS)} -ErrorAction Stop | Out-Null; 'registered' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }`;

  it('is refused at once when it is a FIFO, /dev/urandom or a huge sparse file, and the server stays unregistered', { timeout: 5 * MINUTES }, async () => {
    const { home, dir } = fresh();
    const fifo = join(dir, 'creds.VaultCredentials');
    execFileSync('mkfifo', [fifo]);
    const huge = join(dir, 'huge.VaultCredentials');
    closeSync(openSync(huge, 'w'));
    truncateSync(huge, 2 * 1024 ** 3);
    for (const [path, why] of [[fifo, 'FIFO'], ['/dev/urandom', 'character device'], [huge, 'it is 2 GiB']] as const) {
      expect((await ok(home, attempt(path))).split('\n')).toEqual(['VaultCredentialsUnreadable,Register-DPMServer', 'Unable to read the vault credentials file provided. (ID: 34528)']);
      // Without try/catch, the error view shows why the file was not read.
      const shown = await run(home, `Register-DPMServer -VaultCredentials ${q(path)} -EncryptionPassphrase ${q(PASS)}`);
      expect(shown.exitCode).toBe(1);
      expect(shown.stderr).toContain('Recommendation:');
      expect(shown.stderr).toContain(why);
    }
    expect(await ok(home, '(Get-DPMCloudStatus).Registered')).toBe('False');
  });
});
