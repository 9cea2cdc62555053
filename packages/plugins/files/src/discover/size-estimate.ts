/**
 * A quick size estimate of a folder: the sizes of its files, from a walk that stops after a
 * fixed number of entries so that resolving a huge tree stays fast. A capped walk gives a lower
 * bound, and says so in a verbose message.
 */
import { lstat, opendir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PluginContext } from '@dpmsh/sdk';

/** How many entries the estimate looks at, at most. */
export const ESTIMATE_ENTRY_CAP = 100_000;

/** The bytes of the files under `root`, counting at most `cap` entries. */
export async function estimateTreeSize(root: string, context: PluginContext, cap = ESTIMATE_ENTRY_CAP): Promise<number> {
  let bytes = 0;
  let seen = 0;
  const pending = [root];
  while (pending.length > 0) {
    const directory = pending.pop() as string;
    let entries;
    try {
      entries = await opendir(directory);
    } catch {
      continue;
    }
    for await (const entry of entries) {
      context.signal.throwIfAborted();
      if (++seen > cap) {
        context.verbose(`The size of ${root} is estimated from its first ${cap} entries; it holds more.`);
        return bytes;
      }
      const path = join(directory, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) bytes += await lstat(path).then((stats) => stats.size, () => 0);
    }
  }
  return bytes;
}
