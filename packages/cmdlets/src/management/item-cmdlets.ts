/** Remove-Item, Copy-Item, Move-Item and Rename-Item on the file system. */
import type { PSSwitch, ErrorRecord } from '@dpmsh/runtime';
import { cp, mkdir, readdir, rename, rm, stat, copyFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletContext } from '../session/cmdlet.js';
import { errorRecord, matchWildcard, isSwitchOn } from '@dpmsh/runtime';
import { resolveFileSystemPath } from '../session/location.js';
import { fileItem } from './file-items.js';
import { existingItemPaths, itemNotFound, resolveItemPaths, sortedEntries, statOrUndefined } from './item-paths.js';

const all = ALL_PARAMETER_SETS;

const pathParameters = (pipeline: boolean): readonly ParameterMetadata[] => [
  { name: 'Path', type: 'string[]', sets: { Path: { mandatory: true, position: 0, valueFromPipeline: pipeline, valueFromPipelineByPropertyName: true } }, description: 'The items, wildcards allowed.' },
  { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The items, taken exactly as written.' },
];

/** Path and LiteralPath, an optional -Destination (Copy-Item, Move-Item), then the -Filter, -Include and -Exclude that narrow the items. */
const sourceParameters = (destination?: string): readonly ParameterMetadata[] => [
  ...pathParameters(true),
  ...(destination === undefined ? [] : [{ name: 'Destination', type: 'string', sets: { [all]: { position: 1, valueFromPipelineByPropertyName: true } }, description: destination }]),
  { name: 'Filter', type: 'string', sets: { [all]: {} }, description: 'A wildcard the names must match.' },
  { name: 'Include', type: 'string[]', sets: { [all]: {} }, description: 'Only items whose name matches one of these wildcards.' },
  { name: 'Exclude', type: 'string[]', sets: { [all]: {} }, description: 'Leaves out items whose name matches one of these wildcards.' },
];

interface Sources {
  Path?: string[];
  LiteralPath?: string[];
  Include?: string[];
  Exclude?: string[];
  Filter?: string;
}

/** The existing items a Path/LiteralPath names, reporting "Cannot find path" for missing literal paths. */
function sourcesOf(ctx: CmdletContext<Sources>): string[] {
  const out: string[] = [];
  for (const path of existingItemPaths(ctx.session, ctx.params, (record) => ctx.writeError(record))) {
    const name = basename(path);
    if (ctx.params.Filter && !matchWildcard(name, ctx.params.Filter)) continue;
    if (ctx.params.Include?.length && !ctx.params.Include.some((p) => matchWildcard(name, p))) continue;
    if (ctx.params.Exclude?.some((p) => matchWildcard(name, p))) continue;
    out.push(path);
  }
  return out;
}

function ioError(message: string, errorId: string, target: string, typeName = 'System.IO.IOException'): ErrorRecord {
  return errorRecord(message, errorId, 'WriteError', { typeName, targetObject: target });
}

/** An operating-system failure as the .NET exception pwsh reports for it. */
function systemFailure(error: unknown, errorId: string, target: string): ErrorRecord {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return errorRecord(`Could not find a part of the path '${e.path ?? target}'.`, errorId, 'WriteError', { typeName: 'System.IO.DirectoryNotFoundException', targetObject: target });
    case 'EACCES':
    case 'EPERM':
      return errorRecord(`Access to the path '${e.path ?? target}' is denied.`, errorId, 'PermissionDenied', { typeName: 'System.UnauthorizedAccessException', targetObject: target });
    case 'EEXIST':
    case 'ENOTEMPTY':
      return ioError('Cannot create a file when that file already exists.', errorId, target);
    default:
      return ioError(e.message, errorId, target);
  }
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** Remove-Item. */
export const removeItem = defineCmdlet<Sources & { Recurse?: PSSwitch; Force?: PSSwitch }>({
  name: 'Remove-Item',
  defaultParameterSet: 'Path',
  parameters: [
    ...sourceParameters(),
    { name: 'Recurse', type: 'switch', aliases: ['r'], sets: { [all]: {} }, description: 'Removes folders with everything in them.' },
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Removes hidden and read-only items too.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  help: {
    synopsis: 'Deletes the specified items.',
    description:
      'Deletes files and folders. A folder that is not empty is removed only with -Recurse; without it PowerShell asks first, which fails in a non-interactive session. -WhatIf shows what would be removed.',
    examples: [
      {
        title: 'Remove a folder and its content',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"ri-example-$PID\") -Force\nNew-Item (Join-Path $d 'a/b.txt') -Force | Out-Null\nRemove-Item $d -Recurse\nTest-Path $d",
        output: 'False',
      },
      {
        title: 'See what would be removed',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"ri-example2-$PID\") -Force\nSet-Location $d\nNew-Item old.log | Out-Null\nRemove-Item ./old.log -WhatIf\nSet-Location ..\nRemove-Item $d -Recurse",
      },
    ],
  },
  async process(ctx) {
    for (const path of sourcesOf(ctx)) {
      const stats = statOrUndefined(path);
      if (!stats) continue;
      const directory = stats.isDirectory();
      if (directory && (ctx.session.location === path || ctx.session.location.startsWith(path + sep))) {
        ctx.writeError(ioError(`Cannot remove the item at '${path}' because it is in use.`, 'InvalidOperation', path, 'System.Management.Automation.PSInvalidOperationException'));
        continue;
      }
      if (!(await ctx.shouldProcess(path, directory ? 'Remove Directory' : 'Remove File'))) continue;
      if (directory && !isSwitchOn(ctx.params.Recurse) && (await readdir(path)).length > 0) {
        const query = `The item at ${path} has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?`;
        if (!(await ctx.shouldContinue(query, 'Confirm'))) continue;
      }
      try {
        await rm(path, { recursive: directory, force: false });
      } catch (error) {
        if (!isSystemError(error)) throw error;
        ctx.writeError(systemFailure(error, directory ? 'RemoveFileSystemItemIOError' : 'RemoveFileSystemItemUnAuthorizedAccess', path));
      }
    }
  },
});

/** Where an item goes: into `destination` when that is an existing folder, else to `destination` itself. */
function targetPath(source: string, destination: string): string {
  return statOrUndefined(destination)?.isDirectory() ? join(destination, basename(source)) : destination;
}

/** Each existing item Copy-Item or Move-Item takes, with where it goes; worked out one by one, as the previous one may have created the destination folder. */
function* transfers(ctx: CmdletContext<Sources & { Destination?: string }>): Generator<{ source: string; directory: boolean; target: string }> {
  const destination = resolveFileSystemPath(ctx.params.Destination ?? '.', { location: ctx.session.location, home: ctx.session.home });
  for (const source of sourcesOf(ctx)) {
    const stats = statOrUndefined(source);
    if (stats) yield { source, directory: stats.isDirectory(), target: targetPath(source, destination) };
  }
}

/** Copies a folder's content below `target` (created), emitting each new item for -PassThru. */
async function copyTree(ctx: CmdletContext<CopyParams>, source: string, target: string, recurse: boolean, created: string[]): Promise<void> {
  await mkdir(target, { recursive: true });
  created.push(target);
  if (!recurse) return;
  for (const entry of sortedEntries(source)) {
    const from = join(source, entry.name);
    const to = join(target, entry.name);
    if (statOrUndefined(from)?.isDirectory()) await copyTree(ctx, from, to, true, created);
    else {
      await copyFile(from, to);
      created.push(to);
    }
  }
}

interface CopyParams extends Sources {
  Destination?: string;
  Recurse?: PSSwitch;
  Force?: PSSwitch;
  PassThru?: PSSwitch;
  Container?: PSSwitch;
}

/** Copy-Item. */
export const copyItem = defineCmdlet<CopyParams>({
  name: 'Copy-Item',
  defaultParameterSet: 'Path',
  parameters: [
    ...sourceParameters('Where to copy to: a folder to copy into, or the new path; the current location by default.'),
    { name: 'Recurse', type: 'switch', sets: { [all]: {} }, description: 'Copies folders with their content.' },
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Overwrites read-only files.' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Returns the items created.' },
    { name: 'Container', type: 'switch', sets: { [all]: {} }, description: 'Keeps the folder structure (always, on the file system).' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  help: {
    synopsis: 'Copies an item from one location to another.',
    description:
      'Copies files and folders. A file copied to an existing folder goes into it; otherwise the destination is the new path. A folder is copied with its content only with -Recurse. Existing files are overwritten.',
    examples: [
      {
        title: 'Copy a folder tree',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"cpi-example-$PID\") -Force\nNew-Item (Join-Path $d 'src/a.txt') -Force | Out-Null\nCopy-Item (Join-Path $d src) (Join-Path $d dst) -Recurse\nGet-ChildItem (Join-Path $d dst) -Name\nRemove-Item $d -Recurse",
        output: 'a.txt',
      },
    ],
  },
  async process(ctx) {
    for (const { source, directory, target } of transfers(ctx)) {
      if (target === source || (directory && target.startsWith(source + sep))) {
        ctx.writeError(ioError(`Cannot overwrite the item ${source} with itself.`, directory ? 'CopyContainerItemToLeafError' : 'CopyError', source));
        continue;
      }
      if (!(await ctx.shouldProcess(`Item: ${source} Destination: ${target}`, directory ? 'Copy Directory' : 'Copy File'))) continue;
      const created: string[] = [];
      try {
        if (directory) await copyTree(ctx, source, target, isSwitchOn(ctx.params.Recurse), created);
        else {
          if (statOrUndefined(target)?.isDirectory()) {
            ctx.writeError(ioError(`Cannot overwrite directory '${target}' with non-directory '${source}'.`, 'CopyError', source));
            continue;
          }
          await copyFile(source, target);
          created.push(target);
        }
      } catch (error) {
        if (!isSystemError(error)) throw error;
        ctx.writeError(systemFailure(error, directory ? 'CopyDirectoryInfoItemIOError' : 'CopyFileInfoItemIOError', source));
        continue;
      }
      if (isSwitchOn(ctx.params.PassThru)) for (const path of created) await ctx.write(fileItem(path, await stat(path)));
    }
  },
});

/** Renames or moves a path, across file systems too (copy, then remove). */
async function movePath(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if (!isSystemError(error) || error.code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true, errorOnExist: true, force: false });
    await rm(from, { recursive: true });
  }
}

/** Move-Item. */
export const moveItem = defineCmdlet<Sources & { Destination?: string; Force?: PSSwitch; PassThru?: PSSwitch }>({
  name: 'Move-Item',
  defaultParameterSet: 'Path',
  parameters: [
    ...sourceParameters('A folder to move into, or the new path; the current location by default.'),
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Replaces an existing file at the destination.' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Returns the moved items.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  help: {
    synopsis: 'Moves an item from one location to another.',
    description: 'Moves (or renames) files and folders. An item moved to an existing folder goes into it. An existing file at the destination is replaced only with -Force.',
    examples: [
      {
        title: 'Move files into a folder',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"mi-example-$PID\") -Force\nSet-Location $d\nNew-Item a.log, b.log | Out-Null\nNew-Item -ItemType Directory logs | Out-Null\nMove-Item *.log logs\nGet-ChildItem logs -Name\nSet-Location ..\nRemove-Item $d -Recurse",
        output: 'a.log\nb.log',
      },
    ],
  },
  async process(ctx) {
    for (const { source, directory, target } of transfers(ctx)) {
      if (target === source) continue;
      if (directory && target.startsWith(source + sep)) {
        ctx.writeError(ioError(`Destination path cannot be a subdirectory of the source: ${target}.`, 'MoveDirectoryItemArgumentError', source, 'System.ArgumentException'));
        continue;
      }
      if (!(await ctx.shouldProcess(`Item: ${source} Destination: ${target}`, directory ? 'Move Directory' : 'Move File'))) continue;
      const existing = statOrUndefined(target);
      if (existing && (directory || existing.isDirectory() || !isSwitchOn(ctx.params.Force))) {
        ctx.writeError(ioError('Cannot create a file when that file already exists.', directory ? 'MoveDirectoryItemIOError' : 'MoveFileInfoItemIOError', source));
        continue;
      }
      try {
        await movePath(source, target);
      } catch (error) {
        if (!isSystemError(error)) throw error;
        ctx.writeError(systemFailure(error, directory ? 'MoveDirectoryItemIOError' : 'MoveFileInfoItemIOError', source));
        continue;
      }
      if (isSwitchOn(ctx.params.PassThru)) await ctx.write(fileItem(target, await stat(target)));
    }
  },
});

/** Rename-Item. */
export const renameItem = defineCmdlet<{ Path?: string; LiteralPath?: string; NewName: string; Force?: PSSwitch; PassThru?: PSSwitch }>({
  name: 'Rename-Item',
  aliases: ['rni', 'ren'],
  defaultParameterSet: 'ByPath',
  parameters: [
    { name: 'Path', type: 'string', sets: { ByPath: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The item to rename.' },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], sets: { ByLiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The item, taken exactly as written.' },
    { name: 'NewName', type: 'string', sets: { [all]: { mandatory: true, position: 1, valueFromPipelineByPropertyName: true } }, description: 'The new name (a name, not a path to elsewhere).' },
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Renames hidden and read-only items too.' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Returns the renamed item.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  help: {
    synopsis: 'Renames an item.',
    description: 'Gives a file or folder a new name in the same folder. Use Move-Item to move it elsewhere.',
    examples: [
      {
        title: 'Rename a file',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"rni-example-$PID\") -Force\nNew-Item (Join-Path $d draft.txt) | Out-Null\n(Rename-Item (Join-Path $d draft.txt) final.txt -PassThru).Name\nRemove-Item $d -Recurse",
        output: 'final.txt',
      },
    ],
  },
  async process(ctx) {
    const literal = ctx.params.LiteralPath !== undefined;
    const given = ctx.params.LiteralPath ?? ctx.params.Path ?? '';
    const resolved = resolveItemPaths(ctx.session, given, literal);
    if (resolved.paths.length === 0) {
      ctx.writeError(itemNotFound(resolved.full));
      return;
    }
    for (const source of resolved.paths) {
      const parent = dirname(source);
      const newName = ctx.params.NewName.replace(/\\/g, '/');
      const target = newName.includes('/') ? resolveFileSystemPath(newName, { location: ctx.session.location, home: ctx.session.home }) : join(parent, newName);
      if (dirname(target) !== parent) {
        ctx.writeError(
          errorRecord('Cannot rename the specified target, because it represents a path or device name.', 'Argument', 'InvalidArgument', {
            typeName: 'System.Management.Automation.PSArgumentException',
            targetObject: ctx.params.NewName,
          }),
        );
        continue;
      }
      const directory = statOrUndefined(source)?.isDirectory() === true;
      if (!(await ctx.shouldProcess(`Item: ${source} Destination: ${target}`, directory ? 'Rename Directory' : 'Rename File'))) continue;
      if (statOrUndefined(target) && target !== source) {
        ctx.writeError(ioError('Cannot create a file when that file already exists.', 'RenameItemIOError', source));
        continue;
      }
      try {
        await rename(source, target);
      } catch (error) {
        if (!isSystemError(error)) throw error;
        ctx.writeError(systemFailure(error, 'RenameItemIOError', source));
        continue;
      }
      if (isSwitchOn(ctx.params.PassThru)) await ctx.write(fileItem(target, await stat(target)));
    }
  },
});
