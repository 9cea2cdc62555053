/** The plugin's consistency hooks run around every backup, and thaw runs even when the backup fails. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { expectDomainError, folder, openFixture, register, type Fixture } from '../test-support/fixture.js';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
});

/** A plugin module that logs its hooks to a file; the data source 'bad' fails while it is read. */
function writeHookPlugin(dir: string): string {
  const log = join(dir, 'hooks.log');
  const path = join(dir, 'hook-plugin.mjs');
  const meta = '{ mode: 0o100644, uid: 0, gid: 0, size: 2, mtimeMs: 0, atimeMs: 0, ctimeMs: 0, inode: 1 }';
  writeFileSync(
    path,
    `import { appendFileSync } from 'node:fs';
const note = (what) => appendFileSync(${JSON.stringify(log)}, what + '\\n');
const source = (id) => ({ id, name: id, kind: 'Synthetic', sizeEstimateBytes: 2 });
export default {
  kind: 'dpmsh-workload-plugin', apiVersion: 1, name: 'hooks', workload: 'Synthetic', version: '1.0.0',
  async discover() { return [source('good'), source('bad')]; },
  async resolve(id) { return source(id); },
  consistency: {
    async prepare(s) { note('prepare ' + s.id); },
    async freeze(s) { note('freeze ' + s.id); },
    async thaw(s) { note('thaw ' + s.id); },
  },
  async *backup(s) {
    note('read ' + s.id);
    if (s.id === 'bad') throw new Error('the database went away');
    yield { type: 'file', path: 'a', metadata: ${meta}, sparse: false, content: async function* () { yield new Uint8Array([104, 105]); } };
  },
  async restore() { return { restoredFiles: 0, restoredDirectories: 0, restoredBytes: 0, skipped: 0 }; },
};
`,
  );
  return path;
}

it('prepares, freezes, reads and thaws, and thaws after a failed backup too', async () => {
  f = await openFixture({ plugins: (dir) => [writeHookPlugin(dir)] });
  await register(f);
  await f.server.addDisk(folder(f.dir, 'disk1'));
  const { groups, datasources } = f.server;
  const draft = groups.create('Synthetic');
  const good = await datasources.find({ plugin: 'hooks', sourceId: 'good' });
  const bad = await datasources.find({ plugin: 'hooks', sourceId: 'bad' });
  groups.addMember(draft.draftId, good, false);
  groups.addMember(draft.draftId, bad, false);
  await groups.commit(draft.draftId);

  expect((await f.server.backupNow(good.datasourceId, { location: 'Disk' })).recoveryPoint.files).toBe(1);
  await expect(f.server.backupNow(bad.datasourceId, { location: 'Disk' })).rejects.toThrow('the database went away');
  expect(readFileSync(join(f.dir, 'hooks.log'), 'utf8').trim().split('\n')).toEqual([
    'prepare good',
    'freeze good',
    'read good',
    'thaw good',
    'prepare bad',
    'freeze bad',
    'read bad',
    'thaw bad',
  ]);
  const failed = f.server.jobs({ status: 'Failed' });
  expect(failed).toMatchObject([{ type: 'Backup', datasourceName: 'bad', errorMessage: 'the database went away' }]);
  expect(f.server.recoveryPoints({ datasourceId: bad.datasourceId })).toEqual([]);
  await expectDomainError(f.server.backupNow('no-such-datasource', { location: 'Disk' }), 'DatasourceNotProtected');
});
