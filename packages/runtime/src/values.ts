/**
 * The PowerShell value model in JavaScript.
 *
 * Plain JS values stand for the common .NET types so the hot paths stay cheap:
 * `null` is $null, `boolean` is [bool], `string` is [string], arrays are [object[]], and a plain
 * `number` is an [int] when it is integral and fits 32 bits, a [long] when it is integral and
 * larger, a [double] otherwise. Any other numeric type, or a double that happens to be integral
 * (`1.0`, `3 * 1.5`), is a `PSNumber` so that `-is`, `GetType()` and conversions stay exact.
 */
import type { Scope } from './scope.js';
import type { ProcessorStreams } from './streams.js';
import { DecimalValue } from './decimal.js';

/** The numeric .NET types dpmsh models. */
export type NumericType = 'Byte' | 'SByte' | 'Int16' | 'UInt16' | 'Int32' | 'UInt32' | 'Int64' | 'UInt64' | 'Single' | 'Double' | 'Decimal';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** The numeric type a plain JS number stands for. */
export function impliedNumericType(n: number): NumericType {
  if (!Number.isInteger(n)) return 'Double';
  return n >= INT32_MIN && n <= INT32_MAX ? 'Int32' : 'Int64';
}

/**
 * A number whose .NET type is not the one a plain JS number implies. `value` is the nearest
 * double; an Int64 or UInt64 beyond 2^53 also carries its exact `big` value, and every Decimal its
 * exact `decimal` (made from `value`'s shortest text when none is given).
 */
export class PSNumber {
  /** The exact value of a Decimal (undefined for the other types). */
  readonly decimal: DecimalValue | undefined;
  constructor(
    readonly type: NumericType,
    readonly value: number,
    /** The exact value of an integral number that a double cannot hold (beyond 2^53). */
    readonly big?: bigint,
    decimal?: DecimalValue,
  ) {
    this.decimal = type === 'Decimal' ? (decimal ?? DecimalValue.fromShortest(value)) : undefined;
  }
  valueOf(): number {
    return this.value;
  }
  toString(): string {
    if (this.decimal) return this.decimal.toString();
    return this.big === undefined ? String(this.value) : this.big.toString();
  }
  /** JSON.stringify's form (a bigint has none): the type and the value, exact ones as text. */
  toJSON(): { type: NumericType; value: number | string } {
    return { type: this.type, value: this.big !== undefined || this.decimal ? this.toString() : this.value };
  }
}

/** A numeric value of any modelled type. */
export type Numeric = number | PSNumber;

/** Makes a numeric value of a type, plain when the plain number already implies that type. */
export function makeNumber(type: NumericType, value: number): Numeric {
  return impliedNumericType(value) === type ? value : new PSNumber(type, value);
}

/** Makes an integral value of a type exactly (the caller checks the range): plain while a double holds it exactly. */
export function makeInteger(type: NumericType, value: bigint): Numeric {
  const n = Number(value);
  if (Number.isSafeInteger(n)) return makeNumber(type, n);
  return new PSNumber(type, n, value);
}

/** Makes a [decimal] of an exact decimal value. */
export function makeDecimal(value: DecimalValue): PSNumber {
  return new PSNumber('Decimal', value.toNumber(), undefined, value);
}

/** The type of a numeric value. */
export function numericType(n: Numeric): NumericType {
  return typeof n === 'number' ? impliedNumericType(n) : n.type;
}

/** [char]: a UTF-16 code unit. `'abc'[0]` is one; `[char]'a' + [char]'b'` adds codes as PowerShell does. */
export class PSChar {
  constructor(readonly code: number) {}
  toString(): string {
    return String.fromCharCode(this.code);
  }
}

/** [datetime]: milliseconds since the Unix epoch and a kind, as .NET's DateTime. */
export class PSDateTime {
  constructor(
    readonly ms: number,
    readonly kind: 'Local' | 'Utc' | 'Unspecified' = 'Local',
  ) {}
  /** The same instant as a JS Date. */
  toDate(): Date {
    return new Date(this.ms);
  }
}

/** Ticks (100 ns) per millisecond, as .NET counts time. */
export const TICKS_PER_MS = 10_000;

/** [timespan]: a duration in ticks of 100 ns. */
export class PSTimeSpan {
  constructor(readonly ticks: number) {}
  /** The duration in milliseconds. */
  get totalMilliseconds(): number {
    return this.ticks / TICKS_PER_MS;
  }
  static fromMilliseconds(ms: number): PSTimeSpan {
    return new PSTimeSpan(Math.round(ms * TICKS_PER_MS));
  }
}

/** [securestring]: text that is never formatted or serialized as its content. */
export class PSSecureString {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  /** The protected text, for the cmdlets that must hand it to a use case (never to output). */
  reveal(): string {
    return this.#text;
  }
  get length(): number {
    return this.#text.length;
  }
  toString(): string {
    return 'System.Security.SecureString';
  }
}

function keyOf(key: unknown): unknown {
  if (typeof key === 'string') return key.toLowerCase();
  if (key instanceof PSNumber) return key.big ?? key.value;
  if (key instanceof PSChar) return String.fromCharCode(key.code).toLowerCase();
  return key;
}

