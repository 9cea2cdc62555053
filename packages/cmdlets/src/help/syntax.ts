/**
 * A command's syntax lines, generated from its metadata exactly as PowerShell's
 * CommandParameterSetInfo writes them: one line per parameter set, the default set first, then
 * the others in the order their first parameter declares them; in each line the positional
 * parameters by position, then the mandatory named ones, then the optional ones, then -WhatIf and
 * -Confirm, then `[<CommonParameters>]`.
 *
 *     Get-Foo [-Name] <string> [[-Count] <int>] -Path <string[]> [-Force] [<CommonParameters>]
 */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { CommandMetadata, ParameterMetadata, ParameterSetMembership } from '../metadata/command.js';
import { resolveType } from '@dpmsh/runtime';

/** The names pwsh's syntax uses for the types with accelerators (ToStringCodeMethods.Type). */
const SYNTAX_TYPE_NAMES: Readonly<Record<string, string>> = {
  'system.string': 'string',
  'system.int32': 'int',
  'system.int64': 'long',
  'system.int16': 'short',
  'system.uint32': 'uint',
  'system.uint64': 'ulong',
  'system.byte': 'byte',
  'system.sbyte': 'sbyte',
  'system.double': 'double',
  'system.single': 'float',
  'system.decimal': 'decimal',
  'system.boolean': 'bool',
  'system.char': 'char',
  'system.datetime': 'datetime',
  'system.timespan': 'timespan',
  'system.guid': 'guid',
  'system.version': 'version',
  'system.collections.hashtable': 'hashtable',
  'system.management.automation.scriptblock': 'scriptblock',
  'system.management.automation.psobject': 'psobject',
  'system.management.automation.pscredential': 'pscredential',
  'system.security.securestring': 'securestring',
  'system.text.regularexpressions.regex': 'regex',
  'system.xml.xmldocument': 'xml',
  'system.object': 'Object',
};

/** A parameter type as syntax lines show it: `string`, `Object[]`, `DayOfWeek`. */
export function syntaxTypeName(type: string): string {
  const trimmed = type.trim();
  if (trimmed.endsWith('[]')) return `${syntaxTypeName(trimmed.slice(0, -2))}[]`;
  const lower = trimmed.toLowerCase();
  const direct = SYNTAX_TYPE_NAMES[lower];
  if (direct) return direct;
  const resolved = resolveType(trimmed);
  const fullName = resolved && !resolved.isArray ? resolved.fullName : trimmed;
  const known = SYNTAX_TYPE_NAMES[fullName.toLowerCase()];
  if (known) return known;
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}

/** True for a switch parameter. */
export function isSwitchParameter(parameter: ParameterMetadata): boolean {
  const type = parameter.type.toLowerCase();
  return type === 'switch' || type === 'system.management.automation.switchparameter';
}

/** The parameter sets of a command in pwsh's order: the default set first, then by first declaration. */
export function parameterSetNames(metadata: CommandMetadata): string[] {
  const names: string[] = [];
  for (const parameter of metadata.parameters) {
    if (parameter.isCommon) continue;
    for (const set of Object.keys(parameter.sets)) if (set !== ALL_PARAMETER_SETS && !names.includes(set)) names.push(set);
  }
  if (names.length === 0) return [metadata.defaultParameterSet ?? ALL_PARAMETER_SETS];
  const def = metadata.defaultParameterSet && names.find((n) => n.toLowerCase() === metadata.defaultParameterSet!.toLowerCase());
  return def ? [def, ...names.filter((n) => n !== def)] : names;
}

/** One parameter of one set, with its membership there. */
export interface SetParameter {
  readonly parameter: ParameterMetadata;
  readonly membership: ParameterSetMembership;
}

/** A parameter's membership in a set (its own entry for the set, else its all-sets entry). */
export function membershipIn(parameter: ParameterMetadata, set: string): ParameterSetMembership | undefined {
  if (Object.keys(parameter.sets).length === 0) return {};
  return parameter.sets[set] ?? parameter.sets[ALL_PARAMETER_SETS];
}

/**
 * The positions a script function's parameters get when none declares a position or a set: each
 * non-switch parameter in declaration order, as the binder gives them.
 */
function automaticPositions(metadata: CommandMetadata): Map<ParameterMetadata, number> | undefined {
  const isScript = metadata.fromScript ?? !metadata.cmdletBinding;
  if (!isScript || metadata.positionalBinding === false) return undefined;
  for (const p of metadata.parameters) {
    for (const [set, m] of Object.entries(p.sets)) if (set !== ALL_PARAMETER_SETS || m.position !== undefined) return undefined;
  }
  const positions = new Map<ParameterMetadata, number>();
  let next = 0;
  for (const p of metadata.parameters) if (!p.isCommon && !isSwitchParameter(p)) positions.set(p, next++);
  return positions;
}

/** The parameters of a set in display order: positional by position, mandatory named, optional named. */
export function parametersInDisplayOrder(metadata: CommandMetadata, set: string): SetParameter[] {
  const inSet: SetParameter[] = [];
  const automatic = automaticPositions(metadata);
  for (const parameter of metadata.parameters) {
    if (parameter.isCommon || parameter.dontShow) continue;
    const membership = membershipIn(parameter, set);
    const position = automatic?.get(parameter);
    if (membership) inSet.push({ parameter, membership: position === undefined ? membership : { ...membership, position } });
  }
  const positional = inSet.filter((p) => p.membership.position !== undefined).sort((a, b) => a.membership.position! - b.membership.position!);
  const named = inSet.filter((p) => p.membership.position === undefined);
  return [...positional, ...named.filter((p) => p.membership.mandatory), ...named.filter((p) => !p.membership.mandatory)];
}

/** One parameter as a syntax line writes it: `[-Name] <string>`, `[[-Count] <int>]`, `-Path <string[]>`, `[-Force]`. */
export function parameterSyntax({ parameter, membership }: SetParameter): string {
  const mandatory = membership.mandatory === true;
  if (isSwitchParameter(parameter)) return mandatory ? `-${parameter.name}` : `[-${parameter.name}]`;
  const type = syntaxTypeName(parameter.type);
  const positional = membership.position !== undefined;
  if (mandatory) return positional ? `[-${parameter.name}] <${type}>` : `-${parameter.name} <${type}>`;
  return positional ? `[[-${parameter.name}] <${type}>]` : `[-${parameter.name} <${type}>]`;
}

/** The text after the command name for one parameter set. */
export function parameterSetSyntax(metadata: CommandMetadata, set: string): string {
  const parts = parametersInDisplayOrder(metadata, set).map(parameterSyntax);
  if (metadata.cmdletBinding && metadata.supportsShouldProcess) parts.push('[-WhatIf]', '[-Confirm]');
  if (metadata.cmdletBinding) parts.push('[<CommonParameters>]');
  return parts.join(' ');
}

/** The syntax lines of a command, one per parameter set: `Name parameters...`. */
export function syntaxLines(name: string, metadata: CommandMetadata): string[] {
  return parameterSetNames(metadata).map((set) => `${name} ${parameterSetSyntax(metadata, set)}`.trimEnd());
}

/** What `Get-Command -Syntax` and a cmdlet's Definition show: each set's line between blank lines. */
export function syntaxText(name: string, metadata: CommandMetadata): string {
  return syntaxLines(name, metadata)
    .map((line) => `\n${line}\n`)
    .join('');
}
