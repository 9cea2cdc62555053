import { open, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runRoundTrip } from '@dpmsh/sdk/testing';
import { describe, expect, it } from 'vitest';
import { filesPlugin } from './index.js';
import { useTempDirs } from './test-support/temp-dir.js';

const tempDir = useTempDirs();
const MiB = 1 << 20;

/** True when the file system of `dir` leaves holes unallocated. */
async function supportsHoles(dir: string): Promise<boolean> {
  const probe = join(dir, 'probe');
  await writeFile(probe, '');
  const handle = await open(probe, 'r+');
  await handle.truncate(8 * MiB);
  await handle.close();
  return (await stat(probe)).blocks * 512 < 8 * MiB;
}

/** A 64 MiB file holding 1 MiB of data at 0 and 1 MiB at 40 MiB, holes elsewhere. */
async function writeSparseFile(path: string): Promise<void> {
  const handle = await open(path, 'w');
  await handle.write(Buffer.alloc(MiB, 0xab), 0, MiB, 0);
  await handle.write(Buffer.alloc(MiB, 0xcd), 0, MiB, 40 * MiB);
  await handle.truncate(64 * MiB);
  await handle.close();
}

describe('sparse files', () => {
  it('come back byte for byte with their holes', async () => {
    const root = await tempDir();
    const target = await tempDir();
    await writeSparseFile(join(root, 'disk.img'));
    const report = await runRoundTrip({ plugin: filesPlugin, source: root, target });
    expect(report.full).toMatchObject({ files: 1, bytesRead: 64 * MiB });
    const restored = await stat(join(target, 'disk.img'));
    expect(restored.size).toBe(64 * MiB);
    if (await supportsHoles(await tempDir())) {
      // The two data blocks and a little file-system overhead, nowhere near 64 MiB.
      expect(restored.blocks * 512).toBeLessThanOrEqual(4 * MiB);
    }
  });

  it('keep a trailing hole as the file length', async () => {
    const root = await tempDir();
    const handle = await open(join(root, 'tail'), 'w');
    await handle.write(Buffer.from('head'), 0, 4, 0);
    await handle.truncate(10 * MiB);
    await handle.close();
    await runRoundTrip({ plugin: filesPlugin, source: root });
  });
});
