/** Remembers the first name of each multiply-linked file, so its other names are skipped (issue 6: back up one name, skip the rest). */
import type { Stats } from 'node:fs';

/** The first-seen names of files with more than one link, by device and inode. */
export class HardLinks {
  private readonly firstNames = new Map<string, string>();

  /** The name `stats` was first backed up under, when it is a later name of a hard-linked file. */
  firstNameOf(stats: Stats): string | undefined {
    return stats.nlink > 1 ? this.firstNames.get(`${stats.dev}:${stats.ino}`) : undefined;
  }

  /** Records `path` as backed up; only files with more than one link are remembered. */
  backedUp(stats: Stats, path: string): void {
    if (stats.nlink > 1) this.firstNames.set(`${stats.dev}:${stats.ino}`, path);
  }
}
