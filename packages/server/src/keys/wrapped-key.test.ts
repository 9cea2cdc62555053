/**
 * Keeping the master key wrapped: only the envelope stays in $DPMSH_HOME, a copy of the home opens
 * nothing, and a session opens the key from DPMSH_PASSPHRASE_FILE or Unlock-DPMMasterKey.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ProtectionServer } from '../server.js';
import { PASSPHRASE, expectDomainError, folder, openFixture, protectFolder, register, type Fixture } from '../test-support/fixture.js';

let f: Fixture;
let data: string;
let pointId: string;
let masterKey: Buffer;
const opened: ProtectionServer[] = [];

beforeEach(async () => {
  f = await openFixture();
  await register(f);
  data = folder(f.dir, 'data');
  writeFileSync(join(data, 'a.txt'), 'alpha\n');
  await f.server.addDisk(folder(f.dir, 'disk1'));
  const id = await protectFolder(f, data, { online: true });
  pointId = (await f.server.backupNow(id, { location: 'Disk' })).recoveryPoint.id;
  await f.server.backupNow(id, { location: 'Online' });
  masterKey = readFileSync(join(f.home, 'keys', 'master.key'));
});
afterEach(async () => {
  for (const server of opened.splice(0)) await server.close();
  await f.close();
});

/** Opens another server over a home, closed after the test. */
async function openHome(home: string, passphraseFile?: string): Promise<ProtectionServer> {
  const server = await ProtectionServer.open({ home, serverName: 'dpm01', plugins: ['@dpmsh/plugin-files'], ...(passphraseFile === undefined ? {} : { passphraseFile }) });
  opened.push(server);
  return server;
}

/** Every file under a folder whose bytes hold `needle` raw, in hex or in base64. */
function filesHolding(dir: string, needle: Buffer): string[] {
  const forms = [needle, Buffer.from(needle.toString('hex')), Buffer.from(needle.toString('base64')), Buffer.from(needle.toString('base64url'))];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    if (forms.some((form) => bytes.includes(form))) found.push(path);
  }
  return found;
}

const restoreTo = (server: ProtectionServer, name: string) =>
  server.restore(pointId, { options: { target: { alternatePath: join(f.dir, name) }, overwrite: 'fail' } });

it('keeps the key only wrapped: master.key gone, no copy of the key bytes anywhere in the home', async () => {
  expect(filesHolding(f.home, masterKey)).toEqual([join(f.home, 'keys', 'master.key')]);
  await f.server.protectMasterKey(PASSPHRASE);
  expect(await f.server.keyProtection()).toBe('Wrapped');
  expect(existsSync(join(f.home, 'keys', 'master.key'))).toBe(false);
  expect(existsSync(join(f.home, 'keys', 'envelope.json'))).toBe(true);
  expect(statSync(join(f.home, 'keys', 'wrapped')).mode & 0o777).toBe(0o600);
  expect(filesHolding(f.home, masterKey)).toEqual([]);
  // The session that protected the key keeps it open.
  await restoreTo(f.server, 'out-same-session');
  expect(readFileSync(join(f.dir, 'out-same-session', 'a.txt'), 'utf8')).toBe('alpha\n');
});

it('a copy of the home decrypts nothing: restores and backups fail with MasterKeyLocked, saying how to unlock', async () => {
  await f.server.protectMasterKey(PASSPHRASE);
  const copy = join(f.dir, 'stolen-home');
  cpSync(f.home, copy, { recursive: true });
  const thief = await openHome(copy);
  const error = await expectDomainError(restoreTo(thief, 'out-thief'), 'MasterKeyLocked');
  expect(error.recommendedAction).toContain('DPMSH_PASSPHRASE_FILE');
  expect(error.recommendedAction).toContain('Unlock-DPMMasterKey');
  expect(existsSync(join(f.dir, 'out-thief', 'a.txt'))).toBe(false);
  const online = thief.recoveryPoints().find((p) => p.location === 'Online');
  await expectDomainError(thief.restore(online?.id ?? '', { options: { target: { alternatePath: join(f.dir, 'out-thief-online') }, overwrite: 'fail' } }), 'MasterKeyLocked');
});

