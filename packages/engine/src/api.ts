/**
 * The engine's public shapes. A repository is a set of named objects in a backend (a local
 * directory for disk storage, the vault for the online copy); the engine alone knows what the
 * objects mean. Everything it writes is compressed, then encrypted and authenticated with keys
 * derived from the server's passphrase; object and chunk names are keyed hashes, so a backend
 * learns nothing from them.
 */

/** The facts kept about an entry (the same shape as @dpmsh/sdk's EntryMetadata). */
export interface EntryMetadata {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly atimeMs: number;
  readonly ctimeMs: number;
  readonly inode: number;
}

/** Where a repository's objects live. Names are '/'-separated ('data/3f/3f9a…', 'snapshots/…'). */
export interface ObjectBackend {
  /** A short description for messages ('/srv/dpm/disk1', 'vault Contoso'). */
  readonly location: string;
  /** The object's bytes; an error whose `code` is 'ENOENT' when there is none. */
  read(name: string): Promise<Uint8Array>;
  /**
   * Stores an object so that it is either wholly there or absent after a crash (write, fsync,
   * rename, fsync of the directory for a local backend). Overwrites are allowed only for
   * objects the engine rewrites (the lock).
   */
  write(name: string, data: Uint8Array | AsyncIterable<Uint8Array>): Promise<void>;
  /** Names under a prefix ('data/'), in no particular order. */
  list(prefix: string): Promise<string[]>;
  /** Removes an object; no error when it is already gone. */
  delete(name: string): Promise<void>;
}

/** Progress of a long engine operation, reported often (at least every few MiB). */
export interface EngineProgress {
  readonly bytesDone: number;
  /** The total when known. */
  readonly bytesTotal?: number;
  readonly filesDone: number;
  readonly filesTotal?: number;
  /** The entry being worked on. */
  readonly currentPath?: string;
}

/** What a committed snapshot holds, without its entries. */
export interface SnapshotSummary {
  /** Hex, 64 characters (the keyed hash of the manifest). */
  readonly id: string;
  readonly createdAt: Date;
  /** The snapshot this one was made against, or null. */
  readonly parent: string | null;
  /** The caller's own labels (data-source id, backup kind...), kept as given. */
  readonly tags: Readonly<Record<string, string>>;
  readonly files: number;
  readonly directories: number;
  /** Logical bytes of all files and streams. */
  readonly totalBytes: number;
  /** Bytes of new chunks this snapshot added to the repository, after compression. */
  readonly addedBytes: number;
}

/** One entry of a snapshot. */
export type SnapshotEntry =
  | { readonly type: 'directory'; readonly path: string; readonly metadata: EntryMetadata }
  | { readonly type: 'file'; readonly path: string; readonly metadata: EntryMetadata; readonly sparse: boolean }
  | { readonly type: 'stream'; readonly path: string; readonly streamName: string; readonly metadata: EntryMetadata };

/** What verify found. */
export interface VerifyReport {
  readonly ok: boolean;
  readonly snapshotsChecked: number;
  readonly packsChecked: number;
  readonly bytesChecked: number;
  /** One line per problem: which object, what is wrong. */
  readonly problems: readonly string[];
}

/** What prune removed and kept. */
export interface PruneReport {
  readonly snapshotsRemoved: number;
  readonly packsRemoved: number;
  readonly packsRewritten: number;
  readonly bytesFreed: number;
}
