import { isDomainError } from '@dpmsh/core';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localBackend } from '../backend/local-backend.js';
import { wrapMasterKey } from '../crypto/envelope.js';
import { createMasterKey } from '../crypto/keys.js';
import { entriesOf, fileEntries, restore, useTempDirs } from '../test-support/repositories.js';
import { initRepository, openRepository } from './repository.js';

const tempDir = useTempDirs();

const errorOf = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (error: unknown) => error);

async function withPassphrase() {
  const dir = await tempDir();
  const masterKey = createMasterKey();
  const repository = await initRepository(localBackend(dir), { masterKey, envelope: await wrapMasterKey(masterKey, 'the passphrase') });
  const { id } = await repository.backup(entriesOf(fileEntries(new Map([['f', Buffer.from('hello')]]))), { parent: null });
  const envelopePath = join(dir, 'keys', repository.keyId);
  return { dir, masterKey, repository, snapshotId: id, envelopePath, envelopeName: `keys/${repository.keyId}` };
}

describe('damage to the key envelope and the config', () => {
  it('tells a damaged envelope (any byte flipped) from a wrong passphrase, naming it; the master key still opens; verify names it', async () => {
    const { dir, masterKey, repository, envelopePath, envelopeName, snapshotId } = await withPassphrase();
    const original = await readFile(envelopePath);
    expect((await repository.verify()).problems).toEqual([]);
    for (let at = 0; at < original.length; at++) {
      const damaged = Buffer.from(original);
      damaged[at] ^= 0x01;
      await writeFile(envelopePath, damaged);
      const refused = await errorOf(openRepository(localBackend(dir), { passphrase: 'the passphrase' }));
      expect(isDomainError(refused, 'RepositoryCorrupt'), `byte ${at}: ${String(refused)}`).toBe(true);
      expect((refused as Error).message).toContain(envelopeName);
      const report = await repository.verify({ snapshotIds: [] });
      expect(report.ok, `byte ${at}`).toBe(false);
      expect(report.problems.join('\n')).toContain(`key envelope ${envelopeName}`);
    }
    // The data is untouched: the master key opens and restores.
    const byKey = await openRepository(localBackend(dir), { masterKey });
    expect((await restore(byKey, snapshotId)).get('f')?.data?.toString()).toBe('hello');

    await writeFile(envelopePath, original);
    expect(isDomainError(await errorOf(openRepository(localBackend(dir), { passphrase: 'another passphrase' })), 'RepositoryPassphraseIncorrect')).toBe(true);
    expect((await openRepository(localBackend(dir), { passphrase: 'the passphrase' })).id).toBe(repository.id);
  });

  it('opens an envelope stored before envelopes carried a digest', async () => {
    const { dir, repository, envelopePath } = await withPassphrase();
    const { digest, ...older } = JSON.parse(await readFile(envelopePath, 'utf8')) as Record<string, unknown>;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    await writeFile(envelopePath, JSON.stringify(older, null, 2));
    expect((await openRepository(localBackend(dir), { passphrase: 'the passphrase' })).id).toBe(repository.id);
    expect((await repository.verify()).problems).toEqual([]);
  });

  it("reports a damaged config as damage, not as 'another key'; verify names it", async () => {
    const { dir, masterKey, repository } = await withPassphrase();
    const configPath = join(dir, 'config');
    const sealed = await readFile(configPath);
    sealed[sealed.length >> 1] ^= 0x04;
    await writeFile(configPath, sealed);

    const byKey = await errorOf(openRepository(localBackend(dir), { masterKey }));
    expect(isDomainError(byKey, 'RepositoryCorrupt'), String(byKey)).toBe(true);
    expect((byKey as Error).message).toContain('config');
    expect((byKey as Error).message).toContain('damaged');
    const byPassphrase = await errorOf(openRepository(localBackend(dir), { passphrase: 'the passphrase' }));
    expect(isDomainError(byPassphrase, 'RepositoryCorrupt')).toBe(true);
    expect((byPassphrase as Error).message).toContain('config');
    // A key whose envelope is not stored here is another repository's key, damage or not.
    expect(isDomainError(await errorOf(openRepository(localBackend(dir), { masterKey: createMasterKey() })), 'RepositoryKeyMismatch')).toBe(true);

    const report = await repository.verify({ snapshotIds: [] });
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain('config config: it does not authenticate');
  });
});
