/** The master key: made at registration, kept only by its owner, re-wrapped when the passphrase changes. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { localBackend, openRepository, unwrapMasterKey, type KeyEnvelope } from '@dpmsh/engine';
import { DISK_REPOSITORY_FOLDER } from '../storage/repositories.js';
import { PASSPHRASE, expectDomainError, folder, openFixture, protectFolder, register, type Fixture } from '../test-support/fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(async () => {
  await f.close();
});

const NEW_PASSPHRASE = 'a different passphrase, also long';

it('writes the master key for its owner only, with the envelope the passphrase opens', async () => {
  await register(f);
  const keys = join(f.home, 'keys');
  expect(statSync(keys).mode & 0o777).toBe(0o700);
  expect(statSync(join(keys, 'master.key')).mode & 0o777).toBe(0o600);
  const masterKey = readFileSync(join(keys, 'master.key'));
  expect(masterKey).toHaveLength(32);
  const envelope = JSON.parse(readFileSync(join(keys, 'envelope.json'), 'utf8')) as KeyEnvelope;
  expect(Buffer.from(await unwrapMasterKey(envelope, PASSPHRASE))).toEqual(masterKey);
  expect(readFileSync(join(keys, 'envelope.json'), 'utf8')).not.toContain(PASSPHRASE);
});

it('re-wraps the same key on a passphrase change, in the key files and every repository', async () => {
  await register(f);
  const data = folder(f.dir, 'data');
  writeFileSync(join(data, 'a.txt'), 'alpha\n');
  const disk = folder(f.dir, 'disk1');
  await f.server.addDisk(disk);
  const id = await protectFolder(f, data, { online: true });
  await f.server.backupNow(id, { location: 'Online' });
  const before = readFileSync(join(f.home, 'keys', 'master.key'));

  await f.server.changeSettings({ passphrase: NEW_PASSPHRASE });
  expect(readFileSync(join(f.home, 'keys', 'master.key'))).toEqual(before);
  const diskRepository = await openRepository(localBackend(join(disk, DISK_REPOSITORY_FOLDER)), { passphrase: NEW_PASSPHRASE });
  expect(await diskRepository.snapshots()).toHaveLength(1);
  await expectDomainError(openRepository(localBackend(join(disk, DISK_REPOSITORY_FOLDER)), { passphrase: PASSPHRASE }), 'RepositoryPassphraseIncorrect');
  expect(await f.server.passphraseMatches(NEW_PASSPHRASE)).toBe(true);
});

it('changes nothing when the passphrase change is refused', async () => {
  await register(f);
  const envelope = readFileSync(join(f.home, 'keys', 'envelope.json'), 'utf8');
  await expectDomainError(f.server.changeSettings({ passphrase: NEW_PASSPHRASE, recoveryFolder: join(f.dir, 'no\0such') }), 'RecoveryFolderUnusable');
  expect(readFileSync(join(f.home, 'keys', 'envelope.json'), 'utf8')).toBe(envelope);
});
