/**
 * A local user who can write in the restore target swaps its directories for links (or other
 * directories) while root restores there. The restore never follows a link it did not create and
 * never changes what it did not create or open at its place: the victim directory outside the
 * target keeps its contents, owner, permissions and times, and a restore that saw a swap says so
 * instead of reporting success.
 *
 * The deterministic cases swap at one chosen moment (the reader and the content it gives are the
 * hooks); the race has a child process swap directories in a tight loop during many restores.
 * Both run through /proc/self/fd and through the fallback that re-checks paths where /proc is missing.
 */
import { fork } from 'node:child_process';
import type { Stats } from 'node:fs';
import { chown, lstat, mkdir, readFile, readdir, rename, symlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntryMetadata, RecoveredEntry, RecoveryPointReader, RestoreResult } from '@dpmsh/sdk';
import { createTestContext } from '@dpmsh/sdk/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir.js';
import { restoreTree } from './restore-tree.js';

const here = dirname(fileURLToPath(import.meta.url));
const tempDir = useTempDirs();
const isRoot = process.getuid?.() === 0;
// Owners the restored entries and the victim carry, different from each other and from the tester.
const RESTORED_OWNER = 1234;
const VICTIM_OWNER = 4321;

function metadataOf(mode: number): EntryMetadata {
  return { mode, uid: RESTORED_OWNER, gid: RESTORED_OWNER, size: 0, mtimeMs: 2_000_000_000_000, atimeMs: 2_000_000_000_000, ctimeMs: 0, inode: 0 };
}

const directory = (path: string): RecoveredEntry => ({ type: 'directory', path, metadata: metadataOf(0o40777) });
const file = (path: string, content: () => AsyncIterable<Uint8Array> = async function* () { yield Buffer.from(`content of ${path}`); }): RecoveredEntry => ({
  type: 'file',
  path,
  metadata: metadataOf(0o100666),
  sparse: false,
  content,
});

function readerOf(entries: () => AsyncIterable<RecoveredEntry>): RecoveryPointReader {
  return { recoveryPointId: 'rp', createdAt: new Date(), source: { id: 'x', name: 'x', kind: 'Folder', sizeEstimateBytes: 0 }, entries };
}

/** A directory outside the target, with a file, an owner (when root), permissions and times of its own. */
async function victimDirectory(): Promise<string> {
  const victim = join(await tempDir(), 'victim');
  await mkdir(victim, { mode: 0o755 });
  await writeFile(join(victim, 'keep'), 'the victim’s own file', { mode: 0o640 });
  for (const path of [join(victim, 'keep'), victim]) {
    if (isRoot) await chown(path, VICTIM_OWNER, VICTIM_OWNER);
    await utimes(path, 1_000_000_000, 1_000_000_000);
  }
  return victim;
}

interface Snapshot {
  readonly victim: Stats;
  readonly keep: Stats;
}

const snapshot = async (victim: string): Promise<Snapshot> => ({ victim: await lstat(victim), keep: await lstat(join(victim, 'keep')) });

/** The victim as it was: nothing added, and no change of owner, mode or times (ctime moves on any of them). */
async function expectUntouched(victim: string, before: Snapshot): Promise<void> {
  const now = await snapshot(victim);
  for (const key of ['victim', 'keep'] as const) {
    const { mode, uid, gid, mtimeMs, ctimeMs, ino } = now[key];
    expect({ mode, uid, gid, mtimeMs, ctimeMs, ino }).toEqual({
      mode: before[key].mode,
      uid: before[key].uid,
      gid: before[key].gid,
      mtimeMs: before[key].mtimeMs,
      ctimeMs: before[key].ctimeMs,
      ino: before[key].ino,
    });
  }
  expect(await readdir(victim)).toEqual(['keep']);
  expect(await readFile(join(victim, 'keep'), 'utf8')).toBe('the victim’s own file');
}

/** Moves the target's `dir` aside and puts a link to `victim` at its name, as the attacker does. */
async function swapForLink(target: string, dir: string, victim: string): Promise<void> {
  await rename(join(target, dir), join(target, `${dir}.away`));
  await symlink(victim, join(target, dir));
}

