/**
 * The workload-plugin contract. A plugin discovers the data sources it can protect on this
 * server, makes them consistent around a backup, yields their content as entries, and writes
 * chosen entries of a recovery point back. The server owns storage: it chunks, deduplicates,
 * compresses, encrypts and replicates what a plugin yields, and hands a plugin a reader over a
 * recovery point to restore from. Nothing here depends on how or where data is stored.
 */
import type { BackupEntry, EntryMetadata, EntryPath, RecoveredEntry } from '@dpmsh/core';

/** The contract version this SDK speaks. A plugin names the version it was written against. */
export const SDK_API_VERSION = 1;

/** A protectable data source a plugin found on this server. */
export interface DataSourceInfo {
  /** Stable across discoveries: the same data source always has the same id (for files, the absolute path). */
  readonly id: string;
  /** What an administrator sees ('/srv/data', 'SQL01\\Payroll'). */
  readonly name: string;
  /** What sort of data source it is within the workload ('Folder', 'Volume', 'Database'). */
  readonly kind: string;
  /** The plugin's estimate of the data's size, in bytes. */
  readonly sizeEstimateBytes: number;
  /** Where it lives, when it has a place on the file system. */
  readonly path?: string;
}

/**
 * The entry shapes (metadata, paths, content, the backup and recovered entry unions) are shared
 * with the backup engine, so they live in core; they are part of this contract all the same.
 */
export type {
  EntryMetadata,
  EntryPath,
  ContentSource,
  DirectoryEntry,
  FileEntry,
  UnchangedFileEntry,
  StreamEntry,
  BackupEntry,
  RecoveredEntry,
} from '@dpmsh/core';

/** What the previous recovery point of the data source held, for an incremental backup. */
export interface PreviousBackup {
  /** The previous recovery point's id. */
  readonly recoveryPointId: string;
  readonly createdAt: Date;
  /** The entry stored at a path (files, directories; streams as `path:streamName`), or undefined. */
  lookup(path: EntryPath): { readonly type: 'directory' | 'file' | 'stream'; readonly metadata: EntryMetadata } | undefined;
}

/** A full backup reads everything; an incremental one may report unchanged files without reading them. */
export type BackupKind = 'full' | 'incremental';

/** Options of one backup. */
export interface BackupOptions {
  readonly kind: BackupKind;
  /** The previous recovery point; null for the first backup of a data source. */
  readonly previous: PreviousBackup | null;
}

/** What the server gives a plugin for each call. */
export interface PluginContext {
  /** Aborted when the user stops the operation (Ctrl+C, Stop-Job); stop promptly and throw its reason. */
  readonly signal: AbortSignal;
  /** A warning the user sees (skipped files are reported this way, one warning naming each). */
  warn(message: string): void;
  /** A detail the user sees with -Verbose. */
  verbose(message: string): void;
}

/** A recovery point, read-only, as the server hands it to a plugin's restore. */
export interface RecoveryPointReader {
  readonly recoveryPointId: string;
  readonly createdAt: Date;
  /** The data source it is a recovery point of. */
  readonly source: DataSourceInfo;
  /**
   * Its entries, directories before their contents. With `items`, only those paths and
   * everything under them (a chosen directory brings its whole tree), plus the directories
   * leading to them.
   */
  entries(items?: readonly EntryPath[]): AsyncIterable<RecoveredEntry>;
}

/** Where a restore writes. */
export type RestoreTarget =
  | { readonly kind: 'original' }
  /** Under another directory: entry `a/b` of the data source is restored to `<path>/a/b`. */
  | { readonly kind: 'alternate'; readonly path: string };

/** What to do when a restored item already exists at the target. */
export type OverwritePolicy = 'overwrite' | 'skip' | 'fail';

/** Options of one restore. */
export interface RestoreOptions {
  readonly target: RestoreTarget;
  /** The chosen items (entry paths), or undefined for the whole data source. */
  readonly items?: readonly EntryPath[];
  readonly overwrite: OverwritePolicy;
}

/** What a restore did. */
export interface RestoreResult {
  readonly restoredFiles: number;
  readonly restoredDirectories: number;
  readonly restoredBytes: number;
  /** Items left as they were because they existed and the policy was 'skip'. */
  readonly skipped: number;
}

/**
 * Application consistency around a backup: `prepare` before anything is read (flush, check the
 * workload is healthy), `freeze` just before reading (quiesce writes), `thaw` right after, always,
 * even when the backup fails. All are optional.
 */
export interface ConsistencyHooks {
  prepare?(source: DataSourceInfo, context: PluginContext): Promise<void>;
  freeze?(source: DataSourceInfo, context: PluginContext): Promise<void>;
  thaw?(source: DataSourceInfo, context: PluginContext): Promise<void>;
}

/** The type of a plugin cmdlet's parameter. */
export type PluginParameterType = 'string' | 'string[]' | 'int' | 'switch' | 'datasource';

/** A parameter of a plugin cmdlet. */
export interface PluginCmdletParameter {
  readonly name: string;
  readonly type: PluginParameterType;
  readonly mandatory?: boolean;
  readonly position?: number;
  /** Takes its value from pipeline objects (by value). */
  readonly fromPipeline?: boolean;
  readonly helpMessage?: string;
}

/** The services a plugin cmdlet may call. */
export interface PluginCmdletContext extends PluginContext {
  /** The data sources this plugin discovers now. */
  discover(): Promise<readonly DataSourceInfo[]>;
}

/** A cmdlet a plugin contributes to the shell, bound like any other cmdlet. */
export interface PluginCmdlet {
  /** Verb-Noun, with an approved verb. */
  readonly name: string;
  readonly synopsis: string;
  readonly parameters: readonly PluginCmdletParameter[];
  /** Runs once per pipeline object (or once without pipeline input); what it returns is written to the output. */
  invoke(parameters: Readonly<Record<string, unknown>>, context: PluginCmdletContext): Promise<unknown>;
}

/** A workload plugin as its author defines it. */
export interface WorkloadPluginDefinition {
  /** The contract version the plugin was written against; the server refuses versions it does not speak. */
  readonly apiVersion: number;
  /** The plugin's package-like name, unique per server ('files', 'acme-sql'). */
  readonly name: string;
  /** The workload it protects, as DPM names data-source types ('FileSystem', 'SQL', 'SharePoint', 'Exchange', 'HyperV'). */
  readonly workload: string;
  /** The plugin's own version (semver). */
  readonly version: string;
  /** The data sources it can protect on this server. */
  discover(context: PluginContext): Promise<readonly DataSourceInfo[]>;
  /** The data source with that id or name now, or undefined when it is gone. */
  resolve?(idOrName: string, context: PluginContext): Promise<DataSourceInfo | undefined>;
  readonly consistency?: ConsistencyHooks;
  /** The data source's content as entries. */
  backup(source: DataSourceInfo, options: BackupOptions, context: PluginContext): AsyncIterable<BackupEntry>;
  /** Writes the chosen entries of a recovery point to the target. */
  restore(recoveryPoint: RecoveryPointReader, options: RestoreOptions, context: PluginContext): Promise<RestoreResult>;
  readonly cmdlets?: readonly PluginCmdlet[];
}

/** A checked plugin, as `defineWorkloadPlugin` returns it. */
export interface WorkloadPlugin extends WorkloadPluginDefinition {
  readonly kind: 'dpmsh-workload-plugin';
}
