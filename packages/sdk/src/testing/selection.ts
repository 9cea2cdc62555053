/** Which entries a restore of chosen items covers: the items, everything under them, and the directories leading to them. */
import type { EntryPath } from '../contract.js';
import { isSameOrUnder } from '../entry-path.js';

/** True when `path` is one of `items`, lies under one, or (for a directory) leads to one; every path when `items` is undefined. */
export function isSelected(path: EntryPath, isDirectory: boolean, items: readonly EntryPath[] | undefined): boolean {
  if (items === undefined) return true;
  return items.some((item) => isSameOrUnder(path, item) || (isDirectory && isSameOrUnder(item, path)));
}
