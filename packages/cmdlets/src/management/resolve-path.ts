/** Resolve-Path: the full (or relative) paths of the items a path with wildcards names. */
import type { PSSwitch } from '@dpmsh/runtime';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { isSwitchOn } from '@dpmsh/runtime';
import { resolveFileSystemPath } from '../session/location.js';
import { pathInfo } from '../session/variables.js';
import { itemNotFound, relativePath, resolveItemPaths } from './item-paths.js';

const all = ALL_PARAMETER_SETS;

/** Resolve-Path. */
export const resolvePath = defineCmdlet<{ Path?: string[]; LiteralPath?: string[]; Relative?: PSSwitch; RelativeBasePath?: string }>({
  name: 'Resolve-Path',
  defaultParameterSet: 'Path',
  parameters: [
    { name: 'Path', type: 'string[]', sets: { Path: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The paths, wildcards allowed.' },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The paths, taken exactly as written.' },
    { name: 'Relative', type: 'switch', sets: { [all]: {} }, description: 'Returns paths relative to the current location (./a.txt).' },
    { name: 'RelativeBasePath', type: 'string', sets: { [all]: {} }, description: 'The folder -Relative paths (and relative input paths) are taken from.' },
  ],
  outputType: ['System.Management.Automation.PathInfo', 'System.String'],
  help: {
    synopsis: 'Resolves the wildcard characters in a path, and displays the path contents.',
    description: 'Returns the full path of each existing item a path (with wildcards) names; with -Relative, paths relative to the current location.',
    examples: [
      {
        title: 'Expand a wildcard',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"rvpa-example-$PID\") -Force\nSet-Location $d\nNew-Item a.txt, b.txt | Out-Null\nResolve-Path *.txt -Relative\nSet-Location ..\nRemove-Item $d -Recurse",
        output: './a.txt\n./b.txt',
      },
    ],
  },
  async process(ctx) {
    const literal = ctx.params.LiteralPath !== undefined;
    const session = ctx.session;
    const base = ctx.params.RelativeBasePath === undefined ? session.location : resolveFileSystemPath(ctx.params.RelativeBasePath, { location: session.location, home: session.home });
    const found: unknown[] = [];
    for (const given of ctx.params.LiteralPath ?? ctx.params.Path ?? []) {
      const resolved = resolveItemPaths({ location: base, home: session.home }, given, literal);
      if (resolved.paths.length === 0) ctx.writeError(itemNotFound(resolved.wildcard ? given : resolved.full));
      for (const path of resolved.paths) found.push(isSwitchOn(ctx.params.Relative) ? relativePath(base, path) : pathInfo(path));
    }
    for (const item of found) await ctx.write(item);
  },
});
