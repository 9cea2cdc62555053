/** New-Alias: creates an alias, failing when one of that name exists. */
import { defineCmdlet } from '../session/cmdlet.js';

import { writeAlias, writeParameters, type AliasWriteParameters } from './alias-writing.js';

/** New-Alias. */
export const newAlias = defineCmdlet<AliasWriteParameters>({
  name: 'New-Alias',
  supportsShouldProcess: true,
  parameters: writeParameters,
  outputType: ['System.Management.Automation.AliasInfo'],
  help: {
    synopsis: 'Creates a new alias.',
    description: 'Defines a new alias in the current scope (or the one -Scope names). It fails when an alias of that name already exists there (built-in aliases exist in every scope) unless -Force is given.',
    examples: [
      {
        title: 'Create an alias and show it',
        code: 'New-Alias -Name list -Value Get-ChildItem -PassThru',
        output: '\nCommandType     Name                                               Version    Source\n-----------     ----                                               -------    ------\nAlias           list -> Get-ChildItem\n',
      },
    ],
  },
  async process(ctx) {
    await writeAlias(ctx, true);
  },
});
