/** Out-File: objects as the text Out-Default would print, written to a file. */
import { existsSync } from 'node:fs';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletContext, CmdletDefinition } from '../session/cmdlet.js';
import { ErrorRecord, PSException, isSwitchOn } from '@dpmsh/runtime';
import { ENCODING_NAMES, encodingArgument, writeTextFile } from '../files/text-encoding.js';
import { lineFormatter, type OutState } from './out-text.js';
import { fileOpenError } from './file-errors.js';

const all = ALL_PARAMETER_SETS;

/** The formatter and lines of each invocation (keyed by its context, which lives as long as it). */
const states = new WeakMap<object, OutState>();

interface OutFileParameters {
  FilePath?: string;
  LiteralPath?: string;
  Encoding?: unknown;
  Append?: boolean;
  Force?: boolean;
  NoClobber?: boolean;
  Width?: number;
  NoNewline?: boolean;
  InputObject?: unknown;
}

function fileExists(path: string): ErrorRecord {
  return new ErrorRecord({
    exception: new PSException(`The file '${path}' already exists.`, { typeName: 'System.IO.IOException' }),
    errorId: 'NoClobber',
    category: 'ResourceExists',
    targetObject: path,
  });
}

function writeFileLines(ctx: CmdletContext<OutFileParameters>, state: OutState): void {
  const lines = state.lines.splice(0);
  if (lines.length === 0 || !state.file) return;
  const newline = isSwitchOn(ctx.params.NoNewline) ? '' : '\n';
  const text = lines.map((line) => line + newline).join('');
  try {
    writeTextFile(state.file.path, text, state.file.encoding, true);
  } catch (error) {
    ctx.throwTerminating(fileOpenError(state.file.path, error));
  }
}

/** Out-File. */
export const outFileCmdlet: CmdletDefinition<OutFileParameters> = defineCmdlet<OutFileParameters>({
  name: 'Out-File',
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  parameters: [
    { name: 'FilePath', type: 'string', aliases: ['Path'], sets: { ByPath: { mandatory: true, position: 0 } }, description: 'The file to write.' },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], sets: { ByLiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The file to write, taken exactly as written (no wildcards).' },
    { name: 'Encoding', type: 'object', sets: { [all]: { position: 1 } }, defaultValueText: 'utf8NoBOM', description: `The file's encoding: ${ENCODING_NAMES.join(', ')}.` },
    { name: 'Append', type: 'switch', sets: { [all]: {} }, description: 'Adds to the end of the file instead of replacing it.' },
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Overwrites a read-only file, and a file -NoClobber would keep.' },
    { name: 'NoClobber', type: 'switch', aliases: ['NoOverwrite'], sets: { [all]: {} }, description: 'Refuses to overwrite an existing file.' },
    { name: 'Width', type: 'int', sets: { [all]: {} }, validation: [{ kind: 'range', min: 2, max: 2147483647 }], description: 'The number of characters in each line of output.' },
    { name: 'NoNewline', type: 'switch', sets: { [all]: {} }, description: 'Writes the text without newlines between the lines.' },
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to write to the file.' },
  ],
  help: {
    synopsis: 'Sends output to a file.',
    description: 'Writes its input to a file as Out-Default would print it (UTF-8 without a byte order mark unless -Encoding says otherwise). The > and >> redirections write the same text.',
    examples: [
      {
        title: 'Write and read back',
        code: "$f = Join-Path ([IO.Path]::GetTempPath()) 'out-file-example.txt'\n'one', 'two' | Out-File $f\n'three' | Out-File $f -Append\nGet-Content $f -Raw",
        output: 'one\ntwo\nthree\n',
      },
    ],
  },
  async begin(ctx) {
    const given = ctx.parameterSetName === 'ByLiteralPath' ? ctx.params.LiteralPath : ctx.params.FilePath;
    const path = ctx.session.resolvePath(String(given ?? ''));
    const encoding = encodingArgument(ctx, ctx.params.Encoding);
    const append = isSwitchOn(ctx.params.Append);
    if (isSwitchOn(ctx.params.NoClobber) && !append && !isSwitchOn(ctx.params.Force) && existsSync(path)) ctx.throwTerminating(fileExists(path));
    if (!(await ctx.shouldProcess(path, 'Output to File'))) return;
    try {
      writeTextFile(path, '', encoding, append);
    } catch (error) {
      ctx.throwTerminating(fileOpenError(path, error));
    }
    const lines: string[] = [];
    states.set(ctx, { formatter: lineFormatter(ctx, ctx.params.Width, lines), lines, file: { path, encoding }, text: '' });
  },
  async process(ctx) {
    if (!ctx.boundParameters.has('InputObject')) return;
    const state = states.get(ctx);
    if (!state) return;
    await state.formatter.write(ctx.params.InputObject);
    writeFileLines(ctx, state);
  },
  async end(ctx) {
    const state = states.get(ctx);
    if (!state) return;
    await state.formatter.flush();
    writeFileLines(ctx, state);
  },
});