it('opens the key from DPMSH_PASSPHRASE_FILE, and refuses a wrong passphrase or a FIFO there clearly', async () => {
  await f.server.protectMasterKey(PASSPHRASE);
  await f.server.close();
  opened.length = 0;
  const passphraseFile = join(f.dir, 'passphrase.txt');
  writeFileSync(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
  const unlocked = await openHome(f.home, passphraseFile);
  await restoreTo(unlocked, 'out-file');
  expect(readFileSync(join(f.dir, 'out-file', 'a.txt'), 'utf8')).toBe('alpha\n');

  const wrongFile = join(f.dir, 'wrong.txt');
  writeFileSync(wrongFile, 'not the passphrase at all, but long\n');
  const wrong = await expectDomainError(restoreTo(await openHome(f.home, wrongFile), 'out-wrong'), 'MasterKeyPassphraseIncorrect');
  expect(wrong.message).toContain(wrongFile);

  const fifo = join(f.dir, 'passphrase.fifo');
  execFileSync('mkfifo', [fifo]);
  const refused = await expectDomainError(restoreTo(await openHome(f.home, fifo), 'out-fifo'), 'PassphraseFileUnreadable');
  expect(refused.message).toContain('FIFO');
}, 60_000);

it('unlocks for the session with the passphrase; a wrong one is refused', async () => {
  await f.server.protectMasterKey(PASSPHRASE);
  const later = await openHome(f.home);
  await expectDomainError(restoreTo(later, 'out-locked'), 'MasterKeyLocked');
  await expectDomainError(later.unlockMasterKey('a wrong passphrase of good length'), 'MasterKeyPassphraseIncorrect');
  await later.unlockMasterKey(PASSPHRASE);
  await restoreTo(later, 'out-unlocked');
  expect(readFileSync(join(f.dir, 'out-unlocked', 'a.txt'), 'utf8')).toBe('alpha\n');
});

it('refuses to protect with a passphrase that does not open the key, and changes nothing', async () => {
  await expectDomainError(f.server.protectMasterKey('a wrong passphrase of good length'), 'MasterKeyPassphraseIncorrect');
  expect(await f.server.keyProtection()).toBe('File');
  expect(readFileSync(join(f.home, 'keys', 'master.key'))).toEqual(masterKey);
});

it('unprotecting writes the same key back and removes the marker; a locked session must unlock first', async () => {
  await f.server.protectMasterKey(PASSPHRASE);
  const later = await openHome(f.home);
  await expectDomainError(later.unprotectMasterKey(), 'MasterKeyLocked');
  expect(existsSync(join(f.home, 'keys', 'master.key'))).toBe(false);
  await later.unprotectMasterKey(PASSPHRASE);
  expect(await later.keyProtection()).toBe('File');
  expect(readFileSync(join(f.home, 'keys', 'master.key'))).toEqual(masterKey);
  expect(statSync(join(f.home, 'keys', 'master.key')).mode & 0o777).toBe(0o600);
  expect(existsSync(join(f.home, 'keys', 'wrapped'))).toBe(false);
  await restoreTo(await openHome(f.home), 'out-file-again');
});

it('reads a key file left beside the marker (a switch cut short) as wrapped, and removes the file', async () => {
  await f.server.protectMasterKey(PASSPHRASE);
  // What a crash leaves after the marker of Protect- is durable, or after Unprotect- wrote the key back.
  writeFileSync(join(f.home, 'keys', 'master.key'), masterKey, { mode: 0o600 });
  const later = await openHome(f.home);
  await expectDomainError(restoreTo(later, 'out-leftover'), 'MasterKeyLocked');
  expect(existsSync(join(f.home, 'keys', 'master.key'))).toBe(false);
});

it('a passphrase change while wrapped re-wraps the envelope and writes no key file', async () => {
  await f.server.protectMasterKey(PASSPHRASE);
  const other = 'another passphrase, long enough';
  await f.server.changeSettings({ passphrase: other });
  expect(existsSync(join(f.home, 'keys', 'master.key'))).toBe(false);
  const later = await openHome(f.home);
  await expectDomainError(later.unlockMasterKey(PASSPHRASE), 'MasterKeyPassphraseIncorrect');
  await later.unlockMasterKey(other);
  await restoreTo(later, 'out-new-passphrase');
});
