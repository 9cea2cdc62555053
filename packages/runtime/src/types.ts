/**
 * The registry of the .NET types dpmsh models: every name a script can write in a type literal
 * (accelerators such as `[int]`, full names such as `[System.Int32]`, names PowerShell completes
 * with `System.` such as `[Math]`, arrays `[int[]]`, `[System.Collections.Generic.List[string]]`),
 * resolved case-insensitively, and the type of any value (`GetType()`, `-is`, PSTypeNames).
 *
 * A TypeInfo is identified by its object: resolving the same name twice gives the same TypeInfo.
 * Two names deliberately share a full name: `[pscustomobject]` is the PSObject type in PowerShell
 * (`[pscustomobject].FullName` is System.Management.Automation.PSObject), but a cast to it builds
 * a custom object from a hashtable, so it is a separate TypeInfo of kind 'pscustomobject'.
 */
import { ERROR_CATEGORIES } from '@dpmsh/core';
import { errorRecord, terminate, PSException, ErrorRecord } from './errors.js';
import {
  impliedNumericType,
  isScriptBlock,
  PSChar,
  PSDateTime,
  PSEnumValue,
  PSGuid,
  PSHashtable,
  PSList,
  PSNumber,
  PSObject,
  PSRegex,
  PSSecureString,
  PSSwitch,
  PSTimeSpan,
  PSTypeLiteral,
  PSVersion,
} from './values.js';
import type { NumericType } from './values.js';

/** What a type is, for the conversions and comparisons that depend on it. */
export type TypeKind =
  | 'void'
  | 'object'
  | 'psobject'
  | 'pscustomobject'
  | 'bool'
  | 'switch'
  | 'number'
  | 'string'
  | 'char'
  | 'datetime'
  | 'timespan'
  | 'securestring'
  | 'hashtable'
  | 'ordered'
  | 'scriptblock'
  | 'array'
  | 'list'
  | 'enum'
  | 'regex'
  | 'version'
  | 'guid'
  | 'type'
  | 'null'
  /** A class with only static members (System.Math, System.Convert...). */
  | 'static'
  /** Any other class or interface: values are PSObjects (or exceptions) whose type names include it. */
  | 'class';

/** One named value of an enum. */
export interface EnumMember {
  readonly name: string;
  readonly value: number;
}

/** A modelled .NET type. */
export interface TypeInfo {
  /** `System.Int32`, `System.Object[]`, `System.Collections.Generic.List`1[System.String]`. */
  readonly fullName: string;
  /** The short name: `Int32`, `Object[]`, `List`1`. */
  readonly name: string;
  readonly kind: TypeKind;
  /** For kind 'number'. */
  readonly numericType?: NumericType;
  readonly isArray: boolean;
  /** The element type of an array, or T of List[T]. */
  readonly elementType?: TypeInfo;
  readonly isEnum: boolean;
  /** Enum members in declaration order. */
  readonly enumMembers?: readonly EnumMember[];
  /** True for a [Flags] enum (values combine, names join with ", "). */
  readonly isFlags?: boolean;
  /** Base types and interfaces PSTypeNames lists, most derived first, not including this type. */
  readonly baseTypeNames: readonly string[];
  /** `value -is [this type]`. */
  isInstance(value: unknown): boolean;
}

interface TypeSpec {
  readonly fullName: string;
  readonly kind: TypeKind;
  readonly numericType?: NumericType;
  readonly elementType?: TypeInfo;
  readonly isArray?: boolean;
  readonly enumMembers?: readonly EnumMember[];
  readonly isFlags?: boolean;
  readonly baseTypeNames?: readonly string[];
  readonly isInstance: (value: unknown) => boolean;
  /** Names besides the full name, e.g. accelerators. */
  readonly aliases?: readonly string[];
}

const byName = new Map<string, TypeInfo>();
const arrayTypes = new Map<TypeInfo, TypeInfo>();
const listTypes = new Map<TypeInfo, TypeInfo>();

const OBJECT_BASE = ['System.Object'] as const;
const VALUE_BASE = ['System.ValueType', 'System.Object'] as const;

