/**
 * Finding scripts and programs on PATH. PowerShell looks there after aliases, functions and
 * cmdlets; a script (`name.ps1`) wins over a program of the same name, as ExternalScript comes
 * before Application in PowerShell's command order.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A file found on PATH. */
export interface PathCommand {
  readonly kind: 'ExternalScript' | 'Application';
  /** The file name as it is on disk (`ls`, `deploy.ps1`). */
  readonly name: string;
  readonly path: string;
}

/** True for a regular file. */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** True for a regular file this process may execute. */
export function isExecutableFile(path: string): boolean {
  if (!isFile(path)) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** True for a PowerShell script file name. */
export function isScriptFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.ps1');
}

/**
 * Searches PATH, caching hits per PATH value: a changed `$env:PATH` starts a fresh cache. Misses
 * are not cached, so a program installed during the session is found on the next try; a cached
 * hit is checked again before it is returned, so a deleted one is not.
 */
export class PathSearcher {
  #pathValue: string | undefined;
  #hits = new Map<string, PathCommand>();

  /** The script or program `name` on PATH, or undefined. Names are case-sensitive, as the file system is. */
  find(name: string, pathValue: string | undefined): PathCommand | undefined {
    if (!pathValue) return undefined;
    if (pathValue !== this.#pathValue) {
      this.#pathValue = pathValue;
      this.#hits.clear();
    }
    const cached = this.#hits.get(name);
    if (cached && (cached.kind === 'ExternalScript' ? isFile(cached.path) : isExecutableFile(cached.path))) return cached;
    this.#hits.delete(name);
    const found = search(name, directories(pathValue));
    if (found) this.#hits.set(name, found);
    return found;
  }

  /** Every script and program on PATH whose file name passes `accept`, first occurrence of each name only. */
  list(pathValue: string | undefined, accept: (fileName: string) => boolean): PathCommand[] {
    if (!pathValue) return [];
    const seen = new Set<string>();
    const out: PathCommand[] = [];
    for (const dir of directories(pathValue)) {
      let entries: string[];
      try {
        entries = readdirSync(dir);
      } catch {
        continue;
      }
      for (const entry of entries.sort()) {
        if (seen.has(entry) || !accept(entry)) continue;
        const path = join(dir, entry);
        if (isScriptFileName(entry) ? isFile(path) : isExecutableFile(path)) {
          seen.add(entry);
          out.push({ kind: isScriptFileName(entry) ? 'ExternalScript' : 'Application', name: entry, path });
        }
      }
    }
    return out;
  }

  /** Forgets every cached hit. */
  clear(): void {
    this.#pathValue = undefined;
    this.#hits.clear();
  }
}

function directories(pathValue: string): string[] {
  return pathValue.split(delimiter).filter((d) => d.length > 0);
}

function search(name: string, dirs: readonly string[]): PathCommand | undefined {
  const scriptName = isScriptFileName(name) ? name : `${name}.ps1`;
  for (const dir of dirs) {
    const path = join(dir, scriptName);
    if (isFile(path)) return { kind: 'ExternalScript', name: scriptName, path };
  }
  if (isScriptFileName(name)) return undefined;
  for (const dir of dirs) {
    const path = join(dir, name);
    if (isExecutableFile(path)) return { kind: 'Application', name, path };
  }
  return undefined;
}
