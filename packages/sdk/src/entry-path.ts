/**
 * The entry-path rules, shared by plugins (to build paths) and hosts (to refuse bad ones before
 * anything is written): relative to the data source, '/'-separated, never starting with '/', never
 * with an empty, '.' or '..' part, never with a NUL character. The data source's root has no path.
 */
import type { EntryPath } from './contract.js';
import { EntryPathError } from './errors.js';

/** Why `path` is not an entry path, or undefined when it is one. */
export function entryPathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string') return 'it is not a string';
  if (path === '') return 'it is empty (the data source root has no entry path)';
  if (path.includes('\0')) return 'it contains a NUL character';
  if (path.startsWith('/')) return "it starts with '/' (entry paths are relative)";
  for (const part of path.split('/')) {
    if (part === '') return "it has an empty part ('//' or a trailing '/')";
    if (part === '.' || part === '..') return `it has a '${part}' part`;
  }
  return undefined;
}

/** True when `value` follows the entry-path rules. */
export function isEntryPath(value: unknown): value is EntryPath {
  return entryPathProblem(value) === undefined;
}

/** Returns `path` when it follows the entry-path rules; throws an EntryPathError saying why not otherwise. */
export function validateEntryPath(path: string): EntryPath {
  const problem = entryPathProblem(path);
  if (problem !== undefined) throw new EntryPathError(path, problem);
  return path;
}

/** The entry path of `name` inside `parent` ('' for the data source root); `name` must be one part. */
export function joinEntryPath(parent: EntryPath | '', name: string): EntryPath {
  if (name.includes('/')) throw new EntryPathError(name, "a name must not contain '/'");
  return validateEntryPath(parent === '' ? name : `${parent}/${name}`);
}

/** The entry path of the directory holding `path`, or '' when it sits in the data source root. */
export function parentEntryPath(path: EntryPath): EntryPath | '' {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** True when `path` is `ancestor` itself or lies under it. */
export function isSameOrUnder(path: EntryPath, ancestor: EntryPath): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}
