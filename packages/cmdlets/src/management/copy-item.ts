/** Copy-Item: copies files and folders. */
import type { PSSwitch } from '@dpmsh/runtime';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletContext } from '../session/cmdlet.js';
import { isSwitchOn } from '@dpmsh/runtime';
import { fileItem } from './file-items.js';
import { sortedEntries, statOrUndefined } from './item-paths.js';
import { ioError, isSystemError, sourceParameters, systemFailure, transfers } from './item-operations.js';
import type { Sources } from './item-operations.js';

const all = ALL_PARAMETER_SETS;

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
