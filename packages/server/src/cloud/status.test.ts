/**
 * The cloud state as operations see it: a deprovisioned subscription stops reading disk points
 * (browsing and verifying, like restoring) and drops the online points whose data the vault
 * deleted; a vault that does not answer leaves the state Unknown, which stops backups.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedVault, type VaultClient } from '@dpmsh/vault';
import { expectDomainError, folder, openFixture, protectFolder, register, type Fixture } from '../test-support/fixture.js';

let f: Fixture;
let datasourceId: string;
afterEach(async () => {
  await f.close();
});

async function protectedServer(vault?: (home: string) => Promise<VaultClient>): Promise<void> {
  f = await openFixture(vault ? { vault } : {});
  const data = folder(f.dir, 'data');
  writeFileSync(join(data, 'a.txt'), 'alpha\n');
  await register(f);
  await f.server.addDisk(folder(f.dir, 'disk1'));
  datasourceId = await protectFolder(f, data, { online: true });
}

describe('a deprovisioned subscription', () => {
  beforeEach(async () => {
    await protectedServer();
  });

  it('refuses browsing and verifying disk points, as it refuses restoring them', async () => {
    await f.server.backupNow(datasourceId, { location: 'Online' });
    const disk = f.server.recoveryPoints({ datasourceId, location: 'Disk' })[0]?.id ?? '';
    await f.server.setSubscriptionState('Deprovisioned');
    await expectDomainError(f.server.recoverableItems(disk), 'SubscriptionDeprovisioned');
    await expectDomainError(f.server.verify(disk), 'SubscriptionDeprovisioned');
    expect(f.server.jobs({ type: 'Verify' })).toEqual([]);

    // Active again: the data on disk is there to read, as the seed says.
    await f.server.setSubscriptionState('Active');
    expect((await f.server.recoverableItems(disk)).map((i) => i.path)).toEqual(['a.txt']);
    expect((await f.server.verify(disk)).ok).toBe(true);
  });

  it('drops the online points whose data the vault deleted, and keeps those copied after', async () => {
    const before = await f.server.backupNow(datasourceId, { location: 'Online' });
    await f.server.setSubscriptionState('Deprovisioned');
    expect((await f.server.cloudStatus()).operations.vaultRecoveryPointsDeleted).toBe(true);
    expect(f.server.recoveryPoints({ location: 'Online' })).toEqual([]);
    expect(f.server.recoveryPoints({ location: 'Disk' })).toHaveLength(1);

    await f.server.setSubscriptionState('Active');
    f.advance(60_000);
    const after = await f.server.backupNow(datasourceId, { location: 'Online' });
    expect(after.recoveryPoint.id).not.toBe(before.recoveryPoint.id);
    await f.server.cloudStatus();
    expect(f.server.recoveryPoints({ location: 'Online' }).map((p) => p.id)).toEqual([after.recoveryPoint.id]);
    const restored = await f.server.restore(after.recoveryPoint.id, { options: { target: { alternatePath: join(f.dir, 'out') }, overwrite: 'fail' } });
    expect(restored.result.restoredFiles).toBe(1);
  });
});

describe('a vault that does not answer', () => {
  let answering = true;
  beforeEach(async () => {
    answering = true;
    await protectedServer(async (home) => silenced(await createEmbeddedVault(join(home, 'vault')), () => answering));
  });

  it('leaves the subscription state Unknown, with a warning, and stops backups but not restores from disk', async () => {
    const done = await f.server.backupNow(datasourceId, { location: 'Disk' });
    answering = false;
    const status = await f.server.cloudStatus();
    expect(status).toMatchObject({ connected: false, connectivity: 'Connected', subscriptionState: 'Unknown' });
    expect(status.operations).toMatchObject({ backupToDisk: 'Stopped', backupToVault: 'Stopped', restoreFromDisk: 'Allowed' });
    expect(status.warnings).toHaveLength(1);
    expect(status.warnings[0]).toContain('did not answer');
    await expectDomainError(f.server.backupNow(datasourceId, { location: 'Disk' }), 'SubscriptionStateUnknown');
    await expectDomainError(f.server.backupNow(datasourceId, { location: 'Online' }), 'SubscriptionStateUnknown');
    const restored = await f.server.restore(done.recoveryPoint.id, { options: { target: { alternatePath: join(f.dir, 'out') }, overwrite: 'fail' } });
    expect(restored.result.restoredFiles).toBe(1);

    answering = true;
    expect((await f.server.cloudStatus()).subscriptionState).toBe('Active');
    expect((await f.server.backupNow(datasourceId, { location: 'Disk' })).job.status).toBe('Succeeded');
  });
});

/** The vault client, except that while `answering()` is false its calls fail as a lost network does. */
function silenced(vault: VaultClient, answering: () => boolean): VaultClient {
  return new Proxy(vault, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        if (!answering()) return Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

