/** Write-Warning: writes to the warning stream. */
import { defineCmdlet } from '../session/cmdlet.js';
import { messageParameter } from './write-parameters.js';

/** Write-Warning. */
export const writeWarning = defineCmdlet<{ Message: string }>({
  name: 'Write-Warning',
  parameters: [messageParameter('The text of the warning.')],
  help: {
    synopsis: 'Writes a warning message.',
    description: 'Writes to the warning stream, shown as "WARNING: message" unless $WarningPreference or -WarningAction hides it; -WarningVariable collects it.',
    examples: [{ title: 'Write a warning', code: 'Write-Warning "The vault credentials expire in 2 days."', output: 'WARNING: The vault credentials expire in 2 days.' }],
  },
  process(ctx) {
    ctx.writeWarning(ctx.params.Message ?? '');
  },
});
