/**
 * The engine's public shapes. A repository is a set of named objects in a backend (a local
 * directory for disk storage, the vault for the online copy); the engine alone knows what the
 * objects mean. Everything it writes is compressed, then encrypted and authenticated with keys
 * derived from the server's passphrase; object and chunk names are keyed hashes, so a backend
 * learns nothing from them.
 */
import type { BackupEntry, EntryMetadata, RecoveredEntry } from '@dpmsh/core';

/**
 * The entry shapes are the plugin contract's, defined once in core: the engine stores what a
 * plugin yields and gives back what a plugin restores, so the two must never drift.
 */
export type { EntryMetadata, ContentSource, BackupEntry, RecoveredEntry } from '@dpmsh/core';

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
  /**
   * Temporary objects interrupted writes left behind, which `list` never shows (only backends that
   * write through temporaries have them); reclaim removes them under the repository's lock.
   */
  leftovers?(): Promise<LeftoverObject[]>;
  /** Removes a leftover `leftovers` listed; no error when it is already gone. */
  deleteLeftover?(name: string): Promise<void>;
}

/** A temporary object an interrupted write left behind. */
export interface LeftoverObject {
  /** The backend's own name for it ('data/3f/.tmp-4242-9c1e…'). */
  readonly name: string;
  readonly bytes: number;
  readonly modifiedAt: Date;
  /** The process that was writing it, when the backend records one (a process of this host). */
  readonly writerPid?: number;
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
  /**
   * What the backup that made this snapshot found wrong but worked around (an index object that
   * does not authenticate: its data was stored again); only on the summary backup returns.
   */
  readonly warnings?: readonly string[];
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
  /** Packs no index lists, left by an interrupted write: not a problem; prune removes them (0 when only some snapshots were checked). */
  readonly unreferencedPacks: number;
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

/** What an index repair read and wrote. */
export interface IndexRepairReport {
  /** Packs whose header was read. */
  readonly packsRead: number;
  /** Blobs the new index lists. */
  readonly blobsIndexed: number;
  readonly indexObjectsWritten: number;
  /** Old index objects removed, damaged ones included. */
  readonly indexObjectsRemoved: number;
  /** One line per damaged pack: which, and what is wrong (its blobs are indexed when an old index still listed them). */
  readonly damagedPacks: readonly string[];
}

/** What reclaim removed. */
export interface ReclaimReport {
  /** Temporary objects of interrupted writes. */
  readonly temporaryObjects: number;
  readonly temporaryBytes: number;
  /** Packs no index lists (written by a backup, prune or replication that was cut short). */
  readonly orphanPacks: number;
  readonly orphanBytes: number;
}

/** The 32 random bytes every key of a repository is derived from; written by the server with mode 0600. */
export type MasterKey = Uint8Array;

/**
 * The master key wrapped (AES-256-GCM) under a key derived from the passphrase by argon2id; what a
 * repository stores so that the passphrase alone opens it on another server. JSON-serialisable.
 */
export interface KeyEnvelope {
  readonly kdf: 'argon2id';
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
  /** Base64. */
  readonly salt: string;
  /** Base64: IV, ciphertext and tag of the master key. */
  readonly wrapped: string;
  /** Hex: an HMAC of a fixed label under the master key, naming it without revealing it. */
  readonly keyId: string;
}

/** How a repository is opened: with the master key, or with the passphrase its envelope was made under. */
export type RepositoryCredentials = { readonly masterKey: MasterKey } | { readonly passphrase: string };

/** Options of one backup run. */
export interface BackupRunOptions {
  /** The snapshot 'unchanged' entries refer to; null for a first backup. */
  readonly parent: string | null;
  readonly tags?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: EngineProgress) => void;
  /** The snapshot's creation time; now when absent. */
  readonly now?: Date;
  /** Total bytes the caller expects to read, for progress. */
  readonly bytesTotal?: number;
}

/** Options of verify, replicate and other long reads. */
export interface LongRunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: EngineProgress) => void;
}

/** What replicate sent. */
export interface ReplicationReport {
  /** Bytes written to the target (packs, index, snapshot). */
  readonly bytesSent: number;
  /** Chunks the target lacked and now holds. */
  readonly chunksSent: number;
  /** What the target's state made the copy do that the caller should hear of (an unreadable index), one sentence each. */
  readonly warnings?: readonly string[];
}

/** An exclusive writer's hold on a repository; released in a finally. */
export interface RepositoryLock {
  release(): Promise<void>;
}

/**
 * An open repository. Writers (backup, forget, prune, and replicate into a target) take the
 * lock themselves and fail with 'RepositoryLocked' while another process holds it; readers do not
 * lock. Errors are @dpmsh/core DomainErrors with ids 'RepositoryNotFound', 'RepositoryExists',
 * 'RepositoryPassphraseIncorrect', 'RepositoryKeyMismatch', 'RepositoryCorrupt', 'RepositoryLocked',
 * 'SnapshotNotFound', 'UnchangedEntryMissing'.
 */
export interface Repository {
  readonly backend: ObjectBackend;
  /** Hex: the repository's own id, random at init. */
  readonly id: string;
  /** The master key's id (KeyEnvelope.keyId). */
  readonly keyId: string;
  /**
   * Stores a snapshot of the entries; an 'unchanged' file reuses the content the parent snapshot holds at its
   * path without reading it. The snapshot object is written last, so an interrupted backup leaves none.
   */
  backup(entries: AsyncIterable<BackupEntry>, options: BackupRunOptions): Promise<SnapshotSummary>;
  /** Committed snapshots, oldest first. */
  snapshots(): Promise<SnapshotSummary[]>;
  /** The snapshot's entries, directories before their contents; with `items`, those paths, their trees and the directories leading to them. */
  entries(snapshotId: string, items?: readonly string[]): AsyncIterable<RecoveredEntry>;
  /** The snapshot's entries by path (streams as 'path:streamName'), for an incremental backup's comparisons. */
  index(snapshotId: string): Promise<Map<string, SnapshotEntry>>;
  /** Re-reads and authenticates every byte of the chosen snapshots (all when absent) and the packs they use. */
  verify(options?: LongRunOptions & { readonly snapshotIds?: readonly string[] }): Promise<VerifyReport>;
  /** Removes snapshots (their data stays until prune); one already gone is done, a malformed id is 'SnapshotNotFound'. */
  forget(snapshotIds: readonly string[]): Promise<void>;
  /** Deletes packs no snapshot uses and rewrites mostly-unused ones, never losing a chunk a snapshot needs. */
  prune(options?: LongRunOptions): Promise<PruneReport>;
  /**
   * Rebuilds the index from the packs' own headers, under the lock: new index objects first, then
   * the old ones go, so a crash leaves at worst both. Makes points whose index object was damaged
   * restorable again.
   */
  repairIndex(options?: LongRunOptions): Promise<IndexRepairReport>;
  /**
   * Removes what interrupted writes left, under the lock: temporary objects, and packs no index
   * lists. Refuses ('RepositoryCorrupt') while an index object is unreadable, since its packs
   * would look unlisted: repair the index first.
   */
  reclaim(options?: LongRunOptions): Promise<ReclaimReport>;
  /** Copies a snapshot and the chunks the target lacks into another repository of the same master key. */
  replicate(snapshotId: string, target: Repository, options?: LongRunOptions): Promise<ReplicationReport>;
  /** Replaces the stored key envelope (after a passphrase change); the envelope must wrap this repository's master key. */
  setKeyEnvelope(envelope: KeyEnvelope): Promise<void>;
}
