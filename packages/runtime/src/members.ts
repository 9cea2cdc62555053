/**
 * Member access on values as PowerShell does it: properties and methods of the modelled .NET
 * types (tables in instance-members.ts and static-members.ts), a PSObject's own properties,
 * hashtable keys as properties, member enumeration over collections (`$list.Name`,
 * `$list.ToUpper()`), the intrinsic members every value has (Count, Length, psobject,
 * pstypenames, ForEach, Where), and the listing Get-Member shows.
 *
 * A method may return a Promise (ForEach/Where and anything else that runs a script block); a
 * result of `undefined` means a void method: the call writes nothing to the pipeline.
 */
import {
  PSHashtable,
  PSList,
  PSObject,
  PSTypeLiteral,
  PSEnumValue,
  enumerableItems,
  isScriptBlock,
} from './values.js';
import type { PSProperty, ScriptBlock } from './values.js';
import { PSException, RuntimeError } from './errors.js';
import {
  bindArgs,
  memberError,
  memberTable,
  methodInvocationError,
  methodNotFound,
} from './member-support.js';
import type { MemberContext, MemberTable, MethodDef, PropertyDef } from './member-support.js';
import { LIST_MEMBERS, instanceTable, typeNameOf } from './instance-members.js';
import { STATIC_OBJECT_MEMBERS, staticTable } from './static-members.js';
import type { StaticTarget } from './static-members.js';
import { PSGroupCollection } from './dotnet-regex.js';
import { convertTo, toBoolean } from './convert.js';
import { resolveType, typeNamesOf } from './types.js';
import type { TypeInfo } from './types.js';
import { dotNetToString, toText } from './text.js';
import { wildcardToRegExp } from './compare.js';


/** How Get-Member classifies a member. */
export type MemberKind = 'Property' | 'NoteProperty' | 'ScriptProperty' | 'AliasProperty' | 'Method' | 'ScriptMethod' | 'ParameterizedProperty';

/** One member as Get-Member lists it. */
export interface MemberInfo {
  readonly name: string;
  readonly memberType: MemberKind;
  /** 'int Length {get;}', 'string ToUpper(), string ToUpper(cultureinfo culture)', 'int a=1'. */
  readonly definition: string;
}

/** A type as static member access receives it: a type object, the registry's TypeInfo, or a full name. */
export type StaticType = TypeInfo | PSTypeLiteral | string;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

function propertyNotFoundStrict(name: string): RuntimeError {
  return memberError(
    `The property '${name}' cannot be found on this object. Verify that the property exists.`,
    'PropertyNotFoundStrict',
    'InvalidOperation',
    'System.Management.Automation.PropertyNotFoundException',
  );
}

function propertyNotSettable(name: string): RuntimeError {
  return memberError(
    `The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`,
    'PropertyAssignmentException',
    'InvalidOperation',
    'System.Management.Automation.SetValueInvocationException',
  );
}

function readOnlyProperty(name: string): RuntimeError {
  return memberError(`'${name}' is a ReadOnly property.`, 'PropertyAssignmentException', 'InvalidOperation', 'System.Management.Automation.SetValueInvocationException');
}

function methodOnNull(): RuntimeError {
  return memberError('You cannot call a method on a null-valued expression.', 'InvokeMethodOnNull', 'InvalidOperation', 'System.Management.Automation.RuntimeException');
}

/** Turns a .NET exception from member code into PowerShell's MethodInvocationException; script errors pass through. */
function wrapFailure(name: string, argCount: number, e: unknown): unknown {
  if (e instanceof RuntimeError) return e;
  if (e instanceof PSException) return methodInvocationError(name, argCount, e);
  return e;
}

function guarded<T>(name: string, argCount: number, call: () => T): T {
  try {
    const result = call();
    if (result instanceof Promise) {
      return result.catch((e: unknown) => {
        throw wrapFailure(name, argCount, e);
      }) as T;
    }
    return result;
  } catch (e) {
    throw wrapFailure(name, argCount, e);
  }
}

function getterFailure(name: string, e: unknown): unknown {
  if (e instanceof PSException && !(e instanceof RuntimeError)) {
    return memberError(`Exception getting "${name}": "${e.message}"`, 'ExceptionWhenGetting', 'NotSpecified', 'System.Management.Automation.GetValueInvocationException', e);
  }
  return e;
}

// ---------------------------------------------------------------------------------------------
// Objects with members of their own (views dpmsh builds: psobject, member infos...)
// ---------------------------------------------------------------------------------------------

const attachedMethods = new WeakMap<object, MemberTable<never>>();

function attach<T extends object>(obj: T, table: MemberTable<T>): T {
  attachedMethods.set(obj, table as MemberTable<never>);
  return obj;
}

/**
 * Gives an object dpmsh builds methods of its own ($PSCmdlet's ShouldProcess, an enumerator's
 * MoveNext), after PowerShell's Equals/GetHashCode/GetType/ToString.
 */
export function attachMethods<T extends PSObject>(obj: T, methods: Record<string, MethodDef<T>>): T {
  return attach(obj, memberTable<T>({ methods }, PSOBJECT_MEMBERS as unknown as MemberTable<T>));
}

