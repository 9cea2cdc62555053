/** Remove-Item: deletes files and folders. */
import type { PSSwitch } from '@dpmsh/runtime';
import { readdir, rm } from 'node:fs/promises';
import { sep } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { isSwitchOn } from '@dpmsh/runtime';
import { statOrUndefined } from './item-paths.js';
import { ioError, isSystemError, sourceParameters, sourcesOf, systemFailure } from './item-operations.js';
import type { Sources } from './item-operations.js';

const all = ALL_PARAMETER_SETS;

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
        outputUnchecked: 'The message names the full path of the file, in a temporary folder named after the process id.',
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
