/** New-Item: creates files and folders. */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord, toText, isSwitchOn } from '@dpmsh/runtime';
import { fileItem } from './file-items.js';
import type { PSSwitch } from '@dpmsh/runtime';

/** New-Item. */
export const newItem = defineCmdlet<{ Path?: string[]; Name?: string; ItemType?: string; Value?: unknown; Force?: PSSwitch }>({
  name: 'New-Item',
  defaultParameterSet: 'pathSet',
  parameters: [
    { name: 'Path', type: 'string[]', sets: { pathSet: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true }, nameSet: { position: 0, valueFromPipelineByPropertyName: true } }, description: 'Where to create the item.' },
    { name: 'Name', type: 'string', sets: { nameSet: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The new item\'s name, inside -Path.' },
    { name: 'ItemType', type: 'string', aliases: ['Type'], sets: { [ALL_PARAMETER_SETS]: { valueFromPipelineByPropertyName: true } }, validation: [{ kind: 'set', values: ['File', 'Directory'] }], defaultValueText: 'File', description: 'File or Directory.' },
    { name: 'Value', type: 'object', aliases: ['Target'], sets: { [ALL_PARAMETER_SETS]: { valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The content of a new file.' },
    { name: 'Force', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Creates missing parent folders, and replaces an existing file.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  help: {
    synopsis: 'Creates a new item.',
    description: 'Creates a file (with -Value as its content) or a folder, and returns it.',
    examples: [
      { title: 'Create a folder and the folders above it', code: "(New-Item -ItemType Directory -Path backup/staging).Name\nTest-Path backup -PathType Container", output: 'staging\nTrue' },
      { title: 'Create a file with content', code: "New-Item notes.txt -Value 'first line' | Out-Null\nGet-Content notes.txt", output: 'first line' },
    ],
  },
  async process(ctx) {
    const directory = (ctx.params.ItemType ?? 'File').toLowerCase() === 'directory';
    const force = isSwitchOn(ctx.params.Force);
    const bases = ctx.params.Path ?? ['.'];
    for (const base of bases) {
      const path = ctx.session.resolvePath(ctx.params.Name === undefined ? base : join(base, ctx.params.Name));
      if (!(await ctx.shouldProcess(`Destination: ${path}`, directory ? 'Create Directory' : 'Create File'))) continue;
      const existing = await stat(path).catch(() => undefined);
      if (existing && !(force && !directory && !existing.isDirectory()) && !(force && directory && existing.isDirectory())) {
        ctx.writeError(
          errorRecord(`An item with the specified name ${path} already exists.`, directory ? 'DirectoryExist' : 'NewItemIOError', 'ResourceExists', {
            typeName: 'System.IO.IOException',
            targetObject: path,
          }),
        );
        continue;
      }
      if (directory) await mkdir(path, { recursive: true });
      else {
        if (force) await mkdir(join(path, '..'), { recursive: true });
        await writeFile(path, ctx.params.Value === undefined || ctx.params.Value === null ? '' : toText(ctx.params.Value));
      }
      await ctx.write(fileItem(path, await stat(path)));
    }
  },
});
