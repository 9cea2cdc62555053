/** Set-Variable: assigns values, descriptions and options to variables, creating them as needed. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { hasWildcard, matchWildcard } from '@dpmsh/runtime';
import { scopeFromArgument } from './scope-argument.js';
import { parseOptions } from './scoped-item-options.js';
import { variableObject, notWritable, type Filter, passesFilter, isProtected, filterParameters, scopeParameter, optionParameter, visibilityParameter } from './variable-access.js';

const all = ALL_PARAMETER_SETS;

interface SetVariableParameters extends Filter {
  Name: string[];
  Value?: unknown;
  Description?: string;
  Option?: string[];
  Visibility?: string;
  Force?: boolean;
  PassThru?: boolean;
  Scope?: string;
}

/** Assigns a value (and description/options) to the named variables of a scope, creating literal names. */
async function setVariables(ctx: CmdletContext<SetVariableParameters>, value: unknown, setValue: boolean): Promise<void> {
  const p = ctx.params;
  const scope = scopeFromArgument(ctx.scope, p.Scope);
  const options = parseOptions(p.Option);
  for (const name of p.Name) {
    const targets = hasWildcard(name)
      ? [...scope.variables.values()].filter((v) => matchWildcard(v.name, name) && passesFilter(v.name, p))
      : passesFilter(name, p)
        ? [scope.local(name) ?? name]
        : [];
    for (const target of targets) {
      const targetName = typeof target === 'string' ? target : target.name;
      if (!(await ctx.shouldProcess(`Name: ${targetName} Value: ${String(value ?? '')}`, 'Set variable'))) continue;
      if (typeof target === 'string') {
        const created = scope.define({ name: target, value: setValue ? value : null, options: options ?? {}, description: p.Description });
        if (p.PassThru) await ctx.write(variableObject(created));
        continue;
      }
      if (isProtected(target, p.Force)) {
        ctx.writeError(notWritable(target.name));
        continue;
      }
      if (setValue) target.value = target.constrain ? target.constrain(value) : value;
      if (p.Description !== undefined) target.description = p.Description;
      if (options) target.options = options;
      if (p.PassThru) await ctx.write(variableObject(target));
    }
  }
}

/** Set-Variable. */
export const setVariable = defineCmdlet<SetVariableParameters>({
  name: 'Set-Variable',
  supportsShouldProcess: true,
  parameters: [
    { name: 'Name', type: 'string[]', sets: { [all]: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } }, description: 'The names of the variables; wildcards change existing variables only.' },
    { name: 'Value', type: 'object', sets: { [all]: { position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The value to assign; several pipeline objects make an array.' },
    ...filterParameters,
    { name: 'Description', type: 'string', sets: { [all]: {} }, description: 'A description of the variable.' },
    optionParameter,
    visibilityParameter,
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Changes a read-only variable.' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Outputs the variable.' },
    scopeParameter,
  ],
  outputType: ['System.Management.Automation.PSVariable'],
  help: {
    synopsis: 'Sets the value of a variable. Creates the variable if one with the requested name does not exist.',
    description: 'Assigns a value to a variable of the current scope (or of -Scope), creating it when needed. A read-only variable changes only with -Force; a constant one never. Values piped in become the value, an array when there are several.',
    examples: [
      { title: 'Set a variable', code: 'Set-Variable -Name region -Value westus\n$region', output: 'westus' },
      { title: 'Collect pipeline input', code: '1, 2, 3 | Set-Variable numbers\n$numbers.Count', output: '3' },
    ],
  },
  async begin(ctx) {
    pipelineValues.set(ctx.invocation, []);
  },
  async process(ctx) {
    if (ctx.input !== undefined) {
      pipelineValues.get(ctx.invocation)?.push(ctx.params.Value);
      return;
    }
    await setVariables(ctx, ctx.params.Value ?? null, ctx.boundParameters.has('Value'));
  },
  async end(ctx) {
    const values = pipelineValues.get(ctx.invocation);
    pipelineValues.delete(ctx.invocation);
    if (!values || values.length === 0) return;
    await setVariables(ctx, values.length === 1 ? values[0] : values, true);
  },
});

/** Set-Variable's pipeline values, per invocation, assigned at the end. */
const pipelineValues = new WeakMap<object, unknown[]>();

