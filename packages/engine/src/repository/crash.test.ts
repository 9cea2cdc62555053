/**
 * Crash safety, as kopia's tests/recovery and restic's check tests do it: a child process backs
 * up (and sometimes prunes) and is killed with SIGKILL at a random moment, again and again;
 * after each kill the repository must verify, take a new backup that verifies, and restore it.
 *
 * The child runs the built engine (packages/engine/dist, with its worker threads), so this test
 * needs `npx tsc -b packages/engine/tsconfig.lib.json` first; the workspace's `npm test` builds
 * before it tests, and the test refuses a dist older than the sources.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupEntry } from '../api.js';
import { localBackend } from '../backend/local-backend.js';
import { assertBuilt, runChild } from '../test-support/crash-runs.js';
import { contentOf, entriesOf, filesUnder, logText, metadata, newRepository, random, restore, useTempDirs } from '../test-support/repositories.js';
import { openRepository } from './repository.js';

const tempDir = useTempDirs();
const MiB = 1024 * 1024;
const ITERATIONS = 10;

/** A fresh source directory: new random and text data, plus one file every iteration shares. */
async function writeSource(dir: string, shared: Buffer, iteration: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'shared.bin'), shared);
  await writeFile(join(dir, 'new.bin'), random(10 * MiB));
  await writeFile(join(dir, 'new.log'), logText(4 * MiB, iteration * 1_000_003));
  await writeFile(join(dir, 'small.txt'), `iteration ${iteration}\n`);
}

async function entriesFor(dir: string): Promise<{ entries: BackupEntry[]; files: Map<string, Buffer> }> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(join(dir, name)));
  const entries: BackupEntry[] = [...files].map(([path, data]) => ({ type: 'file', path, metadata: metadata(data.length), sparse: false, content: contentOf(data) }));
  return { entries, files };
}

const run = (args: readonly string[], killAfterMs: number | null) => runChild(args, killAfterMs === null ? {} : { killAfterMs });

describe('a backup killed at random moments', () => {
  it('leaves a repository that verifies, backs up again and restores', { timeout: 180_000 }, async () => {
    await assertBuilt();
    const work = await tempDir();
    const repositoryDir = join(work, 'repository');
    const { masterKey } = await newRepository(repositoryDir);
    const keyHex = Buffer.from(masterKey).toString('hex');
    const shared = random(4 * MiB);

    // A first run to completion measures how long a run takes, so that kills spread over it, and
    // has the child's worker threads verify what they wrote.
    await writeSource(join(work, 'source-0'), shared, 0);
    const first = await run([repositoryDir, join(work, 'source-0'), keyHex, 'verify'], null);
    expect(JSON.parse(first.output.split('\n')[0]) as unknown).toMatchObject({ ok: true, snapshotsChecked: 1, problems: [] });
    const runMs = first.ms;

    let killed = 0;
    for (let iteration = 1; iteration <= ITERATIONS; iteration++) {
      const source = join(work, `source-${iteration}`);
      await writeSource(source, shared, iteration);
      const mode = iteration % 3 === 0 ? 'prune' : 'backup';
      const delay = Math.round(runMs * (0.25 + Math.random() * (mode === 'prune' ? 1.25 : 0.85)));
      const { finished } = await run([repositoryDir, source, keyHex, mode], delay);
      if (!finished) killed += 1;

      const repository = await openRepository(localBackend(repositoryDir), { masterKey });
      const afterCrash = await repository.verify();
      expect(afterCrash.problems, `after a kill at ${delay} ms (iteration ${iteration}, ${mode})`).toEqual([]);

      const { entries, files } = await entriesFor(source);
      const summary = await repository.backup(entriesOf(entries), { parent: null, tags: { source } });
      expect((await repository.verify({ snapshotIds: [summary.id] })).problems).toEqual([]);
      const restored = await restore(repository, summary.id);
      for (const [name, data] of files) expect(restored.get(name)?.data?.equals(data), `${name} of iteration ${iteration}`).toBe(true);
    }
    // How many kills land before a run finishes depends on the machine's load; that some do is
    // what shows the checks above ran after real crashes.
    expect(killed).toBeGreaterThan(0);

    // Every snapshot left, the children's included, restores its own source.
    const repository = await openRepository(localBackend(repositoryDir), { masterKey });
    expect((await repository.verify()).ok).toBe(true);
    await repository.prune();
    expect(await repository.verify()).toMatchObject({ ok: true, unreferencedPacks: 0 });
    // Temporary files the kills left went with the prune.
    expect((await filesUnder(repositoryDir)).filter((file) => file.includes('.tmp-'))).toEqual([]);
    for (const snapshot of await repository.snapshots()) {
      const { files } = await entriesFor(snapshot.tags.source);
      const restored = await restore(repository, snapshot.id);
      for (const [name, data] of files) expect(restored.get(name)?.data?.equals(data), `${name} of ${snapshot.tags.source}`).toBe(true);
    }
  });
});
