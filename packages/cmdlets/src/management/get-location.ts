/** Get-Location: the current location, or the Push-Location stack. */
import type { PSSwitch } from '@dpmsh/runtime';
import { defineCmdlet } from '../session/cmdlet.js';
import { isSwitchOn } from '@dpmsh/runtime';
import { pathInfo } from '../session/variables.js';
import { locationsOf } from './location-history.js';

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
