/**
 * A restore killed with SIGKILL in the middle of a file: the file's final name holds either what
 * was there before or nothing, never part of the restored content, and the next restore into the
 * same place removes the killed one's temporary file and completes.
 *
 * The child runs the built plugin (dist/), so this test needs `npm run build` (or
 * `npx tsc -b packages/plugins/files/tsconfig.lib.json`) first; the workspace's `npm test` builds
 * before it tests, and the test refuses a dist older than the sources.
 */
import { fork } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntryMetadata, RecoveryPointReader } from '@dpmsh/sdk';
import { createTestContext } from '@dpmsh/sdk/testing';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir.js';
import { restoreTree } from './restore-tree.js';

const here = dirname(fileURLToPath(import.meta.url));
const child = join(here, '..', 'test-support', 'restore-child.mjs');
// Written by every build, unlike outputs that did not change.
const buildInfo = join(here, '..', '..', 'dist', '.tsbuildinfo');
const tempDir = useTempDirs();
const MiB = 1024 * 1024;
const SIZE = 32 * MiB;

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Runs the child until it has written half of the file, then kills it with SIGKILL. */
function restoreKilledHalfway(target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const process = fork(child, [target, String(SIZE)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let errors = '';
    process.stderr?.on('data', (data: Buffer) => (errors += data.toString()));
    process.on('message', (message) => {
      if (message === 'half written') process.kill('SIGKILL');
    });
    process.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`The restore child ended before it was killed (code ${code}): ${errors}`));
    });
  });
}

const metadata: EntryMetadata = { mode: 0o100644, uid: 0, gid: 0, size: SIZE, mtimeMs: 1_600_000_000_000, atimeMs: 1_600_000_000_000, ctimeMs: 0, inode: 0 };

/** The content the child restores: 1 MiB blocks of bytes 1, 2, 3... */
function content(): Buffer {
  return Buffer.concat(Array.from({ length: SIZE / MiB }, (_, block) => Buffer.alloc(MiB, block + 1)));
}

function readerOfBigFile(): RecoveryPointReader {
  return {
    recoveryPointId: 'rp',
    createdAt: new Date(),
    source: { id: 'x', name: 'x', kind: 'Folder', sizeEstimateBytes: SIZE },
    async *entries() {
      yield { type: 'file', path: 'big.bin', metadata, sparse: false, content: async function* () { yield content(); } };
    },
  };
}

describe('a restore killed in the middle of a file', () => {
  it('built plugin is current', async () => {
    if (!existsSync(buildInfo) || statSync(buildInfo).mtimeMs < (await newestSource(join(here, '..')))) {
      throw new Error('interrupted-restore.test.ts runs the built plugin: run `npx tsc -b packages/plugins/files/tsconfig.lib.json` from the workspace root first.');
    }
  });

  it('leaves no partial file at the final name, and the next restore removes its leftover', async () => {
    const target = await tempDir();
    await restoreKilledHalfway(target);
    const left = await readdir(target);
    // The kill came while the content was written: exactly one temporary file holds it.
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.dpmsh-restore-/);
    expect((await stat(join(target, left[0] ?? ''))).size).toBe(SIZE / 2);

    const result = await restoreTree(readerOfBigFile(), { target: { kind: 'alternate', path: target }, overwrite: 'fail' }, createTestContext());
    expect(result).toMatchObject({ restoredFiles: 1, restoredBytes: SIZE });
    expect(await readdir(target)).toEqual(['big.bin']);
    expect((await readFile(join(target, 'big.bin'))).equals(content())).toBe(true);
  });

  it('keeps the file that was at the final name until the restored one is complete', async () => {
    const target = await tempDir();
    await writeFile(join(target, 'big.bin'), 'the version before the restore');
    await restoreKilledHalfway(target);
    expect(await readFile(join(target, 'big.bin'), 'utf8')).toBe('the version before the restore');

    await restoreTree(readerOfBigFile(), { target: { kind: 'alternate', path: target }, overwrite: 'overwrite' }, createTestContext());
    expect(await readdir(target)).toEqual(['big.bin']);
    expect((await readFile(join(target, 'big.bin'))).equals(content())).toBe(true);
  });
});
