/** The proxy password is never in catalog.db in clear: sealed when set, and sealed on open when an old catalog kept it in clear. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ProtectionServer } from '../server.js';
import { PASSPHRASE, expectDomainError, openFixture, register, type Fixture } from '../test-support/fixture.js';

const SECRET = 'Pr0xy-S3cret-Zebra';
const PROXY = { server: 'proxy.contoso.com', port: 8080, username: 'backup' };

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(async () => {
  await f.close();
});

/** The catalog files (catalog.db and its -wal, -shm) that hold `text`. */
function catalogFilesHolding(text: string): string[] {
  return readdirSync(f.home)
    .filter((name) => name.startsWith('catalog.db'))
    .filter((name) => readFileSync(join(f.home, name)).includes(Buffer.from(text, 'utf8')));
}

it('keeps the proxy password sealed: no byte of catalog.db holds it, and the server opens it when needed', async () => {
  await register(f);
  await f.server.changeSettings({ proxy: { ...PROXY, password: SECRET } });
  expect(catalogFilesHolding(SECRET)).toEqual([]);
  expect(catalogFilesHolding('proxy.contoso.com')).not.toEqual([]);
  expect(await f.server.proxyPassword()).toBe(SECRET);
  const shown = f.server.settings().proxy;
  expect(shown).toEqual({ server: 'proxy.contoso.com', host: 'proxy.contoso.com', port: 8080, username: 'backup', hasPassword: true });
});

it('refuses a proxy password before there is a key to seal it under, and takes one given with the first passphrase', async () => {
  await f.server.createVault({ name: 'contoso-vault', location: 'westus' });
  const file = await f.server.issueCredentials('contoso-vault', f.dir);
  const refused = await expectDomainError(f.server.register({ credentialsPath: file.filePath, proxy: { ...PROXY, password: SECRET } }), 'EncryptionKeyMissing');
  expect(refused.message).toContain('proxy password');
  expect(f.server.registration()).toBeNull();
  await f.server.register({ credentialsPath: file.filePath, passphrase: PASSPHRASE, proxy: { ...PROXY, password: SECRET } });
  expect(await f.server.proxyPassword()).toBe(SECRET);
  expect(catalogFilesHolding(SECRET)).toEqual([]);
});

it('seals a password an older catalog kept in clear the first time it is opened, leaving no copy in the file', async () => {
  await register(f);
  const db = new Database(join(f.home, 'catalog.db'));
  db.prepare("INSERT INTO setting (key, value) VALUES ('proxy', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify({ ...PROXY, host: PROXY.server, password: SECRET }),
  );
  db.close();
  expect(catalogFilesHolding(SECRET)).not.toEqual([]);

  const reopened = await ProtectionServer.open({ home: f.home, serverName: 'dpm01', plugins: ['@dpmsh/plugin-files'] });
  try {
    expect(catalogFilesHolding(SECRET)).toEqual([]);
    expect(await reopened.proxyPassword()).toBe(SECRET);
  } finally {
    await reopened.close();
  }
  expect(catalogFilesHolding(SECRET)).toEqual([]);
});

it('says the key is locked when the password is needed while the key is kept wrapped and not opened', async () => {
  await register(f);
  await f.server.changeSettings({ proxy: { ...PROXY, password: SECRET } });
  await f.server.protectMasterKey(PASSPHRASE);
  const later = await ProtectionServer.open({ home: f.home, serverName: 'dpm01', plugins: ['@dpmsh/plugin-files'] });
  try {
    await expectDomainError(later.proxyPassword(), 'MasterKeyLocked');
    await later.unlockMasterKey(PASSPHRASE);
    expect(await later.proxyPassword()).toBe(SECRET);
  } finally {
    await later.close();
  }
});
