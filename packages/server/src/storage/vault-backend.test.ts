/** The vault as the engine's backend: objects in the server's store, a missing one as ENOENT. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ProtectionServer } from '../server.js';
import { vaultBackend } from './vault-backend.js';

let dir: string;
let server: ProtectionServer;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dpmsh-vault-backend-'));
  server = await ProtectionServer.open({ home: join(dir, 'home'), serverName: 'dpm01' });
  await server.createVault({ name: 'v1', location: 'westus' });
  const file = await server.issueCredentials('v1', dir);
  await server.register({ credentialsPath: file.filePath });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('stores, lists, reads and deletes objects of the registered server', async () => {
  const backend = vaultBackend(server.vault, server.serverId, 'v1');
  expect(backend.location).toBe('vault v1');
  await backend.write('data/ab/abcdef', new TextEncoder().encode('pack'));
  await backend.write('snapshots/s1', (async function* () {
    yield new TextEncoder().encode('snap');
    yield new TextEncoder().encode('shot');
  })());
  expect((await backend.list('data/')).sort()).toEqual(['data/ab/abcdef']);
  expect(new TextDecoder().decode(await backend.read('snapshots/s1'))).toBe('snapshot');
  await backend.delete('data/ab/abcdef');
  await backend.delete('data/ab/abcdef');
  await expect(backend.read('data/ab/abcdef')).rejects.toMatchObject({ code: 'ENOENT' });
});
