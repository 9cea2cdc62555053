/**
 * The paths the item cmdlets work on, as PowerShell's FileSystem provider globs them: relative
 * to the session's location, `~` for $HOME, and wildcards (`*`, `?`, `[a-z]`) in any segment
 * expanded against the directories that exist. -LiteralPath takes a path as written.
 */
import { readdirSync, statSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { errorRecord, hasWildcard, matchWildcard } from '@dpmsh/runtime';
import type { ErrorRecord } from '@dpmsh/runtime';
import type { Session } from '../session/session.js';
import { resolveFileSystemPath } from '../session/location.js';

/** One path a cmdlet was given, resolved: the existing paths it names, and whether it was a wildcard. */
export interface ResolvedPaths {
  readonly paths: readonly string[];
  readonly wildcard: boolean;
  /** The absolute path, for "Cannot find path" when nothing matched a path without wildcards. */
  readonly full: string;
}

/** Compares names as pwsh sorts directory listings (case-insensitive, then ordinal). */
export function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The stats of a path, or undefined when it does not exist. */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The entries of a directory sorted as pwsh lists them: folders first, then files, each by name. */
export function sortedEntries(directory: string): Dirent[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  const isDir = (e: Dirent): boolean => e.isDirectory() || (e.isSymbolicLink() && statOrUndefined(join(directory, e.name))?.isDirectory() === true);
  const dirs = entries.filter(isDir).sort((a, b) => compareNames(a.name, b.name));
  const files = entries.filter((e) => !isDir(e)).sort((a, b) => compareNames(a.name, b.name));
  return [...dirs, ...files];
}

/** True for a Unix hidden item: its name starts with a dot. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.') && name !== '.' && name !== '..';
}

/** Removes the backtick escapes of a path without wildcards, so `a``[1``].txt` names `a[1].txt`. */
function unescapeWildcard(path: string): string {
  return path.replace(/`(.)/g, '$1');
}

/** Expands one path: literal when `literal`, else with its wildcards matched against the file system. */
export function resolveItemPaths(session: Pick<Session, 'location' | 'home'>, path: string, literal: boolean): ResolvedPaths {
  const base = { location: session.location, home: session.home };
  if (literal || !hasWildcard(path)) {
    const full = resolveFileSystemPath(literal ? path : unescapeWildcard(path), base);
    return { paths: statOrUndefined(full) ? [full] : [], wildcard: false, full };
  }
  const full = resolveFileSystemPath(path, base);
  const segments = full.split(sep).filter((s) => s !== '');
  let candidates: string[] = [sep];
  for (const segment of segments) {
    const next: string[] = [];
    for (const dir of candidates) {
      if (!hasWildcard(segment)) {
        const child = join(dir, unescapeWildcard(segment));
        if (statOrUndefined(child)) next.push(child);
        continue;
      }
      for (const entry of sortedEntries(dir)) {
        // A wildcard matches hidden (dot) items only when the pattern itself starts with a dot.
        if (isHiddenName(entry.name) && !segment.startsWith('.')) continue;
        if (matchWildcard(entry.name, segment)) next.push(join(dir, entry.name));
      }
    }
    candidates = next;
    if (candidates.length === 0) break;
  }
  return { paths: candidates, wildcard: true, full };
}

/** PowerShell's ItemNotFoundException for a path, with the command's error id. */
export function itemNotFound(path: string, errorId = 'PathNotFound'): ErrorRecord {
  return errorRecord(`Cannot find path '${path}' because it does not exist.`, errorId, 'ObjectNotFound', {
    typeName: 'System.Management.Automation.ItemNotFoundException',
    targetObject: path,
  });
}

/** A path relative to a base folder, as Resolve-Path -Relative prints it (`./a.txt`, `../b`). */
export function relativePath(from: string, to: string): string {
  const rel = relative(from, to);
  if (rel === '') return '.';
  return rel.startsWith('..') ? rel : `.${sep}${rel}`;
}

/**
 * The existing paths -Path (wildcards expanded) or -LiteralPath name, one given path at a time, so
 * "Cannot find path" for a missing one (a wildcard matching nothing is no error) comes in order with
 * what the command does with the paths before it.
 */
export function* existingItemPaths(
  session: Pick<Session, 'location' | 'home'>,
  params: { readonly Path?: readonly string[]; readonly LiteralPath?: readonly string[] },
  report: (record: ErrorRecord) => void,
): Generator<string> {
  const literal = params.LiteralPath !== undefined;
  for (const given of params.LiteralPath ?? params.Path ?? []) {
    const resolved = resolveItemPaths(session, given, literal);
    if (resolved.paths.length === 0 && !resolved.wildcard) report(itemNotFound(resolved.full));
    yield* resolved.paths;
  }
}