function shortName(fullName: string): string {
  const generic = fullName.indexOf('`');
  const head = generic < 0 ? fullName : fullName.slice(0, generic);
  const dot = head.lastIndexOf('.');
  const tail = generic < 0 ? '' : fullName.slice(generic).replace(/\[.*$/, '');
  return (dot < 0 ? head : head.slice(dot + 1)) + tail;
}

function makeType(spec: TypeSpec): TypeInfo {
  return {
    fullName: spec.fullName,
    name: shortName(spec.fullName),
    kind: spec.kind,
    numericType: spec.numericType,
    isArray: spec.isArray ?? false,
    elementType: spec.elementType,
    isEnum: spec.kind === 'enum',
    enumMembers: spec.enumMembers,
    isFlags: spec.isFlags,
    baseTypeNames: spec.baseTypeNames ?? OBJECT_BASE,
    isInstance: spec.isInstance,
  };
}

function register(info: TypeInfo, aliases: readonly string[] = []): TypeInfo {
  byName.set(info.fullName.toLowerCase(), info);
  for (const alias of aliases) byName.set(alias.toLowerCase(), info);
  return info;
}

function define(spec: TypeSpec): TypeInfo {
  return register(makeType(spec), spec.aliases);
}

const isNull = (v: unknown): boolean => v === null || v === undefined;

/** The base object of a PSObject that wraps one (Add-Member on a string), else the value itself. */
export function baseOf(value: unknown): unknown {
  return value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
}

function numericTypeOfValue(v: unknown): NumericType | undefined {
  if (typeof v === 'number') return impliedNumericType(v);
  if (v instanceof PSNumber) return v.type;
  return undefined;
}

function numberType(type: NumericType, fullName: string, aliases: readonly string[]): TypeInfo {
  return define({
    fullName,
    kind: 'number',
    numericType: type,
    baseTypeNames: VALUE_BASE,
    aliases,
    isInstance: (v) => numericTypeOfValue(baseOf(v)) === type,
  });
}

// ---------------------------------------------------------------------------------------------
// The built-in types
// ---------------------------------------------------------------------------------------------

/** [object]: every non-null value is one. */
export const OBJECT_TYPE = define({ fullName: 'System.Object', kind: 'object', baseTypeNames: [], isInstance: (v) => !isNull(v) });
define({ fullName: 'System.ValueType', kind: 'class', isInstance: (v) => isValueType(baseOf(v)) });
/** The type of $null, as PowerShell's messages name it ("null"). */
export const NULL_TYPE = makeType({ fullName: 'null', kind: 'null', baseTypeNames: [], isInstance: isNull });
define({ fullName: 'System.Void', kind: 'void', aliases: ['void'], baseTypeNames: VALUE_BASE, isInstance: () => false });

/** System.Int32. */
export const INT32_TYPE = numberType('Int32', 'System.Int32', ['int', 'int32']);
/** System.Int64. */
export const INT64_TYPE = numberType('Int64', 'System.Int64', ['long', 'int64']);
/** System.Double. */
export const DOUBLE_TYPE = numberType('Double', 'System.Double', ['double']);
/** System.Decimal. */
export const DECIMAL_TYPE = numberType('Decimal', 'System.Decimal', ['decimal']);
numberType('Single', 'System.Single', ['float', 'single']);
numberType('Byte', 'System.Byte', ['byte']);
numberType('SByte', 'System.SByte', ['sbyte']);
numberType('Int16', 'System.Int16', ['short', 'int16']);
numberType('UInt16', 'System.UInt16', ['ushort', 'uint16']);
numberType('UInt32', 'System.UInt32', ['uint', 'uint32']);
numberType('UInt64', 'System.UInt64', ['ulong', 'uint64']);

/** System.String. */
export const STRING_TYPE = define({ fullName: 'System.String', kind: 'string', aliases: ['string'], isInstance: (v) => typeof baseOf(v) === 'string' });
/** System.Char. */
export const CHAR_TYPE = define({ fullName: 'System.Char', kind: 'char', aliases: ['char'], baseTypeNames: VALUE_BASE, isInstance: (v) => baseOf(v) instanceof PSChar });
/** System.Boolean. */
export const BOOLEAN_TYPE = define({ fullName: 'System.Boolean', kind: 'bool', aliases: ['bool'], baseTypeNames: VALUE_BASE, isInstance: (v) => typeof baseOf(v) === 'boolean' });
/** System.Management.Automation.SwitchParameter. */
export const SWITCH_TYPE = define({
  fullName: 'System.Management.Automation.SwitchParameter',
  kind: 'switch',
  aliases: ['switch'],
  baseTypeNames: VALUE_BASE,
  isInstance: (v) => baseOf(v) instanceof PSSwitch,
});
/** System.DateTime. */
export const DATETIME_TYPE = define({ fullName: 'System.DateTime', kind: 'datetime', aliases: ['datetime'], baseTypeNames: VALUE_BASE, isInstance: (v) => baseOf(v) instanceof PSDateTime });
/** System.TimeSpan. */
export const TIMESPAN_TYPE = define({ fullName: 'System.TimeSpan', kind: 'timespan', aliases: ['timespan'], baseTypeNames: VALUE_BASE, isInstance: (v) => baseOf(v) instanceof PSTimeSpan });
/** System.Security.SecureString. */
export const SECURESTRING_TYPE = define({
  fullName: 'System.Security.SecureString',
  kind: 'securestring',
  aliases: ['securestring'],
  isInstance: (v) => baseOf(v) instanceof PSSecureString,
});
/** System.Collections.Hashtable. */
export const HASHTABLE_TYPE = define({
  fullName: 'System.Collections.Hashtable',
  kind: 'hashtable',
  aliases: ['hashtable'],
  isInstance: (v) => v instanceof PSHashtable && !v.ordered,
});
/** System.Collections.Specialized.OrderedDictionary. */
export const ORDERED_TYPE = define({
  fullName: 'System.Collections.Specialized.OrderedDictionary',
  kind: 'ordered',
  aliases: ['ordered'],
  isInstance: (v) => v instanceof PSHashtable && v.ordered,
});
/** System.Management.Automation.PSObject. */
export const PSOBJECT_TYPE = define({ fullName: 'System.Management.Automation.PSObject', kind: 'psobject', aliases: ['psobject'], isInstance: (v) => v instanceof PSObject });
/** `[pscustomobject]`: PowerShell's accelerator for PSObject, whose cast builds a custom object. */
export const PSCUSTOMOBJECT_ACCELERATOR = register(
  makeType({ fullName: 'System.Management.Automation.PSObject', kind: 'pscustomobject', isInstance: (v) => v instanceof PSObject }),
  ['pscustomobject'],
);
/** What `GetType()` of a custom object reports. */
export const PSCUSTOMOBJECT_TYPE = define({
  fullName: 'System.Management.Automation.PSCustomObject',
  kind: 'pscustomobject',
  isInstance: (v) => v instanceof PSObject && v.baseObject === undefined,
});
/** System.Management.Automation.ScriptBlock. */
export const SCRIPTBLOCK_TYPE = define({ fullName: 'System.Management.Automation.ScriptBlock', kind: 'scriptblock', aliases: ['scriptblock'], isInstance: (v) => isScriptBlock(baseOf(v)) });
/** System.Text.RegularExpressions.Regex. */
export const REGEX_TYPE = define({ fullName: 'System.Text.RegularExpressions.Regex', kind: 'regex', aliases: ['regex'], isInstance: (v) => baseOf(v) instanceof PSRegex });
/** System.Version. */
export const VERSION_TYPE = define({ fullName: 'System.Version', kind: 'version', aliases: ['version'], isInstance: (v) => baseOf(v) instanceof PSVersion });
/** System.Guid. */
export const GUID_TYPE = define({ fullName: 'System.Guid', kind: 'guid', aliases: ['guid'], baseTypeNames: VALUE_BASE, isInstance: (v) => baseOf(v) instanceof PSGuid });
/** `[type]`; a type literal's own GetType() is System.RuntimeType, which derives from it. */
export const TYPE_TYPE = define({ fullName: 'System.Type', kind: 'type', aliases: ['type'], baseTypeNames: ['System.Reflection.MemberInfo', 'System.Object'], isInstance: (v) => v instanceof PSTypeLiteral });
const RUNTIME_TYPE = define({
  fullName: 'System.RuntimeType',
  kind: 'type',
  baseTypeNames: ['System.Reflection.TypeInfo', 'System.Type', 'System.Reflection.MemberInfo', 'System.Object'],
  isInstance: (v) => v instanceof PSTypeLiteral,
});

/** [array] (System.Array): the base of every array type; a cast to it makes an object[]. */
export const ARRAY_TYPE = define({ fullName: 'System.Array', kind: 'array', aliases: ['array'], elementType: OBJECT_TYPE, isInstance: (v) => Array.isArray(baseOf(v)) });
/** System.Object[]: what every PowerShell array literal is. */
export const OBJECT_ARRAY_TYPE = arrayTypeOf(OBJECT_TYPE);

/** System.Collections.ArrayList. */
export const ARRAYLIST_TYPE = define({
  fullName: 'System.Collections.ArrayList',
  kind: 'list',
  elementType: OBJECT_TYPE,
  isInstance: (v) => v instanceof PSList && v.elementType === undefined,
});
const LIST_DEFINITION = makeType({ fullName: 'System.Collections.Generic.List`1', kind: 'list', isInstance: () => false });
byName.set('system.collections.generic.list', LIST_DEFINITION);
byName.set('system.collections.generic.list`1', LIST_DEFINITION);

function collectionInterface(fullName: string, test: (v: unknown) => boolean): TypeInfo {
  return define({ fullName, kind: 'class', baseTypeNames: [], isInstance: (v) => test(baseOf(v)) });
}
collectionInterface('System.Collections.IEnumerable', (v) => Array.isArray(v) || v instanceof PSList || v instanceof PSHashtable || typeof v === 'string');
collectionInterface('System.Collections.ICollection', (v) => Array.isArray(v) || v instanceof PSList || v instanceof PSHashtable);
collectionInterface('System.Collections.IList', (v) => Array.isArray(v) || v instanceof PSList);
collectionInterface('System.Collections.IDictionary', (v) => v instanceof PSHashtable);
collectionInterface('System.IComparable', (v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || isValueType(v) || v instanceof PSVersion);
define({ fullName: 'System.Enum', kind: 'class', baseTypeNames: VALUE_BASE, isInstance: (v) => baseOf(v) instanceof PSEnumValue });

/** Static member holders; the members module gives them their members. */
for (const fullName of ['System.Math', 'System.Convert', 'System.IO.Path', 'System.Environment']) {
  define({ fullName, kind: 'static', isInstance: () => false });
}

function isValueType(v: unknown): boolean {
  return (
    typeof v === 'number' ||
    typeof v === 'boolean' ||
    v instanceof PSNumber ||
    v instanceof PSChar ||
    v instanceof PSDateTime ||
    v instanceof PSTimeSpan ||
    v instanceof PSEnumValue ||
    v instanceof PSGuid ||
    v instanceof PSSwitch
  );
}

// ---------------------------------------------------------------------------------------------
// Constructed types: arrays and List[T]
// ---------------------------------------------------------------------------------------------

/** Element types of arrays that a cast made typed (`[int[]]$a`), so GetType() and -is see them. */
const typedArrays = new WeakMap<readonly unknown[], TypeInfo>();

/** Records that an array was made by a cast to `T[]`; returns the array. */
export function markTypedArray<T extends unknown[]>(items: T, elementType: TypeInfo): T {
  if (elementType !== OBJECT_TYPE) typedArrays.set(items, elementType);
  return items;
}

/** The element type of an array: T for an array a cast to `T[]` made, System.Object otherwise. */
export function arrayElementType(items: readonly unknown[]): TypeInfo {
  return typedArrays.get(items) ?? OBJECT_TYPE;
}

/** The array type of an element type (`int` → `System.Int32[]`). */
export function arrayTypeOf(element: TypeInfo): TypeInfo {
  let info = arrayTypes.get(element);
  if (!info) {
    info = makeType({
      fullName: `${element.fullName}[]`,
      kind: 'array',
      isArray: true,
      elementType: element,
      baseTypeNames: ['System.Array', 'System.Object'],
      isInstance: (v) => {
        const items = baseOf(v);
        if (!Array.isArray(items)) return false;
        // An object[] holds anything; a typed array is only an instance of its own type.
        return element === OBJECT_TYPE || arrayElementType(items) === element;
      },
    });
    arrayTypes.set(element, info);
    byName.set(info.fullName.toLowerCase(), info);
  }
  return info;
}

/** `System.Collections.Generic.List[T]`. */
export function listTypeOf(element: TypeInfo): TypeInfo {
  let info = listTypes.get(element);
  if (!info) {
    const fullName = `System.Collections.Generic.List\`1[${element.fullName}]`;
    info = makeType({
      fullName,
      kind: 'list',
      elementType: element,
      isInstance: (v) => v instanceof PSList && v.elementType !== undefined && v.elementType.toLowerCase() === element.fullName.toLowerCase(),
    });
    listTypes.set(element, info);
    byName.set(fullName.toLowerCase(), info);
  }
  return info;
}

// ---------------------------------------------------------------------------------------------
// Enums and classes other packages add
// ---------------------------------------------------------------------------------------------

/** Adds an enum type (other packages add theirs); `members` as names get the values 0, 1, 2... */
export function registerEnum(
  fullName: string,
  members: readonly EnumMember[] | readonly string[],
  options: { readonly flags?: boolean; readonly aliases?: readonly string[] } = {},
): TypeInfo {
  const list: EnumMember[] = members.map((m, i) => (typeof m === 'string' ? { name: m, value: i } : m));
  const lower = fullName.toLowerCase();
  return define({
    fullName,
    kind: 'enum',
    enumMembers: list,
    isFlags: options.flags ?? false,
    baseTypeNames: ['System.Enum', 'System.ValueType', 'System.Object'],
    aliases: options.aliases,
    isInstance: (v) => {
      const b = baseOf(v);
      return b instanceof PSEnumValue && b.typeName.toLowerCase() === lower;
    },
  });
}

/** The enum value of a member name of an enum type (exact name, any case), or undefined. */
export function enumValue(type: TypeInfo, name: string): PSEnumValue | undefined {
  const lower = name.toLowerCase();
  const member = type.enumMembers?.find((m) => m.name.toLowerCase() === lower);
  return member ? new PSEnumValue(type.fullName, member.name, member.value) : undefined;
}

/** The enum value of a number: the member's name, or for flags the names joined with ", ". */
export function enumFromNumber(type: TypeInfo, value: number): PSEnumValue {
  const members = type.enumMembers ?? [];
  const exact = members.find((m) => m.value === value);
  if (exact) return new PSEnumValue(type.fullName, exact.name, value);
  if (type.isFlags && value > 0) {
    const names: string[] = [];
    let rest = value;
    // .NET lists the largest flags first when it decomposes, then prints them in ascending order.
    const sorted = [...members].filter((m) => m.value > 0).sort((a, b) => b.value - a.value);
    for (const m of sorted) {
      if ((rest & m.value) === m.value) {
        names.unshift(m.name);
        rest &= ~m.value;
      }
    }
    if (rest === 0 && names.length > 0) return new PSEnumValue(type.fullName, names.join(', '), value);
  }
  return new PSEnumValue(type.fullName, String(value), value);
}

/** Classes registered with `instanceOf`, which typeOf recognises. */
const foreignClasses: { readonly instanceOf: (value: unknown) => boolean; readonly info: TypeInfo }[] = [];

/**
 * Adds a class whose values are PSObjects carrying its name in their type names (System.IO.FileInfo
 * from Get-ChildItem) or exceptions of that type. `baseTypeNames` makes `-is` and `catch` see the
 * hierarchy; `static` marks a holder of static members only ([System.IO.File]).
 */
export function registerClass(
  fullName: string,
  options: {
    readonly baseTypeNames?: readonly string[];
    readonly aliases?: readonly string[];
    readonly static?: boolean;
    /** For a class whose values are JavaScript objects of their own (the stream records): which values are its instances. */
    readonly instanceOf?: (value: unknown) => boolean;
  } = {},
): TypeInfo {
  const lower = fullName.toLowerCase();
  const info = define({
    fullName,
    kind: options.static ? 'static' : 'class',
    baseTypeNames: options.baseTypeNames ?? OBJECT_BASE,
    aliases: options.aliases,
    isInstance: options.static ? () => false : (v) => typeNamesOf(v).some((n) => n.toLowerCase() === lower),
  });
  const instanceOf = options.instanceOf;
  if (instanceOf) foreignClasses.push({ instanceOf, info });
  return info;
}

registerEnum('System.DayOfWeek', ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
registerEnum('System.DateTimeKind', ['Unspecified', 'Utc', 'Local']);
registerEnum('System.ConsoleColor', [
  'Black',
  'DarkBlue',
  'DarkGreen',
  'DarkCyan',
  'DarkRed',
  'DarkMagenta',
  'DarkYellow',
  'Gray',
  'DarkGray',
  'Blue',
  'Green',
  'Cyan',
  'Red',
  'Magenta',
  'Yellow',
  'White',
]);
registerEnum('System.Management.Automation.ActionPreference', ['SilentlyContinue', 'Stop', 'Continue', 'Inquire', 'Ignore', 'Suspend', 'Break']);
registerEnum('System.Management.Automation.ConfirmImpact', ['None', 'Low', 'Medium', 'High']);
registerEnum('System.Management.Automation.ErrorCategory', ERROR_CATEGORIES);
registerEnum('System.MidpointRounding', ['ToEven', 'AwayFromZero', 'ToZero', 'ToNegativeInfinity', 'ToPositiveInfinity']);
registerEnum(
  'System.StringSplitOptions',
  [
    { name: 'None', value: 0 },
    { name: 'RemoveEmptyEntries', value: 1 },
    { name: 'TrimEntries', value: 2 },
  ],
  { flags: true },
);
registerEnum(
  'System.Text.RegularExpressions.RegexOptions',
  [
    { name: 'None', value: 0 },
    { name: 'IgnoreCase', value: 1 },
    { name: 'Multiline', value: 2 },
    { name: 'ExplicitCapture', value: 4 },
    { name: 'Compiled', value: 8 },
    { name: 'Singleline', value: 16 },
    { name: 'IgnorePatternWhitespace', value: 32 },
    { name: 'RightToLeft', value: 64 },
    { name: 'ECMAScript', value: 256 },
    { name: 'CultureInvariant', value: 512 },
    { name: 'NonBacktracking', value: 1024 },
  ],
  { flags: true },
);
registerEnum(
  'System.IO.FileAttributes',
  [
    { name: 'ReadOnly', value: 1 },
    { name: 'Hidden', value: 2 },
    { name: 'System', value: 4 },
    { name: 'Directory', value: 16 },
    { name: 'Archive', value: 32 },
    { name: 'Device', value: 64 },
    { name: 'Normal', value: 128 },
    { name: 'Temporary', value: 256 },
    { name: 'SparseFile', value: 512 },
    { name: 'ReparsePoint', value: 1024 },
    { name: 'Compressed', value: 2048 },
    { name: 'Offline', value: 4096 },
    { name: 'NotContentIndexed', value: 8192 },
    { name: 'Encrypted', value: 16384 },
    { name: 'IntegrityStream', value: 32768 },
    { name: 'NoScrubData', value: 131072 },
  ],
  { flags: true },
);

// The exception hierarchy `catch [Type]` and `-is` walk. An exception's type is its typeName.
const EXCEPTION_BASES: Record<string, readonly string[]> = {};
function exceptionType(fullName: string, parent?: string): void {
  const bases = parent ? [parent, ...(EXCEPTION_BASES[parent] ?? [])] : ['System.Object'];
  EXCEPTION_BASES[fullName] = bases;
  const lower = fullName.toLowerCase();
  define({
    fullName,
    kind: 'class',
    baseTypeNames: bases,
    isInstance: (v) => v instanceof Error && exceptionTypeNames(v).some((n) => n.toLowerCase() === lower),
  });
}
const SMA = 'System.Management.Automation';
exceptionType('System.Exception');
exceptionType('System.SystemException', 'System.Exception');
exceptionType('System.ApplicationException', 'System.Exception');
exceptionType('System.ArgumentException', 'System.SystemException');
exceptionType('System.ArgumentNullException', 'System.ArgumentException');
exceptionType('System.ArgumentOutOfRangeException', 'System.ArgumentException');
exceptionType('System.ArithmeticException', 'System.SystemException');
exceptionType('System.DivideByZeroException', 'System.ArithmeticException');
exceptionType('System.OverflowException', 'System.ArithmeticException');
exceptionType('System.FormatException', 'System.SystemException');
exceptionType('System.InvalidCastException', 'System.SystemException');
exceptionType('System.InvalidOperationException', 'System.SystemException');
exceptionType('System.ObjectDisposedException', 'System.InvalidOperationException');
exceptionType('System.NotSupportedException', 'System.SystemException');
exceptionType('System.NotImplementedException', 'System.SystemException');
exceptionType('System.NullReferenceException', 'System.SystemException');
exceptionType('System.IndexOutOfRangeException', 'System.SystemException');
exceptionType('System.UnauthorizedAccessException', 'System.SystemException');
exceptionType('System.TimeoutException', 'System.SystemException');
exceptionType('System.OperationCanceledException', 'System.SystemException');
exceptionType('System.Collections.Generic.KeyNotFoundException', 'System.SystemException');
exceptionType('System.IO.IOException', 'System.SystemException');
exceptionType('System.IO.FileNotFoundException', 'System.IO.IOException');
exceptionType('System.IO.DirectoryNotFoundException', 'System.IO.IOException');
exceptionType('System.Net.Http.HttpRequestException', 'System.Exception');
exceptionType(`${SMA}.RuntimeException`, 'System.SystemException');
exceptionType('Microsoft.PowerShell.Commands.WriteErrorException', 'System.SystemException');
exceptionType(`${SMA}.ParentContainsErrorRecordException`, 'System.SystemException');
exceptionType(`${SMA}.ActionPreferenceStopException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.PipelineStoppedException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.ParameterBindingException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.ParseException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.IncompleteParseException`, `${SMA}.ParseException`);
exceptionType(`${SMA}.CommandNotFoundException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.ValidationMetadataException`, `${SMA}.MetadataException`);
exceptionType(`${SMA}.MethodException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.MethodInvocationException`, `${SMA}.MethodException`);
exceptionType(`${SMA}.PropertyNotFoundException`, `${SMA}.ExtendedTypeSystemException`);
exceptionType(`${SMA}.ExtendedTypeSystemException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.SetValueInvocationException`, `${SMA}.SetValueException`);
exceptionType(`${SMA}.SetValueException`, `${SMA}.ExtendedTypeSystemException`);
exceptionType(`${SMA}.GetValueInvocationException`, `${SMA}.GetValueException`);
exceptionType(`${SMA}.GetValueException`, `${SMA}.ExtendedTypeSystemException`);
exceptionType(`${SMA}.MetadataException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.SessionStateException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.ItemNotFoundException`, `${SMA}.SessionStateException`);
exceptionType(`${SMA}.DriveNotFoundException`, `${SMA}.SessionStateException`);
exceptionType(`${SMA}.ProviderNotFoundException`, `${SMA}.SessionStateException`);
exceptionType(`${SMA}.WildcardPatternException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.PSInvalidCastException`, 'System.InvalidCastException');
exceptionType(`${SMA}.PSArgumentException`, 'System.ArgumentException');
exceptionType(`${SMA}.PSArgumentNullException`, 'System.ArgumentNullException');
exceptionType(`${SMA}.PSArgumentOutOfRangeException`, 'System.ArgumentOutOfRangeException');
exceptionType(`${SMA}.PSInvalidOperationException`, 'System.InvalidOperationException');
exceptionType(`${SMA}.PSNotSupportedException`, 'System.NotSupportedException');
exceptionType(`${SMA}.PSNotImplementedException`, 'System.NotImplementedException');
exceptionType(`${SMA}.PSSecurityException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.ScriptCallDepthException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.ApplicationFailedException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.CmdletInvocationException`, `${SMA}.RuntimeException`);
exceptionType(`${SMA}.ProviderInvocationException`, `${SMA}.RuntimeException`);

const ERROR_RECORD_TYPE = define({ fullName: `${SMA}.ErrorRecord`, kind: 'class', isInstance: (v) => v instanceof ErrorRecord });

/** The type names of an exception, most derived first: its typeName and that type's bases. */
function exceptionTypeNames(e: Error): string[] {
  const name = e instanceof PSException ? e.typeName : 'System.Exception';
  return [name, ...(EXCEPTION_BASES[name] ?? ['System.Exception', 'System.Object'])];
}

// ---------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------

/** Splits generic arguments at top-level commas: `string, int` → ['string', 'int']. */
function splitTypeArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim().replace(/^\[(.*)\]$/, '$1').trim());
}

/** Finds a type by any name scripts use (accelerator, full name, `T[]`, `List[T]`), case-insensitively. */
export function resolveType(name: string): TypeInfo | undefined {
  const direct = byName.get(name);
  if (direct) return direct;
  let text = name.trim();
  // A type literal's text with its brackets: '[int]', '[int[]]'.
  if (text.startsWith('[') && text.endsWith(']') && !text.endsWith('[]')) text = text.slice(1, -1).trim();
  if (text.length === 0) return undefined;
  const lower = text.toLowerCase();
  const known = byName.get(lower) ?? byName.get(`system.${lower}`);
  if (known) return known;
  if (text.endsWith('[]')) {
    const element = resolveType(text.slice(0, -2));
    return element && element.kind !== 'void' ? arrayTypeOf(element) : undefined;
  }
  const generic = /^([^[\]`]+)(?:`(\d+))?\[(.+)\]$/.exec(text);
  if (generic) {
    const definition = byName.get(`${generic[1]!.toLowerCase()}\`${generic[2] ?? '1'}`) ?? byName.get(`system.${generic[1]!.toLowerCase()}\`${generic[2] ?? '1'}`);
    const args = splitTypeArguments(generic[3]!);
    if (definition === LIST_DEFINITION && args.length === 1) {
      const element = resolveType(args[0]!);
      return element ? listTypeOf(element) : undefined;
    }
  }
  return undefined;
}

/** The error record for an unknown type name: "Unable to find type [Foo.Bar]." (TypeNotFound). */
export function unknownTypeError(name: string): ErrorRecord {
  const text = name.trim().replace(/^\[(.*)\]$/, '$1');
  return errorRecord(`Unable to find type [${text}].`, 'TypeNotFound', 'InvalidOperation', {
    typeName: `${SMA}.RuntimeException`,
    targetObject: text,
  });
}

/** Like resolveType, but throws PowerShell's "Unable to find type [X]." (TypeNotFound). */
export function requireType(name: string): TypeInfo {
  return resolveType(name) ?? terminate(unknownTypeError(name));
}

// ---------------------------------------------------------------------------------------------
// The type of a value
// ---------------------------------------------------------------------------------------------

const NUMERIC_TYPES: Record<NumericType, string> = {
  Byte: 'System.Byte',
  SByte: 'System.SByte',
  Int16: 'System.Int16',
  UInt16: 'System.UInt16',
  Int32: 'System.Int32',
  UInt32: 'System.UInt32',
  Int64: 'System.Int64',
  UInt64: 'System.UInt64',
  Single: 'System.Single',
  Double: 'System.Double',
  Decimal: 'System.Decimal',
};

/** The TypeInfo of a numeric type. */
export function numericTypeInfo(type: NumericType): TypeInfo {
  return byName.get(NUMERIC_TYPES[type].toLowerCase())!;
}

/** The .NET type of a value, as `$value.GetType()` reports it; NULL_TYPE for $null. */
export function typeOf(value: unknown): TypeInfo {
  switch (typeof value) {
    case 'string':
      return STRING_TYPE;
    case 'number':
      return Number.isInteger(value) && value >= -2147483648 && value <= 2147483647 ? INT32_TYPE : impliedNumericType(value) === 'Int64' ? INT64_TYPE : DOUBLE_TYPE;
    case 'boolean':
      return BOOLEAN_TYPE;
    case 'undefined':
      return NULL_TYPE;
    default:
      break;
  }
  if (value === null) return NULL_TYPE;
  if (Array.isArray(value)) return arrayTypeOf(arrayElementType(value));
  if (value instanceof PSObject) {
    if (value.baseObject !== undefined) return typeOf(value.baseObject);
    const first = value.typeNames[0];
    const named = first ? byName.get(first.toLowerCase()) : undefined;
    // A type name a script gave ('My.Thing') is not a .NET type: GetType() stays PSCustomObject.
    return named && named.kind === 'class' ? named : PSCUSTOMOBJECT_TYPE;
  }
  if (value instanceof PSNumber) return numericTypeInfo(value.type);
  if (value instanceof PSHashtable) return value.ordered ? ORDERED_TYPE : HASHTABLE_TYPE;
  if (value instanceof PSChar) return CHAR_TYPE;
  if (value instanceof PSDateTime) return DATETIME_TYPE;
  if (value instanceof PSTimeSpan) return TIMESPAN_TYPE;
  if (value instanceof PSEnumValue) return resolveType(value.typeName) ?? registerEnum(value.typeName, []);
  if (value instanceof PSList) {
    if (value.elementType === undefined) return ARRAYLIST_TYPE;
    return listTypeOf(resolveType(value.elementType) ?? OBJECT_TYPE);
  }
  if (value instanceof PSSwitch) return SWITCH_TYPE;
  if (value instanceof PSSecureString) return SECURESTRING_TYPE;
  if (value instanceof PSTypeLiteral) return RUNTIME_TYPE;
  if (value instanceof PSRegex) return REGEX_TYPE;
  if (value instanceof PSVersion) return VERSION_TYPE;
  if (value instanceof PSGuid) return GUID_TYPE;
  if (isScriptBlock(value)) return SCRIPTBLOCK_TYPE;
  if (value instanceof ErrorRecord) return ERROR_RECORD_TYPE;
  if (value instanceof Error) {
    const [name, ...bases] = exceptionTypeNames(value);
    return resolveType(name!) ?? registerClass(name!, { baseTypeNames: bases });
  }
  for (const c of foreignClasses) if (c.instanceOf(value)) return c.info;
  return OBJECT_TYPE;
}

/** The PSTypeNames of a value, most derived first (formatting views, Get-Member). */
export function typeNamesOf(value: unknown): string[] {
  if (value instanceof PSObject) return [...value.typeNames];
  if (value instanceof Error) return exceptionTypeNames(value);
  if (value === null || value === undefined) return [];
  const info = typeOf(value);
  return [info.fullName, ...info.baseTypeNames];
}

/** The type name PowerShell's conversion messages show for a value: its first PSTypeName, or "null". */
export function typeNameForMessage(value: unknown): string {
  return typeNamesOf(value)[0] ?? 'null';
}

/** A type literal value (`[int]`) for a type. */
export function typeLiteral(type: TypeInfo): PSTypeLiteral {
  return new PSTypeLiteral(type.fullName);
}

/** The type a type literal value stands for ([pscustomobject] gives PSObject, as in PowerShell). */
export function typeOfLiteral(literal: PSTypeLiteral): TypeInfo | undefined {
  return resolveType(literal.fullName);
}

/**
 * The accelerators PowerShell prints a type as (`"$([int])"` is 'int'), in PowerShell's order so
 * a type with two (`float`, `single`) gets the first.
 */
const PRINTED_ACCELERATORS: Record<string, string> = {
  'system.array': 'array',
  'system.boolean': 'bool',
  'system.byte': 'byte',
  'system.char': 'char',
  'system.datetime': 'datetime',
  'system.decimal': 'decimal',
  'system.double': 'double',
  'system.single': 'float',
  'system.guid': 'guid',
  'system.collections.hashtable': 'hashtable',
  'system.int32': 'int',
  'system.int16': 'short',
  'system.int64': 'long',
  'system.collections.specialized.ordereddictionary': 'ordered',
  'system.management.automation.psobject': 'psobject',
  'system.text.regularexpressions.regex': 'regex',
  'system.sbyte': 'sbyte',
  'system.string': 'string',
  'system.management.automation.switchparameter': 'switch',
  'system.security.securestring': 'securestring',
  'system.timespan': 'timespan',
  'system.uint16': 'ushort',
  'system.uint32': 'uint',
  'system.uint64': 'ulong',
  'system.version': 'version',
  'system.void': 'void',
  'system.management.automation.scriptblock': 'scriptblock',
  'system.type': 'type',
};

/** How PowerShell writes a type as text (`"$([int])"`, `[string][string[]]`): its accelerator, else its full name. */
export function typeDisplayName(fullName: string): string {
  if (fullName.endsWith('[]')) return `${typeDisplayName(fullName.slice(0, -2))}[]`;
  const list = /^System\.Collections\.Generic\.List`1\[(.+)\]$/.exec(fullName);
  if (list) return `System.Collections.Generic.List[${typeDisplayName(list[1]!)}]`;
  return PRINTED_ACCELERATORS[fullName.toLowerCase()] ?? fullName;
}
