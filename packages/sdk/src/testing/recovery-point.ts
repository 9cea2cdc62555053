/** A recovery point as the harness keeps it: in memory, entries in the order the plugin yielded them. */
import type { BackupKind, DataSourceInfo, EntryMetadata, EntryPath } from '../contract.js';
import type { StoredContent } from './stored-content.js';

/** An entry of an in-memory recovery point. An 'unchanged' file is kept as a file with its previous content. */
export type MemoryEntry =
  | { readonly type: 'directory'; readonly path: EntryPath; readonly metadata: EntryMetadata }
  | {
      readonly type: 'file';
      readonly path: EntryPath;
      readonly metadata: EntryMetadata;
      readonly sparse: boolean;
      readonly content: StoredContent;
      /** True when the plugin reported it unchanged and its content came from the previous point. */
      readonly fromPrevious: boolean;
    }
  | { readonly type: 'stream'; readonly path: EntryPath; readonly streamName: string; readonly metadata: EntryMetadata; readonly content: StoredContent };

/** A recovery point kept in memory by the harness. */
export interface MemoryRecoveryPoint {
  readonly id: string;
  readonly createdAt: Date;
  readonly kind: BackupKind;
  readonly source: DataSourceInfo;
  readonly entries: readonly MemoryEntry[];
}

/** The key a stream is looked up by in PreviousBackup.lookup: `path:streamName`. */
export function streamKey(path: EntryPath, streamName: string): string {
  return `${path}:${streamName}`;
}
