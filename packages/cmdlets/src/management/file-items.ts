/** File-system items as the .NET-shaped objects scripts expect: System.IO.FileInfo and DirectoryInfo. */
import type { Stats } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { CUSTOM_OBJECT_TYPE_NAMES, PSDateTime, PSObject } from '../runtime/values.js';

function unixMode(stats: Stats): string {
  const bits = stats.mode;
  const kind = stats.isDirectory() ? 'd' : stats.isSymbolicLink() ? 'l' : '-';
  const rwx = (shift: number): string => `${bits & (4 << shift) ? 'r' : '-'}${bits & (2 << shift) ? 'w' : '-'}${bits & (1 << shift) ? 'x' : '-'}`;
  return kind + rwx(6) + rwx(3) + rwx(0);
}

/** The item object of a path, from its stats. */
export function fileItem(path: string, stats: Stats): PSObject {
  const directory = stats.isDirectory();
  const typeName = directory ? 'System.IO.DirectoryInfo' : 'System.IO.FileInfo';
  const o = new PSObject([typeName, 'System.IO.FileSystemInfo', 'System.MarshalByRefObject', ...CUSTOM_OBJECT_TYPE_NAMES]);
  const name = basename(path) || path;
  o.addNote('Name', name);
  o.addNote('FullName', path);
  o.addNote('Extension', directory ? '' : extname(name));
  o.addNote('BaseName', directory ? name : name.slice(0, name.length - extname(name).length));
  if (!directory) o.addNote('Length', stats.size);
  o.addNote('UnixMode', unixMode(stats));
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
