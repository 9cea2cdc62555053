/** Get-Variable, New-Variable, Set-Variable, Remove-Variable and Clear-Variable. */
import type { FormatTable } from '../formatting/views.js';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { errorRecord, type ErrorRecord, hasWildcard, matchWildcard, PSEnumValue, PSObject } from '@dpmsh/runtime';
import type { PSVariable, Scope, VariableOptions } from '@dpmsh/runtime';
import { scopeChain, scopeFromArgument } from './scope-argument.js';

const all = ALL_PARAMETER_SETS;
const SESSION_STATE = 'System.Management.Automation';
const SCOPED_ITEM_OPTIONS = `${SESSION_STATE}.ScopedItemOptions`;
const OPTION_BITS: ReadonlyArray<readonly [keyof VariableOptions, string, number]> = [
  ['readOnly', 'ReadOnly', 1],
  ['constant', 'Constant', 2],
  ['private', 'Private', 4],
  ['allScope', 'AllScope', 8],
];
const OPTION_NAMES = ['None', 'ReadOnly', 'Constant', 'Private', 'AllScope', 'Unspecified'];

/** A variable's options as PowerShell's ScopedItemOptions flags value ("ReadOnly, AllScope"). */
export function scopedItemOptions(options: VariableOptions): PSEnumValue {
  const set = OPTION_BITS.filter(([key]) => options[key]);
  const name = set.length === 0 ? 'None' : set.map(([, n]) => n).join(', ');
  return new PSEnumValue(SCOPED_ITEM_OPTIONS, name, set.reduce((sum, [, , bit]) => sum + bit, 0));
}

/** Parses -Option values ("ReadOnly", "ReadOnly, AllScope", an array of names). */
function parseOptions(values: readonly string[] | undefined): VariableOptions | undefined {
  if (values === undefined) return undefined;
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter((v) => v.length > 0);
  const options: { -readonly [K in keyof VariableOptions]: VariableOptions[K] } = {};
  for (const [key, name] of OPTION_BITS) if (names.includes(name.toLowerCase())) options[key] = true;
  return options;
}

/** A PSVariable as Get-Variable outputs it: Name, Value (live), Description, Options... */
export function variableObject(variable: PSVariable): PSObject {
  const o = new PSObject([`${SESSION_STATE}.PSVariable`, 'System.Object']);
  o.addProperty({ name: 'Name', kind: 'Property', get: () => variable.name, typeName: 'System.String' });
  o.addProperty({ name: 'Description', kind: 'Property', get: () => variable.description ?? '', set: (v) => (variable.description = String(v ?? '')), typeName: 'System.String' });
  o.addProperty({ name: 'Value', kind: 'Property', get: () => variable.value, set: (v) => (variable.value = v), typeName: 'System.Object' });
  o.addProperty({ name: 'Visibility', kind: 'Property', get: () => new PSEnumValue(`${SESSION_STATE}.SessionStateEntryVisibility`, 'Public', 0) });
  o.addProperty({ name: 'Module', kind: 'Property', get: () => null });
  o.addProperty({ name: 'ModuleName', kind: 'Property', get: () => '', typeName: 'System.String' });
  o.addProperty({ name: 'Options', kind: 'Property', get: () => scopedItemOptions(variable.options) });
  o.addProperty({ name: 'Attributes', kind: 'Property', get: () => [] });
  return o;
}

/** Registers the table view of variables. */
export function registerVariableView(formats: FormatTable): void {
  formats.register({ typeName: `${SESSION_STATE}.PSVariable`, kind: 'table', columns: [{ property: 'Name', width: 30 }, { property: 'Value' }] });
}

function notFound(name: string): ErrorRecord {
  return errorRecord(`Cannot find a variable with the name '${name}'.`, 'VariableNotFound', 'ObjectNotFound', {
    typeName: `${SESSION_STATE}.ItemNotFoundException`,
    targetObject: name,
  });
}

