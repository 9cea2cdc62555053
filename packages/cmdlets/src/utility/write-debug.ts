/** Write-Debug: writes to the debug stream. */
import { defineCmdlet } from '../session/cmdlet.js';
import { messageParameter } from './write-parameters.js';

/** Write-Debug. */
export const writeDebug = defineCmdlet<{ Message: string }>({
  name: 'Write-Debug',
  parameters: [messageParameter('The text of the debug message.')],
  help: {
    synopsis: 'Writes a debug message to the console.',
    description: 'Writes to the debug stream, shown as "DEBUG: message" only with -Debug or when $DebugPreference is Continue.',
    examples: [{ title: 'Shown when the preference is Continue', code: '$DebugPreference = "Continue"; Write-Debug "chunk size 4096"', output: 'DEBUG: chunk size 4096' }],
  },
  process(ctx) {
    ctx.writeDebug(ctx.params.Message ?? '');
  },
});
