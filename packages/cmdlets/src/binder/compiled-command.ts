/**
 * A command's metadata compiled once for binding: parameters in binding order with their types
 * resolved, parameter sets as bit flags, name and alias tables for prefix matching, and the
 * positions of a script's parameters. Binding runs for every pipeline and every pipeline object,
 * so everything that depends only on the metadata is computed here, once per metadata object.
 */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { CommandMetadata, ParameterMetadata, ParameterSetMembership, Validation } from '../metadata/command.js';
import { resolveType } from '@dpmsh/runtime';
import type { TypeInfo, ScriptBlock } from '@dpmsh/runtime';
import { commonParameters } from './common-parameters.js';

/** The flags of "every parameter set": PowerShell's uint.MaxValue. */
export const ALL_SETS = -1;

/** The most parameter sets a command may declare (one bit each, as in PowerShell). */
const MAX_PARAMETER_SETS = 31;

/** How a parameter takes part in one parameter set, with the set as a flag (0 for "all sets"). */
export interface CompiledMembership {
  readonly flag: number;
  readonly mandatory: boolean;
  readonly position: number | undefined;
  readonly byValue: boolean;
  readonly byPropertyName: boolean;
  readonly remaining: boolean;
}

/** A parameter's type (or an array parameter's element type), as the binder needs it. */
export interface ParameterType {
  /** The .NET full name messages use: `System.String`, `System.Int32[]`. */
  readonly fullName: string;
  /** Undefined for an unknown type name, which binds like [object]. */
  readonly info: TypeInfo | undefined;
  readonly isSwitch: boolean;
  readonly isBool: boolean;
  readonly isString: boolean;
  readonly isEnum: boolean;
  /** [object] and [psobject] take any value as it is. */
  readonly takesAnything: boolean;
  /** A .NET value type: $null does not bind to it without conversion. */
  readonly isValueType: boolean;
  /** An array or list parameter: scalars are wrapped, elements converted. */
  readonly isCollection: boolean;
  readonly isList: boolean;
  /** The element type of an array or list parameter. */
  readonly element: ParameterType | undefined;
}

/** A parameter ready for binding. */
export interface CompiledParameter {
  readonly metadata: ParameterMetadata;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly isCommon: boolean;
  readonly type: ParameterType;
  /** The explicit sets it is in (0 when it is only in all sets). */
  readonly setFlags: number;
  readonly inAllSets: boolean;
  readonly memberships: readonly CompiledMembership[];
  readonly mandatoryInSomeSet: boolean;
  readonly pipelineInSomeSet: boolean;
  /** Validations the binder runs itself (every kind but script). */
  readonly validations: readonly Validation[];
  readonly validationScripts: readonly ScriptBlock[];
}

/** A command ready for binding. */
export interface CompiledCommand {
  readonly metadata: CommandMetadata;
  /** A script function or script: typed parameters convert through argument transformation. */
  readonly isScript: boolean;
  /** Declared parameters first, then the common ones: PowerShell's binding order. */
  readonly parameters: readonly CompiledParameter[];
  /** Lower-cased names and aliases, in binding order, for prefix matching. */
  readonly names: readonly (readonly [string, CompiledParameter])[];
  readonly aliases: readonly (readonly [string, CompiledParameter])[];
  readonly setNames: readonly string[];
  /** The flags of every explicit set a parameter is in. */
  readonly usedSetFlags: number;
  /** The default set's flag, 0 when there is none. */
  readonly defaultSetFlag: number;
  readonly defaultSetName: string | undefined;
  readonly pipelineParameters: readonly CompiledParameter[];
  /** The parameters mandatory in some set, in binding order. */
  readonly mandatoryParameters: readonly CompiledParameter[];
  /** Memo of name lookups (`-Pa` → Path): the same names recur on every call. */
  readonly nameCache: Map<string, unknown>;
}

const VALUE_TYPE_KINDS = new Set(['number', 'bool', 'switch', 'char', 'datetime', 'timespan', 'enum', 'guid']);
const ANYTHING_KINDS = new Set(['object', 'psobject', 'pscustomobject']);

function describeType(type: string | TypeInfo): ParameterType {
  const info = typeof type === 'string' ? resolveType(type) : type;
  const kind = info?.kind;
  const isList = kind === 'list';
  const isCollection = info !== undefined && (info.isArray || kind === 'array' || isList);
  return {
    fullName: info?.fullName ?? (typeof type === 'string' ? type : type.fullName),
    info,
    isSwitch: kind === 'switch',
    isBool: kind === 'bool',
    isString: kind === 'string',
    isEnum: info?.isEnum === true,
    takesAnything: info === undefined || ANYTHING_KINDS.has(kind ?? ''),
    isValueType: kind !== undefined && VALUE_TYPE_KINDS.has(kind),
    isCollection,
    isList,
    element: isCollection ? describeType(info?.elementType ?? 'object') : undefined,
  };
}

/**
 * PowerShell's rule for scripts: when no parameter names a Position or a parameter set, every
 * parameter but the switches is positional in declaration order (unless PositionalBinding=$false).
 */
function automaticPositions(metadata: CommandMetadata, isScript: boolean): Map<ParameterMetadata, number> | undefined {
  if (!isScript || metadata.positionalBinding === false) return undefined;
  for (const p of metadata.parameters) {
    for (const [setName, m] of Object.entries(p.sets)) {
      if (setName !== ALL_PARAMETER_SETS || m.position !== undefined) return undefined;
    }
  }
  const positions = new Map<ParameterMetadata, number>();
  let next = 0;
  for (const p of metadata.parameters) {
    if (describeType(p.type).isSwitch) continue;
    positions.set(p, next++);
  }
  return positions;
}

