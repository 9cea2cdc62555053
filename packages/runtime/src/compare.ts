/**
 * PowerShell's comparison operators. The LEFT operand's type decides how the right one is
 * converted (`'10' -eq 10` compares strings, `10 -eq '10.0'` numbers, `0 -eq ''` is true);
 * strings compare case-insensitively by default with the invariant culture's ordering (so
 * `'a' -lt 'B'`); a collection on the left filters (`1,2,3 -gt 1` is 2,3). `-match` hands
 * $Matches to the caller to assign.
 *
 * equals, compare and the operators run per object in Where-Object over large inputs, so plain
 * numbers and strings are decided before anything else is looked at.
 */
import { compareDateTime } from './datetime.js';
import { errorRecord, RuntimeError, terminate } from './errors.js';
import { compileDotNetRegex, matchesTable, regexOptionsFromNames } from './regex.js';
import { convertTo, parseNumber } from './convert.js';
import { dotNetToString, toText } from './text.js';
import { baseOf, BOOLEAN_TYPE, CHAR_TYPE, DATETIME_TYPE, GUID_TYPE, resolveType, TIMESPAN_TYPE, typeOf, VERSION_TYPE } from './types.js';
import type { TypeInfo } from './types.js';
import type { Numeric, PSHashtable } from './values.js';
import { compareNumeric, numericEquals } from './numeric.js';
import { enumerableItems, PSChar, PSDateTime, PSEnumValue, PSGuid, PSNumber, PSRegex, PSSwitch, PSTimeSpan, PSTypeLiteral, PSVersion } from './values.js';
import { matchWildcard } from './wildcard.js';

// Published here first; they live in their own modules.
export { wildcardToRegExp, hasWildcard } from './wildcard.js';
export { toJsRegExp } from './regex.js';

/** Options of a comparison: `-ceq` is caseSensitive, `-eq`/`-ieq` not. */
export interface CompareOptions {
  readonly caseSensitive?: boolean;
}

/** The comparison operators, without their `c`/`i` prefix. */
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'like' | 'notlike' | 'match' | 'notmatch' | 'contains' | 'notcontains' | 'in' | 'notin';

// ---------------------------------------------------------------------------------------------
// Strings: the invariant culture (ICU root collation, as PowerShell 7 uses on every platform)
// ---------------------------------------------------------------------------------------------

const IGNORE_CASE = new Intl.Collator('und', { sensitivity: 'accent', usage: 'sort' });
const MATCH_CASE = new Intl.Collator('und', { sensitivity: 'variant', usage: 'sort' });

/**
 * Equality of two strings of printable ASCII, where the culture's rules are plain code or case
 * comparison; undefined when either has other characters and the collator must decide.
 */
function asciiEquals(a: string, b: string, caseSensitive: boolean): boolean | undefined {
  let equal = a.length === b.length;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x < 0x20 || x > 0x7e || y < 0x20 || y > 0x7e) return undefined;
    if (equal && x !== y && (caseSensitive || (x | 0x20) !== (y | 0x20) || (x | 0x20) < 0x61 || (x | 0x20) > 0x7a)) equal = false;
  }
  for (let i = n; i < a.length; i++) if (a.charCodeAt(i) < 0x20 || a.charCodeAt(i) > 0x7e) return undefined;
  for (let i = n; i < b.length; i++) if (b.charCodeAt(i) < 0x20 || b.charCodeAt(i) > 0x7e) return undefined;
  return equal;
}

/** Culture equality of two strings (`-eq`, `-ceq`). */
export function stringEquals(a: string, b: string, caseSensitive = false): boolean {
  if (a === b) return true;
  return asciiEquals(a, b, caseSensitive) ?? (caseSensitive ? MATCH_CASE : IGNORE_CASE).compare(a, b) === 0;
}

/** Primary weight of a character in the fast path, or -1 when the collator must decide. */
function primaryWeight(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 12;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41 + 12;
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 2;
  if (c === 0x20) return 1;
  return -1;
}

/**
 * Orders strings of letters, digits and spaces as the root collation does without asking ICU:
 * spaces before digits before letters, letters alphabetically ignoring case, and (case-sensitive)
 * the first difference in case putting lower case first. Undefined for other strings.
 */
function fastCompare(a: string, b: string, caseSensitive: boolean): number | undefined {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const wa = primaryWeight(a.charCodeAt(i));
    const wb = primaryWeight(b.charCodeAt(i));
    if (wa < 0 || wb < 0) return undefined;
    if (wa !== wb) return wa < wb ? -1 : 1;
  }
  for (let i = n; i < a.length; i++) if (primaryWeight(a.charCodeAt(i)) < 0) return undefined;
  for (let i = n; i < b.length; i++) if (primaryWeight(b.charCodeAt(i)) < 0) return undefined;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  if (!caseSensitive) return 0;
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return ca > cb ? -1 : 1;
  }
  return 0;
}

