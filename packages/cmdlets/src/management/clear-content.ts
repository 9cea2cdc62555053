/** Clear-Content: empties files, keeping them. */
import type { PSSwitch } from '@dpmsh/runtime';
import { truncate } from 'node:fs/promises';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { existingItemPaths, statOrUndefined } from './item-paths.js';
import { isDirectoryError, pathParameters } from './content-files.js';

const all = ALL_PARAMETER_SETS;

/** Clear-Content. */
export const clearContent = defineCmdlet<{ Path?: string[]; LiteralPath?: string[]; Force?: PSSwitch }>({
  name: 'Clear-Content',
  aliases: ['clc'],
  defaultParameterSet: 'Path',
  parameters: [...pathParameters, { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Clears read-only files too.' }],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  help: {
    synopsis: 'Deletes the contents of an item, but does not delete the item.',
    description: 'Empties files, keeping them.',
    examples: [
      {
        title: 'Empty a file',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"clc-example-$PID\") -Force\n$f = Join-Path $d log.txt\nSet-Content $f 'old'\nClear-Content $f\n(Get-Item $f).Length\nRemove-Item $d -Recurse",
        output: '0',
      },
    ],
  },
  async process(ctx) {
    for (const path of existingItemPaths(ctx.session, ctx.params, (record) => ctx.writeError(record))) {
      if (statOrUndefined(path)?.isDirectory()) {
        ctx.writeError(isDirectoryError(path, 'clear'));
        continue;
      }
      if (!(await ctx.shouldProcess(`Item: ${path}`, 'Clear Content'))) continue;
      await truncate(path, 0);
    }
  },
});
