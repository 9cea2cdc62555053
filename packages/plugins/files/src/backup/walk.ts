/**
 * The backup of a folder or volume: a depth-first walk in sorted name order (so two backups of
 * the same tree yield the same sequence), each directory before what it holds. It stays on the
 * data source's file system, skips what the file-type rules skip with a warning naming each, and
 * goes on past entries that vanish or cannot be read.
 */
import type { Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupEntry, BackupOptions, DataSourceInfo, EntryPath, PluginContext } from '@dpmsh/sdk';
import { joinEntryPath } from '@dpmsh/sdk';
import { dataSourceNotFound, errorCode } from '../errors/plugin-errors.js';
import { HardLinks } from './hard-links.js';
import { isSparse, metadataOf } from './metadata.js';
import { fileContent, openForBackup } from './read-content.js';
import { skippedBadName, skippedContents, skippedForType, skippedHardLink, skippedMountPoint, skippedUnreadable } from './skip-messages.js';
import { isUnchanged } from './unchanged.js';

// Errors that mean "this entry is gone or closed to us": warn and go on. Anything else (EIO...) fails the backup.
const PASSABLE = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'ELOOP']);

interface Walk {
  readonly root: string;
  readonly device: number;
  readonly options: BackupOptions;
  readonly context: PluginContext;
  readonly hardLinks: HardLinks;
}

/** The root directory of a data source; throws DataSourceNotFound when it is missing or no directory. */
async function rootOf(source: DataSourceInfo): Promise<{ root: string; stats: Stats }> {
  const root = source.path ?? source.id;
  let stats: Stats;
  try {
    stats = await lstat(root);
  } catch (error) {
    throw dataSourceNotFound(root, errorCode(error) === 'ENOENT' ? 'it does not exist' : `it cannot be read (${errorCode(error) ?? String(error)})`);
  }
  if (!stats.isDirectory()) throw dataSourceNotFound(root, 'it is not a directory');
  return { root, stats };
}

/** The entries of a data source, for the SDK's backup(). */
export async function* backupTree(source: DataSourceInfo, options: BackupOptions, context: PluginContext): AsyncGenerator<BackupEntry> {
  const { root, stats } = await rootOf(source);
  yield* walkDirectory({ root, device: stats.dev, options, context, hardLinks: new HardLinks() }, '');
}

function absolute(walk: Walk, path: EntryPath | ''): string {
  return path === '' ? walk.root : join(walk.root, path);
}

/** The names in a directory, sorted; names that do not survive decoding as UTF-8 are skipped with a warning. */
async function namesIn(walk: Walk, path: EntryPath | ''): Promise<string[]> {
  const raw = await readdir(absolute(walk, path), { encoding: 'buffer' });
  const names: string[] = [];
  for (const bytes of raw) {
    const name = bytes.toString('utf8');
    if (Buffer.from(name, 'utf8').equals(bytes)) names.push(name);
    else walk.context.warn(skippedBadName(join(absolute(walk, path), name)));
  }
  return names.sort();
}

async function* walkDirectory(walk: Walk, path: EntryPath | ''): AsyncGenerator<BackupEntry> {
  let names: string[];
  try {
    names = await namesIn(walk, path);
  } catch (error) {
    if (!PASSABLE.has(errorCode(error) ?? '')) throw error;
    walk.context.warn(skippedContents(absolute(walk, path), errorCode(error)));
    return;
  }
  for (const name of names) {
    walk.context.signal.throwIfAborted();
    yield* visit(walk, joinEntryPath(path, name));
  }
}

async function* visit(walk: Walk, path: EntryPath): AsyncGenerator<BackupEntry> {
  const where = absolute(walk, path);
  const { context } = walk;
  let stats: Stats;
  try {
    stats = await lstat(where);
  } catch (error) {
    if (!PASSABLE.has(errorCode(error) ?? '')) throw error;
    context.warn(skippedUnreadable(where, errorCode(error)));
    return;
  }
  if (stats.isDirectory()) {
    if (stats.dev !== walk.device) {
      context.warn(skippedMountPoint(where));
      return;
    }
    yield { type: 'directory', path, metadata: metadataOf(stats) };
    yield* walkDirectory(walk, path);
    return;
  }
  if (!stats.isFile()) {
    context.warn(skippedForType(where, stats));
    return;
  }
  const firstName = walk.hardLinks.firstNameOf(stats);
  if (firstName !== undefined) {
    context.warn(skippedHardLink(where, absolute(walk, firstName)));
    return;
  }
  const file = await fileEntry(walk, path, stats);
  if (file !== undefined) {
    walk.hardLinks.backedUp(stats, path);
    yield file;
  }
}

/** A file as unchanged or with its content; undefined (with a warning) when it cannot be opened. */
async function fileEntry(walk: Walk, path: EntryPath, stats: Stats): Promise<BackupEntry | undefined> {
  const metadata = metadataOf(stats);
  if (isUnchanged(walk.options, path, metadata)) return { type: 'unchanged', path, metadata };
  const where = absolute(walk, path);
  // Opened once here, so a file that is unreadable now is skipped with a warning instead of
  // failing the backup later, when the server reads its content.
  try {
    await (await openForBackup(where)).close();
  } catch (error) {
    if (!PASSABLE.has(errorCode(error) ?? '')) throw error;
    walk.context.warn(skippedUnreadable(where, errorCode(error)));
    return undefined;
  }
  return { type: 'file', path, metadata, sparse: isSparse(stats), content: fileContent(where, stats.size, stats.mtimeMs, walk.context) };
}
