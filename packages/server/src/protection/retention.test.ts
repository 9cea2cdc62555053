/**
 * Retention after a crash: the states a process killed inside retention (or inside a backup, after
 * its snapshot and before its recovery point) leaves behind, made directly in the repository and
 * the catalog, and the next backup's retention putting catalog and storage back in step.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localBackend, openRepository, type Repository } from '@dpmsh/engine';
import { KeyStore } from '../keys/key-store.js';
import { DISK_REPOSITORY_FOLDER } from '../storage/repositories.js';
import { folder, openFixture, register, type Fixture } from '../test-support/fixture.js';

const DAY = 86_400_000;
let f: Fixture;
let datasourceId: string;
beforeEach(async () => {
  f = await openFixture();
  const data = folder(f.dir, 'data');
  writeFileSync(join(data, 'a.txt'), 'alpha\n');
  await register(f);
  await f.server.addDisk(folder(f.dir, 'disk1'));
  const { groups, datasources } = f.server;
  const ds = await datasources.resolve(data);
  const draft = groups.create('Short');
  groups.addMember(draft.draftId, ds, true);
  groups.setProtectionType(draft.draftId, 'Disk', 'Online');
  groups.setPolicy(draft.draftId, { retentionDays: 1, onlineRetentionDays: 1 });
  await groups.commit(draft.draftId);
  datasourceId = ds.datasourceId;
});
afterEach(async () => {
  await f.close();
});

async function diskRepository(): Promise<Repository> {
  const keys = await new KeyStore(f.home).read();
  if (!keys) throw new Error('the fixture has no key');
  return openRepository(localBackend(join(f.dir, 'disk1', DISK_REPOSITORY_FOLDER)), { masterKey: keys.masterKey });
}

/** Removes a recovery point's row as a crash after retention's catalog step would have. */
function deleteRow(id: string): void {
  const db = new Database(join(f.home, 'catalog.db'));
  try {
    db.prepare('DELETE FROM recovery_point WHERE id = ?').run(id);
  } finally {
    db.close();
  }
}

describe('retention after a crash', () => {
  it('forgets and prunes a snapshot whose recovery point is gone from the catalog', async () => {
    const old = await f.server.backupNow(datasourceId, { location: 'Disk', backupType: 'ExpressFull' });
    f.advance(60_000);
    const kept = await f.server.backupNow(datasourceId, { location: 'Disk' });
    deleteRow(old.recoveryPoint.id);
    f.advance(60_000);
    const warnings: string[] = [];
    const next = await f.server.backupNow(datasourceId, { location: 'Disk', warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    const stored = (await (await diskRepository()).snapshots()).map((s) => s.id).sort();
    expect(stored).toEqual([kept.recoveryPoint.snapshotId, next.recoveryPoint.snapshotId].sort());
    expect(f.server.recoveryPoints({ datasourceId }).map((p) => p.id)).toEqual([kept.recoveryPoint.id, next.recoveryPoint.id]);
  });

  it('lets a point go whose snapshot is already forgotten, and goes on pruning afterwards', async () => {
    const old = await f.server.backupNow(datasourceId, { location: 'Disk', backupType: 'ExpressFull' });
    await (await diskRepository()).forget([old.recoveryPoint.snapshotId]);
    f.advance(2 * DAY);
    const warnings: string[] = [];
    // What a crash between forget and the catalog's update left, before retention was reordered.
    const fresh = await f.server.backupNow(datasourceId, { location: 'Disk', backupType: 'ExpressFull', warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    expect(f.server.recoveryPoints({ datasourceId }).map((p) => p.id)).toEqual([fresh.recoveryPoint.id]);

    f.advance(2 * DAY);
    const third = await f.server.backupNow(datasourceId, { location: 'Disk', warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    expect((await (await diskRepository()).snapshots()).map((s) => s.id)).toEqual([third.recoveryPoint.snapshotId]);
    expect((await f.server.verify(third.recoveryPoint.id)).ok).toBe(true);
  });

  it("removes the vault's entry and snapshot of an online point the catalog never recorded", async () => {
    const first = await f.server.backupNow(datasourceId, { location: 'Online' });
    deleteRow(first.recoveryPoint.id);
    f.advance(60_000);
    const second = await f.server.backupNow(datasourceId, { location: 'Online' });
    expect((await f.server.vault.listRecoveryPoints(f.server.serverId)).map((p) => p.recoveryPointId)).toEqual([second.recoveryPoint.id]);
    expect(f.server.recoveryPoints({ datasourceId, location: 'Online' }).map((p) => p.id)).toEqual([second.recoveryPoint.id]);
    expect(await f.server.vault.listObjects(f.server.serverId, 'snapshots/')).toHaveLength(1);
    expect((await f.server.verify(second.recoveryPoint.id)).ok).toBe(true);
  });
});
