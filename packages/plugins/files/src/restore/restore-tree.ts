/**
 * The restore of a folder or volume: directories are created (or merged into) as they come,
 * files are written to a temporary name beside their place and renamed over it, so an item is
 * either the old one or the whole restored one; directories get their permissions and times
 * last, deepest first, once nothing more is written inside them.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { EntryMetadata, EntryPath, PluginContext, RecoveredEntry, RecoveryPointReader, RestoreOptions, RestoreResult } from '@dpmsh/sdk';
import { isSameOrUnder } from '@dpmsh/sdk';
import { restoreTargetExists } from '../errors/plugin-errors.js';
import { applyToHandle, applyToPath } from './apply-metadata.js';
import { assertNoConflicts, conflicts, existing } from './conflicts.js';
import { TargetGuard, targetDirectory } from './target.js';
import { writeContent } from './write-content.js';

interface Restore {
  readonly guard: TargetGuard;
  readonly options: RestoreOptions;
  readonly context: PluginContext;
  /** Directories whose metadata is applied at the end. */
  readonly directories: { readonly path: string; readonly metadata: EntryMetadata }[];
  /** Entry paths skipped with everything under them (a file stands where a directory is restored). */
  readonly blocked: EntryPath[];
  result: { restoredFiles: number; restoredDirectories: number; restoredBytes: number; skipped: number };
}

/** Writes the chosen entries of a recovery point to the target, for the SDK's restore(). */
export async function restoreTree(reader: RecoveryPointReader, options: RestoreOptions, context: PluginContext): Promise<RestoreResult> {
  context.signal.throwIfAborted();
  const guard = await TargetGuard.open(targetDirectory(reader, options));
  if (options.overwrite === 'fail') await assertNoConflicts(reader, options, guard);
  const restore: Restore = {
    guard,
    options,
    context,
    directories: [],
    blocked: [],
    result: { restoredFiles: 0, restoredDirectories: 0, restoredBytes: 0, skipped: 0 },
  };
  for await (const entry of reader.entries(options.items)) {
    context.signal.throwIfAborted();
    await restoreEntry(restore, entry);
  }
  const depth = (path: string): number => path.split('/').length;
  for (const { path, metadata } of [...restore.directories].sort((a, b) => depth(b.path) - depth(a.path))) {
    await applyToPath(path, metadata);
  }
  return { ...restore.result };
}

async function restoreEntry(restore: Restore, entry: RecoveredEntry): Promise<void> {
  const path = restore.guard.pathOf(entry.path);
  if (restore.blocked.some((blocked) => isSameOrUnder(entry.path, blocked))) {
    if (entry.type !== 'stream') restore.result.skipped++;
    return;
  }
  if (entry.type === 'stream') {
    restore.context.warn(`Skipped the stream ${entry.streamName} of ${path}: named data streams are not supported on this platform.`);
    return;
  }
  await restore.guard.parentReady(path);
  const found = await existing(path);
  if (conflicts(entry, found)) {
    // 'fail' was checked before anything was written; this catches an item that appeared since.
    if (restore.options.overwrite === 'fail') throw restoreTargetExists(path);
    if (restore.options.overwrite === 'skip') {
      restore.result.skipped++;
      if (entry.type === 'directory') restore.blocked.push(entry.path);
      return;
    }
  }
  if (entry.type === 'directory') await restoreDirectory(restore, path, entry.metadata, found !== undefined && !found.isDirectory());
  else await restoreFile(restore, path, entry);
}

async function restoreDirectory(restore: Restore, path: string, metadata: EntryMetadata, replace: boolean): Promise<void> {
  if (replace) {
    await rm(path, { force: true });
    restore.guard.forget(path);
  }
  const created = (await mkdir(path, { mode: 0o700, recursive: true })) !== undefined;
  // An existing directory merged into keeps its own permissions and times under 'skip'.
  if (created || restore.options.overwrite === 'overwrite') restore.directories.push({ path, metadata });
  restore.result.restoredDirectories++;
}

async function restoreFile(restore: Restore, path: string, entry: Extract<RecoveredEntry, { type: 'file' }>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.dpmsh-restore-${randomBytes(6).toString('hex')}`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    const written = await writeContent(handle, entry.content(), entry.sparse, restore.context.signal);
    await applyToHandle(handle, entry.metadata);
    await handle.close();
    // rename replaces a file or link in place, never following it; a directory in the way goes first.
    if ((await existing(path))?.isDirectory() === true) {
      await rm(path, { recursive: true, force: true });
      restore.guard.forget(path);
    }
    await rename(temporary, path);
    restore.result.restoredFiles++;
    restore.result.restoredBytes += written;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}
