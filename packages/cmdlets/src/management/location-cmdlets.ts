/** Get-Location, Set-Location, Push-Location, Pop-Location and Resolve-Path. */
import type { PSSwitch } from '@dpmsh/runtime';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletContext } from '../session/cmdlet.js';
import { errorRecord, isSwitchOn } from '@dpmsh/runtime';
import { ServiceKey } from '../session/services.js';
import type { Session } from '../session/session.js';
import { resolveFileSystemPath } from '../session/location.js';
import { pathInfo } from '../session/variables.js';
import { itemNotFound, relativePath, resolveItemPaths, statOrUndefined } from './item-paths.js';

const all = ALL_PARAMETER_SETS;

/** A session's locations: the Push-Location stack (top last) and the `cd -` / `cd +` history. */
interface LocationState {
  readonly stack: string[];
  readonly back: string[];
  readonly forward: string[];
}

const LOCATIONS = new ServiceKey<LocationState>('management.locations');

function locationsOf(session: Session): LocationState {
  let state = session.getService(LOCATIONS);
  if (!state) {
    state = { stack: [], back: [], forward: [] };
    session.setService(LOCATIONS, state);
  }
  return state;
}

/** Resolves a Set-Location target (wildcards allowed when it names one folder) or reports pwsh's error. */
function directoryTarget(ctx: CmdletContext<{ Path?: string; LiteralPath?: string }>, given: string, literal: boolean): string | undefined {
  const resolved = resolveItemPaths(ctx.session, given, literal);
  const folders = resolved.paths.filter((p) => statOrUndefined(p)?.isDirectory());
  if (folders.length === 1) return folders[0];
  if (folders.length > 1) {
    ctx.writeError(
      errorRecord(`Cannot set the location because path '${given}' resolved to multiple containers. You can only the set the same location to a single container at a time.`, 'PathResolvedToMultiple', 'InvalidArgument', {
        typeName: 'System.Management.Automation.PSArgumentException',
        targetObject: given,
      }),
    );
    return undefined;
  }
  ctx.writeError(itemNotFound(resolved.full));
  return undefined;
}

/** Get-Location. */
export const getLocation = defineCmdlet<{ Stack?: PSSwitch; PSProvider?: string[]; PSDrive?: string[] }>({
  name: 'Get-Location',
  defaultParameterSet: 'Location',
  parameters: [
    { name: 'PSProvider', type: 'string[]', sets: { Location: { valueFromPipelineByPropertyName: true } }, description: 'Accepted for compatibility: the FileSystem provider is the only one.' },
    { name: 'PSDrive', type: 'string[]', sets: { Location: { valueFromPipelineByPropertyName: true } }, description: 'Accepted for compatibility: / is the only drive.' },
    { name: 'Stack', type: 'switch', sets: { Stack: {} }, description: 'Returns the locations Push-Location saved, the most recent first.' },
  ],
  outputType: ['System.Management.Automation.PathInfo'],
  help: {
    synopsis: 'Gets information about the current working location.',
    description: "Returns the session's current location as a PathInfo object (its Path property is the folder). Relative paths in every cmdlet are taken from it.",
    examples: [
      {
        title: 'The current folder',
        code: "Set-Location /\nGet-Location",
        output: '\nPath\n----\n/\n',
      },
    ],
  },
  async process(ctx) {
    if (isSwitchOn(ctx.params.Stack)) {
      const stack = locationsOf(ctx.session).stack;
      for (let i = stack.length - 1; i >= 0; i--) await ctx.write(pathInfo(stack[i]!));
      return;
    }
    await ctx.write(pathInfo(ctx.session.location));
  },
});

/** Changes the location, keeping the history `cd -` walks back. */
function moveTo(session: Session, target: string, history: 'record' | 'back' | 'forward'): void {
  const state = locationsOf(session);
  const previous = session.location;
  session.location = target;
  if (history === 'record') {
    if (previous !== target) state.back.push(previous);
    state.forward.length = 0;
  } else if (history === 'back') state.forward.push(previous);
  else state.back.push(previous);
}