/** A list of member infos that can also be looked up by name (`.psobject.Properties['Name']`). */
export class PSMemberCollection extends PSList {
  /** The member of a name, as `$o.psobject.Properties['Name']` gives it. */
  byName(name: string): PSObject | undefined {
    const key = name.toLowerCase();
    return this.items.find((m) => m instanceof PSObject && String(m.read('Name')).toLowerCase() === key) as PSObject | undefined;
  }
}

/**
 * The item of a collection looked up by a string index, for the collections that allow it
 * (regex GroupCollection, PSMemberInfoCollection); undefined when the value is not one.
 */
export function namedItem(collection: unknown, name: string): { value: unknown } | undefined {
  if (collection instanceof PSGroupCollection || collection instanceof PSMemberCollection) {
    return { value: collection.byName(name) ?? null };
  }
  return undefined;
}

/** Member collections and regex group collections: a list's members plus lookups by name. */
const NAMED_COLLECTION_MEMBERS: MemberTable<PSMemberCollection | PSGroupCollection> = memberTable<PSMemberCollection | PSGroupCollection>(
  {
    methods: {
      Item: { overloads: ['System.Object Item(string name)'], invoke: (c, a) => c.byName(a.string(0)) ?? null },
      Match: {
        overloads: ['System.Collections.ObjectModel.ReadOnlyCollection[psmemberinfo] Match(string name)'],
        invoke: (c, a) => {
          const re = wildcardToRegExp(a.string(0));
          return c.items.filter((m) => m instanceof PSObject && re.test(String(m.read('Name'))));
        },
      },
    },
  },
  LIST_MEMBERS as unknown as MemberTable<PSMemberCollection | PSGroupCollection>,
);

/** The member table of a non-PSObject value. */
function tableOf(value: unknown): MemberTable<never> | undefined {
  if (value instanceof PSMemberCollection || value instanceof PSGroupCollection) return NAMED_COLLECTION_MEMBERS as MemberTable<never>;
  return instanceTable(value);
}

/** A live view of a PSObject's type names: inserting into it changes the object's. */
class TypeNameList extends PSList {
  constructor(backing: string[]) {
    super();
    // Share the object's own array so `.psobject.TypeNames.Insert(0, 'X')` retypes the object.
    (this as unknown as { items: unknown[] }).items = backing;
  }
}

const MEMBER_TYPE_VALUES: Record<MemberKind, number> = {
  AliasProperty: 1,
  Property: 4,
  NoteProperty: 8,
  ScriptProperty: 16,
  Method: 64,
  ScriptMethod: 256,
  ParameterizedProperty: 512,
};

function memberTypeValue(kind: MemberKind): PSEnumValue {
  return new PSEnumValue('System.Management.Automation.PSMemberTypes', kind, MEMBER_TYPE_VALUES[kind]);
}

const INFO_TYPES: Record<MemberKind, string> = {
  AliasProperty: 'System.Management.Automation.PSAliasProperty',
  Property: 'System.Management.Automation.PSProperty',
  NoteProperty: 'System.Management.Automation.PSNoteProperty',
  ScriptProperty: 'System.Management.Automation.PSScriptProperty',
  Method: 'System.Management.Automation.PSMethod',
  ScriptMethod: 'System.Management.Automation.PSScriptMethod',
  ParameterizedProperty: 'System.Management.Automation.PSParameterizedProperty',
};

/** A PSPropertyInfo: Name, MemberType, Value (live, settable when the property is), TypeNameOfValue. */
function propertyInfo(kind: MemberKind, name: string, read: () => unknown, write: ((v: unknown) => void) | undefined, definition: () => string): PSObject {
  const base = kind === 'Method' ? 'System.Management.Automation.PSMethodInfo' : 'System.Management.Automation.PSPropertyInfo';
  const info = new PSObject([INFO_TYPES[kind], base, 'System.Management.Automation.PSMemberInfo', 'System.Object']);
  info.addProperty({ name: 'MemberType', kind: 'Property', get: () => memberTypeValue(kind) });
  info.addProperty({ name: 'IsSettable', kind: 'Property', get: () => write !== undefined });
  info.addProperty({ name: 'IsGettable', kind: 'Property', get: () => true });
  info.addProperty({ name: 'Value', kind: 'Property', get: read, set: write });
  info.addProperty({
    name: 'TypeNameOfValue',
    kind: 'Property',
    get: () => {
      const v = read();
      return v === null || v === undefined ? 'System.Object' : typeNameOf(v);
    },
  });
  info.addProperty({ name: 'Name', kind: 'Property', value: name });
  info.addProperty({ name: 'IsInstance', kind: 'Property', value: true });
  info.toDotNetString = definition;
  return info;
}

