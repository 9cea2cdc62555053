/**
 * Out-String, Out-File and Out-Host: the formatter (createLineFormatter, createOutDefault) with
 * a sink of their own. Format-* output is laid out at their width; other objects are formatted
 * as Out-Default would.
 */
import { existsSync } from 'node:fs';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletContext, CmdletDefinition } from '../session/cmdlet.js';
import { DEFAULT_CONSOLE_WIDTH, UNBOUNDED_WIDTH, createLineFormatter, createOutDefault, enumerationLimitOf } from '../formatting/index.js';
import type { StreamingFormatter } from '../formatting/index.js';
import { ErrorRecord, PSException, errorRecord, isSwitchOn } from '@dpmsh/runtime';
import { ENCODING_NAMES, encodingArgument, writeTextFile } from '../files/text-encoding.js';
import type { FileEncoding } from '../files/text-encoding.js';

const all = ALL_PARAMETER_SETS;

function hostWidth(ctx: CmdletContext<unknown>): number {
  const width = ctx.session.host.width;
  return Number.isFinite(width) && width > 0 ? width : DEFAULT_CONSOLE_WIDTH;
}

/** A line formatter writing into `lines`, at -Width for everything or, without it, the host's width for tables. */
function lineFormatter(ctx: CmdletContext<unknown>, width: number | undefined, lines: string[]): StreamingFormatter {
  return createLineFormatter({
    tableWidth: width ?? hostWidth(ctx),
    textWidth: width ?? UNBOUNDED_WIDTH,
    enumerationLimit: enumerationLimitOf(ctx.session),
    tables: ctx.session,
    writeLine: (line) => lines.push(line),
  });
}

interface OutState {
  readonly formatter: StreamingFormatter;
  readonly lines: string[];
  /** Out-File's target and encoding. */
  readonly file?: { readonly path: string; readonly encoding: FileEncoding };
  /** Out-String without -Stream: every line so far. */
  text: string;
}

const states = new WeakMap<object, OutState>();

// ---------------------------------------------------------------------------------------------
// Out-String
// ---------------------------------------------------------------------------------------------

interface OutStringParameters {
  InputObject?: unknown;
  Stream?: boolean;
  Width?: number;
  NoNewline?: boolean;
}

async function flushStringLines(ctx: CmdletContext<OutStringParameters>, state: OutState): Promise<void> {
  const lines = state.lines.splice(0);
  if (isSwitchOn(ctx.params.Stream)) {
    for (const line of lines) await ctx.write(line);
    return;
  }
  const newline = isSwitchOn(ctx.params.NoNewline) ? '' : '\n';
  for (const line of lines) state.text += line + newline;
}

/** Out-String. */
export const outStringCmdlet: CmdletDefinition<OutStringParameters> = defineCmdlet<OutStringParameters>({
  name: 'Out-String',
  defaultParameterSet: 'NoNewLineFormatting',
  parameters: [
    { name: 'Stream', type: 'switch', sets: { StreamFormatting: {} }, description: 'Writes each line as its own string instead of one string of all the text.' },
    { name: 'NoNewline', type: 'switch', sets: { NoNewLineFormatting: {} }, description: 'Leaves out the newlines, joining the lines of the text.' },
    { name: 'Width', type: 'int', sets: { [all]: {} }, validation: [{ kind: 'range', min: 2, max: 2147483647 }], description: 'The number of characters in each line; longer table cells are cut, longer list values wrapped.' },
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to write as text.' },
  ],
  outputType: ['System.String'],
  help: {
    synopsis: 'Outputs input objects as a string.',
    description: 'Formats its input as Out-Default would print it and outputs the text as one string (every line ending in a newline), or, with -Stream, one string per line.',
    examples: [
      { title: 'A table as text', code: "[pscustomobject]@{ A = 1; B = 'x' } | Out-String", output: '\nA B\n- -\n1 x\n\n' },
      { title: 'One string per line', code: "(1, 2 | Out-String -Stream).Count", output: '2' },
    ],
  },
  begin(ctx) {
    const lines: string[] = [];
    states.set(ctx, { formatter: lineFormatter(ctx, ctx.params.Width, lines), lines, text: '' });
  },
  async process(ctx) {
    if (!ctx.boundParameters.has('InputObject')) return;
    const state = states.get(ctx);
    if (!state) return;
    await state.formatter.write(ctx.params.InputObject);
    await flushStringLines(ctx, state);
  },
  async end(ctx) {
    const state = states.get(ctx);
    if (!state) return;
    await state.formatter.flush();
    await flushStringLines(ctx, state);
    if (!isSwitchOn(ctx.params.Stream)) await ctx.write(state.text);
  },
});

// ---------------------------------------------------------------------------------------------
// Out-File
// ---------------------------------------------------------------------------------------------

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

/** The error of a file that cannot be opened for writing, as .NET words it. */
export function fileOpenError(path: string, error: unknown): ErrorRecord {
  const code = (error as { code?: string }).code;
  const message =
    code === 'ENOENT'
      ? `Could not find a part of the path '${path}'.`
      : code === 'EACCES' || code === 'EPERM'
        ? `Access to the path '${path}' is denied.`
        : code === 'EISDIR'
          ? `Access to the path '${path}' is denied.`
          : `The file '${path}' cannot be written: ${(error as Error).message}`;
  return errorRecord(message, 'FileOpenFailure', 'OpenError', { typeName: code === 'ENOENT' ? 'System.IO.DirectoryNotFoundException' : 'System.UnauthorizedAccessException', targetObject: path });
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

// ---------------------------------------------------------------------------------------------
// Out-Host
// ---------------------------------------------------------------------------------------------

interface OutHostParameters {
  InputObject?: unknown;
  Paging?: boolean;
}

const hostFormatters = new WeakMap<object, StreamingFormatter>();

/** Out-Host. */
export const outHostCmdlet: CmdletDefinition<OutHostParameters> = defineCmdlet<OutHostParameters>({
  name: 'Out-Host',
  aliases: ['oh'],
  parameters: [
    { name: 'Paging', type: 'switch', sets: { [all]: {} }, description: 'Shows one page at a time (ignored when the host cannot page, as in scripted runs).' },
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to show.' },
  ],
  help: {
    synopsis: 'Sends output to the command line.',
    description: 'Formats its input and writes it to the host, as Out-Default does at the end of a pipeline; it outputs nothing.',
    examples: [{ title: 'Show a value from inside a script', code: "'shown' | Out-Host", output: 'shown' }],
  },
  begin(ctx) {
    hostFormatters.set(ctx, createOutDefault({ host: ctx.session.host, session: ctx.session }));
  },
  async process(ctx) {
    if (!ctx.boundParameters.has('InputObject')) return;
    await hostFormatters.get(ctx)?.write(ctx.params.InputObject);
  },
  async end(ctx) {
    await hostFormatters.get(ctx)?.flush();
  },
});
