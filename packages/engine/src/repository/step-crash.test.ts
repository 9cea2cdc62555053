/**
 * Crash safety at every step boundary: for backup, forget, prune, repairIndex, reclaim and
 * replicate, a clean run of the child under DPMSH_TEST_STEP_TRACE lists the steps it reaches;
 * then the child is killed (SIGKILL) at each of them in turn. After every kill the repository
 * verifies, every snapshot restores exactly what it backed up, the interrupted operation run
 * again completes, and after the last a reclaim leaves no temporary file and no unlisted pack.
 *
 * Like crash.test.ts, it runs the built engine (dist/); the workspace's `npm test` builds first.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupEntry, MasterKey, Repository } from '../api.js';
import { localBackend } from '../backend/local-backend.js';
import { packObjectName } from '../format/pack-format.js';
import { assertBuilt, runChild } from '../test-support/crash-runs.js';
import { contentOf, entriesOf, fakeEnvelope, filesUnder, logText, metadata, newRepository, random, restore, useTempDirs } from '../test-support/repositories.js';
import { initRepository, openRepository } from './repository.js';

const tempDir = useTempDirs();
const KiB = 1024;
const TIMEOUT = 600_000;

interface Scene {
  readonly work: string;
  readonly repositoryDir: string;
  readonly masterKey: MasterKey;
  readonly keyHex: string;
  sources: number;
}

async function scene(): Promise<Scene> {
  await assertBuilt();
  const work = await tempDir();
  const repositoryDir = join(work, 'repository');
  const { masterKey } = await newRepository(repositoryDir);
  return { work, repositoryDir, masterKey, keyHex: Buffer.from(masterKey).toString('hex'), sources: 0 };
}

/** A new source directory: a file shared by all, new random and text data. */
async function newSource(scene: Scene): Promise<string> {
  const dir = join(scene.work, `source-${scene.sources++}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'shared.bin'), Buffer.alloc(300 * KiB, 7));
  await writeFile(join(dir, 'new.bin'), random(600 * KiB));
  await writeFile(join(dir, 'new.log'), logText(200 * KiB, scene.sources * 7919));
  return dir;
}

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(join(dir, name)));
  return files;
}

/** Backs a new source up in this process (the child's kills are what is under test, not this). */
async function backUpNew(scene: Scene, repository?: Repository): Promise<string> {
  const source = await newSource(scene);
  const files = await filesOf(source);
  const entries: BackupEntry[] = [...files].map(([path, data]) => ({ type: 'file', path, metadata: metadata(data.length), sparse: false, content: contentOf(data) }));
  const target = repository ?? (await openRepository(localBackend(scene.repositoryDir), { masterKey: scene.masterKey }, { workers: 0 }));
  return (await target.backup(entriesOf(entries), { parent: null, tags: { source } })).id;
}

/** Verify is clean and every snapshot gives back exactly the files of its source. */
async function expectSound(dir: string, masterKey: MasterKey, when: string): Promise<void> {
  const repository = await openRepository(localBackend(dir), { masterKey }, { workers: 0 });
  const report = await repository.verify();
  expect(report.problems, when).toEqual([]);
  for (const snapshot of await repository.snapshots()) {
    const files = await filesOf(snapshot.tags.source);
    const restored = await restore(repository, snapshot.id);
    expect([...restored.keys()].sort(), when).toEqual([...files.keys()].sort());
    for (const [name, data] of files) expect(restored.get(name)?.data?.equals(data), `${name} of ${snapshot.tags.source}, ${when}`).toBe(true);
  }
}

/** The distinct steps a clean run reaches, in order. */
async function stepsOf(args: readonly string[], work: string): Promise<string[]> {
  const trace = join(work, `trace-${Math.random().toString(16).slice(2)}`);
  await writeFile(trace, '');
  const run = await runChild(args, { env: { DPMSH_TEST_STEP_TRACE: trace } });
  expect(run.finished).toBe(true);
  return [...new Set((await readFile(trace, 'utf8')).split('\n').filter((line) => line !== ''))];
}

/** After the last kill: a reclaim leaves no temporary file and no unlisted pack, and everything is still sound. */
async function expectNoLeftovers(dir: string, masterKey: MasterKey): Promise<void> {
  const repository = await openRepository(localBackend(dir), { masterKey }, { workers: 0 });
  await repository.prune();
  await repository.reclaim();
  expect((await filesUnder(dir)).filter((file) => file.includes('.tmp-'))).toEqual([]);
  expect(await repository.verify()).toMatchObject({ ok: true, unreferencedPacks: 0 });
  await expectSound(dir, masterKey, 'after the final prune and reclaim');
}

/**
 * For each step of the operation: prepare, kill the child there, check, run the operation again
 * to its end; check once more after the last. `prepare` returns the child's arguments for this round.
 */
async function killAtEveryStep(scene: Scene, prefix: string, prepare: () => Promise<string[]>, check: (when: string) => Promise<void>): Promise<string[]> {
  const steps = await stepsOf(await prepare(), scene.work);
  const own = steps.filter((step) => step.startsWith(`${prefix}:`));
  expect(own.length, `steps of ${prefix}: ${steps.join(', ')}`).toBeGreaterThan(0);
  await check(`after a clean ${prefix}`);
  for (const step of own) {
    const args = await prepare();
    const killed = await runChild(args, { env: { DPMSH_TEST_KILL_AT: step } });
    expect(killed.finished, `killed at ${step}`).toBe(false);
    await check(`after a kill at ${step}`);
    // What the completed run left is checked by the next round's kill check, and by the final one.
    expect((await runChild(args)).finished, `${prefix} again after a kill at ${step}`).toBe(true);
  }
  await check(`after ${prefix} completed, following the last kill`);
  return own;
}

describe('operations killed at every step boundary', () => {
  it('backup', { timeout: TIMEOUT }, async () => {
    const s = await scene();
    await backUpNew(s);
    const steps = await killAtEveryStep(s, 'backup', async () => [s.repositoryDir, await newSource(s), s.keyHex, 'backup'], (when) => expectSound(s.repositoryDir, s.masterKey, when));
    expect(steps).toEqual(expect.arrayContaining(['backup:packs-written', 'backup:index-written', 'backup:snapshot-written']));
    await expectNoLeftovers(s.repositoryDir, s.masterKey);
  });

  it('forget, which is done for a snapshot already gone', { timeout: TIMEOUT }, async () => {
    const s = await scene();
    const steps = await killAtEveryStep(
      s,
      'forget',
      async () => [s.repositoryDir, '', s.keyHex, 'forget', `${await backUpNew(s)},${await backUpNew(s)}`],
      (when) => expectSound(s.repositoryDir, s.masterKey, when),
    );
    expect(steps).toEqual(['forget:snapshot-deleted']);
    // Killed after the first of two: the rerun found it gone and completed; both are gone now.
    expect(await (await openRepository(localBackend(s.repositoryDir), { masterKey: s.masterKey })).snapshots()).toHaveLength(0);
    await expectNoLeftovers(s.repositoryDir, s.masterKey);
  });

  it('prune', { timeout: TIMEOUT }, async () => {
    const s = await scene();
    for (let i = 0; i < 3; i++) await backUpNew(s);
    const prepare = async (): Promise<string[]> => {
      // Something to remove and something to rewrite: the oldest snapshot goes, a new one comes.
      const repository = await openRepository(localBackend(s.repositoryDir), { masterKey: s.masterKey }, { workers: 0 });
      await backUpNew(s, repository);
      await repository.forget([(await repository.snapshots())[0].id]);
      return [s.repositoryDir, '', s.keyHex, 'prune-only'];
    };
    const steps = await killAtEveryStep(s, 'prune', prepare, (when) => expectSound(s.repositoryDir, s.masterKey, when));
    expect(steps).toEqual(expect.arrayContaining(['prune:new-index-written', 'prune:index-object-deleted', 'prune:old-index-deleted', 'prune:pack-deleted', 'prune:old-packs-deleted']));
    await expectNoLeftovers(s.repositoryDir, s.masterKey);
  });

  it('repairIndex', { timeout: TIMEOUT }, async () => {
    const s = await scene();
    const prepare = async (): Promise<string[]> => {
      // Two new index objects each round, so there are old ones to replace.
      await backUpNew(s);
      await backUpNew(s);
      return [s.repositoryDir, '', s.keyHex, 'repair-index'];
    };
    const steps = await killAtEveryStep(s, 'repair-index', prepare, (when) => expectSound(s.repositoryDir, s.masterKey, when));
    expect(steps).toEqual(['repair-index:index-object-written', 'repair-index:new-index-written', 'repair-index:index-object-deleted', 'repair-index:old-index-deleted']);
    await expectNoLeftovers(s.repositoryDir, s.masterKey);
  });

  it('reclaim', { timeout: TIMEOUT }, async () => {
    const s = await scene();
    await backUpNew(s);
    const backend = localBackend(s.repositoryDir);
    const prepare = async (): Promise<string[]> => {
      // A temporary file of a writer that is gone (no pid is that high), and a pack no index lists.
      const orphan = random(3000);
      await backend.write(packObjectName(createHash('sha256').update(orphan).digest('hex')), orphan);
      await mkdir(join(s.repositoryDir, 'index'), { recursive: true });
      await writeFile(join(s.repositoryDir, 'index', `.tmp-999999999-${Math.random().toString(16).slice(2, 8)}`), random(100));
      return [s.repositoryDir, '', s.keyHex, 'reclaim'];
    };
    const steps = await killAtEveryStep(s, 'reclaim', prepare, (when) => expectSound(s.repositoryDir, s.masterKey, when));
    expect(steps).toEqual(['reclaim:temporaries-removed', 'reclaim:pack-deleted', 'reclaim:orphans-deleted']);
    await expectNoLeftovers(s.repositoryDir, s.masterKey);
  });

  it('replicate', { timeout: TIMEOUT }, async () => {
    const s = await scene();
    const targetDir = join(s.work, 'target');
    await initRepository(localBackend(targetDir), { masterKey: s.masterKey, envelope: fakeEnvelope(s.masterKey) });
    const prepare = async (): Promise<string[]> => {
      await backUpNew(s);
      return [s.repositoryDir, '', s.keyHex, 'replicate', targetDir];
    };
    const check = async (when: string): Promise<void> => {
      await expectSound(s.repositoryDir, s.masterKey, when);
      await expectSound(targetDir, s.masterKey, `${when} (the target)`);
    };
    const steps = await killAtEveryStep(s, 'replicate', prepare, check);
    expect(steps).toEqual(['replicate:packs-written', 'replicate:index-written', 'replicate:snapshot-written']);
    await expectNoLeftovers(targetDir, s.masterKey);
  });
});
