/** Get-Content: reads text files. */
import type { PSSwitch } from '@dpmsh/runtime';
import { readFile } from 'node:fs/promises';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { isSwitchOn } from '@dpmsh/runtime';
import { existingItemPaths, statOrUndefined } from './item-paths.js';
import { decodeText, encodingArgument } from '../files/text-encoding.js';
import { encodingParameter, isDirectoryError, pathParameters } from './content-files.js';

const all = ALL_PARAMETER_SETS;

/** Splits text into lines as .NET's ReadLine does (CRLF, LF or CR), or at a -Delimiter (which is dropped). */
export function splitContent(text: string, delimiter: string | undefined): string[] {
  if (text === '') return [];
  if (delimiter !== undefined && delimiter !== '') {
    const parts = text.split(delimiter);
    if (parts[parts.length - 1] === '') parts.pop();
    return parts;
  }
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Get-Content. */
export const getContent = defineCmdlet<{
  Path?: string[];
  LiteralPath?: string[];
  ReadCount?: number;
  TotalCount?: number;
  Tail?: number;
  Raw?: PSSwitch;
  Delimiter?: string;
  Encoding?: unknown;
  Force?: PSSwitch;
}>({
  name: 'Get-Content',
  defaultParameterSet: 'Path',
  parameters: [
    ...pathParameters,
    { name: 'ReadCount', type: 'long', sets: { [all]: { valueFromPipelineByPropertyName: true } }, defaultValueText: '1', description: 'Lines per output object; 0 sends all lines as one array.' },
    { name: 'TotalCount', type: 'long', aliases: ['First', 'Head'], sets: { [all]: { valueFromPipelineByPropertyName: true } }, defaultValueText: '-1', description: 'Reads only the first N lines.' },
    { name: 'Tail', type: 'int', aliases: ['Last'], sets: { [all]: { valueFromPipelineByPropertyName: true } }, description: 'Reads only the last N lines.' },
    { name: 'Raw', type: 'switch', sets: { [all]: {} }, description: 'Returns the whole file as one string, newlines kept.' },
    { name: 'Delimiter', type: 'string', sets: { [all]: {} }, description: 'Splits the file at this text instead of at newlines.' },
    encodingParameter,
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Accepted for compatibility.' },
  ],
  outputType: ['System.String'],
  help: {
    synopsis: 'Gets the content of the item at the specified location.',
    description: 'Reads a text file and returns its lines one by one, or the whole text with -Raw. -TotalCount and -Tail limit the lines read.',
    examples: [
      {
        title: 'The first two lines of a file',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"gc-example-$PID\") -Force\nSet-Content (Join-Path $d lines.txt) -Value one, two, three\nGet-Content (Join-Path $d lines.txt) -TotalCount 2\nRemove-Item $d -Recurse",
        output: 'one\ntwo',
      },
      {
        title: 'The last line, and the whole text',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"gc-example2-$PID\") -Force\nSet-Content (Join-Path $d lines.txt) -Value one, two, three\nGet-Content (Join-Path $d lines.txt) -Tail 1\n(Get-Content (Join-Path $d lines.txt) -Raw).Length\nRemove-Item $d -Recurse",
        output: 'three\n14',
      },
    ],
  },
  async process(ctx) {
    const encoding = encodingArgument(ctx, ctx.params.Encoding);
    for (const path of existingItemPaths(ctx.session, ctx.params, (record) => ctx.writeError(record))) {
      if (statOrUndefined(path)?.isDirectory()) {
        ctx.writeError(isDirectoryError(path, 'get'));
        continue;
      }
      const text = decodeText(await readFile(path), encoding);
      if (isSwitchOn(ctx.params.Raw)) {
        if (text !== '') await ctx.write(text);
        continue;
      }
      let lines = splitContent(text, ctx.params.Delimiter);
      const total = Number(ctx.params.TotalCount ?? -1);
      if (total >= 0) lines = lines.slice(0, total);
      if (ctx.params.Tail !== undefined) {
        const tail = Number(ctx.params.Tail);
        lines = tail === 0 ? [] : tail < 0 ? lines : lines.slice(-tail);
      }
      const readCount = Number(ctx.params.ReadCount ?? 1);
      if (readCount === 1 || readCount < 0) {
        for (const line of lines) await ctx.write(line);
      } else {
        const size = readCount === 0 ? Math.max(lines.length, 1) : readCount;
        for (let i = 0; i < lines.length; i += size) await ctx.write(lines.slice(i, i + size));
      }
    }
  },
});
