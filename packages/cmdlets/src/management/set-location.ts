/** Set-Location: changes the current location, or walks its history with `-` and `+`. */
import type { PSSwitch } from '@dpmsh/runtime';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord, isSwitchOn } from '@dpmsh/runtime';
import { pathInfo } from '../session/variables.js';
import { directoryTarget, locationsOf, moveTo } from './location-history.js';

const all = ALL_PARAMETER_SETS;

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