/** The PSMethod a method name gives without parentheses (`'x'.Split` shows its OverloadDefinitions). */
function methodInfo(target: unknown, name: string, overloads: readonly string[], isStatic: StaticTarget | undefined): PSObject {
  const info = new PSObject([INFO_TYPES.Method, 'System.Management.Automation.PSMethodInfo', 'System.Management.Automation.PSMemberInfo', 'System.Object']);
  info.addProperty({ name: 'OverloadDefinitions', kind: 'Property', value: [...overloads] });
  info.addProperty({ name: 'TypeNameOfValue', kind: 'Property', value: 'System.Management.Automation.PSMethod' });
  info.addProperty({ name: 'MemberType', kind: 'Property', value: memberTypeValue('Method') });
  info.addProperty({ name: 'Value', kind: 'Property', get: () => info });
  info.addProperty({ name: 'Name', kind: 'Property', value: name });
  info.addProperty({ name: 'IsInstance', kind: 'Property', value: isStatic === undefined });
  info.toDotNetString = () => overloads.join(', ');
  return attach(
    info,
    memberTable<PSObject>({
      methods: {
        Invoke: {
          overloads: ['System.Object Invoke(Params System.Object[] args)'],
          invoke: (_self, a, ctx) => (isStatic ? invokeStaticMethod(isStatic.fullName, name, a.values, ctx) : invokeMethod(target, name, a.values, ctx)),
        },
      },
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Type names for definitions
// ---------------------------------------------------------------------------------------------

const SHORT_NAMES: Record<string, string> = {
  'System.String': 'string',
  'System.Int32': 'int',
  'System.Int64': 'long',
  'System.Int16': 'short',
  'System.Byte': 'byte',
  'System.SByte': 'sbyte',
  'System.UInt16': 'ushort',
  'System.UInt32': 'uint',
  'System.UInt64': 'ulong',
  'System.Double': 'double',
  'System.Single': 'float',
  'System.Decimal': 'decimal',
  'System.Boolean': 'bool',
  'System.Char': 'char',
  'System.DateTime': 'datetime',
  'System.TimeSpan': 'timespan',
  'System.Collections.Hashtable': 'hashtable',
  'System.Object[]': 'Object[]',
  'System.Management.Automation.ScriptBlock': 'scriptblock',
  'System.Guid': 'guid',
  'System.Version': 'version',
  'System.Text.RegularExpressions.Regex': 'regex',
  'System.Management.Automation.SwitchParameter': 'switch',
  'System.Security.SecureString': 'securestring',
};

/** A type name as Get-Member's definitions write it ('int', 'string', 'Object[]', full names otherwise). */
function shortTypeName(fullName: string): string {
  return SHORT_NAMES[fullName] ?? fullName;
}

function noteDefinition(name: string, value: unknown): string {
  if (value === null || value === undefined) return `object ${name}=null`;
  // The value as its .NET ToString() gives it: arrays and hashtables show their type name.
  return `${shortTypeName(typeNameOf(value))} ${name}=${dotNetToString(value)}`;
}

function psPropertyKind(p: PSProperty): MemberKind {
  return p.kind;
}

function psPropertyDefinition(p: PSProperty, value: () => unknown): string {
  if (p.definition !== undefined) return p.definition;
  if (p.kind === 'NoteProperty') return noteDefinition(p.name, value());
  const type = p.typeName ?? 'System.Object';
  const settable = p.kind === 'Property' ? !p.get || p.set !== undefined : p.set !== undefined;
  return `${shortTypeName(type)} ${p.name} {get;${settable ? 'set;' : ''}}`;
}

function tablePropertyDefinition(name: string, def: PropertyDef<never>): string {
  return `${def.type} ${name} {get;${def.set ? 'set;' : ''}}`;
}

// ---------------------------------------------------------------------------------------------
// psobject, pstypenames, psbase
// ---------------------------------------------------------------------------------------------

const PSOBJECT_VIEW_TYPES = ['System.Management.Automation.PSObject', 'System.Object'];

/** `$x.psobject`: the object's adapter view (Properties, Methods, Members, TypeNames, BaseObject, Copy()). */
function psobjectView(value: unknown): PSObject {
  const view = new PSObject(PSOBJECT_VIEW_TYPES);
  const base = value instanceof PSObject ? (value.baseObject ?? value) : value;
  view.addProperty({ name: 'BaseObject', kind: 'Property', get: () => base });
  view.addProperty({ name: 'ImmediateBaseObject', kind: 'Property', get: () => base });
  view.addProperty({ name: 'Members', kind: 'Property', get: () => new PSMemberCollection(memberInfos(value, 'all')) });
  view.addProperty({ name: 'Methods', kind: 'Property', get: () => new PSMemberCollection(memberInfos(value, 'methods')) });
  view.addProperty({ name: 'Properties', kind: 'Property', get: () => new PSMemberCollection(memberInfos(value, 'properties')) });
  view.addProperty({ name: 'TypeNames', kind: 'Property', get: () => typeNameList(value) });
  view.toDotNetString = () => toText(value);
  return attach(
    view,
    memberTable<PSObject>({
      methods: {
        Copy: { overloads: ['psobject Copy()'], invoke: () => copyObject(value) },
        ToString: { overloads: ['string ToString()', 'string ToString(string format, System.IFormatProvider formatProvider)'], invoke: () => toText(value) },
      },
    }),
  );
}

function copyObject(value: unknown): unknown {
  if (value instanceof PSObject) {
    const copy = new PSObject(value.typeNames, value.baseObject);
    for (const p of value.properties) copy.addProperty({ ...p });
    copy.toDotNetString = value.toDotNetString;
    return copy;
  }
  if (value instanceof PSHashtable) return value.clone();
  if (Array.isArray(value)) return [...value];
  return value;
}

function typeNameList(value: unknown): PSList {
  if (value instanceof PSObject) return new TypeNameList(value.typeNames);
  return new PSList(typeNamesOf(value));
}

/** Member infos of a value for psobject.Properties/Methods/Members. */
function memberInfos(value: unknown, which: 'properties' | 'methods' | 'all'): PSObject[] {
  const out: PSObject[] = [];
  const wantProps = which !== 'methods';
  const wantMethods = which !== 'properties';
  if (value instanceof PSObject) {
    if (wantProps) {
      for (const p of value.properties) {
        const read = (): unknown => value.read(p.name);
        const write = p.get && !p.set ? undefined : (v: unknown): void => void value.write(p.name, v);
        out.push(propertyInfo(psPropertyKind(p), p.name, read, write, () => psPropertyDefinition(p, read)));
      }
    }
    if (value.baseObject !== undefined && value.baseObject !== null) out.push(...memberInfos(value.baseObject, which));
    else if (wantMethods) out.push(...tableInfos(value, objectTableFor(value), 'methods'));
    return out;
  }
  const table = value === null || value === undefined ? undefined : tableOf(value);
  return table ? tableInfos(value, table, which) : out;
}

function tableInfos(value: unknown, table: MemberTable<never>, which: 'properties' | 'methods' | 'all'): PSObject[] {
  const out: PSObject[] = [];
  if (which !== 'methods') {
    for (const { name, def } of table.properties.values()) {
      const read = (): unknown => (def.get as (s: unknown, c: MemberContext) => unknown)(value, {});
      const write = def.set ? (v: unknown): void => (def.set as (s: unknown, x: unknown, c: MemberContext) => void)(value, v, {}) : undefined;
      out.push(propertyInfo(def.kind ?? 'Property', name, read, write, () => tablePropertyDefinition(name, def)));
    }
  }
  if (which !== 'properties') {
    for (const { name, def } of table.methods.values()) {
      if (name === 'new') continue;
      out.push(methodInfo(value, name, def.overloads, undefined));
    }
  }
  return out;
}

/** `$h.psbase`: a hashtable's own members, without its keys hiding them (`$h.psbase.Count` when a key is 'Count'). */
class BaseView {
  constructor(readonly target: unknown) {}
}

// ---------------------------------------------------------------------------------------------
// Reading properties
// ---------------------------------------------------------------------------------------------

/** The members PowerShell gives every PSObject: Equals, GetHashCode, GetType, ToString. */
const PSOBJECT_MEMBERS: MemberTable<PSObject> = memberTable<PSObject>({
  methods: {
    Equals: { overloads: ['bool Equals(System.Object obj)'], invoke: (o, a) => o === a.at(0) },
    GetHashCode: { overloads: ['int GetHashCode()'], invoke: () => 0 },
    GetType: { overloads: ['type GetType()'], invoke: (o) => new PSTypeLiteral(typeNameOf(o)) },
    // A plain [pscustomobject]'s .ToString() is '' in PowerShell (only "$o" gives '@{...}').
    ToString: { overloads: ['string ToString()'], invoke: (o) => o.toDotNetString?.() ?? '' },
  },
});

function objectTableFor(value: PSObject): MemberTable<never> {
  return (attachedMethods.get(value) ?? PSOBJECT_MEMBERS) as MemberTable<never>;
}

type Found = { readonly value: unknown } | undefined;

function readTableProperty(table: MemberTable<never>, self: unknown, name: string, ctx: MemberContext): Found {
  const prop = table.properties.get(name.toLowerCase());
  if (!prop) return undefined;
  try {
    return { value: (prop.def.get as (s: unknown, c: MemberContext) => unknown)(self, ctx) };
  } catch (e) {
    throw getterFailure(prop.name, e);
  }
}

function methodOf(table: MemberTable<never> | undefined, name: string) {
  return table?.methods.get(name.toLowerCase());
}

/**
 * A value's property without member enumeration or intrinsic members: undefined when the value
 * has no property of that name. The binder (ValueFromPipelineByPropertyName) and Select-Object use it.
 */
export function findProperty(value: unknown, name: string, ctx: MemberContext = {}): { value: unknown } | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof BaseView) {
    const table = tableOf(value.target);
    return table ? readTableProperty(table, value.target, name, ctx) : undefined;
  }
  if (value instanceof PSObject) {
    const p = value.getProperty(name);
    if (p) {
      try {
        return { value: value.read(name) ?? null };
      } catch (e) {
        throw getterFailure(p.name, e);
      }
    }
    if (value.baseObject !== undefined && value.baseObject !== null) return findProperty(value.baseObject, name, ctx);
    return undefined;
  }
  if (value instanceof PSHashtable && value.has(name)) return { value: value.get(name) };
  const table = tableOf(value);
  return table ? readTableProperty(table, value, name, ctx) : undefined;
}

function hasMethod(value: unknown, name: string): boolean {
  if (value instanceof PSObject) {
    if (methodOf(objectTableFor(value), name)) return true;
    return value.baseObject !== undefined && value.baseObject !== null && hasMethod(value.baseObject, name);
  }
  return methodOf(tableOf(value), name) !== undefined;
}

function intrinsic(value: unknown, name: string): Found {
  const key = name.toLowerCase();
  if (key === 'psobject') return { value: psobjectView(value) };
  if (key === 'pstypenames') return { value: typeNameList(value) };
  if (key === 'psbase') return { value: value instanceof PSHashtable ? new BaseView(value) : value };
  return undefined;
}

/** Member enumeration: the property of every item (nested collections too), flattened one level. */
function enumerateProperty(items: readonly unknown[], name: string, ctx: MemberContext): { found: boolean; values: unknown[] } {
  const values: unknown[] = [];
  let found = false;
  for (const item of items) {
    const nested = enumerableItems(item);
    if (nested) {
      const inner = enumerateProperty(nested, name, ctx);
      found ||= inner.found;
      values.push(...inner.values);
      continue;
    }
    const hit = findProperty(item, name, ctx);
    if (!hit) continue;
    found = true;
    const many = enumerableItems(hit.value);
    if (many) values.push(...many);
    else values.push(hit.value);
  }
  return { found, values };
}

function collapse(values: unknown[]): unknown {
  if (values.length === 0) return null;
  return values.length === 1 ? values[0] : values;
}

/**
 * Reads `value.name`. A missing property is $null, or PowerShell's PropertyNotFoundStrict error
 * when `ctx.strict` (Set-StrictMode -Version 2+). A collection without the property gives each
 * item's (member enumeration); every value has Count and Length (1 for a scalar, 0 for $null),
 * psobject and pstypenames. A method name without parentheses gives the method's PSMethod info.
 */
export function getMember(value: unknown, name: string, ctx: MemberContext = {}): unknown {
  const key = name.toLowerCase();
  if (value === null || value === undefined) {
    if (key === 'count' || key === 'length') return 0;
    if (ctx.strict) throw propertyNotFoundStrict(name);
    return null;
  }
  const own = findProperty(value, name, ctx);
  if (own) return own.value;
  const special = intrinsic(value, name);
  if (special) return special.value;
  const items = value instanceof BaseView ? undefined : enumerableItems(value);
  if (items) {
    const result = enumerateProperty(items, name, ctx);
    if (result.found) return collapse(result.values);
  }
  const method = methodDefinition(value, name);
  if (method) return methodInfo(value, method.name, method.overloads, undefined);
  if (!items && (key === 'count' || key === 'length')) return 1;
  if (ctx.strict) throw propertyNotFoundStrict(name);
  return null;
}

function methodDefinition(value: unknown, name: string): { name: string; overloads: readonly string[] } | undefined {
  if (value instanceof BaseView) value = value.target;
  if (value instanceof PSObject) {
    const m = methodOf(objectTableFor(value), name);
    if (m) return { name: m.name, overloads: m.def.overloads };
    if (value.baseObject !== undefined && value.baseObject !== null) return methodDefinition(value.baseObject, name);
    return undefined;
  }
  const m = methodOf(tableOf(value), name);
  return m && m.name !== 'new' ? { name: m.name, overloads: m.def.overloads } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Writing properties
// ---------------------------------------------------------------------------------------------

/**
 * Assigns `value.name = v`: a PSObject's property, a hashtable's key (always, even 'Count'), or a
 * settable property of a modelled type. Fails with PowerShell's PropertyAssignmentException
 * otherwise (member enumeration does not apply to assignment).
 */
export function setMember(value: unknown, name: string, v: unknown, ctx: MemberContext = {}): void {
  if (value === null || value === undefined) throw propertyNotSettable(name);
  if (value instanceof PSHashtable) {
    value.set(name, v);
    return;
  }
  if (value instanceof PSObject) {
    const p = value.getProperty(name);
    if (p) {
      if (!value.write(name, v)) throw readOnlyProperty(p.name);
      return;
    }
    if (value.baseObject !== undefined && value.baseObject !== null) {
      setMember(value.baseObject, name, v, ctx);
      return;
    }
    throw propertyNotSettable(name);
  }
  const target = value instanceof BaseView ? value.target : value;
  const table = tableOf(target);
  const prop = table?.properties.get(name.toLowerCase());
  if (!prop) throw propertyNotSettable(name);
  if (!prop.def.set) throw readOnlyProperty(prop.name);
  guarded(`set_${prop.name}`, 1, () => (prop.def.set as (s: unknown, x: unknown, c: MemberContext) => void)(target, v, ctx));
}

// ---------------------------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------------------------

function callTableMethod(table: MemberTable<never>, self: unknown, name: string, args: readonly unknown[], ctx: MemberContext): { value: unknown } | undefined {
  const m = methodOf(table, name);
  if (!m || m.name === 'new') return undefined;
  const bound = bindArgs(m.name, m.overloads, args);
  return { value: guarded(m.name, args.length, () => (m.def.invoke as MethodDef<unknown>['invoke'])(self, bound, ctx)) };
}

const WHERE_MODES = ['Default', 'First', 'Last', 'SkipUntil', 'Until', 'Split'] as const;

function magicItems(value: unknown): readonly unknown[] {
  return enumerableItems(value) ?? [value];
}

/** The ForEach() magic method: a script block per item, a type to convert to, or a property or method name. */
function magicForEach(value: unknown, args: readonly unknown[], ctx: MemberContext): unknown {
  const items = magicItems(value);
  const first = args[0];
  if (args.length === 0) {
    throw memberError('Cannot find an overload for "ForEach" and the argument count: "0".', 'MethodCountCouldNotFindBest', 'NotSpecified', 'System.Management.Automation.MethodException');
  }
  if (isScriptBlock(first)) {
    return (async () => {
      const out: unknown[] = [];
      for (const item of items) out.push(...(await first.invoke({ dollarUnder: item, args: [...args.slice(1)], scope: ctx.scope, signal: ctx.signal })));
      return out;
    })();
  }
  if (first instanceof PSTypeLiteral) return items.map((item) => convertTo(item, first.fullName));
  if (typeof first === 'string') {
    const rest = args.slice(1);
    if (rest.length === 0) {
      const out: unknown[] = [];
      for (const item of items) {
        const hit = findProperty(item, first, ctx);
        if (hit) {
          const many = enumerableItems(hit.value);
          out.push(...(many ?? [hit.value]));
        } else if (hasMethod(item, first)) out.push(invokeMethod(item, first, [], ctx));
      }
      return settle(out);
    }
    return settle(items.map((item) => invokeMethod(item, first, rest, ctx)));
  }
  throw memberError(
    'Invalid arguments were passed to the ForEach method: a script block, a type, or a property or method name is expected.',
    'ForEachBadArgument',
    'InvalidOperation',
    'System.Management.Automation.PSArgumentException',
  );
}

/** Resolves any promises among results, keeping order; void (undefined) results are dropped. */
function settle(results: unknown[]): unknown[] | Promise<unknown[]> {
  const keep = (xs: unknown[]): unknown[] => xs.filter((x) => x !== undefined);
  return results.some((r) => r instanceof Promise) ? Promise.all(results).then(keep) : keep(results);
}

/** The Where() magic method with its selection modes. */
async function magicWhere(value: unknown, args: readonly unknown[], ctx: MemberContext): Promise<unknown[]> {
  const items = magicItems(value);
  const block = args[0];
  if (!isScriptBlock(block)) {
    throw memberError('Cannot convert the argument to a script block: the Where method expects a script block.', 'WhereBadArgument', 'InvalidOperation', 'System.Management.Automation.PSArgumentException');
  }
  let mode = 'default';
  if (args.length > 1) {
    const m = args[1];
    const name = m instanceof PSEnumValue ? m.name : toText(m);
    const hit = WHERE_MODES.find((x) => x.toLowerCase() === name.toLowerCase());
    if (!hit) {
      throw memberError(
        `Cannot convert value "${name}" to type "System.Management.Automation.WhereOperatorSelectionMode". Error: "Unable to match the identifier name ${name} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${WHERE_MODES.join(', ')}"`,
        'MethodArgumentConversionInvalidCastArgument',
        'NotSpecified',
        'System.Management.Automation.MethodException',
      );
    }
    mode = hit.toLowerCase();
  }
  const limit = args.length > 2 ? Number(convertTo(args[2], 'System.Int32')) : 0;
  const test = async (item: unknown): Promise<boolean> => {
    const out = await (block as ScriptBlock).invoke({ dollarUnder: item, scope: ctx.scope, signal: ctx.signal });
    return toBoolean(out.length === 1 ? out[0] : out);
  };
  const matched: unknown[] = [];
  const rest: unknown[] = [];
  switch (mode) {
    case 'last': {
      for (const item of items) if (await test(item)) matched.push(item);
      return matched.slice(-(limit || 1));
    }
    case 'first': {
      for (const item of items) {
        if (matched.length >= (limit || 1)) break;
        if (await test(item)) matched.push(item);
      }
      return matched;
    }
    case 'skipuntil': {
      let on = false;
      for (const item of items) {
        if (!on && (await test(item))) on = true;
        if (on) matched.push(item);
        if (limit && matched.length >= limit) break;
      }
      return matched;
    }
    case 'until': {
      for (const item of items) {
        if (await test(item)) break;
        matched.push(item);
        if (limit && matched.length >= limit) break;
      }
      return matched;
    }
    case 'split': {
      for (const item of items) {
        if ((!limit || matched.length < limit) && (await test(item))) matched.push(item);
        else rest.push(item);
      }
      return [matched, rest];
    }
    default: {
      for (const item of items) {
        if (limit && matched.length >= limit) break;
        if (await test(item)) matched.push(item);
      }
      return matched;
    }
  }
}

/**
 * Calls `value.name(args)`. Unknown methods fail with PowerShell's MethodNotFound, a wrong
 * argument count with MethodCountCouldNotFindBest, a .NET exception inside with
 * 'Exception calling "M" with "n" argument(s): "..."'. A collection without the method calls it
 * on each item. ForEach() and Where() work on every value and return a Promise when they run a
 * script block.
 */
export function invokeMethod(value: unknown, name: string, args: readonly unknown[], ctx: MemberContext = {}): unknown {
  if (value === null || value === undefined) throw methodOnNull();
  const key = name.toLowerCase();
  if (value instanceof BaseView) {
    const table = tableOf(value.target);
    const hit = table && callTableMethod(table, value.target, name, args, ctx);
    if (hit) return hit.value;
    throw methodNotFound(typeNameOf(value.target), name);
  }
  // List[T] has a ForEach(Action[T]) of its own: the block gets the item as $args[0] and its output is discarded.
  if (key === 'foreach' && value instanceof PSList && value.elementType !== undefined && isScriptBlock(args[0])) {
    const block = args[0];
    const items = [...value.items];
    return (async () => {
      for (const item of items) await block.invoke({ args: [item], scope: ctx.scope, signal: ctx.signal });
      return undefined;
    })();
  }
  if (key === 'foreach') return magicForEach(value, args, ctx);
  if (key === 'where') return magicWhere(value, args, ctx);

  if (value instanceof PSObject) {
    const script = scriptMethods.get(value)?.get(key);
    if (script) return script.block.invoke({ args: [...args], variables: { this: value }, scope: ctx.scope, signal: ctx.signal }).then(collapse);
    const attached = attachedMethods.get(value);
    const hit = attached && callTableMethod(attached, value, name, args, ctx);
    if (hit) return hit.value;
    if (value.baseObject !== undefined && value.baseObject !== null && hasMethod(value.baseObject, name)) {
      return invokeMethod(value.baseObject, name, args, ctx);
    }
    const common = callTableMethod(PSOBJECT_MEMBERS as MemberTable<never>, value, name, args, ctx);
    if (common) return common.value;
    throw methodNotFound(typeNameOf(value), name);
  }

  const table = tableOf(value);
  const own = table && callTableMethod(table, value, name, args, ctx);
  if (own) return own.value;
  const items = enumerableItems(value);
  if (items && items.length > 0) {
    const results = settle(items.map((item) => invokeMethod(item, name, args, ctx)));
    return results instanceof Promise ? results.then(collapse) : collapse(results);
  }
  throw methodNotFound(typeNameOf(value), name);
}

// ---------------------------------------------------------------------------------------------
// Static members
// ---------------------------------------------------------------------------------------------

function staticTarget(type: StaticType): StaticTarget {
  if (typeof type === 'string') return { fullName: resolveType(type)?.fullName ?? type, info: resolveType(type) };
  if (type instanceof PSTypeLiteral) return { fullName: type.fullName, info: resolveType(type.fullName) };
  return { fullName: type.fullName, info: type };
}

/**
 * Reads `[type]::name`: a static property, an enum member (case-insensitively), or a method's
 * PSMethod info. A missing member is $null, or PropertyNotFoundStrict under strict mode.
 */
export function getStaticMember(type: StaticType, name: string, ctx: MemberContext = {}): unknown {
  const target = staticTarget(type);
  if (target.info?.isEnum) {
    const member = target.info.enumMembers?.find((m) => m.name.toLowerCase() === name.toLowerCase());
    if (member) return new PSEnumValue(target.info.fullName, member.name, member.value);
  }
  const table = staticTable(target.fullName);
  if (table) {
    const hit = readTableProperty(table as MemberTable<never>, target, name, ctx);
    if (hit) return hit.value;
    const m = methodOf(table as MemberTable<never>, name);
    if (m) return methodInfo(null, m.name, m.def.overloads, target);
  }
  if (ctx.strict) throw propertyNotFoundStrict(name);
  return null;
}

/**
 * Calls `[type]::name(args)`; `new` constructs the types dpmsh models. An unknown method fails
 * with "Method invocation failed because [System.Math] does not contain a method named 'X'."
 */
export function invokeStaticMethod(type: StaticType, name: string, args: readonly unknown[], ctx: MemberContext = {}): unknown {
  const target = staticTarget(type);
  const table = staticTable(target.fullName) ?? (target.info?.kind === 'list' ? staticTable('System.Collections.ArrayList') : undefined);
  const lookup = (t: MemberTable<StaticTarget> | undefined): { value: unknown } | undefined => {
    const m = t?.methods.get(name.toLowerCase());
    if (!m) return undefined;
    const bound = bindArgs(m.name, m.overloads, args);
    return { value: guarded(m.name, args.length, () => m.def.invoke(target, bound, ctx)) };
  };
  const hit = lookup(table) ?? lookup(STATIC_OBJECT_MEMBERS);
  if (hit) return hit.value;
  throw methodNotFound(target.fullName, name);
}

// ---------------------------------------------------------------------------------------------
// Get-Member
// ---------------------------------------------------------------------------------------------

function sortMembers(members: MemberInfo[]): MemberInfo[] {
  return members.sort((a, b) => (a.memberType === b.memberType ? a.name.localeCompare(b.name, 'en-US') : a.memberType.localeCompare(b.memberType, 'en-US')));
}

function tableMembers(table: MemberTable<never>): MemberInfo[] {
  const out: MemberInfo[] = [];
  for (const { name, def } of table.properties.values()) {
    out.push({ name, memberType: def.kind ?? 'Property', definition: tablePropertyDefinition(name, def) });
  }
  for (const { name, def } of table.methods.values()) {
    if (name === 'new') continue;
    out.push({ name, memberType: 'Method', definition: def.overloads.join(', ') });
  }
  return out;
}

/** Script methods added to custom objects (Add-Member -MemberType ScriptMethod), by lower-case name. */
const scriptMethods = new WeakMap<PSObject, Map<string, { readonly name: string; readonly block: ScriptBlock }>>();

/** Adds (or replaces) a script method on an object: `$this` is the object, `$args` the arguments. */
export function addScriptMethod(obj: PSObject, name: string, block: ScriptBlock): void {
  let methods = scriptMethods.get(obj);
  if (!methods) scriptMethods.set(obj, (methods = new Map()));
  methods.set(name.toLowerCase(), { name, block });
}

/** True when an object has a script method of that name. */
export function hasScriptMethod(obj: PSObject, name: string): boolean {
  return scriptMethods.get(obj)?.has(name.toLowerCase()) ?? false;
}

/** The members of a value as Get-Member lists them, sorted by member type, then name. */
export function listMembers(value: unknown): MemberInfo[] {
  if (value === null || value === undefined) return [];
  if (value instanceof PSObject) {
    const out: MemberInfo[] = value.properties.map((p) => ({
      name: p.name,
      memberType: psPropertyKind(p),
      definition: psPropertyDefinition(p, () => value.read(p.name)),
    }));
    for (const m of scriptMethods.get(value)?.values() ?? []) out.push({ name: m.name, memberType: 'ScriptMethod', definition: `System.Object ${m.name}();` });
    const seen = new Set(out.map((m) => m.name.toLowerCase()));
    const rest = value.baseObject !== undefined && value.baseObject !== null ? listMembers(value.baseObject) : tableMembers(objectTableFor(value));
    out.push(...rest.filter((m) => !seen.has(m.name.toLowerCase())));
    return sortMembers(out);
  }
  const table = tableOf(value);
  return sortMembers(table ? tableMembers(table) : []);
}

/** The static members of a type, as `Get-Member -Static` lists them. */
export function listStaticMembers(type: StaticType): MemberInfo[] {
  const target = staticTarget(type);
  const out: MemberInfo[] = [];
  if (target.info?.isEnum) {
    for (const m of target.info.enumMembers ?? []) out.push({ name: m.name, memberType: 'Property', definition: `static ${target.info.fullName} ${m.name} {get;}` });
  }
  const table = staticTable(target.fullName);
  if (table) {
    for (const { name, def } of table.properties.values()) out.push({ name, memberType: 'Property', definition: `static ${def.type} ${name} {get;}` });
    for (const { name, def } of table.methods.values()) {
      if (name === 'new') continue;
      out.push({ name, memberType: 'Method', definition: def.overloads.map((o) => `static ${o}`).join(', ') });
    }
  }
  for (const { name, def } of STATIC_OBJECT_MEMBERS.methods.values()) {
    if (!out.some((m) => m.name === name)) out.push({ name, memberType: 'Method', definition: def.overloads.map((o) => `static ${o}`).join(', ') });
  }
  return sortMembers(out);
}

/** The type name Get-Member prints above a value's members ("TypeName: System.String"). */
export function memberTypeName(value: unknown): string {
  if (value instanceof PSObject) return value.typeNames[0] ?? 'System.Management.Automation.PSCustomObject';
  return typeNameOf(value);
}

function hasScriptProperty(value: unknown, depth: number): boolean {
  if (depth < 0) return false;
  if (Array.isArray(value)) return value.some((v) => hasScriptProperty(v, depth - 1));
  if (value instanceof PSHashtable) return [...value.entries()].some(([, v]) => hasScriptProperty(v, depth - 1));
  if (!(value instanceof PSObject)) return false;
  return value.properties.some((p) => p.kind === 'ScriptProperty' || (p.get === undefined && hasScriptProperty(p.value, depth - 1)));
}

/**
 * A value whose script properties (Add-Member -MemberType ScriptProperty) have run, down to
 * `depth` levels of nested objects. Their getters are script blocks, which run asynchronously, so a
 * command that reads every property at once (ConvertTo-Json, ConvertTo-Csv) settles the object
 * first: the result is a copy with the values as note properties; an object without script
 * properties comes back as it is. A getter that fails gives $null, as pwsh's serializers do.
 */
export async function settleScriptProperties(value: unknown, depth = 0): Promise<unknown> {
  if (!hasScriptProperty(value, depth)) return value;
  if (Array.isArray(value)) return Promise.all(value.map((v) => settleScriptProperties(v, depth - 1)));
  if (value instanceof PSHashtable) {
    const table = new PSHashtable(value.ordered);
    for (const [k, v] of value.entries()) table.set(k, await settleScriptProperties(v, depth - 1));
    return table;
  }
  const obj = value as PSObject;
  const copy = new PSObject(obj.typeNames, obj.baseObject);
  if (obj.toDotNetString) copy.toDotNetString = obj.toDotNetString;
  for (const p of obj.properties) {
    if (p.kind !== 'ScriptProperty') {
      copy.addProperty(p.get === undefined ? { ...p, value: await settleScriptProperties(p.value, depth - 1) } : p);
      continue;
    }
    let settled: unknown;
    try {
      settled = await (p.get ? p.get() : p.value);
    } catch {
      settled = null;
    }
    copy.addProperty({ name: p.name, kind: 'NoteProperty', value: await settleScriptProperties(settled, depth - 1) });
  }
  return copy;
}
