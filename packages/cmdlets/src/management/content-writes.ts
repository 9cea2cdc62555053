/**
 * How Set-Content and Add-Content write.
 *
 * Writes are all-or-nothing: Set-Content and Add-Content collect their values and write once, in
 * `end`, so a pipeline whose source fails part-way leaves the file as it was (pwsh would have
 * truncated it already). Set-Content writes a temporary file beside the target and renames it
 * over the target, so a failed write never leaves a half-written file either; Add-Content
 * appends in one write.
 */
import type { PSSwitch, ErrorRecord } from '@dpmsh/runtime';
import { appendFile, chmod, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import type { CmdletContext } from '../session/cmdlet.js';
import { errorRecord, toText, isEnumerable, isSwitchOn } from '@dpmsh/runtime';
import { itemNotFound, resolveItemPaths, statOrUndefined } from './item-paths.js';
import { encodeText, encodingArgument, preamble } from '../files/text-encoding.js';
import { encodingParameter, isDirectoryError, pathParameters } from './content-files.js';

const all = ALL_PARAMETER_SETS;

/** The parameters of Set-Content and Add-Content. */
export interface WriteParams {
  Path?: string[];
  LiteralPath?: string[];
  Value?: unknown[];
  NoNewline?: PSSwitch;
  Encoding?: unknown;
  PassThru?: PSSwitch;
  Force?: PSSwitch;
}

/** The parameter list of Set-Content and Add-Content. */
export const writeParameters: readonly ParameterMetadata[] = [
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
export function gather(ctx: CmdletContext<WriteParams>): void {
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

/** Writes what `gather` collected to each path: replacing the content (`set`) or appending to it (`add`). */
export async function writeContent(ctx: CmdletContext<WriteParams>, mode: 'set' | 'add'): Promise<void> {
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
