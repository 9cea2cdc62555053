/** Rename-Item: gives a file or folder a new name in its folder. */
import type { PSSwitch } from '@dpmsh/runtime';
import { rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord, isSwitchOn } from '@dpmsh/runtime';
import { resolveFileSystemPath } from '../session/location.js';
import { fileItem } from './file-items.js';
import { itemNotFound, resolveItemPaths, statOrUndefined } from './item-paths.js';
import { ioError, isSystemError, systemFailure } from './item-operations.js';

const all = ALL_PARAMETER_SETS;

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
