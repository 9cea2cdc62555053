/**
 * Issue 6 end to end: protecting a folder through the built dpmsh, as an administrator does it,
 * in a real temporary home with the embedded vault. The test plays only the parts other tools
 * would: writing the data, killing a backup with SIGKILL, flipping a byte in a stored pack, and
 * reading the stores to show that the vault never holds the source's plaintext.
 */
import { randomFillSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const dpmsh = join(root, 'apps/shell/bin/dpmsh.js');
const work = mkdtempSync(join(tmpdir(), 'dpmsh-protection-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PASS = 'correct horse battery staple';
const MARKER = 'DPMSH-PLAINTEXT-MARKER-7f3a9c';
const env = (home: string) => ({ DPMSH_HOME: home, TZ: 'UTC', COLUMNS: '160', NO_COLOR: '1', FORCE_COLOR: undefined });

/** Single-quoted PowerShell literal of a path. */
const q = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Runs a script through the built dpmsh; returns what it printed and its exit code. */
async function run(home: string, script: string) {
  const r = await execa('node', [dpmsh, '-NoProfile', '-NonInteractive', '-Command', script], { cwd: work, env: env(home), reject: false });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

/** Runs a script that must succeed with nothing on stderr; returns its stdout. */
async function ok(home: string, script: string): Promise<string> {
  const r = await run(home, script);
  expect(r.stderr, r.stdout).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** A source folder: random data, compressible text carrying the marker, small files, an empty directory. */
function writeSource(dir: string, randomMiB: number): void {
  mkdirSync(join(dir, 'docs', 'empty'), { recursive: true });
  mkdirSync(join(dir, 'bin'), { recursive: true });
  for (let i = 0; i < randomMiB; i += 8) writeFileSync(join(dir, 'bin', `blob-${i}.bin`), randomFillSync(Buffer.alloc(8 * 1024 * 1024)));
  writeFileSync(join(dir, 'docs', 'notes.txt'), `${MARKER} payroll for December\n`.repeat(20_000));
  for (let i = 0; i < 50; i++) writeFileSync(join(dir, 'docs', `small-${i}.txt`), `small file ${i} ${MARKER}\n`);
}

/** The same tree, byte for byte, with the same empty directories. */
function expectSameTree(actual: string, expected: string): void {
  const list = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
  expect(list(actual)).toEqual(list(expected));
  for (const path of filesUnder(expected)) {
    const relative = path.slice(expected.length);
    expect(readFileSync(join(actual, relative)).equals(readFileSync(path)), relative).toBe(true);
  }
}

/** Prepares a home: a vault, credentials, registration, disk storage and a group protecting `source` on disk and online. */
function setUpScript(base: string, source: string): string {
  return `
    $vault = New-BackupVault -Name contoso-vault -Location westus
    $vault | Get-VaultCredential -Path ${q(join(base, 'creds'))} | Register-DPMServer -EncryptionPassphrase ${q(PASS)} -RecoveryFolder ${q(join(base, 'recovery'))} | Out-Null
    Add-DPMDisk -Path ${q(join(base, 'disk'))} | Out-Null
    $pg = New-DPMProtectionGroup -Name Files
    $ds = Get-DPMDatasource -Path ${q(source)}
    Add-DPMChildDatasource -ProtectionGroup $pg -ChildDatasource $ds -Online
    Set-DPMProtectionType -ProtectionGroup $pg -ShortTerm Disk -LongTerm Online
    Set-DPMPolicyObjective -ProtectionGroup $pg -RetentionRangeDays 10 -SynchronizationFrequencyMinutes 60
    Set-DPMProtectionGroup -ProtectionGroup $pg | Out-Null
  `;
}

function home(name: string): { base: string; home: string; source: string } {
  const base = join(work, name);
  for (const dir of ['creds', 'recovery', 'disk', 'source']) mkdirSync(join(base, dir), { recursive: true });
  return { base, home: join(base, 'home'), source: join(base, 'source') };
}

describe('protecting a folder', () => {
  const t = home('flow');
  beforeAll(async () => {
    writeSource(t.source, 16);
    await ok(t.home, setUpScript(t.base, t.source));
  });

  it('backs up to disk and online, restores byte for byte through the recovery folder, and verifies', async () => {
    const ds = `(Get-DPMDatasource -Path ${q(t.source)})`;
    await ok(t.home, `New-DPMRecoveryPoint -Datasource ${ds} -Disk -BackupType ExpressFull | Out-Null; New-DPMRecoveryPoint -Datasource ${ds} -Online | Out-Null`);
    const points = await ok(t.home, `Get-DPMRecoveryPoint -Datasource ${ds} | ForEach-Object { $_.Location }; Get-DPMRecoveryPoint -Datasource ${ds} -Online | ForEach-Object { 'vault ' + $_.Location }`);
    expect(points.split('\n')).toEqual(['Disk', 'vault Online']);

    const target = join(t.base, 'restored-online');
    await ok(
      t.home,
      `$rp = Get-DPMRecoveryPoint -Datasource ${ds} -Online | Select-Object -Last 1
       $opt = New-DPMRecoveryOption -TargetServer localhost -RecoveryLocation AlternateLocation -AlternateLocation ${q(target)} -OverwriteType Overwrite -RecoveryType Recover -FileSystem
       Restore-DPMRecoverableItem -RecoverableItem $rp -RecoveryOption $opt | Out-Null`,
    );
    expectSameTree(target, t.source);
    expect(readdirSync(join(t.base, 'recovery'))).toEqual([]);

    const verified = await ok(t.home, `Get-DPMRecoveryPoint -Datasource ${ds} | Test-DPMRecoveryPoint | ForEach-Object { $_.Ok }`);
    expect(verified.trim()).toBe('True');
  });

  it('never stores the plaintext of the source in the vault or on disk', () => {
    const marker = Buffer.from(MARKER);
    const stored = [...filesUnder(join(t.home, 'vault', 'objects')), ...filesUnder(join(t.base, 'disk'))];
    expect(stored.length).toBeGreaterThan(3);
    for (const path of stored) expect(readFileSync(path).includes(marker), path).toBe(false);
  });

  it('detects a flipped byte in a stored pack', async () => {
    const packs = filesUnder(join(t.base, 'disk')).filter((p) => p.includes(`${join('dpmsh-repository', 'data')}`));
    expect(packs.length).toBeGreaterThan(0);
    const pack = packs.sort((a, b) => statSync(b).size - statSync(a).size)[0] as string;
    const bytes = readFileSync(pack);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] as number) ^ 0x01;
    writeFileSync(pack, bytes);
    const r = await run(t.home, `Get-DPMRecoveryPoint -Datasource (Get-DPMDatasource -Path ${q(t.source)}) | Test-DPMRecoveryPoint | ForEach-Object { $_.Ok }`);
    expect(r.stdout.trim()).toBe('False');
    bytes[at] = (bytes[at] as number) ^ 0x01;
    writeFileSync(pack, bytes);
  });
});

/** Waits until a home's catalog holds a job in progress, or `started` jobs after the first backup (one already ended). */
async function jobRunning(home: string, started: number): Promise<void> {
  for (;;) {
    try {
      const catalog = new Database(join(home, 'catalog.db'), { readonly: true, timeout: 5_000 });
      try {
        const row = catalog.prepare(`SELECT COUNT(*) AS n, SUM(status = 'InProgress') AS running FROM job WHERE type = 'Backup'`).get() as { n: number; running: number | null };
        if ((row.running ?? 0) > 0 || row.n > started) return;
      } finally {
        catalog.close();
      }
    } catch (error) {
      // The writer holds the lock for a moment: ask again.
      if (!(error instanceof Error && /SQLITE_BUSY|locked/i.test(error.message))) throw error;
    }
    await new Promise((done) => setTimeout(done, 25));
  }
}

describe('a backup killed with SIGKILL', () => {
  const t = home('crash');
  beforeAll(async () => {
    writeSource(t.source, 96);
    await ok(t.home, setUpScript(t.base, t.source));
    await ok(t.home, `New-DPMRecoveryPoint -Datasource (Get-DPMDatasource -Path ${q(t.source)}) -Disk -BackupType ExpressFull | Out-Null`);
  });

  it('leaves recovery points that verify, and the next backup completes', async () => {
    const ds = `(Get-DPMDatasource -Path ${q(t.source)})`;
    for (let round = 0; round < 6; round++) {
      // A changed file each round, so every backup has new data to write when it is killed.
      writeFileSync(join(t.source, 'bin', `changed-${round}.bin`), randomFillSync(Buffer.alloc(32 * 1024 * 1024)));
      const backup = execa('node', [dpmsh, '-NoProfile', '-NonInteractive', '-Command', `New-DPMRecoveryPoint -Datasource ${ds} -Disk -BackupType ExpressFull | Out-Null`], {
        cwd: work,
        env: env(t.home),
        reject: false,
      });
      // Kill it while its job runs, whatever the machine's speed: once the job is in the catalog,
      // somewhere in the next 0.8 s of its writing.
      await jobRunning(t.home, round + 1);
      await new Promise((done) => setTimeout(done, Math.floor(Math.random() * 800)));
      backup.kill('SIGKILL');
      await backup;
      const verified = await ok(t.home, `Get-DPMRecoveryPoint -Datasource ${ds} | Test-DPMRecoveryPoint | ForEach-Object { $_.Ok }`);
      expect(verified.split('\n').every((line) => line === 'True'), verified).toBe(true);
    }
    // The kills landed while backups ran: their jobs are reported as interrupted, not left running.
    const interrupted = await ok(t.home, `@(Get-DPMJob | Where-Object ErrorId -eq 'JobInterrupted').Count`);
    expect(Number(interrupted)).toBeGreaterThan(0);
    await ok(t.home, `New-DPMRecoveryPoint -Datasource ${ds} -Disk -BackupType ExpressFull | Out-Null`);
    const target = join(t.base, 'restored');
    await ok(
      t.home,
      `$rp = Get-DPMRecoveryPoint -Datasource ${ds} | Select-Object -Last 1
       $opt = New-DPMRecoveryOption -TargetServer localhost -RecoveryLocation AlternateLocation -AlternateLocation ${q(target)} -OverwriteType Overwrite -RecoveryType Recover -FileSystem
       Restore-DPMRecoverableItem -RecoverableItem $rp -RecoveryOption $opt | Out-Null
       Get-DPMRecoveryPoint -Datasource ${ds} | Test-DPMRecoveryPoint | ForEach-Object { $_.Ok }`,
    );
    expectSameTree(target, t.source);
  });
});
