/** Get-ChildItem: lists the content of folders. */
import type { PSSwitch } from '@dpmsh/runtime';
import { statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletContext } from '../session/cmdlet.js';
import { hasWildcard, matchWildcard, isSwitchOn } from '@dpmsh/runtime';
import { fileItem } from './file-items.js';
import { isHiddenName, itemNotFound, resolveItemPaths, sortedEntries, statOrUndefined } from './item-paths.js';

const all = ALL_PARAMETER_SETS;

interface ChildItemParams {
  Path?: string[];
  LiteralPath?: string[];
  Filter?: string;
  Include?: string[];
  Exclude?: string[];
  Recurse?: PSSwitch;
  Depth?: number;
  Force?: PSSwitch;
  Name?: PSSwitch;
  Directory?: PSSwitch;
  File?: PSSwitch;
  Hidden?: PSSwitch;
  FollowSymlink?: PSSwitch;
}

/** What decides whether an entry is output, and how deep to go. */
interface ListOptions {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly filter: string | undefined;
  readonly force: boolean;
  readonly hiddenOnly: boolean;
  readonly filesOnly: boolean;
  readonly directoriesOnly: boolean;
  readonly names: boolean;
  /** Levels below the listed folder still to visit; Infinity for -Recurse without -Depth, 0 without -Recurse. */
  readonly depth: number;
}

function matchesAny(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchWildcard(name, p));
}

function passesNameFilters(name: string, options: ListOptions): boolean {
  if (options.filter !== undefined && options.filter !== '' && !matchWildcard(name, options.filter)) return false;
  if (options.include.length > 0 && !matchesAny(name, options.include)) return false;
  return !matchesAny(name, options.exclude);
}

function passesTypeFilters(directory: boolean, options: ListOptions): boolean {
  return !(options.filesOnly && directory) && !(options.directoriesOnly && !directory);
}

async function emitItem(ctx: CmdletContext<ChildItemParams>, path: string, root: string, options: ListOptions): Promise<void> {
  if (options.names) await ctx.write(relative(root, path) || basename(path));
  else await ctx.write(fileItem(path, statSync(path)));
}

/** Lists a folder's children (folders first, then files, by name), then descends into its subfolders. */
async function listDirectory(ctx: CmdletContext<ChildItemParams>, directory: string, root: string, options: ListOptions, level: number): Promise<void> {
  const entries = sortedEntries(directory);
  const subfolders: string[] = [];
  for (const entry of entries) {
    if (ctx.signal.aborted) return;
    const path = join(directory, entry.name);
    const stats = statOrUndefined(path);
    if (!stats) continue;
    const hidden = isHiddenName(entry.name);
    if (hidden && !options.force && !options.hiddenOnly) continue;
    const isDir = stats.isDirectory();
    if (isDir && level < options.depth && (options.force || !hidden || options.hiddenOnly) && (!entry.isSymbolicLink() || isSwitchOn(ctx.params.FollowSymlink))) subfolders.push(path);
    if (options.hiddenOnly && !hidden) continue;
    if (!passesTypeFilters(isDir, options) || !passesNameFilters(entry.name, options)) continue;
    await emitItem(ctx, path, root, options);
  }
  for (const folder of subfolders) await listDirectory(ctx, folder, root, options, level + 1);
}