/** Culture ordering of two strings (`-lt`, Sort-Object): negative, 0 or positive. */
export function stringCompare(a: string, b: string, caseSensitive = false): number {
  if (a === b) return 0;
  const fast = fastCompare(a, b, caseSensitive);
  if (fast !== undefined) return fast;
  const r = (caseSensitive ? MATCH_CASE : IGNORE_CASE).compare(a, b);
  return r < 0 ? -1 : r > 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

/** The number of a numeric value (numbers and enums, which PowerShell compares as numbers). */
function numberOf(v: unknown): Numeric | undefined {
  if (typeof v === 'number' || v instanceof PSNumber) return v;
  if (v instanceof PSEnumValue) return v.value;
  return undefined;
}

/** The right operand as a number when the left is one: numbers, enums, booleans, chars. */
function primitiveNumberOf(v: unknown): Numeric | undefined {
  const n = numberOf(v);
  if (n !== undefined) return n;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PSChar) return v.code;
  return undefined;
}

/** A string right operand of a numeric comparison: scanned as a number, else converted to the left's type. */
function stringAsNumber(s: string, left: unknown): Numeric {
  const scanned = parseNumber(s);
  if (scanned !== undefined) return scanned;
  const converted = convertTo(s, typeOf(left));
  return numberOf(converted) ?? 0;
}

function upperChar(code: number): string {
  return String.fromCharCode(code).toUpperCase();
}

function versionParts(v: PSVersion): number[] {
  return [v.major, v.minor, v.build, v.revision];
}

function compareVersions(a: PSVersion, b: PSVersion): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
}

function tryConvertRight(b: unknown, type: TypeInfo): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: convertTo(b, type) };
  } catch (e) {
    if (e instanceof RuntimeError) return { ok: false, message: e.message };
    throw e;
  }
}

function equalsSlow(left: unknown, right: unknown, caseSensitive: boolean): boolean {
  const a = baseOf(left);
  const b = baseOf(right);
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'string') return stringEquals(a, typeof b === 'string' ? b : toText(b), caseSensitive);
  const na = numberOf(a);
  if (na !== undefined) {
    const nb = primitiveNumberOf(b);
    if (nb !== undefined) return numericEquals(na, nb);
    if (typeof b === 'string') {
      try {
        return numericEquals(na, stringAsNumber(b, a));
      } catch (e) {
        if (e instanceof RuntimeError) return false;
        throw e;
      }
    }
    const r = tryConvertRight(b, typeOf(a));
    const converted = r.ok ? numberOf(r.value) : undefined;
    return converted !== undefined && numericEquals(na, converted);
  }
  if (typeof a === 'boolean' || a instanceof PSSwitch) {
    const x = typeof a === 'boolean' ? a : a.isPresent;
    if (typeof b === 'boolean') return x === b;
    return x === (convertTo(b, BOOLEAN_TYPE) as boolean);
  }
  if (a instanceof PSChar) {
    if (!caseSensitive) {
      if (b instanceof PSChar) return upperChar(a.code) === upperChar(b.code);
      if (typeof b === 'string') return b.length === 1 && upperChar(a.code) === b.toUpperCase();
    }
    const r = tryConvertRight(b, CHAR_TYPE);
    return r.ok && (r.value as PSChar).code === a.code;
  }
  if (a instanceof PSDateTime) {
    const r = tryConvertRight(b, DATETIME_TYPE);
    return r.ok && compareDateTime(a, r.value as PSDateTime) === 0;
  }
  if (a instanceof PSTimeSpan) {
    const r = tryConvertRight(b, TIMESPAN_TYPE);
    return r.ok && (r.value as PSTimeSpan).ticks === a.ticks;
  }
  if (a instanceof PSVersion) {
    const r = tryConvertRight(b, VERSION_TYPE);
    return r.ok && r.value !== null && compareVersions(a, r.value as PSVersion) === 0;
  }
  if (a instanceof PSGuid) {
    const r = tryConvertRight(b, GUID_TYPE);
    return r.ok && (r.value as PSGuid).text === a.text;
  }
  if (a instanceof PSTypeLiteral) {
    if (b instanceof PSTypeLiteral) return a.fullName.toLowerCase() === b.fullName.toLowerCase();
    if (typeof b === 'string') return resolveType(b)?.fullName.toLowerCase() === a.fullName.toLowerCase();
    return false;
  }
  // Reference types (hashtables, objects, script blocks, arrays as elements): the same object.
  return a === b;
}