/** What a restore ended with: its error, or its result when it succeeded (which these cases expect it not to). */
const caught = (restoring: Promise<RestoreResult>): Promise<unknown> => restoring.catch((error: unknown) => error);

const ACCESS = [
  { name: 'through /proc/self/fd', viaProc: true },
  { name: 'through paths re-checked before each use (no /proc)', viaProc: false },
] as const;

describe.each(ACCESS)('a directory swapped during a restore, $name', ({ viaProc }) => {
  const run = (target: string, entries: () => AsyncIterable<RecoveredEntry>): Promise<RestoreResult> =>
    restoreTree(readerOf(entries), { target: { kind: 'alternate', path: target }, overwrite: 'overwrite' }, createTestContext(), { viaProc });

  /** Restores what `entries` yields, `swap()` putting a link to the victim at 'd' when it chooses; the victim stays untouched and the restore says so. */
  async function expectLinkSwapReported(entries: (swap: () => Promise<void>) => AsyncIterable<RecoveredEntry>): Promise<void> {
    const victim = await victimDirectory();
    const before = await snapshot(victim);
    const target = await tempDir();
    const outcome = await caught(run(target, () => entries(() => swapForLink(target, 'd', victim))));
    await expectUntouched(victim, before);
    expect(outcome).toMatchObject({ errorId: 'RestoreTargetChanged' });
  }

  it('for a link before an entry inside it: nothing is written through the link, and the restore says so', async () => {
    await expectLinkSwapReported(async function* (swap) {
      yield directory('d');
      yield file('d/a');
      await swap();
      yield file('d/b');
      yield directory('d/sub');
      yield file('d/sub/c');
    });
  });

  it('for a link while a file inside it is written: the file does not land through the link', async () => {
    await expectLinkSwapReported(async function* (swap) {
      yield directory('d');
      yield file('d/a', async function* () {
        yield Buffer.from('first half, ');
        await swap();
        yield Buffer.from('second half');
      });
    });
  });

  it('for a link before the permissions and times of directories are set: they are not set through the link', async () => {
    await expectLinkSwapReported(async function* (swap) {
      yield directory('d');
      yield file('d/a');
      yield directory('d/sub');
      yield file('d/sub/b');
      // After the last entry: the restore then sets the directories' owners, permissions and times.
      await swap();
    });
  });

  it('for another directory moved in at its name: nothing is written into it and its metadata stays', async () => {
    // The victim must move on the same file system, so it starts beside the target.
    const victim = await victimDirectory();
    const target = await tempDir();
    let before: Snapshot | undefined;
    const outcome = await caught(run(target, async function* () {
      yield directory('d');
      yield file('d/a');
      await rename(join(target, 'd'), join(target, 'd.away'));
      await rename(victim, join(target, 'd'));
      // Moving a directory changes its times: compared from here on.
      before = await snapshot(join(target, 'd'));
      yield file('d/b');
      yield directory('d/sub');
    }));
    await expectUntouched(join(target, 'd'), before ?? (await snapshot(victim)));
    expect(outcome).toMatchObject({ errorId: 'RestoreTargetChanged' });
  });

  it('for another directory renamed over the empty one the restore just created: nothing is written into either', async () => {
    const target = await tempDir();
    const other = join(target, 'other');
    await mkdir(other);
    await writeFile(join(other, 'own'), 'its own file');
    const outcome = await caught(run(target, async function* () {
      yield directory('d');
      // Replaces the restore's empty directory, which the restore still holds open.
      await rename(other, join(target, 'd'));
      yield file('d/a');
      yield directory('d/sub');
    }));
    expect(await readdir(join(target, 'd'))).toEqual(['own']);
    expect(outcome).toMatchObject({ errorId: 'RestoreTargetChanged' });
  });

  it('for a link where a merged directory stood: it is not opened through the link', async () => {
    const victim = await victimDirectory();
    const before = await snapshot(victim);
    const target = await tempDir();
    await mkdir(join(target, 'd'));
    await mkdir(join(target, 'd/sub'));
    const outcome = await caught(run(target, async function* () {
      yield directory('d');
      await swapForLink(join(target, 'd'), 'sub', victim);
      yield file('d/sub/x');
    }));
    await expectUntouched(victim, before);
    expect(outcome).toMatchObject({ errorId: expect.stringMatching(/^Restore(TargetChanged|OutsideTarget)$/) as unknown });
  });
});