/** Set-Location. */
export const setLocation = defineCmdlet<{ Path?: string; LiteralPath?: string; PassThru?: PSSwitch }>({
  name: 'Set-Location',
  defaultParameterSet: 'Path',
  parameters: [
    { name: 'Path', type: 'string', sets: { Path: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The folder to go to; `-` goes back, `+` forward; $HOME when omitted.' },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The folder, taken exactly as written.' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Returns the new location.' },
  ],
  outputType: ['System.Management.Automation.PathInfo'],
  help: {
    synopsis: 'Sets the current working location to a specified location.',
    description: 'Changes the current location of the session. `Set-Location -` returns to the previous location and `Set-Location +` goes forward again.',
    examples: [
      {
        title: 'Go to a folder and back',
        code: "Set-Location /\nSet-Location /tmp -PassThru | ForEach-Object Path\nSet-Location -\n(Get-Location).Path",
        output: '/tmp\n/',
      },
    ],
  },
  async process(ctx) {
    const state = locationsOf(ctx.session);
    const literal = ctx.params.LiteralPath !== undefined;
    const given = ctx.params.LiteralPath ?? ctx.params.Path;
    if (!literal && (given === '-' || given === '+')) {
      const from = given === '-' ? state.back : state.forward;
      const target = from.pop();
      if (target === undefined) {
        ctx.writeError(
          errorRecord(`There is no location history left to navigate ${given === '-' ? 'backwards' : 'forwards'}.`, 'InvalidOperation', 'InvalidOperation', {
            typeName: 'System.InvalidOperationException',
          }),
        );
        return;
      }
      moveTo(ctx.session, target, given === '-' ? 'back' : 'forward');
    } else {
      const target = given === undefined || given === '' ? ctx.session.home : directoryTarget(ctx, given, literal);
      if (target === undefined) return;
      moveTo(ctx.session, target, 'record');
    }
    if (isSwitchOn(ctx.params.PassThru)) await ctx.write(pathInfo(ctx.session.location));
  },
});

/** Push-Location. */
export const pushLocation = defineCmdlet<{ Path?: string; LiteralPath?: string; PassThru?: PSSwitch; StackName?: string }>({
  name: 'Push-Location',
  aliases: ['pushd'],
  defaultParameterSet: 'Path',
  parameters: [
    { name: 'Path', type: 'string', sets: { Path: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The folder to go to after saving the current one.' },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], sets: { LiteralPath: { valueFromPipelineByPropertyName: true } }, description: 'The folder, taken exactly as written.' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Returns the new location.' },
  ],
  outputType: ['System.Management.Automation.PathInfo'],
  help: {
    synopsis: 'Adds the current location to the top of a location stack.',
    description: 'Saves the current location on the stack, then goes to -Path when given. Pop-Location returns to it.',
    examples: [
      {
        title: 'Work in a folder, then return',
        code: "Set-Location /\nPush-Location /tmp\n(Get-Location).Path\nPop-Location\n(Get-Location).Path",
        output: '/tmp\n/',
      },
    ],
  },
  async process(ctx) {
    const literal = ctx.params.LiteralPath !== undefined;
    const given = ctx.params.LiteralPath ?? ctx.params.Path;
    const target = given === undefined ? ctx.session.location : directoryTarget(ctx, given, literal);
    if (target === undefined) return;
    locationsOf(ctx.session).stack.push(ctx.session.location);
    moveTo(ctx.session, target, 'record');
    if (isSwitchOn(ctx.params.PassThru)) await ctx.write(pathInfo(ctx.session.location));
  },
});

/** Pop-Location. */
export const popLocation = defineCmdlet<{ PassThru?: PSSwitch }>({
  name: 'Pop-Location',
  aliases: ['popd'],
  parameters: [{ name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Returns the location returned to.' }],
  outputType: ['System.Management.Automation.PathInfo'],
  help: {
    synopsis: 'Changes the current location to the location most recently pushed onto the stack.',
    description: 'Returns to the location Push-Location saved last; does nothing when the stack is empty.',
    examples: [{ title: 'Return to the saved folder', code: "Set-Location /\nPush-Location /tmp\nPop-Location -PassThru | ForEach-Object Path", output: '/' }],
  },
  async end(ctx) {
    const target = locationsOf(ctx.session).stack.pop();
    if (target === undefined) return;
    if (!statOrUndefined(target)?.isDirectory()) {
      ctx.writeError(itemNotFound(target));
      return;
    }
    moveTo(ctx.session, target, 'record');
    if (isSwitchOn(ctx.params.PassThru)) await ctx.write(pathInfo(ctx.session.location));
  },
});

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