/** `a -eq b` for two scalars: the left operand's type decides how the right is converted. */
export function equals(a: unknown, b: unknown, options?: CompareOptions): boolean {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a === b;
  } else if (typeof a === 'string') {
    if (typeof b === 'string') return stringEquals(a, b, options?.caseSensitive === true);
  }
  return equalsSlow(a, b, options?.caseSensitive === true);
}

/** Where $null sorts against a value: below everything except negative numbers. */
function orderAgainstNull(value: unknown, valueIsRight: boolean): number {
  const i = valueIsRight ? -1 : 1;
  const n = typeof value === 'number' ? value : value instanceof PSNumber ? value.value : undefined;
  return n !== undefined && n < 0 ? -i : i;
}

function comparisonFailure(a: unknown, b: unknown, message: string): never {
  return terminate(
    errorRecord(`Could not compare "${toText(a)}" to "${toText(b)}". Error: "${message}"`, 'ComparisonFailure', 'InvalidOperation', {
      typeName: 'System.Management.Automation.RuntimeException',
    }),
  );
}

function convertForOrdering(a: unknown, b: unknown, type: TypeInfo): unknown {
  const r = tryConvertRight(b, type);
  return r.ok ? r.value : comparisonFailure(a, b, r.message);
}

function sign(x: number): number {
  return x < 0 ? -1 : x > 0 ? 1 : 0;
}

/** Numbers ordered as CompareTo orders them: NaN below everything, equal to itself. */
function compareNumbers(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
}

function compareSlow(left: unknown, right: unknown, caseSensitive: boolean): number {
  const a = baseOf(left);
  const b = baseOf(right);
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : orderAgainstNull(b, true);
  if (b === null || b === undefined) return orderAgainstNull(a, false);
  if (typeof a === 'string') return stringCompare(a, typeof b === 'string' ? b : toText(b), caseSensitive);
  const na = numberOf(a);
  if (na !== undefined) {
    const nb = primitiveNumberOf(b);
    if (nb !== undefined) return compareNumeric(na, nb);
    if (typeof b === 'string') return compareNumeric(na, stringAsNumber(b, a));
    return compareNumeric(na, numberOf(convertForOrdering(a, b, typeOf(a))) ?? 0);
  }
  if (typeof a === 'boolean' || a instanceof PSSwitch) {
    const x = typeof a === 'boolean' ? a : a.isPresent;
    const y = convertForOrdering(a, b, BOOLEAN_TYPE) as boolean;
    return x === y ? 0 : x ? 1 : -1;
  }
  if (a instanceof PSChar) return sign(a.code - (convertForOrdering(a, b, CHAR_TYPE) as PSChar).code);
  if (a instanceof PSDateTime) return compareDateTime(a, convertForOrdering(a, b, DATETIME_TYPE) as PSDateTime);
  if (a instanceof PSTimeSpan) return sign(a.ticks - (convertForOrdering(a, b, TIMESPAN_TYPE) as PSTimeSpan).ticks);
  if (a instanceof PSVersion) {
    const v = convertForOrdering(a, b, VERSION_TYPE);
    return v === null ? 1 : compareVersions(a, v as PSVersion);
  }
  if (a instanceof PSGuid) return stringCompare(a.text, (convertForOrdering(a, b, GUID_TYPE) as PSGuid).text, true);
  const converted = convertForOrdering(a, b, typeOf(a));
  if (converted === a) return 0;
  return terminate(
    errorRecord(`Cannot compare "${dotNetToString(a)}" because it is not IComparable.`, 'NotIcomparable', 'InvalidOperation', {
      typeName: 'System.Management.Automation.RuntimeException',
    }),
  );
}

/**
 * Orders two scalars (negative, 0, positive) by the left operand's type, as `-lt`/`-gt` do:
 * $null is below everything but negative numbers; a right operand that cannot become the left's
 * type fails with PowerShell's error ("Could not compare ...", or the conversion's own error for
 * a number against a non-numeric string).
 */
export function compare(a: unknown, b: unknown, options?: CompareOptions): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return compareNumbers(a, b);
  } else if (typeof a === 'string') {
    if (typeof b === 'string') return stringCompare(a, b, options?.caseSensitive === true);
  }
  return compareSlow(a, b, options?.caseSensitive === true);
}

// ---------------------------------------------------------------------------------------------
// Regular expressions and the operators
// ---------------------------------------------------------------------------------------------

const IGNORE_CASE_REGEX = { ignoreCase: true } as const;
const MATCH_CASE_REGEX = { ignoreCase: false } as const;

