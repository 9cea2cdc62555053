/** Temporary directories for tests, removed after each test (made writable first, for trees a test locked). */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** Returns a function making a fresh temporary directory, removed when the test ends. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    for (const dir of made.splice(0)) {
      execFileSync('chmod', ['-R', 'u+rwx', dir]);
      await rm(dir, { recursive: true, force: true });
    }
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dpmsh-files-test-'));
    made.push(dir);
    return dir;
  };
}
