/**
 * PowerShell's conversion of a value to a string (`"$x"`, `[string]$x`, -join, -like...): the
 * invariant culture, doubles with 15 significant digits, collections joined by $OFS, custom
 * objects as `@{a=1; b=2}`. Also the .NET `ToString()` of a value, which differs (doubles
 * round-trip, collections give their type name) and which error messages quote.
 */
import type { Scope } from './scope.js';
import { dateTimeToText, formatDateTime, formatTimeSpan } from './datetime.js';
import { PSException, ErrorRecord } from './errors.js';
import { arrayElementType, typeDisplayName, typeNameForMessage } from './types.js';
import {
  isScriptBlock,
  PSChar,
  PSDateTime,
  PSEnumValue,
  PSHashtable,
  PSList,
  PSNumber,
  PSObject,
  PSSecureString,
  PSSwitch,
  PSTimeSpan,
  PSTypeLiteral,
} from './values.js';
import type { Numeric } from './values.js';

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/**
 * Writes digits and a decimal exponent as .NET's "G" format does: fixed-point when
 * -5 < exponent < precision, otherwise d.dddE+XX with at least two exponent digits.
 */
function generalFormat(negative: boolean, digits: string, exponent: number, precision: number): string {
  const sign = negative ? '-' : '';
  if (exponent > -5 && exponent < precision) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    if (digits.length <= exponent + 1) return sign + digits + '0'.repeat(exponent + 1 - digits.length);
    return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const exp = Math.abs(exponent);
  return `${sign}${mantissa}E${exponent < 0 ? '-' : '+'}${exp < 10 ? `0${exp}` : exp}`;
}

/** Splits `toExponential`/`toPrecision` output into significant digits (no trailing zeros) and the exponent. */
function digitsOf(exponential: string): { digits: string; exponent: number } {
  const [mantissa, exp] = exponential.split('e') as [string, string];
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exponent: Number(exp) };
}

function specialDouble(n: number): string | undefined {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  return undefined;
}

/**
 * G15 for the common case without string surgery: a double in .NET's fixed-point range is JS's
 * shortest text when that has at most 15 significant digits (rounding to 15 then changes
 * nothing), else toPrecision(15) without its trailing zeros.
 */
function shortFixed(n: number): string | undefined {
  const abs = Math.abs(n);
  if (!(abs >= 1e-4 && abs < 1e15)) return undefined;
  const s = String(n);
  let significant = 0;
  let started = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) continue;
    if (c !== 0x30) started = true;
    if (started) significant++;
  }
  if (significant <= 15) return s;
  const p = n.toPrecision(15);
  // Rounding can carry into E notation (999999999999999.9); the general path handles that.
  if (p.includes('e')) return undefined;
  if (!p.includes('.')) return p;
  let end = p.length;
  while (p.charCodeAt(end - 1) === 0x30) end--;
  if (p.charCodeAt(end - 1) === 0x2e) end--;
  return p.slice(0, end);
}

/** A double as .NET's `ToString("G<precision>", invariant)` writes it: 0.1+0.2 with G15 is '0.3'. */
export function formatDoubleGeneral(n: number, precision: number): string {
  const fast = precision === 15 ? shortFixed(n) : undefined;
  if (fast !== undefined) return fast;
  const special = specialDouble(n);
  if (special !== undefined) return special;
  const { digits, exponent } = digitsOf(Math.abs(n).toExponential(precision - 1));
  return generalFormat(n < 0, digits, exponent, precision);
}

/**
 * A double as .NET's `ToString()` writes it (the shortest text that round-trips, e.g.
 * 0.30000000000000004), switching to E notation from 1E+15 (or past as many integer digits as
 * it needs) and below 1E-04.
 */
export function formatDoubleRoundTrip(n: number): string {
  const special = specialDouble(n);
  if (special !== undefined) return special;
  const { digits, exponent } = digitsOf(Math.abs(n).toExponential());
  // .NET switches to E notation past max(digits, 15) integer digits.
  return generalFormat(n < 0, digits, exponent, Math.max(digits.length, 15));
}

/** A [float] as .NET's `ToString()` writes it: the shortest text that round-trips as a single. */
export function formatSingleRoundTrip(n: number): string {
  const special = specialDouble(n);
  if (special !== undefined) return special;
  const f = Math.fround(Math.abs(n));
  for (let p = 1; p <= 9; p++) {
    const text = f.toExponential(p - 1);
    if (Math.fround(Number(text)) === f) {
      const { digits, exponent } = digitsOf(text);
      return generalFormat(n < 0, digits, exponent, Math.max(digits.length, 7));
    }
  }
  return formatDoubleGeneral(n, 9);
}