function compileCommand(metadata: CommandMetadata): CompiledCommand {
  const isScript = metadata.fromScript ?? !metadata.cmdletBinding;
  const setNames: string[] = [];
  const flagOf = (setName: string): number => {
    let i = setNames.findIndex((s) => s.toLowerCase() === setName.toLowerCase());
    if (i < 0) {
      if (setNames.length >= MAX_PARAMETER_SETS) throw new Error(`Command '${metadata.name}' declares more than ${MAX_PARAMETER_SETS} parameter sets.`);
      setNames.push(setName);
      i = setNames.length - 1;
    }
    return 1 << i;
  };
  const defaultSetName = metadata.defaultParameterSet && metadata.defaultParameterSet !== ALL_PARAMETER_SETS ? metadata.defaultParameterSet : undefined;
  const positions = automaticPositions(metadata, isScript);
  const parameters: CompiledParameter[] = [];
  for (const p of [...metadata.parameters, ...commonParameters(metadata)]) {
    const memberships: CompiledMembership[] = [];
    let setFlags = 0;
    let inAllSets = false;
    const entries: [string, ParameterSetMembership][] = Object.entries(p.sets);
    if (entries.length === 0) entries.push([ALL_PARAMETER_SETS, {}]);
    for (const [setName, m] of entries) {
      const all = setName === ALL_PARAMETER_SETS;
      const flag = all ? 0 : flagOf(setName);
      if (all) inAllSets = true;
      setFlags |= flag;
      memberships.push({
        flag,
        mandatory: m.mandatory === true,
        position: m.position ?? positions?.get(p),
        byValue: m.valueFromPipeline === true,
        byPropertyName: m.valueFromPipelineByPropertyName === true,
        remaining: m.valueFromRemainingArguments === true,
      });
    }
    const validations = p.validation ?? [];
    parameters.push({
      metadata: p,
      name: p.name,
      aliases: p.aliases ?? [],
      isCommon: p.isCommon === true,
      type: describeType(p.type),
      setFlags,
      inAllSets,
      memberships,
      mandatoryInSomeSet: memberships.some((m) => m.mandatory),
      pipelineInSomeSet: memberships.some((m) => m.byValue || m.byPropertyName),
      validations: validations.filter((v) => v.kind !== 'script'),
      validationScripts: validations.flatMap((v) => (v.kind === 'script' ? [v.script] : [])),
    });
  }
  const usedSetFlags = setNames.reduce((flags, _name, i) => flags | (1 << i), 0);
  const defaultSetFlag = defaultSetName ? flagOf(defaultSetName) : 0;
  return {
    metadata,
    isScript,
    parameters,
    names: parameters.map((p) => [p.name.toLowerCase(), p] as const),
    aliases: parameters.flatMap((p) => p.aliases.map((a) => [a.toLowerCase(), p] as const)),
    setNames,
    usedSetFlags,
    defaultSetFlag,
    defaultSetName,
    pipelineParameters: parameters.filter((p) => p.pipelineInSomeSet),
    mandatoryParameters: parameters.filter((p) => p.mandatoryInSomeSet),
    nameCache: new Map(),
  };
}

const cache = new WeakMap<CommandMetadata, CompiledCommand>();

/** The compiled form of a command's metadata, built on first use. */
export function compiledCommand(metadata: CommandMetadata): CompiledCommand {
  let compiled = cache.get(metadata);
  if (!compiled) {
    compiled = compileCommand(metadata);
    cache.set(metadata, compiled);
  }
  return compiled;
}

/** The number of parameter sets still possible; "all sets" counts as one, as in PowerShell. */
export function validSetCount(flags: number): number {
  if (flags === ALL_SETS) return 1;
  let count = 0;
  for (let f = flags >>> 0; f !== 0; f >>>= 1) count += f & 1;
  return count;
}

/** The name of the parameter set the flags designate: '' while several are still possible. */
export function parameterSetName(command: CompiledCommand, flags: number): string {
  if (flags === ALL_SETS || flags === 0) return command.defaultSetName ?? ALL_PARAMETER_SETS;
  if (validSetCount(flags) !== 1) {
    return command.defaultSetFlag !== 0 && (flags & command.defaultSetFlag) !== 0 ? (command.defaultSetName ?? '') : '';
  }
  return command.setNames[31 - Math.clz32(flags)] ?? '';
}

/** True when the parameter belongs to one of the sets. */
export function isInSets(parameter: CompiledParameter, flags: number): boolean {
  return parameter.inAllSets || (parameter.setFlags & flags) !== 0;
}

/** The parameter's memberships in the given sets (its all-sets membership included). */
export function membershipsIn(parameter: CompiledParameter, flags: number): CompiledMembership[] {
  return parameter.memberships.filter((m) => m.flag === 0 || (m.flag & flags) !== 0);
}

/** The one membership that applies for the sets: a specific set's if any, else the all-sets one. */
export function membershipFor(parameter: CompiledParameter, flags: number): CompiledMembership | undefined {
  let result: CompiledMembership | undefined;
  for (const m of parameter.memberships) {
    if (m.flag === 0) result = m;
    else if ((m.flag & flags) !== 0) return m;
  }
  return result;
}
