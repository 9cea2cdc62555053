/** Clear-Variable: sets variables' values to null. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { variableObject, notWritable, type Filter, changeableVariables, variableNamesParameter, filterParameters, scopeParameter } from './variable-access.js';

const all = ALL_PARAMETER_SETS;

interface ClearVariableParameters extends Filter {
  Name: string[];
  Force?: boolean;
  PassThru?: boolean;
  Scope?: string;
}

/** Clear-Variable. */
export const clearVariable = defineCmdlet<ClearVariableParameters>({
  name: 'Clear-Variable',
  supportsShouldProcess: true,
  parameters: [
    variableNamesParameter,
    ...filterParameters,
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Clears a read-only variable.' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Outputs the cleared variable.' },
    scopeParameter,
  ],
  outputType: ['System.Management.Automation.PSVariable'],
  help: {
    synopsis: 'Deletes the value of a variable.',
    description: 'Sets variables to $null, keeping the variables themselves. A read-only variable is cleared only with -Force.',
    examples: [{ title: 'Clear a variable', code: '$count = 5\nClear-Variable count\n$null -eq $count', output: 'True' }],
  },
  async process(ctx) {
    for (const v of changeableVariables(ctx, notWritable)) {
      if (!(await ctx.shouldProcess(`Name: ${v.name}`, 'Clear variable'))) continue;
      v.value = null;
      if (ctx.params.PassThru) await ctx.write(variableObject(v));
    }
  },
});