/** An integral or decimal value without exponent notation (decimals never use E notation). */
function plainNumber(n: number): string {
  const text = String(n);
  if (!/e/i.test(text)) return text;
  const { digits, exponent } = digitsOf(Math.abs(n).toExponential());
  const sign = n < 0 ? '-' : '';
  if (exponent >= 0) {
    return digits.length <= exponent + 1 ? sign + digits + '0'.repeat(exponent + 1 - digits.length) : `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  }
  return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}

/**
 * A number as PowerShell's string conversion writes it (invariant culture): integers plainly,
 * doubles with 15 significant digits (`0.1+0.2` → '0.3', 1e21 → '1E+21'), singles with 7.
 */
export function formatNumber(n: Numeric): string {
  if (typeof n === 'number') return Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : integralOrDouble(n);
  switch (n.type) {
    case 'Double':
      return formatDoubleGeneral(n.value, 15);
    case 'Single':
      return formatDoubleGeneral(Math.fround(n.value), 7);
    default:
      return exactText(n);
  }
}

/** An integral or decimal PSNumber's digits: exact when it carries them. */
function exactText(n: PSNumber): string {
  if (n.decimal) return n.decimal.toString();
  return n.big === undefined ? plainNumber(n.value) : n.big.toString();
}

function integralOrDouble(n: number): string {
  // A plain integral number beyond 32 bits is an Int64, written in full; anything else a double.
  return Number.isInteger(n) && Math.abs(n) <= 9223372036854775807 ? plainNumber(n) : formatDoubleGeneral(n, 15);
}

/** A number as its .NET `ToString()` writes it (doubles round-trip: 0.1+0.2 → '0.30000000000000004'). */
export function formatNumberDotNet(n: Numeric): string {
  if (typeof n === 'number') return Number.isInteger(n) && Math.abs(n) <= 9223372036854775807 ? plainNumber(n) : formatDoubleRoundTrip(n);
  switch (n.type) {
    case 'Double':
      return formatDoubleRoundTrip(n.value);
    case 'Single':
      return formatSingleRoundTrip(n.value);
    default:
      return exactText(n);
  }
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** $OFS in a scope, ' ' when it is not set. */
function separatorOf(scope: Scope | undefined): string {
  if (!scope) return ' ';
  const v = scope.lookup('OFS')?.value;
  return v === undefined || v === null ? ' ' : toText(v);
}

function collectionTypeName(v: unknown[] | PSList): string {
  if (Array.isArray(v)) return `${arrayElementType(v).fullName}[]`;
  return typeNameForMessage(v);
}

/** A custom object as `@{a=1; b=2}`; its property values are written without recursing. */
function customObjectText(o: PSObject, scope: Scope | undefined): string {
  const parts: string[] = [];
  for (const p of o.properties) {
    // PowerShell does not run script properties while converting to a string.
    const value = p.kind === 'ScriptProperty' ? 'System.Management.Automation.PSScriptProperty' : p.get ? p.get() : p.value;
    parts.push(`${p.name}=${scalarText(value, scope, false)}`);
  }
  return parts.length === 0 ? '' : `@{${parts.join('; ')}}`;
}

/** PowerShell's PSObject.ToString: `recurse` enumerates collections and lists custom properties. */
function scalarText(value: unknown, scope: Scope | undefined, recurse: boolean): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return formatNumber(value);
    case 'boolean':
      return value ? 'True' : 'False';
    case 'undefined':
      return '';
    default:
      break;
  }
  if (value === null) return '';
  if (value instanceof PSNumber) return formatNumber(value);
  if (Array.isArray(value) || value instanceof PSList) {
    if (!recurse) return collectionTypeName(value);
    const items = Array.isArray(value) ? value : value.items;
    const separator = separatorOf(scope);
    let out = '';
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out += separator;
      out += scalarText(items[i], scope, false);
    }
    return out;
  }
  if (value instanceof PSObject) {
    if (value.baseObject !== undefined) return scalarText(value.baseObject, scope, recurse);
    if (value.toDotNetString) return value.toDotNetString();
    // Nested custom objects print as PSCustomObject.ToString(), which is empty.
    return recurse ? customObjectText(value, scope) : '';
  }
  if (value instanceof PSChar) return String.fromCharCode(value.code);
  if (value instanceof PSDateTime) return dateTimeToText(value);
  if (value instanceof PSTimeSpan) return formatTimeSpan(value);
  if (value instanceof PSEnumValue) return value.name;
  if (value instanceof PSHashtable) return value.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  if (value instanceof PSTypeLiteral) return typeDisplayName(value.fullName);
  if (value instanceof PSSwitch) return value.isPresent ? 'True' : 'False';
  if (value instanceof PSSecureString) return 'System.Security.SecureString';
  if (isScriptBlock(value)) return value.text;
  if (value instanceof ErrorRecord) return value.message;
  if (value instanceof PSException) return value.message;
  if (value instanceof Error) return value.message;
  return String(value);
}

/**
 * A value as PowerShell's string conversion writes it (invariant culture): $null is '',
 * booleans 'True'/'False', doubles with 15 digits, dates 'MM/dd/yyyy HH:mm:ss', arrays joined by
 * $OFS from `scope` (default ' ', nested arrays as 'System.Object[]'), hashtables by type name,
 * custom objects as '@{a=1; b=2}', type literals as their accelerator ('int').
 */
export function toText(value: unknown, scope?: Scope): string {
  if (typeof value === 'string') return value;
  return scalarText(value, scope, true);
}

/**
 * A value as PowerShell's error messages quote it (the .NET ToString() of the value as a
 * PSObject): collections give their type name, doubles round-trip, dates are en-US
 * ('11/23/2026 2:30:01 PM'), custom objects '@{a=1}'. The `.ToString()` method is members' dotnetToString.
 */
export function dotNetToString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || value instanceof PSNumber) return formatNumberDotNet(value);
  if (Array.isArray(value) || value instanceof PSList) return collectionTypeName(value);
  if (value instanceof PSDateTime) return formatDateTime(value);
  if (value instanceof PSTypeLiteral) return value.fullName;
  if (value instanceof PSObject) {
    if (value.baseObject !== undefined) return dotNetToString(value.baseObject);
    if (value.toDotNetString) return value.toDotNetString();
  }
  return toText(value);
}
