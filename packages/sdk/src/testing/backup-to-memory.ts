/**
 * One backup of a data source into memory, with the consistency hooks around it in the
 * documented order: prepare, freeze, the reading, then thaw, which runs whenever freeze was
 * attempted, even when freeze or the reading failed.
 */
import { randomUUID } from 'node:crypto';
import type { BackupKind, DataSourceInfo, PluginContext, WorkloadPlugin } from '../contract.js';
import type { EntryCounts } from './entry-recorder.js';
import { EntryRecorder } from './entry-recorder.js';
import { previousBackupOf } from './memory-reader.js';
import type { MemoryRecoveryPoint } from './recovery-point.js';

/** A step of a backup, as the harness records their order. */
export type BackupStep = 'prepare' | 'freeze' | 'backup' | 'thaw';

/** What one backup into memory produced. */
export interface MemoryBackup {
  readonly point: MemoryRecoveryPoint;
  /** The steps run, in order; hooks the plugin does not define are not listed. */
  readonly steps: readonly BackupStep[];
  readonly counts: Readonly<EntryCounts>;
}

/** Options of backupToMemory. */
export interface MemoryBackupOptions {
  readonly kind: BackupKind;
  /** The point an incremental backup runs against, or null for the first backup. */
  readonly previous: MemoryRecoveryPoint | null;
  readonly context: PluginContext;
}

/** Backs `source` up with `plugin` into a new in-memory recovery point. */
export async function backupToMemory(plugin: WorkloadPlugin, source: DataSourceInfo, options: MemoryBackupOptions): Promise<MemoryBackup> {
  const { context } = options;
  context.signal.throwIfAborted();
  const hooks = plugin.consistency ?? {};
  const steps: BackupStep[] = [];
  const backupOptions = { kind: options.kind, previous: options.previous === null ? null : previousBackupOf(options.previous) };
  const recorder = new EntryRecorder(plugin.name, backupOptions, options.previous, context.signal);
  if (hooks.prepare !== undefined) {
    steps.push('prepare');
    await hooks.prepare(source, context);
  }
  let failed = true;
  try {
    if (hooks.freeze !== undefined) {
      steps.push('freeze');
      await hooks.freeze(source, context);
    }
    steps.push('backup');
    for await (const entry of plugin.backup(source, backupOptions, context)) {
      context.signal.throwIfAborted();
      await recorder.add(entry);
    }
    failed = false;
  } finally {
    if (hooks.thaw !== undefined) {
      steps.push('thaw');
      // A thaw failure after a failed backup must not hide why the backup failed.
      await hooks.thaw(source, context).catch((error: unknown) => {
        if (!failed) throw error;
        context.warn(`thaw failed after the backup failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
  }
  const point: MemoryRecoveryPoint = { id: randomUUID(), createdAt: new Date(), kind: options.kind, source, entries: recorder.entries };
  return { point, steps, counts: { ...recorder.counts } };
}
