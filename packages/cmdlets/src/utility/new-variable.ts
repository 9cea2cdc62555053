/** New-Variable: defines a variable, failing when one of that name exists in the scope. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord } from '@dpmsh/runtime';
import { scopeFromArgument } from './scope-argument.js';
import { parseOptions } from './scoped-item-options.js';
import { variableObject, notWritable, scopeParameter, optionParameter, visibilityParameter } from './variable-access.js';

const all = ALL_PARAMETER_SETS;
const SESSION_STATE = 'System.Management.Automation';

interface NewVariableParameters {
  Name: string;
  Value?: unknown;
  Description?: string;
  Option?: string[];
  Visibility?: string;
  Force?: boolean;
  PassThru?: boolean;
  Scope?: string;
}

/** New-Variable. */
export const newVariable = defineCmdlet<NewVariableParameters>({
  name: 'New-Variable',
  supportsShouldProcess: true,
  parameters: [
    { name: 'Name', type: 'string', sets: { [all]: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } }, description: 'The name of the new variable.' },
    { name: 'Value', type: 'object', sets: { [all]: { position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The initial value.' },
    { name: 'Description', type: 'string', sets: { [all]: {} }, description: 'A description of the variable.' },
    optionParameter,
    visibilityParameter,
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Replaces an existing variable of the same name unless it is constant.' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Outputs the new variable.' },
    scopeParameter,
  ],
  outputType: ['System.Management.Automation.PSVariable'],
  help: {
    synopsis: 'Creates a new variable.',
    description: 'Creates a variable in the current scope (or the one -Scope names), optionally read-only or constant. It fails if the scope already has a variable of that name, unless -Force is given and that variable is not constant.',
    examples: [
      { title: 'Create a read-only variable', code: "New-Variable -Name limit -Value 10 -Option ReadOnly\n$limit", output: '10' },
      {
        title: 'Creating it twice fails',
        code: 'New-Variable zone 1\nNew-Variable zone 2',
        output: "New-Variable:\nLine |\n   2 |  New-Variable zone 2\n     |  ~~~~~~~~~~~~~~~~~~~\n     | A variable with name 'zone' already exists.",
      },
    ],
  },
  async process(ctx) {
    const p = ctx.params;
    const scope = scopeFromArgument(ctx.scope, p.Scope);
    const existing = scope.local(p.Name);
    if (existing && (!p.Force || existing.options.constant)) {
      ctx.writeError(
        existing.options.constant && p.Force
          ? notWritable(existing.name)
          : errorRecord(`A variable with name '${p.Name}' already exists.`, 'VariableAlreadyExists', 'ResourceExists', { typeName: `${SESSION_STATE}.SessionStateException`, targetObject: p.Name }),
      );
      return;
    }
    if (!(await ctx.shouldProcess(`Name: ${p.Name} Value: ${String(p.Value ?? '')}`, 'New variable'))) return;
    const variable = scope.define({ name: p.Name, value: p.Value ?? null, options: parseOptions(p.Option) ?? {}, description: p.Description });
    if (p.PassThru) await ctx.write(variableObject(variable));
  },
});

