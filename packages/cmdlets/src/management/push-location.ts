/** Push-Location: saves the current location on the stack, then changes it. */
import type { PSSwitch } from '@dpmsh/runtime';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { isSwitchOn } from '@dpmsh/runtime';
import { pathInfo } from '../session/variables.js';
import { directoryTarget, locationsOf, moveTo } from './location-history.js';

const all = ALL_PARAMETER_SETS;

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
