/**
 * The credentials file is read with a bound and only when it is a regular file (else the
 * documented "Unable to read", 34528, returned promptly), and the elements its certificate does
 * not cover are checked (else "corrupted", 34513); a refused file registers nothing.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PASSPHRASE, expectDomainError, openFixture, type Fixture } from '../test-support/fixture.js';

let f: Fixture;
let credentials: string;
beforeEach(async () => {
  f = await openFixture();
  await f.server.createVault({ name: 'contoso-vault', location: 'westus' });
  credentials = (await f.server.issueCredentials('contoso-vault', f.dir)).filePath;
});
afterEach(async () => {
  await f.close();
});

async function corrupted(path: string): Promise<string | undefined> {
  const error = await expectDomainError(f.server.register({ credentialsPath: path, passphrase: PASSPHRASE }), 'VaultCredentialsInvalid');
  expect(f.server.registration()).toBeNull();
  return (error as { reason?: string }).reason;
}

async function refused(path: string): Promise<Error & { id: string; recommendedAction: string }> {
  const error = await expectDomainError(f.server.register({ credentialsPath: path, passphrase: PASSPHRASE }), 'VaultCredentialsUnreadable');
  expect(error.message).toBe('Unable to read the vault credentials file provided. (ID: 34528)');
  expect(f.server.registration()).toBeNull();
  return error;
}

/** The issued file with one piece of text replaced, written beside it. */
function edited(from: string, to: string): string {
  const text = readFileSync(credentials, 'utf8');
  expect(text).toContain(from);
  const path = join(f.dir, 'edited.VaultCredentials');
  writeFileSync(path, text.replace(from, to));
  return path;
}

it('refuses a FIFO at once instead of waiting for a writer that never comes', async () => {
  const fifo = join(f.dir, 'creds.fifo');
  execFileSync('mkfifo', [fifo]);
  // Before the fix this never returned; the test's own timeout is the only bound, and a generous one.
  const error = await refused(fifo);
  expect(error.recommendedAction).toContain('FIFO');
}, 60_000);

it('refuses /dev/urandom without reading it', async () => {
  const error = await refused('/dev/urandom');
  expect(error.recommendedAction).toContain('character device');
}, 60_000);

it('refuses a huge sparse file by its size, before reading it', async () => {
  const huge = join(f.dir, 'huge.VaultCredentials');
  closeSync(openSync(huge, 'w'));
  truncateSync(huge, 8 * 1024 ** 3);
  const error = await refused(huge);
  expect(error.recommendedAction).toContain('it is 8 GiB, more than the 1 MiB such a file can be');
}, 60_000);

it('refuses a file one byte over 1 MiB and a directory', async () => {
  const big = join(f.dir, 'big.VaultCredentials');
  writeFileSync(big, Buffer.alloc(1024 * 1024 + 1, 0x20));
  expect((await refused(big)).recommendedAction).toContain('more than the 1 MiB');
  const dir = join(f.dir, 'a-folder.VaultCredentials');
  mkdirSync(dir);
  expect((await refused(dir)).recommendedAction).toContain('directory');
});

it('refuses edited elements the certificate does not cover: Location, ResourceId, an added ServiceEndpoint', async () => {
  expect(await corrupted(edited('<Location>westus</Location>', '<Location>Evil Region</Location>'))).toContain("Location 'Evil Region' is not an Azure region");
  const resource = readFileSync(credentials, 'utf8').match(/<ResourceId>(\d+)<\/ResourceId>/)?.[1] ?? '';
  const other = (BigInt(resource) + 1n).toString();
  expect(await corrupted(edited(`<ResourceId>${resource}</ResourceId>`, `<ResourceId>${other}</ResourceId>`))).toContain('is not the resource id of the vault');
  expect(await corrupted(edited('</VaultId>', '</VaultId>\n  <ServiceEndpoint>http://attacker.example/</ServiceEndpoint>'))).toContain('not an https:// URL');
  expect(await corrupted(edited('</VaultId>', '</VaultId>\n  <ServiceEndpoint>https://attacker.example/</ServiceEndpoint>'))).toContain('embedded one');
  // The file as issued still registers.
  await f.server.register({ credentialsPath: credentials, passphrase: PASSPHRASE });
  expect(f.server.registration()?.vaultName).toBe('contoso-vault');
});
