/**
 * The entries a backup is made of, as a workload plugin yields them and the backup engine stores
 * and gives back: types only, shared by the plugin contract and the engine so the two never drift.
 */

/** The facts kept about every backed-up entry and restored with it. Times are milliseconds since the epoch. */
export interface EntryMetadata {
  /** Permission bits and file type bits, as stat's st_mode. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** Logical size in bytes (0 for directories). */
  readonly size: number;
  readonly mtimeMs: number;
  readonly atimeMs: number;
  /** Change time; compared on incremental backups, not restorable. */
  readonly ctimeMs: number;
  /** Inode number, compared on incremental backups. */
  readonly inode: number;
}

/** Entry paths are relative to the data source, '/'-separated, never starting with '/' or containing '.' or '..' parts. */
export type EntryPath = string;

/** File content, produced as often as it is asked for: each call reads from the start. */
export type ContentSource = () => AsyncIterable<Uint8Array>;

/** A directory; empty directories are entries too. */
export interface DirectoryEntry {
  readonly type: 'directory';
  readonly path: EntryPath;
  readonly metadata: EntryMetadata;
}

/** A file whose content is read now. */
export interface FileEntry {
  readonly type: 'file';
  readonly path: EntryPath;
  readonly metadata: EntryMetadata;
  /** True when the file is sparse: restore leaves its zero runs as holes. */
  readonly sparse: boolean;
  readonly content: ContentSource;
}

/**
 * A file unchanged since the previous backup (the plugin compared its metadata with
 * `previous.lookup(path)`): the server reuses its stored content without reading it.
 */
export interface UnchangedFileEntry {
  readonly type: 'unchanged';
  readonly path: EntryPath;
  readonly metadata: EntryMetadata;
}

/** A named data stream of a file (an alternate data stream, an application's side stream). */
export interface StreamEntry {
  readonly type: 'stream';
  /** The path of the file the stream belongs to. */
  readonly path: EntryPath;
  readonly streamName: string;
  readonly metadata: EntryMetadata;
  readonly content: ContentSource;
}

/** What a plugin's backup yields, in any order except that a directory comes before what it contains. */
export type BackupEntry = DirectoryEntry | FileEntry | UnchangedFileEntry | StreamEntry;

/** An entry of a recovery point as a plugin restores it. */
export type RecoveredEntry =
  | { readonly type: 'directory'; readonly path: EntryPath; readonly metadata: EntryMetadata }
  | { readonly type: 'file'; readonly path: EntryPath; readonly metadata: EntryMetadata; readonly sparse: boolean; readonly content: ContentSource }
  | { readonly type: 'stream'; readonly path: EntryPath; readonly streamName: string; readonly metadata: EntryMetadata; readonly content: ContentSource };
