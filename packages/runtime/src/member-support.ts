/**
 * The machinery behind dpmsh's .NET members: a member table per modelled type (properties and
 * methods as data, each method with the overload definitions Get-Member shows), argument
 * conversion with PowerShell's method-call errors, and .NET's Object.Equals.
 */
import type { Scope } from './scope.js';
import { ErrorRecord, PSException, RuntimeError } from './errors.js';
import type { ErrorCategory } from './errors.js';
import { PSChar, PSDateTime, PSEnumValue, PSGuid, PSNumber, PSTimeSpan, PSVersion, numericType } from './values.js';
import { numericEquals } from './numeric.js';
import { convertTo } from './convert.js';
import { compareDateTime } from './datetime.js';
import { toText } from './text.js';

/** What member code may need from the session running it. */
export interface MemberContext {
  /** Set-StrictMode -Version 2 or later is in force: reading a missing property is an error. */
  readonly strict?: boolean;
  /** The scope script blocks run from (ForEach/Where magic methods, [regex]::Replace evaluators). */
  readonly scope?: Scope;
  readonly signal?: AbortSignal;
  /** The session's environment, for [Environment]::GetEnvironmentVariable; process.env when absent. */
  readonly environment?: NodeJS.ProcessEnv;
}

/** A property of a modelled type. */
export interface PropertyDef<T> {
  /** The type Get-Member shows, in its short form: `int`, `string`, `datetime`, `System.Object`. */
  readonly type: string;
  readonly get: (self: T, ctx: MemberContext) => unknown;
  readonly set?: (self: T, value: unknown, ctx: MemberContext) => void;
  /** Properties PowerShell adds through its type data show as ScriptProperty or AliasProperty. */
  readonly kind?: 'Property' | 'ScriptProperty' | 'AliasProperty';
}

/** A method of a modelled type. A result of `undefined` means void: the call writes nothing. */
export interface MethodDef<T> {
  /** .NET's overload definitions as Get-Member shows them; their parameter lists decide the valid argument counts. */
  readonly overloads: readonly string[];
  readonly invoke: (self: T, args: MethodArgs, ctx: MemberContext) => unknown;
}

/** One parameter of an overload definition. */
interface ParamDef {
  readonly type: string;
  readonly name: string;
  readonly optional: boolean;
  readonly params: boolean;
}

interface Overload {
  readonly params: readonly ParamDef[];
  readonly min: number;
  readonly max: number;
}

/** A property or method with the name it is declared under. */
export interface Named<D> {
  readonly name: string;
  readonly def: D;
}

/** The members of one modelled type, by lower-case name. */
export interface MemberTable<T> {
  readonly properties: ReadonlyMap<string, Named<PropertyDef<T>>>;
  readonly methods: ReadonlyMap<string, Named<MethodDef<T>> & { readonly overloads: readonly Overload[] }>;
}

function parseOverload(definition: string): Overload {
  const open = definition.indexOf('(');
  const close = definition.lastIndexOf(')');
  const inner = open >= 0 && close > open ? definition.slice(open + 1, close).trim() : '';
  const params: ParamDef[] = [];
  if (inner) {
    for (const part of inner.split(', ')) {
      let text = part.trim();
      const isParams = /^params\s/i.test(text);
      if (isParams) text = text.slice(7).trim();
      const eq = text.indexOf(' = ');
      const optional = eq >= 0;
      if (optional) text = text.slice(0, eq);
      const space = text.lastIndexOf(' ');
      params.push({ type: text.slice(0, space), name: text.slice(space + 1), optional, params: isParams });
    }
  }
  const min = params.filter((p) => !p.optional && !p.params).length;
  const max = params.some((p) => p.params) ? Infinity : params.length;
  return { params, min, max };
}