/** Runs a .NET regex on text; the match as $Matches (keys 0, 1, … and group names), or undefined. */
export function regexMatchTable(text: string, pattern: string | PSRegex, options?: CompareOptions): PSHashtable | undefined {
  const compiled =
    pattern instanceof PSRegex ? compileDotNetRegex(pattern.pattern, regexOptionsFromNames(pattern.options)) : compileDotNetRegex(pattern, { ignoreCase: options?.caseSensitive !== true });
  const m = compiled.regex.exec(text);
  return m ? matchesTable(compiled, m) : undefined;
}

/** `value -like pattern` for a scalar: both as strings, the pattern a PowerShell wildcard. */
export function like(value: unknown, pattern: unknown, options?: CompareOptions): boolean {
  return matchWildcard(toText(value), toText(pattern), options?.caseSensitive === true);
}

function orderedOp(op: 'gt' | 'ge' | 'lt' | 'le', left: unknown, right: unknown, caseSensitive: boolean): boolean {
  // Numbers compare as IEEE doubles here, so NaN is neither greater nor less.
  const x = typeof left === 'number' ? left : left instanceof PSNumber ? left.value : undefined;
  const y = typeof right === 'number' ? right : right instanceof PSNumber ? right.value : undefined;
  if (x !== undefined && y !== undefined) {
    if (Number.isNaN(x) || Number.isNaN(y)) return false;
    const c = typeof left === 'number' && typeof right === 'number' ? x - y : compareNumeric(left as Numeric, right as Numeric);
    return op === 'gt' ? c > 0 : op === 'ge' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
  }
  const r = compare(left, right, { caseSensitive });
  return op === 'gt' ? r > 0 : op === 'ge' ? r >= 0 : op === 'lt' ? r < 0 : r <= 0;
}

function scalarOp(op: ComparisonOperator, left: unknown, right: unknown, caseSensitive: boolean, setMatches?: (m: PSHashtable) => void): boolean {
  switch (op) {
    case 'eq':
      return equals(left, right, { caseSensitive });
    case 'ne':
      return !equals(left, right, { caseSensitive });
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le':
      return orderedOp(op, left, right, caseSensitive);
    case 'like':
    case 'notlike':
      return like(left, right, { caseSensitive }) === (op === 'like');
    case 'match':
    case 'notmatch': {
      const pattern = baseOf(right);
      const compiled =
        pattern instanceof PSRegex ? compileDotNetRegex(pattern.pattern, regexOptionsFromNames(pattern.options)) : compileDotNetRegex(toText(pattern), caseSensitive ? MATCH_CASE_REGEX : IGNORE_CASE_REGEX);
      const m = compiled.regex.exec(toText(left));
      // $Matches is set whenever the pattern matched, for -notmatch too.
      if (m && setMatches) setMatches(matchesTable(compiled, m));
      return (m !== null) === (op === 'match');
    }
    default:
      return false;
  }
}

function containsValue(collection: unknown, value: unknown, caseSensitive: boolean): boolean {
  const items = enumerableItems(baseOf(collection)) ?? [collection];
  for (const item of items) if (equals(item, value, { caseSensitive })) return true;
  return false;
}

/**
 * A comparison operator as a script writes it. A collection on the left filters: the result is
 * the array of matching elements (`1,2,3 -gt 1` → 2,3; `$a -eq $null` → the nulls); a scalar
 * gives a boolean. `-contains`/`-in` test membership with the collection element as the left
 * operand. For a scalar `-match`/`-notmatch` that matched, `setMatches` receives $Matches.
 */
export function comparisonOperator(
  op: ComparisonOperator,
  left: unknown,
  right: unknown,
  options?: CompareOptions & { readonly setMatches?: (matches: PSHashtable) => void },
): unknown {
  const caseSensitive = options?.caseSensitive === true;
  // Scalars first: a number or string on the left never filters.
  const kind = typeof left;
  if (kind === 'number' || kind === 'string' || kind === 'boolean') {
    if (op === 'eq') return equals(left, right, options);
    if (op === 'ne') return !equals(left, right, options);
    if (op === 'gt' || op === 'ge' || op === 'lt' || op === 'le') return orderedOp(op, left, right, caseSensitive);
  }
  switch (op) {
    case 'contains':
      return containsValue(left, right, caseSensitive);
    case 'notcontains':
      return !containsValue(left, right, caseSensitive);
    case 'in':
      return containsValue(right, left, caseSensitive);
    case 'notin':
      return !containsValue(right, left, caseSensitive);
    default:
      break;
  }
  const items = enumerableItems(baseOf(left));
  if (items) {
    const out: unknown[] = [];
    for (const item of items) if (scalarOp(op, item, right, caseSensitive)) out.push(item);
    return out;
  }
  return scalarOp(op, left, right, caseSensitive, options?.setMatches);
}
