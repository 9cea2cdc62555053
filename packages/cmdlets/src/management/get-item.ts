/** Get-Item: the file or folder a path names. */
import type { PSSwitch } from '@dpmsh/runtime';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { fileItem } from './file-items.js';
import { existingItemPaths, statOrUndefined } from './item-paths.js';

const all = ALL_PARAMETER_SETS;

/** Get-Item. */
export const getItem = defineCmdlet<{ Path?: string[]; LiteralPath?: string[]; Force?: PSSwitch }>({
  name: 'Get-Item',
  defaultParameterSet: 'Path',
  parameters: [
    { name: 'Path', type: 'string[]', sets: { Path: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The items, wildcards allowed.' },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The items, taken exactly as written.' },
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Includes hidden items in wildcard matches.' },
  ],
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  help: {
    synopsis: 'Gets the item at the specified location.',
    description: 'Returns the file or folder a path names (not its content); with wildcards, every item that matches.',
    examples: [
      {
        title: 'Properties of a file',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"gi-example-$PID\") -Force\nSet-Content (Join-Path $d data.csv) 'a,b'\n$item = Get-Item (Join-Path $d data.csv)\n$item.Name, $item.Extension, $item.Length\nRemove-Item $d -Recurse",
        output: 'data.csv\n.csv\n4',
      },
    ],
  },
  async process(ctx) {
    for (const path of existingItemPaths(ctx.session, ctx.params, (record) => ctx.writeError(record))) {
      const stats = statOrUndefined(path);
      if (stats) await ctx.write(fileItem(path, stats));
    }
  },
});
