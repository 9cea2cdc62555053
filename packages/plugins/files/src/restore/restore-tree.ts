/**
 * The restore of a folder or volume: directories are created (or merged into) as they come,
 * files are written to a temporary name in their directory, synced, and renamed over their place,
 * so an item is either the old one or the whole restored one, even after a kill; directories get
 * their owners, permissions and times last, deepest first, once nothing more is written inside
 * them. Everything happens through directory handles opened without following links (target.ts),
 * and metadata is set on handles, never paths, so a link swapped into the target while the
 * restore runs leads nothing elsewhere.
 */
import { constants } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import type { EntryMetadata, EntryPath, PluginContext, RecoveredEntry, RecoveryPointReader, RestoreOptions, RestoreResult } from '@dpmsh/sdk';
import { isSameOrUnder, parentEntryPath } from '@dpmsh/sdk';
import { errorCode, restoreTargetChanged, restoreTargetExists } from '../errors/plugin-errors.js';
import { applyToHandle } from './apply-metadata.js';
import { assertNoConflicts, conflicts, existing } from './conflicts.js';
import type { Directory } from './directory.js';
import { temporaryName } from './leftovers.js';
import { removeEntry } from './remove-tree.js';
import { Settling } from './settling.js';
import type { TreeAccess } from './target.js';
import { TargetTree, targetDirectory } from './target.js';
import { writeContent } from './write-content.js';

// A new file, never through a link, never over anything: the name is fresh and only the restore writes it.
const CREATE_TEMPORARY = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

interface Restore {
  readonly tree: TargetTree;
  readonly options: RestoreOptions;
  readonly context: PluginContext;
  /** Directories whose metadata is applied at the end, by entry path. */
  readonly directories: Map<EntryPath, EntryMetadata>;
  /** Entry paths skipped with everything under them (a file stands where a directory is restored). */
  readonly blocked: EntryPath[];
  readonly settling: Settling;
  result: { restoredFiles: number; restoredDirectories: number; restoredBytes: number; skipped: number };
}

/**
 * Writes the chosen entries of a recovery point to the target, for the SDK's restore(). `access`
 * is for tests, which force the fallback used where /proc is missing.
 */
export async function restoreTree(reader: RecoveryPointReader, options: RestoreOptions, context: PluginContext, access: TreeAccess = {}): Promise<RestoreResult> {
  context.signal.throwIfAborted();
  const root = targetDirectory(reader, options);
  if (options.overwrite === 'fail') {
    // A target that does not exist yet has nothing in the way.
    const looking = await TargetTree.open(root, false, access).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    });
    if (looking !== undefined) {
      try {
        await assertNoConflicts(reader, options, looking);
      } finally {
        await looking.close();
      }
    }
  }
  const tree = await TargetTree.open(root, true, access);
  const settling = new Settling();
  try {
    const restore: Restore = { tree, options, context, directories: new Map(), blocked: [], settling, result: { restoredFiles: 0, restoredDirectories: 0, restoredBytes: 0, skipped: 0 } };
    await restoreEntries(reader, restore).catch(async (error: unknown) => {
      throw await tree.explain(error);
    });
    if (tree.leftoversRemoved > 0) context.verbose(`Removed ${tree.leftoversRemoved} temporary files an interrupted restore left in ${root}.`);
    return { ...restore.result };
  } finally {
    // Nothing may still use a handle when it closes.
    await settling.settle().catch(() => undefined);
    await tree.close();
  }
}

/** Restores every entry, then gives the directories their metadata. */
async function restoreEntries(reader: RecoveryPointReader, restore: Restore): Promise<void> {
  const { settling, tree, context, options } = restore;
  for await (const entry of reader.entries(options.items)) {
    context.signal.throwIfAborted();
    if (entry.type !== 'file' || !settling.admits(parentEntryPath(entry.path))) await settling.settle();
    await restoreEntry(restore, entry);
  }
  await settling.settle();
  await tree.finish(async (path, directory) => {
    const metadata = restore.directories.get(path);
    if (metadata !== undefined) await applyToHandle(directory.handle, metadata);
    // Makes the renames inside it last, as the file's own sync made its content last.
    await directory.handle.sync();
  });
}

async function restoreEntry(restore: Restore, entry: RecoveredEntry): Promise<void> {
  const path = restore.tree.pathOf(entry.path);
  if (restore.blocked.some((blocked) => isSameOrUnder(entry.path, blocked))) {
    if (entry.type !== 'stream') restore.result.skipped++;
    return;
  }
  if (entry.type === 'stream') {
    restore.context.warn(`Skipped the stream ${entry.streamName} of ${path}: named data streams are not supported on this platform.`);
    return;
  }
  const parent = await restore.tree.directory(parentEntryPath(entry.path));
  // The tree creates missing directories, so it always gives one.
  if (parent === undefined) throw restoreTargetChanged(path, restore.tree.root);
  const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
  const found = await existing(parent, name);
  if (conflicts(entry, found)) {
    // 'fail' was checked before anything was written; this catches an item that appeared since.
    if (restore.options.overwrite === 'fail') throw restoreTargetExists(path);
    if (restore.options.overwrite === 'skip') {
      restore.result.skipped++;
      if (entry.type === 'directory') restore.blocked.push(entry.path);
      return;
    }
  }
  if (entry.type === 'directory') {
    if (found !== undefined && !found.isDirectory()) await removeEntry(parent, name, false);
    await restoreDirectory(restore, entry.path, entry.metadata);
  } else {
    await restoreFile(restore, parent, name, entry, found?.isDirectory() === true);
  }
}

async function restoreDirectory(restore: Restore, path: EntryPath, metadata: EntryMetadata): Promise<void> {
  await restore.tree.directory(path);
  // An existing directory merged into keeps its own permissions and times under 'skip'.
  if (restore.tree.wasCreated(path) || restore.options.overwrite === 'overwrite') restore.directories.set(path, metadata);
  restore.result.restoredDirectories++;
}

async function restoreFile(restore: Restore, parent: Directory, name: string, entry: Extract<RecoveredEntry, { type: 'file' }>, replacesDirectory: boolean): Promise<void> {
  const temporary = temporaryName();
  const handle = await open(await parent.nameOf(temporary), CREATE_TEMPORARY, 0o600);
  const settle = async (): Promise<void> => {
    await handle.sync();
    await handle.close();
    // rename replaces a file or link in place, never following it; a directory in the way goes first.
    if (replacesDirectory) {
      await removeEntry(parent, name, true);
      await restore.tree.forget(entry.path);
    }
    await rename(await parent.nameOf(temporary), await parent.nameOf(name));
  };
  const undo = async (error: unknown): Promise<never> => {
    await handle.close().catch(() => undefined);
    await parent
      .nameOf(temporary)
      .then(unlink)
      .catch(() => undefined);
    throw error;
  };
  let written = 0;
  try {
    written = await writeContent(handle, entry.content(), entry.sparse, restore.context.signal);
    await applyToHandle(handle, entry.metadata);
  } catch (error) {
    await undo(error);
  }
  const done = settle().then(() => {
    restore.result.restoredFiles++;
    restore.result.restoredBytes += written;
  }, undo);
  // Removing a directory in the way is rare: it is done in order, not in flight.
  if (replacesDirectory) await done;
  else restore.settling.add(parentEntryPath(entry.path), done);
}
