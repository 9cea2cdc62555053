/** Pop-Location: returns to the location saved last. */
import type { PSSwitch } from '@dpmsh/runtime';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { isSwitchOn } from '@dpmsh/runtime';
import { pathInfo } from '../session/variables.js';
import { itemNotFound, statOrUndefined } from './item-paths.js';
import { locationsOf, moveTo } from './location-history.js';

const all = ALL_PARAMETER_SETS;

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
