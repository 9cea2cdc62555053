/**
 * File-system paths as PowerShell reads them: relative to the session's location (never the
 * process's working directory), `~` for $HOME, `\` as a separator on every platform, and the
 * FileSystem provider prefix that some scripts write.
 */
import { isAbsolute, resolve, sep } from 'node:path';
import { statSync } from 'node:fs';
import { errorRecord } from '@dpmsh/runtime';
import type { ErrorRecord } from '@dpmsh/runtime';

const PROVIDER_PREFIX = /^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::/i;

/** A path made absolute: provider prefix dropped, `~` expanded, separators normalized, resolved against `location`. */
export function resolveFileSystemPath(path: string, base: { location: string; home: string }): string {
  let p = path.replace(PROVIDER_PREFIX, '');
  if (sep === '/') p = p.replace(/\\/g, '/');
  if (p === '~') p = base.home;
  else if (p.startsWith('~/') || p.startsWith(`~${sep}`)) p = base.home + p.slice(1);
  if (p === '') return base.location;
  return isAbsolute(p) ? resolve(p) : resolve(base.location, p);
}

/** True when the path is an existing directory. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** PowerShell's ItemNotFoundException for a path: "Cannot find path 'X' because it does not exist." */
export function pathNotFound(path: string): ErrorRecord {
  return errorRecord(`Cannot find path '${path}' because it does not exist.`, 'PathNotFound', 'ObjectNotFound', {
    typeName: 'System.Management.Automation.ItemNotFoundException',
    targetObject: path,
  });
}