/**
 * [hashtable] and [ordered]: keys compare case-insensitively when they are strings. Entries keep
 * insertion order in both, which is one valid .NET hashtable order and the only one scripts can
 * rely on; `ordered` records which type the script asked for.
 */
export class PSHashtable {
  readonly #entries = new Map<unknown, { key: unknown; value: unknown }>();
  constructor(readonly ordered = false) {}

  get size(): number {
    return this.#entries.size;
  }
  has(key: unknown): boolean {
    return this.#entries.has(keyOf(key));
  }
  get(key: unknown): unknown {
    return this.#entries.get(keyOf(key))?.value ?? null;
  }
  /** Sets a key; an existing key keeps its original spelling and position. */
  set(key: unknown, value: unknown): void {
    const k = keyOf(key);
    const existing = this.#entries.get(k);
    if (existing) existing.value = value;
    else this.#entries.set(k, { key, value });
  }
  delete(key: unknown): boolean {
    return this.#entries.delete(keyOf(key));
  }
  clear(): void {
    this.#entries.clear();
  }
  keys(): unknown[] {
    return [...this.#entries.values()].map((e) => e.key);
  }
  values(): unknown[] {
    return [...this.#entries.values()].map((e) => e.value);
  }
  entries(): [unknown, unknown][] {
    return [...this.#entries.values()].map((e) => [e.key, e.value]);
  }
  clone(): PSHashtable {
    const copy = new PSHashtable(this.ordered);
    for (const [k, v] of this.entries()) copy.set(k, v);
    return copy;
  }
}

/** How a property came to be on an object, as Get-Member reports it. */
export type PropertyKind = 'NoteProperty' | 'ScriptProperty' | 'AliasProperty' | 'Property';

/** A property of a PSObject. Script and alias properties compute their value on read. */
export interface PSProperty {
  readonly name: string;
  readonly kind: PropertyKind;
  value?: unknown;
  get?: () => unknown;
  set?: (value: unknown) => void;
  /** The .NET type name shown by Get-Member, when known. */
  readonly typeName?: string;
  /** Get-Member's definition when it is not `type Name {get;set;}` (alias and script properties). */
  readonly definition?: string;
}

/** The type names every custom object ends with. */
export const CUSTOM_OBJECT_TYPE_NAMES = ['System.Management.Automation.PSCustomObject', 'System.Object'] as const;

/**
 * [pscustomobject] and [psobject]: ordered, case-insensitively named properties and a list of
 * type names (most derived first) that formatting views and Get-Member use. `baseObject` is set
 * when the object wraps another value (Add-Member on a string or a number).
 */
export class PSObject {
  readonly #props = new Map<string, PSProperty>();
  readonly typeNames: string[];
  /**
   * What .NET's ToString() returns for an object dpmsh models as a PSObject (a regex Match gives
   * its Value, a FileInfo its path): `.ToString()`, "$obj" and [string] use it when set. A plain
   * [pscustomobject] leaves it unset ("$o" is '@{a=1}', `$o.ToString()` is '').
   */
  toDotNetString?: () => string;
  constructor(
    typeNames: readonly string[] = CUSTOM_OBJECT_TYPE_NAMES,
    readonly baseObject?: unknown,
  ) {
    this.typeNames = [...typeNames];
  }

  /** Builds a custom object from plain data, in key order. */
  static from(data: Record<string, unknown>, typeName?: string): PSObject {
    const o = new PSObject(typeName ? [typeName, ...CUSTOM_OBJECT_TYPE_NAMES] : CUSTOM_OBJECT_TYPE_NAMES);
    for (const [k, v] of Object.entries(data)) o.addNote(k, v);
    return o;
  }

  get properties(): PSProperty[] {
    return [...this.#props.values()];
  }
  getProperty(name: string): PSProperty | undefined {
    return this.#props.get(name.toLowerCase());
  }
  hasProperty(name: string): boolean {
    return this.#props.has(name.toLowerCase());
  }
  /** Adds or replaces a property. */
  addProperty(property: PSProperty): void {
    this.#props.set(property.name.toLowerCase(), property);
  }
  /** Adds or replaces a note property. */
  addNote(name: string, value: unknown): void {
    this.addProperty({ name, kind: 'NoteProperty', value });
  }
  removeProperty(name: string): boolean {
    return this.#props.delete(name.toLowerCase());
  }
  /** The value of a property, `undefined` when there is no such property. */
  read(name: string): unknown {
    const p = this.#props.get(name.toLowerCase());
    if (!p) return undefined;
    return p.get ? p.get() : p.value;
  }
  /** Sets a property's value; returns false when there is no such property. */
  write(name: string, value: unknown): boolean {
    const p = this.#props.get(name.toLowerCase());
    if (!p) return false;
    if (p.set) p.set(value);
    else if (p.get) return false;
    else p.value = value;
    return true;
  }
}

/** A [scriptblock] value: created by the language, invoked by cmdlets such as Where-Object. */
export interface ScriptBlock {
  readonly isScriptBlock: true;
  /** The source text between the braces, as `$sb.ToString()` shows it. */
  readonly text: string;
  readonly file?: string;
  /**
   * Runs the block in a new child scope of the scope it was called from and returns its output.
   * `dollarUnder` sets `$_`/`$PSItem`; `args` become `$args` or bind to its param() block.
   */
  invoke(options?: ScriptBlockInvocation): Promise<unknown[]>;
  /** `.GetNewClosure()`: a copy bound to the variables visible from `scope` now. */
  getNewClosure?(scope: Scope): ScriptBlock;
  /** A copy that runs from `scope` whatever scope calls it: a module's functions run from the module's scope. */
  boundTo?(scope: Scope): ScriptBlock;
}

/** How a script block is invoked. */
export interface ScriptBlockInvocation {
  dollarUnder?: unknown;
  args?: unknown[];
  /** Named variables to define in the block's scope before it runs (`$input`, `$this`...). */
  variables?: Record<string, unknown>;
  /**
   * The scope the block runs from: its new scope is a child of this one (PowerShell's dynamic
   * scoping). Cmdlets pass their context's scope; absent, the scope the block was created in.
   */
  scope?: Scope;
  /** Run in that scope itself (dot-sourcing, as ForEach-Object and Where-Object do) instead of a new child. */
  dotSource?: boolean;
  signal?: AbortSignal;
  /**
   * Where the block's other streams go: a cmdlet passes its context's `streams`, so errors and
   * warnings its script blocks write come out of the cmdlet (its `2>&1`, -ErrorVariable).
   * Absent, they go where the block's caller writes.
   */
  streams?: ProcessorStreams;
}

/** True for a script block value. */
export function isScriptBlock(v: unknown): v is ScriptBlock {
  return typeof v === 'object' && v !== null && (v as { isScriptBlock?: unknown }).isScriptBlock === true;
}

/** A type literal value such as `[int]` or `[System.DayOfWeek]`. */
export class PSTypeLiteral {
  constructor(
    /** The full .NET name, e.g. `System.Int32`. */
    readonly fullName: string,
  ) {}
  get name(): string {
    const dot = this.fullName.lastIndexOf('.');
    return dot < 0 ? this.fullName : this.fullName.slice(dot + 1);
  }
  toString(): string {
    return this.fullName;
  }
}

/** A value of an enum type, e.g. [System.DayOfWeek]::Monday. */
export class PSEnumValue {
  constructor(
    readonly typeName: string,
    readonly name: string,
    readonly value: number,
  ) {}
  toString(): string {
    return this.name;
  }
  valueOf(): number {
    return this.value;
  }
}

/** True for values the pipeline enumerates: arrays (other collections are objects). */
export function isEnumerable(v: unknown): v is unknown[] {
  return Array.isArray(v);
}

/**
 * [System.Collections.ArrayList] and [System.Collections.Generic.List[T]]: a mutable list. It is
 * not a JS array, so `isEnumerable` (and the `+=` that copies arrays) leave it alone, but the
 * pipeline enumerates it as PowerShell does: use `enumerableItems` to get the items of any value
 * the pipeline unrolls. `elementType` is the full name of T for List[T], undefined for ArrayList;
 * adding to a List[T] converts the item to T (the members' Add does that).
 */
export class PSList {
  readonly items: unknown[];
  constructor(
    items: readonly unknown[] = [],
    readonly elementType?: string,
  ) {
    this.items = [...items];
  }
  get count(): number {
    return this.items.length;
  }
}

/** The items the pipeline (and foreach) unrolls from a value: arrays and lists; undefined for a scalar. */
export function enumerableItems(v: unknown): readonly unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof PSList) return v.items;
  return undefined;
}

/** [switch] (SwitchParameter): what a switch parameter holds; `$Force.IsPresent`, and true/false in conditions. */
export class PSSwitch {
  constructor(readonly isPresent: boolean) {}
  toString(): string {
    return this.isPresent ? 'True' : 'False';
  }
}

/** True when a switch parameter was given and not set to $false (`-Force:$false`). */
export function isSwitchOn(value: unknown): boolean {
  return value instanceof PSSwitch ? value.isPresent : value === true;
}

/** [regex]: a .NET pattern and its RegexOptions names (`IgnoreCase`, `Multiline`...); compare.ts compiles it. */
export class PSRegex {
  constructor(
    readonly pattern: string,
    readonly options: readonly string[] = [],
  ) {}
  toString(): string {
    return this.pattern;
  }
}

/** [version]: Major.Minor[.Build[.Revision]]; absent parts are -1 as in .NET. */
export class PSVersion {
  constructor(
    readonly major: number,
    readonly minor: number,
    readonly build = -1,
    readonly revision = -1,
  ) {}
  toString(): string {
    let s = `${this.major}.${this.minor}`;
    if (this.build >= 0) s += `.${this.build}`;
    if (this.build >= 0 && this.revision >= 0) s += `.${this.revision}`;
    return s;
  }
}

/** [guid]: kept as its lower-case "D" form (32 hex digits with hyphens). */
export class PSGuid {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}