/** Builds a member table from properties and methods, after the members of its bases (later names win). */
export function memberTable<T>(
  spec: { properties?: Record<string, PropertyDef<T>>; methods?: Record<string, MethodDef<T>> },
  ...bases: MemberTable<T>[]
): MemberTable<T> {
  const properties = new Map<string, Named<PropertyDef<T>>>();
  const methods = new Map<string, Named<MethodDef<T>> & { readonly overloads: readonly Overload[] }>();
  for (const base of bases) {
    for (const [k, v] of base.properties) properties.set(k, v);
    for (const [k, v] of base.methods) methods.set(k, v);
  }
  for (const [name, def] of Object.entries(spec.properties ?? {})) properties.set(name.toLowerCase(), { name, def });
  for (const [name, def] of Object.entries(spec.methods ?? {})) {
    methods.set(name.toLowerCase(), { name, def, overloads: def.overloads.map(parseOverload) });
  }
  return { properties, methods };
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** A terminating error from member access, with PowerShell's exception type, id and category. */
export function memberError(message: string, errorId: string, category: ErrorCategory, typeName: string, inner?: Error): RuntimeError {
  return new RuntimeError(
    new ErrorRecord({ exception: new PSException(message, { typeName, inner }), errorId, category }),
  );
}

/** "Method invocation failed because [T] does not contain a method named 'X'." */
export function methodNotFound(typeName: string, name: string): RuntimeError {
  return memberError(
    `Method invocation failed because [${typeName}] does not contain a method named '${name}'.`,
    'MethodNotFound',
    'InvalidOperation',
    'System.Management.Automation.RuntimeException',
  );
}

/** Wraps a .NET exception a method threw as PowerShell does: 'Exception calling "M" with "n" argument(s): "msg"'. */
export function methodInvocationError(name: string, argCount: number, error: PSException): RuntimeError {
  const shortType = error.typeName.slice(error.typeName.lastIndexOf('.') + 1);
  return memberError(
    `Exception calling "${name}" with "${argCount}" argument(s): "${error.message}"`,
    shortType,
    'NotSpecified',
    'System.Management.Automation.MethodInvocationException',
    error,
  );
}

/** A .NET exception of a given type, for member code to throw (the caller wraps it). */
export function dotnetException(typeName: string, message: string): PSException {
  return new PSException(message, { typeName });
}

/** ArgumentOutOfRangeException with .NET's "(Parameter 'x')" suffix. */
export function argumentOutOfRange(parameter: string, message = 'Specified argument was out of the range of valid values.'): PSException {
  return dotnetException('System.ArgumentOutOfRangeException', `${message} (Parameter '${parameter}')`);
}

/** ArgumentException with .NET's "(Parameter 'x')" suffix when a parameter is named. */
export function argumentException(message: string, parameter?: string): PSException {
  return dotnetException('System.ArgumentException', parameter ? `${message} (Parameter '${parameter}')` : message);
}

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

const SHORT_TYPE_NAMES: Record<string, string> = {
  int: 'System.Int32',
  long: 'System.Int64',
  string: 'System.String',
  char: 'System.Char',
  bool: 'System.Boolean',
  double: 'System.Double',
  float: 'System.Single',
  decimal: 'System.Decimal',
  datetime: 'System.DateTime',
  timespan: 'System.TimeSpan',
  byte: 'System.Byte',
  object: 'System.Object',
};

/** A full .NET type name for a short one used in overload definitions. */
export function fullTypeName(short: string): string {
  return SHORT_TYPE_NAMES[short] ?? short;
}

/** The arguments of a method call, with conversions that fail with PowerShell's method-argument error. */
export class MethodArgs {
  constructor(
    readonly method: string,
    readonly values: readonly unknown[],
    private readonly params: readonly ParamDef[],
  ) {}

  get length(): number {
    return this.values.length;
  }

  /** The raw argument. */
  at(i: number): unknown {
    return this.values[i];
  }

  /** Converts argument i to a .NET type (full name or short name) with PowerShell's rules. */
  to(i: number, type: string): unknown {
    const full = fullTypeName(type);
    const value = this.values[i];
    try {
      return convertTo(value, full);
    } catch (e) {
      const param = this.params[Math.min(i, this.params.length - 1)];
      const inner = e instanceof RuntimeError ? e.errorRecord.message : e instanceof Error ? e.message : String(e);
      throw memberError(
        `Cannot convert argument "${param?.name ?? `arg${i}`}", with value: "${toText(value)}", for "${this.method}" to type "${full}": "${inner}"`,
        'MethodArgumentConversionInvalidCastArgument',
        'NotSpecified',
        'System.Management.Automation.MethodException',
        e instanceof Error ? e : undefined,
      );
    }
  }

  int(i: number): number {
    return Number(this.to(i, 'int'));
  }
  long(i: number): number {
    return Number(this.to(i, 'long'));
  }
  double(i: number): number {
    return Number(this.to(i, 'double'));
  }
  string(i: number): string {
    const v = this.values[i];
    if (v === null || v === undefined) return '';
    return typeof v === 'string' ? v : String(this.to(i, 'string'));
  }
  /** A string argument that may be $null (String.IsNullOrEmpty and friends). */
  nullableString(i: number): string | null {
    const v = this.values[i];
    return v === null || v === undefined ? null : this.string(i);
  }
  bool(i: number): boolean {
    return this.to(i, 'bool') === true;
  }
  char(i: number): string {
    const v = this.values[i];
    if (v instanceof PSChar) return v.toString();
    return (this.to(i, 'char') as PSChar).toString();
  }
  /** The argument's enum member name (strings, enum values and numbers alike), lower-cased. */
  enumName(i: number, type: string, names: readonly string[]): string {
    const v = this.values[i];
    if (v instanceof PSEnumValue) return v.name.toLowerCase();
    if (typeof v === 'string') {
      const hit = names.find((n) => n.toLowerCase() === v.trim().toLowerCase());
      if (hit) return hit.toLowerCase();
    }
    const converted = this.to(i, type);
    if (converted instanceof PSEnumValue) return converted.name.toLowerCase();
    const n = Number(converted);
    return (names[n] ?? '').toLowerCase();
  }
  /** True when argument i is a StringComparison or bool asking to ignore case. */
  ignoreCase(i: number): boolean {
    const v = this.values[i];
    if (typeof v === 'boolean') return v;
    const name = this.enumName(i, 'System.StringComparison', STRING_COMPARISON);
    return name.endsWith('ignorecase');
  }
}

/** [System.StringComparison] names in value order. */
export const STRING_COMPARISON = [
  'CurrentCulture',
  'CurrentCultureIgnoreCase',
  'InvariantCulture',
  'InvariantCultureIgnoreCase',
  'Ordinal',
  'OrdinalIgnoreCase',
] as const;

/** Checks the argument count against a method's overloads and names the arguments by the first overload that fits. */
export function bindArgs(method: string, overloads: readonly Overload[], values: readonly unknown[]): MethodArgs {
  const fit = overloads.find((o) => values.length >= o.min && values.length <= o.max);
  if (!fit) {
    throw memberError(
      `Cannot find an overload for "${method}" and the argument count: "${values.length}".`,
      'MethodCountCouldNotFindBest',
      'NotSpecified',
      'System.Management.Automation.MethodException',
    );
  }
  return new MethodArgs(method, values, fit.params);
}

// ---------------------------------------------------------------------------------------------
// .NET equality
// ---------------------------------------------------------------------------------------------

/**
 * .NET's Object.Equals, which List.Contains, Hashtable.ContainsValue and array IndexOf use:
 * numbers of the same type and value, strings ordinally (case-sensitive), values of the same
 * structure, otherwise the same reference. `1 -eq '1'` is PowerShell's; `@(1).Contains('1')` is false.
 */
export function dotnetEquals(a: unknown, b: unknown): boolean {
  if (a === b) return a === a || (typeof a === 'number' && Number.isNaN(a));
  if (a === null || b === null || a === undefined || b === undefined) return false;
  const aNum = typeof a === 'number' || a instanceof PSNumber;
  const bNum = typeof b === 'number' || b instanceof PSNumber;
  if (aNum || bNum) {
    if (!aNum || !bNum) return false;
    return numericType(a) === numericType(b) && numericEquals(a, b);
  }
  if (a instanceof PSChar && b instanceof PSChar) return a.code === b.code;
  if (a instanceof PSDateTime && b instanceof PSDateTime) return compareDateTime(a, b) === 0;
  if (a instanceof PSTimeSpan && b instanceof PSTimeSpan) return a.ticks === b.ticks;
  if (a instanceof PSEnumValue && b instanceof PSEnumValue) return a.typeName === b.typeName && a.value === b.value;
  if (a instanceof PSGuid && b instanceof PSGuid) return a.text === b.text;
  if (a instanceof PSVersion && b instanceof PSVersion) return a.toString() === b.toString();
  return false;
}
