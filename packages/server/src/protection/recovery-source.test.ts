/** The recovery folder after a restore from the vault was killed: its staging copy goes with the next restore. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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

it("removes the staging copies of restores whose process is gone, and leaves a live one's", async () => {
  const data = folder(f.dir, 'data');
  writeFileSync(join(data, 'a.txt'), 'alpha\n');
  await register(f);
  await f.server.addDisk(folder(f.dir, 'disk1'));
  const id = await protectFolder(f, data, { online: true });
  const online = await f.server.backupNow(id, { location: 'Online' });

  const recovery = join(f.dir, 'recovery');
  const gone = spawnSync(process.execPath, ['-e', '0']).pid;
  for (const name of [`dpmsh-restore-${gone}-killed`, `dpmsh-restore-${process.pid}-in-use`, 'dpmsh-restore-made-by-an-older-version', 'not-ours']) {
    mkdirSync(join(recovery, name, 'data'), { recursive: true });
    writeFileSync(join(recovery, name, 'data', 'pack'), 'x');
  }
  await f.server.restore(online.recoveryPoint.id, { options: { target: { alternatePath: join(f.dir, 'out') }, overwrite: 'fail' } });
  expect(readdirSync(recovery).sort()).toEqual([`dpmsh-restore-${process.pid}-in-use`, 'not-ours']);
});
