/** Set-Alias: creates or changes an alias. */
import { defineCmdlet } from '../session/cmdlet.js';

import { writeAlias, writeParameters, type AliasWriteParameters } from './alias-writing.js';

/** Set-Alias. */
export const setAlias = defineCmdlet<AliasWriteParameters>({
  name: 'Set-Alias',
  supportsShouldProcess: true,
  parameters: writeParameters,
  outputType: ['System.Management.Automation.AliasInfo'],
  help: {
    synopsis: 'Creates or changes an alias for a cmdlet or other command in the current PowerShell session.',
    description: 'Defines an alias in the current scope (or the one -Scope names), replacing an alias of the same name there. A read-only alias is replaced only with -Force; a constant one never.',
    examples: [{ title: 'Create an alias and use it', code: 'Set-Alias -Name say -Value Write-Output\nsay hello', output: 'hello' }],
  },
  async process(ctx) {
    await writeAlias(ctx, false);
  },
});
