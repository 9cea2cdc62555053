/**
 * Get-Content, Set-Content, Add-Content and Clear-Content on files.
 *
 * Writes are all-or-nothing: Set-Content and Add-Content collect their values and write once, in
 * `end`, so a pipeline whose source fails part-way leaves the file as it was (pwsh would have
 * truncated it already). Set-Content writes a temporary file beside the target and renames it
 * over the target, so a failed write never leaves a half-written file either; Add-Content
 * appends in one write.
 */
import type { PSSwitch, ErrorRecord } from '@dpmsh/runtime';
import { appendFile, chmod, readFile, rename, stat, truncate, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletContext } from '../session/cmdlet.js';
import { errorRecord, toText, isEnumerable, isSwitchOn } from '@dpmsh/runtime';
import { existingItemPaths, itemNotFound, resolveItemPaths, statOrUndefined } from './item-paths.js';
import { ENCODING_NAMES, decodeText, encodeText, encodingArgument, preamble } from '../files/text-encoding.js';

const all = ALL_PARAMETER_SETS;

const pathParameters: readonly ParameterMetadata[] = [
  { name: 'Path', type: 'string[]', sets: { Path: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } }, description: 'The files, wildcards allowed.' },
  { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The files, taken exactly as written.' },
];

const encodingParameter: ParameterMetadata = {
  name: 'Encoding',
  type: 'object',
  sets: { [all]: {} },
  defaultValueText: 'utf8NoBOM',
  description: `The text encoding: ${ENCODING_NAMES.join(', ')}, or a .NET encoding name or code page.`,
};

/** The error for a directory given where a file is needed. */
function isDirectoryError(path: string, verb: 'get' | 'set' | 'clear'): ErrorRecord {
  const id = verb === 'get' ? 'GetContentReaderUnauthorizedAccessError' : verb === 'set' ? 'GetContentWriterUnauthorizedAccessError' : 'ClearContentUnauthorizedAccessError';
  const message = verb === 'get' ? `Unable to get content because it is a directory: '${path}'. Please use 'Get-ChildItem' instead.` : `Access to the path '${path}' is denied.`;
  return errorRecord(message, id, 'PermissionDenied', { typeName: 'System.UnauthorizedAccessException', targetObject: path });
}

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

interface WriteParams {
  Path?: string[];
  LiteralPath?: string[];
  Value?: unknown[];
  NoNewline?: PSSwitch;
  Encoding?: unknown;
  PassThru?: PSSwitch;
  Force?: PSSwitch;
}

