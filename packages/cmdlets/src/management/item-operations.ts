/** What the item-changing cmdlets (Remove-, Copy-, Move- and Rename-Item) share: their path parameters, the items they take, and the errors they report. */
import type { ErrorRecord } from '@dpmsh/runtime';
import { basename, join } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import type { CmdletContext } from '../session/cmdlet.js';
import { errorRecord, matchWildcard } from '@dpmsh/runtime';
import { resolveFileSystemPath } from '../session/location.js';
import { existingItemPaths, statOrUndefined } from './item-paths.js';

const all = ALL_PARAMETER_SETS;

/** -Path (wildcards, from the pipeline when `pipeline`) and -LiteralPath, each in its own set. */
const pathParameters = (pipeline: boolean): readonly ParameterMetadata[] => [
  { name: 'Path', type: 'string[]', sets: { Path: { mandatory: true, position: 0, valueFromPipeline: pipeline, valueFromPipelineByPropertyName: true } }, description: 'The items, wildcards allowed.' },
  { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The items, taken exactly as written.' },
];

/** Path and LiteralPath, an optional -Destination (Copy-Item, Move-Item), then the -Filter, -Include and -Exclude that narrow the items. */
export const sourceParameters = (destination?: string): readonly ParameterMetadata[] => [
  ...pathParameters(true),
  ...(destination === undefined ? [] : [{ name: 'Destination', type: 'string', sets: { [all]: { position: 1, valueFromPipelineByPropertyName: true } }, description: destination }]),
  { name: 'Filter', type: 'string', sets: { [all]: {} }, description: 'A wildcard the names must match.' },
  { name: 'Include', type: 'string[]', sets: { [all]: {} }, description: 'Only items whose name matches one of these wildcards.' },
  { name: 'Exclude', type: 'string[]', sets: { [all]: {} }, description: 'Leaves out items whose name matches one of these wildcards.' },
];

/** The parameters that name the items a command takes. */
export interface Sources {
  Path?: string[];
  LiteralPath?: string[];
  Include?: string[];
  Exclude?: string[];
  Filter?: string;
}

/** The existing items a Path/LiteralPath names, reporting "Cannot find path" for missing literal paths. */
export function sourcesOf(ctx: CmdletContext<Sources>): string[] {
  const out: string[] = [];
  for (const path of existingItemPaths(ctx.session, ctx.params, (record) => ctx.writeError(record))) {
    const name = basename(path);
    if (ctx.params.Filter && !matchWildcard(name, ctx.params.Filter)) continue;
    if (ctx.params.Include?.length && !ctx.params.Include.some((p) => matchWildcard(name, p))) continue;
    if (ctx.params.Exclude?.some((p) => matchWildcard(name, p))) continue;
    out.push(path);
  }
  return out;
}

/** An I/O failure as pwsh reports it: a WriteError with the .NET exception type. */
export function ioError(message: string, errorId: string, target: string, typeName = 'System.IO.IOException'): ErrorRecord {
  return errorRecord(message, errorId, 'WriteError', { typeName, targetObject: target });
}

/** An operating-system failure as the .NET exception pwsh reports for it. */
export function systemFailure(error: unknown, errorId: string, target: string): ErrorRecord {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return errorRecord(`Could not find a part of the path '${e.path ?? target}'.`, errorId, 'WriteError', { typeName: 'System.IO.DirectoryNotFoundException', targetObject: target });
    case 'EACCES':
    case 'EPERM':
      return errorRecord(`Access to the path '${e.path ?? target}' is denied.`, errorId, 'PermissionDenied', { typeName: 'System.UnauthorizedAccessException', targetObject: target });
    case 'EEXIST':
    case 'ENOTEMPTY':
      return ioError('Cannot create a file when that file already exists.', errorId, target);
    default:
      return ioError(e.message, errorId, target);
  }
}

/** True for a failure of the operating system (it has an errno code), as opposed to a bug. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** Where an item goes: into `destination` when that is an existing folder, else to `destination` itself. */
function targetPath(source: string, destination: string): string {
  return statOrUndefined(destination)?.isDirectory() ? join(destination, basename(source)) : destination;
}

/** Each existing item Copy-Item or Move-Item takes, with where it goes; worked out one by one, as the previous one may have created the destination folder. */
export function* transfers(ctx: CmdletContext<Sources & { Destination?: string }>): Generator<{ source: string; directory: boolean; target: string }> {
  const destination = resolveFileSystemPath(ctx.params.Destination ?? '.', { location: ctx.session.location, home: ctx.session.home });
  for (const source of sourcesOf(ctx)) {
    const stats = statOrUndefined(source);
    if (stats) yield { source, directory: stats.isDirectory(), target: targetPath(source, destination) };
  }
}
