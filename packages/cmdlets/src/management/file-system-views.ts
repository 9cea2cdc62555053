/**
 * How file-system items and locations print, after pwsh's FileSystem and PathInfo formats on
 * Unix: items as `UnixMode User Group LastWriteTime Size Name` under a `Directory: /path`
 * header per folder, a PathInfo as a one-column `Path` table.
 */
import type { FormatTable } from '../formatting/views.js';
import type { ViewColumn } from '../formatting/views.js';
import { formatDateTime, toText, PSDateTime, PSObject } from '@dpmsh/runtime';

const PROVIDER_PREFIX = 'Microsoft.PowerShell.Core\\FileSystem::';

const read = (obj: unknown, name: string): unknown => (obj instanceof PSObject ? obj.read(name) : null);

/** LastWriteTime as pwsh's view shows it: `{0:d} {0:HH}:{0:mm}`. */
function lastWriteTime(obj: unknown): string {
  const time = read(obj, 'LastWriteTime');
  return time instanceof PSDateTime ? `${formatDateTime(time, 'd')} ${formatDateTime(time, 'HH:mm')}` : '';
}

/** The name, with ` -> target` for a symbolic link (pwsh's NameString). */
function nameString(obj: unknown): string {
  const name = toText(read(obj, 'Name'));
  const target = read(obj, 'Target');
  return read(obj, 'LinkType') === 'SymbolicLink' && target ? `${name} -> ${toText(target)}` : name;
}

const ITEM_COLUMNS: readonly ViewColumn[] = [
  { property: 'UnixMode', width: 10, alignment: 'left' },
  { property: 'User', width: 10, alignment: 'right' },
  { property: 'Group', width: 10, alignment: 'left' },
  { label: 'LastWriteTime', property: lastWriteTime, width: 16, alignment: 'right' },
  { property: 'Size', width: 12, alignment: 'right' },
  { label: 'Name', property: nameString, alignment: 'left' },
];

/** Registers the views (idempotent: a view registered again replaces itself). */
export function registerFileSystemViews(formats: FormatTable): void {
  // One view for both item types, so a listing of folders and files stays one table.
  formats.register({
    typeName: 'System.IO.FileSystemInfo',
    kind: 'table',
    columns: ITEM_COLUMNS,
    groupBy: {
      property: 'PSParentPath',
      label: 'Directory',
      header: (value) => `    Directory: ${toText(value).replace(PROVIDER_PREFIX, '')}`,
    },
  });
  formats.register({ typeName: 'System.Management.Automation.PathInfo', kind: 'table', columns: [{ property: 'Path' }] });
}