/** A tree of thousands of small files in nested directories: d/e<i>/f<j>/file<k>. */
const WIDTH = 8;
const FILES = 24;
const treeDirectories = ['d', ...Array.from({ length: WIDTH }, (_, i) => [`d/e${i}`, ...Array.from({ length: WIDTH }, (_, j) => `d/e${i}/f${j}`)]).flat()];
const treeFiles = treeDirectories.filter((dir) => dir.split('/').length === 3).flatMap((dir) => Array.from({ length: FILES }, (_, k) => `${dir}/file${k}`));

async function* tree(): AsyncIterable<RecoveredEntry> {
  for (const dir of treeDirectories) {
    yield directory(dir);
    if (dir.split('/').length === 3) for (let k = 0; k < FILES; k++) yield file(`${dir}/file${k}`);
  }
}

/** The swapping child process, driven round by round. */
class Attacker {
  private readonly child;

  constructor(victim: string) {
    this.child = fork(join(here, '..', 'test-support', 'swap-child.mjs'), [victim], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  }

  private next(type: string): Promise<{ swaps: number }> {
    return new Promise((resolve) => {
      const listener = (message: { type: string; swaps: number }): void => {
        if (message.type !== type) return;
        this.child.off('message', listener);
        resolve(message);
      };
      this.child.on('message', listener);
    });
  }

  async start(target: string, dirs: readonly string[]): Promise<void> {
    const started = this.next('started');
    this.child.send({ type: 'start', target, dirs });
    await started;
  }

  /** Stops swapping and puts the directories back; resolves with the number of swaps made. */
  async stop(): Promise<number> {
    const stopped = this.next('stopped');
    this.child.send({ type: 'stop' });
    return (await stopped).swaps;
  }

  exit(): void {
    this.child.send({ type: 'exit' });
  }
}

// Without /proc the fallback narrows the window to the moment between a check and its use, but
// cannot close it: that mode is proven by the deterministic cases above, not raced.
describe('restores raced by a process swapping directories for links, through /proc/self/fd', () => {
  const viaProc = true;
  let attacker: Attacker | undefined;
  afterAll(() => attacker?.exit());

  it('never writes into the victim or changes it, and each restore is exact or reports the swap', { timeout: 600_000 }, async () => {
    const victim = await victimDirectory();
    const before = await snapshot(victim);
    attacker = new Attacker(victim);
    const outcomes = { exact: 0, reported: 0, swaps: 0 };
    const ROUNDS = 30;
    let target = '';
    for (let round = 0; round < ROUNDS; round++) {
      // Every other round restores over the tree of the round before, merging into its directories.
      if (round % 2 === 0) target = await tempDir();
      await attacker.start(target, treeDirectories);
      const outcome = await restoreTree(readerOf(tree), { target: { kind: 'alternate', path: target }, overwrite: 'overwrite' }, createTestContext(), { viaProc }).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      outcomes.swaps += await attacker.stop();
      if ('error' in outcome) {
        expect(outcome.error, `round ${round}: ${String(outcome.error)}`).toMatchObject({ errorId: expect.stringMatching(/^Restore(TargetChanged|OutsideTarget)$/) as unknown });
        outcomes.reported++;
      } else {
        expect(outcome.result).toMatchObject({ restoredFiles: treeFiles.length, restoredDirectories: treeDirectories.length });
        for (const path of treeFiles) expect(await readFile(join(target, path), 'utf8')).toBe(`content of ${path}`);
        outcomes.exact++;
      }
      await expectUntouched(victim, before);
    }
    expect(outcomes.exact + outcomes.reported).toBe(ROUNDS);
    expect(outcomes.swaps).toBeGreaterThan(0);
    console.log(`restore race: ${outcomes.exact} exact, ${outcomes.reported} reported a swap, ${outcomes.swaps} swaps`);
  });
});