function notWritable(name: string): ErrorRecord {
  return errorRecord(`Cannot overwrite variable ${name} because it is read-only or constant.`, 'VariableNotWritable', 'WriteError', {
    typeName: `${SESSION_STATE}.SessionStateUnauthorizedAccessException`,
    targetObject: name,
  });
}

/** The variables visible from a scope, nearest of each name first, sorted by name. */
function visibleVariables(scope: Scope): PSVariable[] {
  const byName = new Map<string, PSVariable>();
  scopeChain(scope).forEach((s, depth) => {
    for (const [key, v] of s.variables) if (!byName.has(key) && (depth === 0 || !v.options.private)) byName.set(key, v);
  });
  return [...byName.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
}

interface Filter {
  Include?: string[];
  Exclude?: string[];
}

function passesFilter(name: string, filter: Filter): boolean {
  if (filter.Include && !filter.Include.some((p) => matchWildcard(name, p))) return false;
  return !(filter.Exclude ?? []).some((p) => matchWildcard(name, p));
}

/**
 * The variables a -Name pattern finds: in one scope when -Scope was given, else all visible.
 * A literal name that matches nothing is reported with `missing`.
 */
function findVariables(ctx: CmdletContext<Filter & { Scope?: string }>, names: readonly string[], missing: (name: string) => void): PSVariable[] {
  const scoped = ctx.params.Scope !== undefined;
  const scope = scopeFromArgument(ctx.scope, ctx.params.Scope);
  const candidates = scoped ? [...scope.variables.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())) : visibleVariables(scope);
  const found: PSVariable[] = [];
  for (const name of names) {
    const matches = candidates.filter((v) => matchWildcard(v.name, name) && passesFilter(v.name, ctx.params) && !found.includes(v));
    if (matches.length === 0 && !hasWildcard(name)) missing(name);
    found.push(...matches);
  }
  return found;
}

/** Whether a variable refuses to change: a constant one always, a read-only one unless -Force. */
function isProtected(variable: PSVariable, force: boolean | undefined): boolean {
  return variable.options.constant === true || (variable.options.readOnly === true && !force);
}

/**
 * The variables -Name finds that Remove-Variable or Clear-Variable may change, one at a time;
 * a missing literal name and a protected variable (reported with `refused`) are errors.
 */
function* changeableVariables(ctx: CmdletContext<Filter & { Name: string[]; Scope?: string; Force?: boolean }>, refused: (name: string) => ErrorRecord): Generator<PSVariable> {
  for (const v of findVariables(ctx, ctx.params.Name, (name) => ctx.writeError(notFound(name)))) {
    if (isProtected(v, ctx.params.Force)) ctx.writeError(refused(v.name));
    else yield v;
  }
}

const variableNamesParameter = {
  name: 'Name',
  type: 'string[]',
  sets: { [all]: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } },
  description: 'The names of the variables, wildcards allowed.',
} as const;

const filterParameters = [
  { name: 'Include', type: 'string[]', sets: { [all]: {} }, description: 'Only variables whose names match these patterns.' },
  { name: 'Exclude', type: 'string[]', sets: { [all]: {} }, description: 'Leaves out variables whose names match these patterns.' },
] as const;

const scopeParameter = {
  name: 'Scope',
  type: 'string',
  sets: { [all]: {} },
  description: 'Global, Local, Script, or a number of scopes up from the current one (0 is the current scope).',
} as const;

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

const optionParameter = {
  name: 'Option',
  type: 'string[]',
  sets: { [all]: {} },
  validation: [{ kind: 'set', values: OPTION_NAMES, ignoreCase: true }],
  description: 'None, ReadOnly (changed or removed only with -Force), Constant (never changed), Private (seen only in its scope) or AllScope.',
} as const;

const visibilityParameter = {
  name: 'Visibility',
  type: 'string',
  sets: { [all]: {} },
  validation: [{ kind: 'set', values: ['Public', 'Private'], ignoreCase: true }],
  description: 'Public or Private (accepted; dpmsh variables are always public).',
} as const;

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
      { title: 'Creating it twice fails', code: 'New-Variable zone 1\nNew-Variable zone 2' },
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
