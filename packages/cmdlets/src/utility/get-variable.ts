/** Get-Variable: the variables visible from the current scope, or of one scope. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { variableObject, notFound, type Filter, findVariables, filterParameters, scopeParameter } from './variable-access.js';

const all = ALL_PARAMETER_SETS;

interface GetVariableParameters extends Filter {
  Name?: string[];
  ValueOnly?: boolean;
  Scope?: string;
}

/** Get-Variable. */
export const getVariable = defineCmdlet<GetVariableParameters>({
  name: 'Get-Variable',
  parameters: [
    { name: 'Name', type: 'string[]', sets: { [all]: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'Names of the variables, wildcards allowed; all variables when omitted.' },
    { name: 'ValueOnly', type: 'switch', sets: { [all]: {} }, description: 'Outputs only the values, not the variable objects.' },
    ...filterParameters,
    scopeParameter,
  ],
  outputType: ['System.Management.Automation.PSVariable'],
  help: {
    synopsis: 'Gets the variables in the current console.',
    description: 'Gets the variables visible in the current scope, or in the scope -Scope names, as PSVariable objects (Name, Value, Description, Options), or only their values with -ValueOnly. Names can be wildcard patterns; a literal name that matches no variable is an error.',
    examples: [
      { title: 'Get a variable', code: '$answer = 42\nGet-Variable answer', output: '\nName                           Value\n----                           -----\nanswer                         42\n' },
      { title: 'Get only the value', code: '$answer = 42\nGet-Variable -Name answer -ValueOnly', output: '42' },
    ],
  },
  async process(ctx) {
    const found = findVariables(ctx, ctx.params.Name ?? ['*'], (name) => ctx.writeError(notFound(name)));
    for (const v of found) await ctx.write(ctx.params.ValueOnly ? v.value : variableObject(v));
  },
});