const writeParameters: readonly ParameterMetadata[] = [
  ...pathParameters,
  { name: 'Value', type: 'object[]', sets: { [all]: { mandatory: true, position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, allowNull: true, allowEmptyCollection: true, description: 'The content: each value becomes a line.' },
  { name: 'NoNewline', type: 'switch', sets: { [all]: {} }, description: 'Writes the values with no newline between or after them.' },
  encodingParameter,
  { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Returns the content written.' },
  { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Writes read-only files too.' },
];

/** What Set-Content and Add-Content gather across their pipeline input before the one write. */
interface PendingWrite {
  readonly paths: Map<string, boolean>;
  readonly values: unknown[];
}

const pending = new WeakMap<object, PendingWrite>();

function pendingOf(ctx: CmdletContext<WriteParams>): PendingWrite {
  let state = pending.get(ctx);
  if (!state) {
    state = { paths: new Map(), values: [] };
    pending.set(ctx, state);
  }
  return state;
}

/** Collects one record's paths (wildcards expanded; a new file's path kept as is) and values. */
function gather(ctx: CmdletContext<WriteParams>): void {
  const state = pendingOf(ctx);
  const literal = ctx.params.LiteralPath !== undefined;
  for (const given of ctx.params.LiteralPath ?? ctx.params.Path ?? []) {
    const resolved = resolveItemPaths(ctx.session, given, literal);
    if (resolved.wildcard && resolved.paths.length === 0) ctx.writeError(itemNotFound(resolved.full));
    for (const path of resolved.wildcard ? resolved.paths : [resolved.full]) state.paths.set(path, true);
  }
  for (const value of ctx.params.Value ?? []) {
    if (value === null || value === undefined) continue;
    if (isEnumerable(value)) state.values.push(...value.filter((v) => v !== null && v !== undefined));
    else state.values.push(value);
  }
}

function contentText(ctx: CmdletContext<WriteParams>, values: readonly unknown[]): string {
  const texts = values.map((v) => toText(v, ctx.scope));
  return isSwitchOn(ctx.params.NoNewline) ? texts.join('') : texts.map((t) => `${t}\n`).join('');
}

function writeFailure(error: unknown, path: string): ErrorRecord {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return errorRecord(`Could not find a part of the path '${path}'.`, 'GetContentWriterDirectoryNotFoundError', 'ObjectNotFound', {
      typeName: 'System.IO.DirectoryNotFoundException',
      targetObject: path,
    });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return errorRecord(`Access to the path '${path}' is denied.`, 'GetContentWriterUnauthorizedAccessError', 'PermissionDenied', {
      typeName: 'System.UnauthorizedAccessException',
      targetObject: path,
    });
  }
  return errorRecord((error as Error).message, 'GetContentWriterIOError', 'WriteError', { typeName: 'System.IO.IOException', targetObject: path });
}

/** Replaces a file's content in one step: a temporary file beside it, renamed over it. */
async function replaceFile(path: string, bytes: Buffer): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    if (existing) await chmod(temp, existing.mode & 0o7777);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function writeContent(ctx: CmdletContext<WriteParams>, mode: 'set' | 'add'): Promise<void> {
  const state = pendingOf(ctx);
  pending.delete(ctx);
  const text = contentText(ctx, state.values);
  const encoding = encodingArgument(ctx, ctx.params.Encoding);
  for (const path of state.paths.keys()) {
    const existing = statOrUndefined(path);
    if (existing?.isDirectory()) {
      ctx.writeError(isDirectoryError(path, 'set'));
      continue;
    }
    const action = mode === 'set' ? 'Set Content' : 'Add Content';
    if (!(await ctx.shouldProcess(`Path: ${path}`, action))) continue;
    try {
      if (mode === 'set') await replaceFile(path, Buffer.concat([preamble(encoding), encodeText(text, encoding)]));
      else await appendFile(path, Buffer.concat([existing && existing.size > 0 ? Buffer.alloc(0) : preamble(encoding), encodeText(text, encoding)]));
    } catch (error) {
      if (!(error instanceof Error) || typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
      ctx.writeError(writeFailure(error, path));
      continue;
    }
    if (isSwitchOn(ctx.params.PassThru)) for (const value of state.values) await ctx.write(value);
  }
}

const writeExamples = (verb: 'Set' | 'Add'): { title: string; code: string; output: string }[] =>
  verb === 'Set'
    ? [
        {
          title: 'Replace the content of a file',
          code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"sc-example-$PID\") -Force\n$f = Join-Path $d notes.txt\nSet-Content $f 'first'\n'second', 'third' | Set-Content $f\nGet-Content $f\nRemove-Item $d -Recurse",
          output: 'second\nthird',
        },
      ]
    : [
        {
          title: 'Append lines to a file',
          code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"ac-example-$PID\") -Force\n$f = Join-Path $d log.txt\nAdd-Content $f 'started'\nAdd-Content $f 'done'\nGet-Content $f\nRemove-Item $d -Recurse",
          output: 'started\ndone',
        },
      ];

/** Set-Content. */
export const setContent = defineCmdlet<WriteParams>({
  name: 'Set-Content',
  defaultParameterSet: 'Path',
  parameters: writeParameters,
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['System.String'],
  help: {
    synopsis: 'Writes new content or replaces existing content in a file.',
    description:
      'Writes each value as a line (UTF-8 without a byte-order mark by default), replacing what the file held; creates the file when it does not exist. The file is replaced in one step once all input has arrived, so a failing pipeline leaves it unchanged.',
    examples: writeExamples('Set'),
  },
  process(ctx) {
    gather(ctx);
  },
  async end(ctx) {
    await writeContent(ctx, 'set');
  },
});

/** Add-Content. */
export const addContent = defineCmdlet<WriteParams>({
  name: 'Add-Content',
  defaultParameterSet: 'Path',
  parameters: writeParameters,
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['System.String'],
  help: {
    synopsis: 'Adds content to the specified items, such as adding words to a file.',
    description: 'Appends each value as a line to the file, creating it when it does not exist. The lines are appended in one write once all input has arrived.',
    examples: writeExamples('Add'),
  },
  process(ctx) {
    gather(ctx);
  },
  async end(ctx) {
    await writeContent(ctx, 'add');
  },
});

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
