/** File-system items as the .NET-shaped objects scripts expect: System.IO.FileInfo and DirectoryInfo. */
import { readFileSync, readlinkSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { registerClass, PSDateTime, PSObject } from '@dpmsh/runtime';

const ITEM_BASE_TYPES = ['System.IO.FileSystemInfo', 'System.MarshalByRefObject', 'System.Object'];

// GetType(), -is and catch see the .NET types of the items.
registerClass('System.IO.FileSystemInfo', { baseTypeNames: ITEM_BASE_TYPES.slice(1) });
registerClass('System.IO.FileInfo', { baseTypeNames: ITEM_BASE_TYPES });
registerClass('System.IO.DirectoryInfo', { baseTypeNames: ITEM_BASE_TYPES });

/** The names of /etc/passwd or /etc/group by id, read once: pwsh's User and Group columns. */
function idNames(file: string): ReadonlyMap<number, string> {
  const names = new Map<number, string>();
  try {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const fields = line.split(':');
      if (fields.length >= 3 && /^\d+$/.test(fields[2]!)) names.set(Number(fields[2]), fields[0]!);
    }
  } catch {
    // No such file (Windows, a minimal container): ids print as numbers.
  }
  return names;
}

let users: ReadonlyMap<number, string> | undefined;
let groups: ReadonlyMap<number, string> | undefined;

function userName(uid: number): string {
  users ??= idNames('/etc/passwd');
  return users.get(uid) ?? String(uid);
}

function groupName(gid: number): string {
  groups ??= idNames('/etc/group');
  return groups.get(gid) ?? String(gid);
}

function unixMode(stats: Stats): string {
  const bits = stats.mode;
  const kind = stats.isDirectory() ? 'd' : stats.isSymbolicLink() ? 'l' : '-';
  const rwx = (shift: number): string => `${bits & (4 << shift) ? 'r' : '-'}${bits & (2 << shift) ? 'w' : '-'}${bits & (1 << shift) ? 'x' : '-'}`;
  return kind + rwx(6) + rwx(3) + rwx(0);
}

function linkTarget(path: string): string | null {
  try {
    return readlinkSync(path);
  } catch {
    return null;
  }
}

/** The item object of a path, from its stats (lstat's for a symbolic link, so it shows as one). */
export function fileItem(path: string, stats: Stats): PSObject {
  const directory = stats.isDirectory();
  const typeName = directory ? 'System.IO.DirectoryInfo' : 'System.IO.FileInfo';
  const o = new PSObject([typeName, ...ITEM_BASE_TYPES]);
  const name = basename(path) || path;
  o.addNote('Name', name);
  o.addNote('FullName', path);
  o.addNote('Extension', directory ? '' : extname(name));
  o.addNote('BaseName', directory ? name : name.slice(0, name.length - extname(name).length));
  if (!directory) o.addNote('Length', stats.size);
  o.addNote('UnixMode', unixMode(stats));
  o.addNote('User', userName(stats.uid));
  o.addNote('Group', groupName(stats.gid));
  o.addNote('Size', stats.size);
  o.addNote('LinkType', stats.isSymbolicLink() ? 'SymbolicLink' : null);
  o.addNote('Target', stats.isSymbolicLink() ? linkTarget(path) : null);
  o.addNote('LastWriteTime', new PSDateTime(stats.mtimeMs));
  o.addNote('CreationTime', new PSDateTime(stats.birthtimeMs));
  o.addNote('LastAccessTime', new PSDateTime(stats.atimeMs));
  o.addNote('Exists', true);
  o.addNote('PSIsContainer', directory);
  o.addNote(directory ? 'Parent' : 'DirectoryName', dirname(path));
  o.addNote('PSPath', `Microsoft.PowerShell.Core\\FileSystem::${path}`);
  o.addNote('PSParentPath', `Microsoft.PowerShell.Core\\FileSystem::${dirname(path)}`);
  o.addNote('PSChildName', name);
  o.toDotNetString = () => path;
  return o;
}