const pathParameters: readonly ParameterMetadata[] = [
  { name: 'Path', type: 'string[]', sets: { Items: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The folders (or files) to list, wildcards allowed; the current location by default.' },
  { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], sets: { LiteralItems: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The paths, taken exactly as written.' },
];

/** Get-ChildItem. */
export const getChildItem = defineCmdlet<ChildItemParams>({
  name: 'Get-ChildItem',
  defaultParameterSet: 'Items',
  parameters: [
    ...pathParameters,
    { name: 'Filter', type: 'string', sets: { [all]: { position: 1 } }, description: 'A wildcard the names must match.' },
    { name: 'Include', type: 'string[]', sets: { [all]: {} }, description: 'Wildcards: only items whose name matches one are returned.' },
    { name: 'Exclude', type: 'string[]', sets: { [all]: {} }, description: 'Wildcards: items whose name matches one are left out.' },
    { name: 'Recurse', type: 'switch', aliases: ['s', 'r'], sets: { [all]: {} }, description: 'Lists the subfolders too, all the way down.' },
    { name: 'Depth', type: 'uint', sets: { [all]: {} }, description: 'How many levels of subfolders to list (implies -Recurse).' },
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Includes hidden items (names starting with a dot).' },
    { name: 'Name', type: 'switch', sets: { [all]: {} }, description: 'Returns only the names (paths relative to the folder listed).' },
    { name: 'Directory', type: 'switch', aliases: ['ad', 'd'], sets: { [all]: {} }, description: 'Returns only folders.' },
    { name: 'File', type: 'switch', aliases: ['af'], sets: { [all]: {} }, description: 'Returns only files.' },
    { name: 'Hidden', type: 'switch', aliases: ['ah', 'h'], sets: { [all]: {} }, description: 'Returns only hidden items.' },
    { name: 'FollowSymlink', type: 'switch', sets: { [all]: {} }, description: 'Descends into symbolic links to folders with -Recurse.' },
  ],
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo', 'System.String'],
  help: {
    synopsis: 'Gets the items and child items in one or more specified locations.',
    description:
      'Lists the content of folders: folders first, then files, each sorted by name; hidden items (names starting with a dot) only with -Force or -Hidden. Items print as a table under a "Directory:" header.',
    examples: [
      {
        title: 'The names of the files in a folder',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"gci-example-$PID\") -Force\n'a.txt', 'b.log', 'c.txt' | ForEach-Object { New-Item (Join-Path $d $_) | Out-Null }\nGet-ChildItem $d -Filter *.txt -Name\nRemove-Item $d -Recurse",
        output: 'a.txt\nc.txt',
      },
      {
        title: 'Everything below a folder',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"gci-example2-$PID\") -Force\nNew-Item (Join-Path $d 'sub/deep.txt') -Force | Out-Null\nNew-Item (Join-Path $d 'top.txt') | Out-Null\nGet-ChildItem $d -Recurse -Name\nRemove-Item $d -Recurse",
        output: 'sub\ntop.txt\nsub/deep.txt',
      },
    ],
  },
  async process(ctx) {
    const p = ctx.params;
    const recurse = isSwitchOn(p.Recurse) || p.Depth !== undefined;
    const options: ListOptions = {
      include: p.Include ?? [],
      exclude: p.Exclude ?? [],
      filter: p.Filter,
      force: isSwitchOn(p.Force),
      hiddenOnly: isSwitchOn(p.Hidden),
      filesOnly: isSwitchOn(p.File),
      directoriesOnly: isSwitchOn(p.Directory),
      names: isSwitchOn(p.Name),
      depth: recurse ? (p.Depth === undefined ? Infinity : Number(p.Depth)) : 0,
    };
    const literal = p.LiteralPath !== undefined;
    for (const given of p.LiteralPath ?? p.Path ?? ['.']) {
      const resolved = resolveItemPaths(ctx.session, given, literal);
      // `dir/*.txt -Recurse`: the leaf wildcard filters every level below the parent folder.
      if (resolved.wildcard && recurse && hasWildcard(basename(resolved.full))) {
        const leaf = basename(resolved.full);
        for (const parent of resolveItemPaths(ctx.session, dirname(resolved.full), false).paths) {
          if (statOrUndefined(parent)?.isDirectory()) await listDirectory(ctx, parent, parent, { ...options, include: [...options.include, leaf] }, 0);
        }
        continue;
      }
      if (resolved.paths.length === 0) {
        if (!resolved.wildcard) ctx.writeError(itemNotFound(resolved.full));
        continue;
      }
      for (const path of resolved.paths) {
        const stats = statOrUndefined(path);
        if (!stats) continue;
        if (stats.isDirectory() && (!resolved.wildcard || recurse)) await listDirectory(ctx, path, path, options, 0);
        else if (passesTypeFilters(stats.isDirectory(), options) && passesNameFilters(basename(path), options)) await emitItem(ctx, path, dirname(path), options);
      }
    }
  },
});
