/**
 * Takes a plugin's backup entries one by one, checks each against the contract (path rules,
 * directories before their contents, no duplicates, 'unchanged' only against a previous file) and
 * keeps them with their content.
 */
import type { BackupEntry, BackupOptions, EntryMetadata } from '../contract.js';
import { entryPathProblem, parentEntryPath } from '../entry-path.js';
import { PluginContractViolation } from './harness-errors.js';
import type { MemoryEntry, MemoryRecoveryPoint } from './recovery-point.js';
import { streamKey } from './recovery-point.js';
import { storeContent } from './stored-content.js';

const METADATA_FIELDS: readonly (keyof EntryMetadata)[] = ['mode', 'uid', 'gid', 'size', 'mtimeMs', 'atimeMs', 'ctimeMs', 'inode'];

/** Counts of what a backup yielded. */
export interface EntryCounts {
  entries: number;
  directories: number;
  files: number;
  unchanged: number;
  streams: number;
  /** Bytes read from content sources (not counting unchanged files). */
  bytesRead: number;
}

/** Records one backup's entries; `previous` is the point 'unchanged' entries refer to. */
export class EntryRecorder {
  readonly entries: MemoryEntry[] = [];
  readonly counts: EntryCounts = { entries: 0, directories: 0, files: 0, unchanged: 0, streams: 0, bytesRead: 0 };
  private readonly seen = new Map<string, 'directory' | 'file' | 'stream'>();
  private readonly previousFiles = new Map<string, Extract<MemoryEntry, { type: 'file' }>>();

  constructor(
    private readonly pluginName: string,
    private readonly options: BackupOptions,
    previous: MemoryRecoveryPoint | null,
    private readonly signal?: AbortSignal,
  ) {
    for (const entry of previous?.entries ?? []) if (entry.type === 'file') this.previousFiles.set(entry.path, entry);
  }

  private violation(problem: string): never {
    throw new PluginContractViolation(this.pluginName, problem);
  }

  /** Checks and keeps one entry, reading its content. */
  async add(entry: BackupEntry): Promise<void> {
    const violation: (problem: string) => never = (problem) => this.violation(problem);
    if (typeof entry !== 'object' || entry === null) violation(`backup yielded ${String(entry)}, not an entry`);
    const pathProblem = entryPathProblem(entry.path);
    if (pathProblem !== undefined) violation(`the entry path '${String(entry.path)}' is not valid: ${pathProblem}`);
    const at = `'${entry.path}'`;
    for (const field of METADATA_FIELDS) {
      if (!Number.isFinite(entry.metadata?.[field])) violation(`the metadata of ${at} has no finite ${field}`);
    }
    this.counts.entries++;
    if (entry.type === 'stream') {
      if (this.seen.get(entry.path) !== 'file') violation(`the stream ${at}:${entry.streamName} came before its file, or its file is no file`);
      if (typeof entry.streamName !== 'string' || entry.streamName === '') violation(`the stream of ${at} has no name`);
      const key = streamKey(entry.path, entry.streamName);
      if (this.seen.has(key)) violation(`the stream ${key} was yielded twice`);
      this.seen.set(key, 'stream');
      const content = await storeContent(entry.content, (problem) => violation(`${key}: ${problem}`), this.signal);
      this.counts.streams++;
      this.counts.bytesRead += content.size;
      this.entries.push({ type: 'stream', path: entry.path, streamName: entry.streamName, metadata: entry.metadata, content });
      return;
    }
    if (this.seen.has(entry.path)) violation(`${at} was yielded twice`);
    const parent = parentEntryPath(entry.path);
    if (parent !== '' && this.seen.get(parent) !== 'directory') violation(`${at} came before its directory '${parent}'`);
    switch (entry.type) {
      case 'directory':
        this.seen.set(entry.path, 'directory');
        this.counts.directories++;
        this.entries.push({ type: 'directory', path: entry.path, metadata: entry.metadata });
        return;
      case 'file': {
        this.seen.set(entry.path, 'file');
        if (typeof entry.sparse !== 'boolean') violation(`the file ${at} does not say whether it is sparse`);
        if (typeof entry.content !== 'function') violation(`the file ${at} has no content source`);
        const content = await storeContent(entry.content, (problem) => violation(`${at}: ${problem}`), this.signal);
        this.counts.files++;
        this.counts.bytesRead += content.size;
        this.entries.push({ type: 'file', path: entry.path, metadata: entry.metadata, sparse: entry.sparse, content, fromPrevious: false });
        return;
      }
      case 'unchanged': {
        this.seen.set(entry.path, 'file');
        if (this.options.kind !== 'incremental') violation(`${at} was reported unchanged in a ${this.options.kind} backup`);
        const before = this.previousFiles.get(entry.path);
        if (before === undefined) violation(`${at} was reported unchanged but the previous recovery point has no file there`);
        this.counts.unchanged++;
        this.entries.push({ ...before, metadata: entry.metadata, fromPrevious: true });
        return;
      }
      default:
        violation(`backup yielded an entry of unknown type '${String((entry as { type: unknown }).type)}'`);
    }
  }
}
