/** The two views a plugin gets of an in-memory recovery point: PreviousBackup for a backup, RecoveryPointReader for a restore. */
import type { EntryPath, PreviousBackup, RecoveredEntry, RecoveryPointReader } from '../contract.js';
import { validateEntryPath } from '../entry-path.js';
import { PluginError } from '../errors.js';
import type { MemoryEntry, MemoryRecoveryPoint } from './recovery-point.js';
import { streamKey } from './recovery-point.js';
import { isSelected } from './selection.js';
import { replayContent } from './stored-content.js';

/** The point as the `previous` of an incremental backup. */
export function previousBackupOf(point: MemoryRecoveryPoint): PreviousBackup {
  const byPath = new Map<string, { readonly type: 'directory' | 'file' | 'stream'; readonly metadata: MemoryEntry['metadata'] }>();
  for (const entry of point.entries) {
    const key = entry.type === 'stream' ? streamKey(entry.path, entry.streamName) : entry.path;
    byPath.set(key, { type: entry.type, metadata: entry.metadata });
  }
  return { recoveryPointId: point.id, createdAt: point.createdAt, lookup: (path) => byPath.get(path) };
}

/** The entries of `point` a restore of `items` covers, in stored order; throws when an item is not in the point. */
export function selectedEntries(point: MemoryRecoveryPoint, items?: readonly EntryPath[]): MemoryEntry[] {
  for (const item of items ?? []) {
    validateEntryPath(item);
    if (!point.entries.some((entry) => entry.path === item)) {
      throw new PluginError({
        errorId: 'RecoveryItemNotFound',
        category: 'ObjectNotFound',
        target: item,
        message: `The recovery point ${point.id} holds no item '${item}'.`,
      });
    }
  }
  return point.entries.filter((entry) => isSelected(entry.path, entry.type === 'directory', items));
}

function recovered(entry: MemoryEntry): RecoveredEntry {
  switch (entry.type) {
    case 'directory':
      return { type: 'directory', path: entry.path, metadata: entry.metadata };
    case 'file':
      return { type: 'file', path: entry.path, metadata: entry.metadata, sparse: entry.sparse, content: replayContent(entry.content) };
    case 'stream':
      return { type: 'stream', path: entry.path, streamName: entry.streamName, metadata: entry.metadata, content: replayContent(entry.content) };
  }
}

/** The point as a restore reads it. */
export function recoveryPointReader(point: MemoryRecoveryPoint): RecoveryPointReader {
  return {
    recoveryPointId: point.id,
    createdAt: point.createdAt,
    source: point.source,
    async *entries(items) {
      for (const entry of selectedEntries(point, items)) yield recovered(entry);
    },
  };
}
