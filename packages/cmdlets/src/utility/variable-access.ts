/** What the *-Variable cmdlets share: variables as objects, finding them by name pattern, their errors and common parameters. */
import type { FormatTable } from '../formatting/views.js';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { CmdletContext } from '../session/cmdlet.js';
import { errorRecord, type ErrorRecord, hasWildcard, matchWildcard, PSEnumValue, PSObject } from '@dpmsh/runtime';
import type { PSVariable, Scope } from '@dpmsh/runtime';
import { scopeChain, scopeFromArgument } from './scope-argument.js';
import { OPTION_NAMES, scopedItemOptions } from './scoped-item-options.js';

const all = ALL_PARAMETER_SETS;

const SESSION_STATE = 'System.Management.Automation';

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

/** The error of a variable name that matches nothing. */
export function notFound(name: string): ErrorRecord {
  return errorRecord(`Cannot find a variable with the name '${name}'.`, 'VariableNotFound', 'ObjectNotFound', {
    typeName: `${SESSION_STATE}.ItemNotFoundException`,
    targetObject: name,
  });
}

/** The error of a read-only or constant variable a cmdlet may not change. */
export function notWritable(name: string): ErrorRecord {
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

/** The -Include and -Exclude patterns of the *-Variable cmdlets. */
export interface Filter {
  Include?: string[];
  Exclude?: string[];
}

/** Whether a variable name passes -Include and -Exclude. */
export function passesFilter(name: string, filter: Filter): boolean {
  if (filter.Include && !filter.Include.some((p) => matchWildcard(name, p))) return false;
  return !(filter.Exclude ?? []).some((p) => matchWildcard(name, p));
}

/**
 * The variables a -Name pattern finds: in one scope when -Scope was given, else all visible.
 * A literal name that matches nothing is reported with `missing`.
 */
export function findVariables(ctx: CmdletContext<Filter & { Scope?: string }>, names: readonly string[], missing: (name: string) => void): PSVariable[] {
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
export function isProtected(variable: PSVariable, force: boolean | undefined): boolean {
  return variable.options.constant === true || (variable.options.readOnly === true && !force);
}

/**
 * The variables -Name finds that Remove-Variable or Clear-Variable may change, one at a time;
 * a missing literal name and a protected variable (reported with `refused`) are errors.
 */
export function* changeableVariables(ctx: CmdletContext<Filter & { Name: string[]; Scope?: string; Force?: boolean }>, refused: (name: string) => ErrorRecord): Generator<PSVariable> {
  for (const v of findVariables(ctx, ctx.params.Name, (name) => ctx.writeError(notFound(name)))) {
    if (isProtected(v, ctx.params.Force)) ctx.writeError(refused(v.name));
    else yield v;
  }
}

/** The mandatory -Name parameter of the cmdlets that change variables by name. */
export const variableNamesParameter = {
  name: 'Name',
  type: 'string[]',
  sets: { [all]: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } },
  description: 'The names of the variables, wildcards allowed.',
} as const;

/** The -Include and -Exclude parameters. */
export const filterParameters = [
  { name: 'Include', type: 'string[]', sets: { [all]: {} }, description: 'Only variables whose names match these patterns.' },
  { name: 'Exclude', type: 'string[]', sets: { [all]: {} }, description: 'Leaves out variables whose names match these patterns.' },
] as const;

/** The -Scope parameter. */
export const scopeParameter = {
  name: 'Scope',
  type: 'string',
  sets: { [all]: {} },
  description: 'Global, Local, Script, or a number of scopes up from the current one (0 is the current scope).',
} as const;

/** The -Option parameter of New-Variable and Set-Variable. */
export const optionParameter = {
  name: 'Option',
  type: 'string[]',
  sets: { [all]: {} },
  validation: [{ kind: 'set', values: OPTION_NAMES, ignoreCase: true }],
  description: 'None, ReadOnly (changed or removed only with -Force), Constant (never changed), Private (seen only in its scope) or AllScope.',
} as const;

/** The -Visibility parameter of New-Variable and Set-Variable. */
export const visibilityParameter = {
  name: 'Visibility',
  type: 'string',
  sets: { [all]: {} },
  validation: [{ kind: 'set', values: ['Public', 'Private'], ignoreCase: true }],
  description: 'Public or Private (accepted; dpmsh variables are always public).',
} as const;
