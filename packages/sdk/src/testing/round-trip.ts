/**
 * The round trip a plugin author runs to prove a plugin: a full backup, the author's change to
 * the source, an incremental backup against the first point, a restore of the latest point to
 * an alternate directory, and a comparison of what was restored with the source.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSourceInfo, EntryPath, OverwritePolicy, RestoreResult, WorkloadPlugin } from '../contract.js';
import { isWorkloadPlugin } from '../define-plugin.js';
import type { BackupStep, MemoryBackup } from './backup-to-memory.js';
import { backupToMemory } from './backup-to-memory.js';
import type { CompareOptions, TreeDifference } from './compare-trees.js';
import { compareTrees } from './compare-trees.js';
import { RoundTripMismatchError } from './harness-errors.js';
import { recoveryPointReader, selectedEntries } from './memory-reader.js';
import { warningsName } from './names-path.js';
import { isSelected } from './selection.js';
import type { TestContext } from './test-context.js';
import { createTestContext } from './test-context.js';

/** What to run. */
export interface RoundTripOptions {
  readonly plugin: WorkloadPlugin;
  /** The data source, or an id or name the plugin's resolve() knows. It must have a path: the harness compares directory trees. */
  readonly source: DataSourceInfo | string;
  /** Changes the source between the full and the incremental backup; by default nothing changes. */
  readonly change?: (sourcePath: string) => void | Promise<void>;
  /** Restores only these entry paths of the latest point (and compares only them); by default everything. */
  readonly items?: readonly EntryPath[];
  /** The alternate directory to restore to; by default a new temporary directory. */
  readonly target?: string;
  /** The overwrite policy of the restore; default 'fail'. */
  readonly overwrite?: OverwritePolicy;
  /** What the comparison looks at besides paths, types and bytes. */
  readonly compare?: Omit<CompareOptions, 'include'>;
  /** Keeps the restored tree even when it matched (a failed round trip always keeps it). */
  readonly keepRestored?: boolean;
  readonly signal?: AbortSignal;
}

/** What one of the two backups did. */
export interface BackupReport {
  readonly recoveryPointId: string;
  readonly kind: 'full' | 'incremental';
  /** The steps in the order run: prepare, freeze, backup, thaw (hooks the plugin lacks are left out). */
  readonly steps: readonly BackupStep[];
  readonly entries: number;
  readonly directories: number;
  readonly files: number;
  /** Files reported unchanged since the previous point. */
  readonly unchanged: number;
  readonly streams: number;
  readonly bytesRead: number;
  readonly warnings: readonly string[];
  readonly verboseMessages: readonly string[];
}

/** What a round trip did and found. */
export interface RoundTripReport {
  readonly full: BackupReport;
  readonly incremental: BackupReport;
  readonly restore: {
    /** Where it restored to (removed afterwards unless keepRestored or a difference was found). */
    readonly target: string;
    readonly items?: readonly EntryPath[];
    readonly result: RestoreResult;
    readonly warnings: readonly string[];
  };
  /** Source paths that were not restored because a backup or restore warning named them as skipped. */
  readonly skipped: readonly string[];
  /** Every difference left after the skipped paths; empty when the round trip succeeded. */
  readonly differences: readonly TreeDifference[];
}

function backupReport(backup: MemoryBackup, context: TestContext): BackupReport {
  return {
    recoveryPointId: backup.point.id,
    kind: backup.point.kind,
    steps: backup.steps,
    ...backup.counts,
    warnings: [...context.warnings],
    verboseMessages: [...context.verboseMessages],
  };
}

async function resolveSource(plugin: WorkloadPlugin, source: DataSourceInfo | string, context: TestContext): Promise<DataSourceInfo & { path: string }> {
  const info = typeof source === 'string' ? await plugin.resolve?.(source, context) : source;
  if (info === undefined) throw new Error(`The plugin '${plugin.name}' resolves no data source '${String(source)}'.`);
  if (info.path === undefined) throw new Error(`The data source '${info.name}' has no path; runRoundTrip compares directory trees (use backupToMemory and recoveryPointReader for other workloads).`);
  return { ...info, path: info.path };
}

/** Splits 'missing' differences into those a warning excused (the path, or a directory above it, was named) and the rest. */
function excuseSkipped(differences: readonly TreeDifference[], warnings: readonly string[], sourcePath: string): { skipped: string[]; left: TreeDifference[] } {
  const skipped: string[] = [];
  const left: TreeDifference[] = [];
  for (const difference of differences) {
    const under = skipped.some((path) => difference.path.startsWith(`${path}/`));
    if (difference.kind === 'missing' && (under || warningsName(warnings, [difference.path, join(sourcePath, difference.path)]))) {
      if (!under) skipped.push(difference.path);
    } else left.push(difference);
  }
  return { skipped, left };
}

function resultDifferences(result: RestoreResult, files: number, directories: number, freshTarget: boolean): TreeDifference[] {
  const found: TreeDifference[] = [];
  const check = (field: keyof RestoreResult, expected: number): void => {
    if (result[field] !== expected) found.push({ path: '', kind: 'result', message: `the restore reported ${field} ${result[field]}, expected ${expected}` });
  };
  check('restoredFiles', files);
  check('restoredDirectories', directories);
  if (freshTarget) check('skipped', 0);
  return found;
}

/** Runs the round trip; returns its report, or throws a RoundTripMismatchError listing every difference. */
export async function runRoundTrip(options: RoundTripOptions): Promise<RoundTripReport> {
  const { plugin } = options;
  if (!isWorkloadPlugin(plugin)) throw new TypeError('runRoundTrip needs a plugin made by defineWorkloadPlugin.');
  const contextOptions = options.signal === undefined ? {} : { signal: options.signal };
  const fullContext = createTestContext(contextOptions);
  const source = await resolveSource(plugin, options.source, fullContext);
  const full = await backupToMemory(plugin, source, { kind: 'full', previous: null, context: fullContext });
  await options.change?.(source.path);
  const incrementalContext = createTestContext(contextOptions);
  const incremental = await backupToMemory(plugin, source, { kind: 'incremental', previous: full.point, context: incrementalContext });

  const target = options.target ?? (await mkdtemp(join(tmpdir(), 'dpmsh-round-trip-')));
  const restoreContext = createTestContext(contextOptions);
  const result = await plugin.restore(
    recoveryPointReader(incremental.point),
    { target: { kind: 'alternate', path: target }, ...(options.items === undefined ? {} : { items: options.items }), overwrite: options.overwrite ?? 'fail' },
    restoreContext,
  );

  const { items } = options;
  const include = items === undefined ? undefined : (path: string) => isSelected(path, true, items);
  const compared = await compareTrees(source.path, target, { ...options.compare, ...(include === undefined ? {} : { include }) });
  const { skipped, left } = excuseSkipped(compared, [...incrementalContext.warnings, ...restoreContext.warnings], source.path);
  const selected = selectedEntries(incremental.point, items);
  const counted = (type: 'file' | 'directory'): number => selected.filter((entry) => entry.type === type).length;
  const differences = [...left, ...resultDifferences(result, counted('file'), counted('directory'), options.target === undefined)];

  const report: RoundTripReport = {
    full: backupReport(full, fullContext),
    incremental: backupReport(incremental, incrementalContext),
    restore: { target, ...(items === undefined ? {} : { items }), result, warnings: [...restoreContext.warnings] },
    skipped,
    differences,
  };
  if (differences.length > 0) throw new RoundTripMismatchError(plugin.name, target, differences, report);
  if (options.target === undefined && options.keepRestored !== true) await rm(target, { recursive: true, force: true });
  return report;
}
