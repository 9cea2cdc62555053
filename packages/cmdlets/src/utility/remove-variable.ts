/** Remove-Variable: deletes variables from their scopes. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord, type ErrorRecord } from '@dpmsh/runtime';
import { scopeChain, scopeFromArgument } from './scope-argument.js';
import { type Filter, changeableVariables, variableNamesParameter, filterParameters, scopeParameter } from './variable-access.js';

const all = ALL_PARAMETER_SETS;
const SESSION_STATE = 'System.Management.Automation';

interface RemoveVariableParameters extends Filter {
  Name: string[];
  Force?: boolean;
  Scope?: string;
}

/** Remove-Variable. */
export const removeVariable = defineCmdlet<RemoveVariableParameters>({
  name: 'Remove-Variable',
  supportsShouldProcess: true,
  parameters: [
    variableNamesParameter,
    ...filterParameters,
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Removes a read-only variable.' },
    scopeParameter,
  ],
  help: {
    synopsis: 'Deletes a variable and its value.',
    description: 'Deletes variables from the scope where they are found (or from -Scope). A read-only variable is removed only with -Force; a constant one never.',
    examples: [{ title: 'Remove a variable', code: '$temp = 1\nRemove-Variable temp\n$null -eq (Get-Variable temp -ErrorAction Ignore)', output: 'True' }],
  },
  async process(ctx) {
    const scoped = ctx.params.Scope !== undefined;
    const scope = scopeFromArgument(ctx.scope, ctx.params.Scope);
    const notRemovable = (name: string): ErrorRecord =>
      errorRecord(`Cannot remove variable ${name} because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.`, 'VariableNotRemovable', 'WriteError', {
        typeName: `${SESSION_STATE}.SessionStateUnauthorizedAccessException`,
        targetObject: name,
      });
    for (const v of changeableVariables(ctx, notRemovable)) {
      if (!(await ctx.shouldProcess(`Name: ${v.name}`, 'Remove variable'))) continue;
      const owner = scoped ? scope : scopeChain(scope).find((s) => s.local(v.name) === v);
      owner?.remove(v.name);
    }
  },
});

