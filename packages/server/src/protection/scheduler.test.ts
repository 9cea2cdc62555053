/** The scheduler runs what is due, once, and again when the frequency has passed. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { folder, openFixture, protectFolder, register, type Fixture } from '../test-support/fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(async () => {
  await f.close();
});

it('runs a due protection group once, then when its frequency has passed, and online daily', async () => {
  await register(f);
  const data = folder(f.dir, 'data');
  writeFileSync(join(data, 'a.txt'), 'alpha\n');
  await f.server.addDisk(folder(f.dir, 'disk1'));
  const id = await protectFolder(f, data, { online: true, frequency: 60 });

  const first = await f.server.runDueBackups(f.now());
  expect(first.map((r) => [r.location, r.status])).toEqual([
    ['Disk', 'Succeeded'],
    ['Online', 'Succeeded'],
  ]);
  expect(first[0]?.recoveryPoint?.backupType).toBe('ExpressFull');
  expect(await f.server.runDueBackups(f.now())).toEqual([]);

  f.advance(59 * 60_000);
  expect(await f.server.runDueBackups(f.now())).toEqual([]);
  f.advance(60_000);
  const hourly = await f.server.runDueBackups(f.now());
  expect(hourly.map((r) => [r.location, r.status, r.recoveryPoint?.backupType])).toEqual([['Disk', 'Succeeded', 'Incremental']]);

  f.advance(24 * 3_600_000);
  expect((await f.server.runDueBackups(f.now())).map((r) => r.location)).toEqual(['Disk', 'Online']);
  expect(f.server.recoveryPoints({ datasourceId: id, location: 'Online' })).toHaveLength(2);
});

it('reports a backup the state table stops, and runs it once the subscription is active again', async () => {
  await register(f);
  const data = folder(f.dir, 'data');
  writeFileSync(join(data, 'a.txt'), 'alpha\n');
  await f.server.addDisk(folder(f.dir, 'disk1'));
  await protectFolder(f, data);
  await f.server.setSubscriptionState('Expired');
  const runs = await f.server.runDueBackups(f.now());
  expect(runs).toMatchObject([{ location: 'Disk', status: 'Failed', errorId: 'SubscriptionExpired' }]);
  await f.server.setSubscriptionState('Active');
  expect((await f.server.runDueBackups(f.now())).map((r) => r.status)).toEqual(['Succeeded']);
});
