/** Move-Item: moves files and folders. */
import type { PSSwitch } from '@dpmsh/runtime';
import { cp, rename, rm, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { isSwitchOn } from '@dpmsh/runtime';
import { fileItem } from './file-items.js';
import { statOrUndefined } from './item-paths.js';
import { ioError, isSystemError, sourceParameters, systemFailure, transfers } from './item-operations.js';
import type { Sources } from './item-operations.js';

const all = ALL_PARAMETER_SETS;

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
