/** Write-Verbose: writes to the verbose stream. */
import { defineCmdlet } from '../session/cmdlet.js';
import { messageParameter } from './write-parameters.js';

/** Write-Verbose. */
export const writeVerbose = defineCmdlet<{ Message: string }>({
  name: 'Write-Verbose',
  parameters: [messageParameter('The text of the verbose message.')],
  help: {
    synopsis: 'Writes text to the verbose message stream.',
    description: 'Writes to the verbose stream, shown as "VERBOSE: message" only with -Verbose or when $VerbosePreference is Continue.',
    examples: [
      { title: 'Shown with -Verbose', code: 'Write-Verbose "Connecting to the vault" -Verbose', output: 'VERBOSE: Connecting to the vault' },
      { title: 'Hidden by default', code: 'Write-Verbose "not shown"; "done"', output: 'done' },
    ],
  },
  process(ctx) {
    ctx.writeVerbose(ctx.params.Message ?? '');
  },
});
