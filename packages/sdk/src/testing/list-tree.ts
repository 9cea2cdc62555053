/** Every path under a directory with its lstat, never following links; the root itself is not listed. */
import type { Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The paths under `root`, '/'-separated and relative, with their lstat; `include` prunes a path and all under it. */
export async function listTree(root: string, include: (path: string) => boolean = () => true): Promise<Map<string, Stats>> {
  const found = new Map<string, Stats>();
  const visit = async (relative: string): Promise<void> => {
    const names = (await readdir(relative === '' ? root : join(root, relative))).sort();
    for (const name of names) {
      const path = relative === '' ? name : `${relative}/${name}`;
      if (!include(path)) continue;
      const stats = await lstat(join(root, path));
      found.set(path, stats);
      if (stats.isDirectory()) await visit(path);
    }
  };
  await visit('');
  return found;
}
