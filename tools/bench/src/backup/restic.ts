/**
 * The peer the backup bench compares against: restic, Debian's package, installed by the bench
 * when it is missing (apt-get as root), run on the same data in the same process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

/** Timings of one peer's backup, unchanged re-backup and restore, in ms. */
export interface BackupTimings {
  readonly backup: number;
  readonly rebackup: number;
  readonly restore: number;
}

/** Makes sure restic is on PATH, installing Debian's package when it is not; false when it cannot. */
export async function ensureRestic(): Promise<boolean> {
  if ((await execa('restic', ['version'], { reject: false })).exitCode === 0) return true;
  if (process.getuid?.() !== 0) return false;
  const install = await execa('apt-get', ['install', '-y', '--no-install-recommends', 'restic'], { reject: false, env: { DEBIAN_FRONTEND: 'noninteractive' } });
  if (install.exitCode !== 0) {
    await execa('apt-get', ['update'], { reject: false });
    await execa('apt-get', ['install', '-y', '--no-install-recommends', 'restic'], { reject: false, env: { DEBIAN_FRONTEND: 'noninteractive' } });
  }
  return (await execa('restic', ['version'], { reject: false })).exitCode === 0;
}

/** Backs `source` up with restic twice (the second unchanged) and restores it; returns the times. */
export async function timeRestic(source: string): Promise<BackupTimings> {
  const work = mkdtempSync(join(tmpdir(), 'dpmsh-bench-restic-'));
  const env = { RESTIC_REPOSITORY: join(work, 'repo'), RESTIC_PASSWORD: 'bench passphrase 0123456789' };
  const run = async (args: string[]): Promise<number> => {
    const start = performance.now();
    await execa('restic', [...args, '--quiet'], { env });
    return performance.now() - start;
  };
  try {
    await run(['init']);
    const backup = await run(['backup', source]);
    const rebackup = await run(['backup', source]);
    const restore = await run(['restore', 'latest', '--target', join(work, 'restored')]);
    return { backup, rebackup, restore };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
