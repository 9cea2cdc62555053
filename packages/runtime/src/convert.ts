/**
 * PowerShell's conversions (LanguagePrimitives.ConvertTo): casts, typed variables, `-as`,
 * parameter binding and the operators all convert through here, with PowerShell's rules and its
 * error messages and ids (PSInvalidCastException, category InvalidArgument):
 *
 * - string → number: trimmed, '' is 0, PowerShell number syntax ('0x10', '1kb', '1e3', '10l'),
 *   then .NET's parsing ('1,000' through double); integers round half to even (`[int]2.5` is 2).
 * - number → number with .NET's range checks ("Value was either too large or too small...").
 * - anything → string through toText (invariant culture, $OFS); anything → bool is truthiness.
 * - scalar → array wraps, array → array converts each element; an array never becomes a scalar
 *   (except to string and bool).
 * - string → enum: exact name, any case, a number, a comma list, then a unique prefix
 *   (`[DayOfWeek]'mon'` is Monday), as ConvertStringToEnum does.
 * - hashtable → [pscustomobject] (key order kept, PSTypeName honoured) and → [ordered].
 * - string → datetime/timespan/version/guid/regex/type by their invariant parsers.
 */
import type { Scope } from './scope.js';
import { dateFromTicks, parseDateTime, parseTimeSpan } from './datetime.js';
import { ErrorRecord, PSException, RuntimeError } from './errors.js';
import { DecimalOverflowError, DecimalValue, DECIMAL_MAX_MANTISSA } from './decimal.js';
import { decimalOf, fitsIntegerType, integerOf, INTEGER_RANGES, isFloatType, roundToInteger } from './numeric.js';
import { compileDotNetRegex } from './regex.js';
import { dotNetToString, formatNumber, toText } from './text.js';
import {
  ARRAYLIST_TYPE,
  arrayElementType,
  baseOf,
  enumFromNumber,
  markTypedArray,
  numericTypeInfo,
  OBJECT_TYPE,
  requireType,
  resolveType,
  typeNameForMessage,
  typeOf,
} from './types.js';
import type { TypeInfo } from './types.js';
import {
  impliedNumericType,
  isScriptBlock,
  makeDecimal,
  makeInteger,
  makeNumber,
  numericType,
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
import type { Numeric, NumericType } from './values.js';

/** Result of a conversion that may fail without an error. */
export type ConversionResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

const INVALID_CAST = 'System.Management.Automation.PSInvalidCastException';

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

function castError(errorId: string, message: string, inner?: Error): RuntimeError {
  return new RuntimeError(
    new ErrorRecord({ exception: new PSException(message, { typeName: INVALID_CAST, inner }), errorId, category: 'InvalidArgument' }),
  );
}

/** 'Cannot convert value "x" to type "T". Error: "inner"' */
function innerCastError(errorId: string, value: unknown, type: TypeInfo, innerMessage: string): RuntimeError {
  return castError(errorId, `Cannot convert value "${dotNetToString(value)}" to type "${type.fullName}". Error: "${innerMessage}"`);
}

/** The error when no conversion exists: 'Cannot convert the "x" value of type "S" to type "T".' */
function noConversion(value: unknown, type: TypeInfo): RuntimeError {
  if (value === null || value === undefined) {
    if (type.isEnum) {
      return castError(
        'nullToEnumInvalidCast',
        `Cannot convert null to type "${type.fullName}" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${enumNames(type).join(',')}".`,
      );
    }
    return castError('nullToObjectInvalidCast', `Cannot convert null to type "${type.fullName}".`);
  }
  return castError(
    'ConvertToFinalInvalidCastException',
    `Cannot convert the "${dotNetToString(value)}" value of type "${typeNameForMessage(value)}" to type "${type.fullName}".`,
  );
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

const RANGE: Record<NumericType, readonly [number, number, string]> = {
  Byte: [0, 255, 'an unsigned byte'],
  SByte: [-128, 127, 'a signed byte'],
  Int16: [-32768, 32767, 'an Int16'],
  UInt16: [0, 65535, 'a UInt16'],
  Int32: [-2147483648, 2147483647, 'an Int32'],
  UInt32: [0, 4294967295, 'a UInt32'],
  Int64: [-9223372036854775808, 9223372036854775807, 'an Int64'],
  UInt64: [0, 18446744073709551615, 'a UInt64'],
  Single: [-Infinity, Infinity, 'a Single'],
  Double: [-Infinity, Infinity, 'a Double'],
  Decimal: [-79228162514264337593543950335, 79228162514264337593543950335, 'a Decimal'],
};

function overflowMessage(type: NumericType): string {
  return `Value was either too large or too small for ${RANGE[type][2]}.`;
}

class OverflowError extends Error {}

const FLOATING = new Set<NumericType>(['Single', 'Double', 'Decimal']);

/** Rounds half to even, as Convert.ToInt32(double) does. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Convert.ChangeType between numeric types, exactly; throws OverflowError when the value does not fit. */
function changeNumericType(n: Numeric, to: NumericType): Numeric {
  const from = numericType(n);
  if (to === 'Double') return makeNumber('Double', Number(n));
  if (to === 'Single') return makeNumber('Single', Math.fround(Number(n)));
  if (to === 'Decimal') {
    try {
      return from === 'Decimal' ? n : makeDecimal(decimalOf(n));
    } catch (e) {
      if (e instanceof DecimalOverflowError) throw new OverflowError(overflowMessage('Decimal'));
      throw e;
    }
  }
  const value = roundToInteger(n);
  if (value === undefined || !fitsIntegerType(to, value)) throw new OverflowError(overflowMessage(to));
  return makeInteger(to, value);
}

/** Numeric value and type of a number, bool, char or enum; undefined for anything else. */
function numericOf(v: unknown): { value: number; type: NumericType } | undefined {
  if (typeof v === 'number') return { value: v, type: impliedNumericType(v) };
  if (v instanceof PSNumber) return { value: v.value, type: v.type };
  return undefined;
}

/** A number as it is (plain or PSNumber), undefined for anything else. */
function asNumber(v: unknown): Numeric | undefined {
  return typeof v === 'number' || v instanceof PSNumber ? v : undefined;
}

const MULTIPLIERS: Record<string, number> = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 };
const NUMBER_LITERAL =
  /^([+\-\u2013\u2014\u2015])?(?:0x([0-9a-f]+)|0b([01]+)|(\d+(?:\.\d*)?|\.\d+)(?:e([+\-\u2013\u2014\u2015]?\d+))?)(ul|uy|us|u|l|d|y|s|n)?(kb|mb|gb|tb|pb)?$/i;

function fitsInteger(type: NumericType, value: number): boolean {
  const [min, max] = RANGE[type];
  return Number.isInteger(value) && value >= min && value <= max;
}

/** A hex or binary literal's bits as PowerShell types them: up to 32 bits an int (two's complement), up to 64 a long. */
function radixLiteral(bits: bigint, suffix: string | undefined): Numeric | undefined {
  const twos = (width: bigint): bigint => (bits >= 1n << (width - 1n) ? bits - (1n << width) : bits);
  const within = (width: bigint): boolean => bits < 1n << width;
  switch (suffix) {
    case undefined:
      if (within(32n)) return makeInteger('Int32', twos(32n));
      return within(64n) ? makeInteger('Int64', twos(64n)) : undefined;
    case 'l':
      return within(64n) ? makeInteger('Int64', twos(64n)) : undefined;
    case 'u':
      return within(32n) ? makeInteger('UInt32', bits) : within(64n) ? makeInteger('UInt64', bits) : undefined;
    case 'ul':
      return within(64n) ? makeInteger('UInt64', bits) : undefined;
    case 'y':
      return within(8n) ? makeInteger('SByte', twos(8n)) : undefined;
    case 'uy':
      return within(8n) ? makeInteger('Byte', bits) : undefined;
    case 's':
      return within(16n) ? makeInteger('Int16', twos(16n)) : undefined;
    case 'us':
      return within(16n) ? makeInteger('UInt16', bits) : undefined;
    default:
      return undefined;
  }
}

/** An integer literal's value typed by its suffix: none is int, else long, else decimal, else double. */
function integerLiteral(value: bigint, suffix: string | undefined): Numeric | undefined {
  if (suffix === 'u') return fitsIntegerType('UInt32', value) ? makeInteger('UInt32', value) : fitsIntegerType('UInt64', value) ? makeInteger('UInt64', value) : undefined;
  if (suffix !== undefined) {
    const type = SUFFIX_TYPES[suffix]!;
    return fitsIntegerType(type, value) ? makeInteger(type, value) : undefined;
  }
  if (fitsIntegerType('Int32', value)) return Number(value);
  if (fitsIntegerType('Int64', value)) return makeInteger('Int64', value);
  if ((value < 0n ? -value : value) <= DECIMAL_MAX_MANTISSA) return makeDecimal(DecimalValue.fromInteger(value));
  return makeNumber('Double', Number(value));
}

/** A `d` literal's exact decimal, undefined when it does not fit. */
function decimalLiteral(text: string, multiplier: bigint): Numeric | undefined {
  try {
    const d = DecimalValue.parse(text);
    return d === undefined ? undefined : makeDecimal(multiplier === 1n ? d : d.multiply(DecimalValue.fromInteger(multiplier)));
  } catch (e) {
    if (e instanceof DecimalOverflowError) return undefined;
    throw e;
  }
}

const SUFFIX_TYPES: Record<string, NumericType> = { l: 'Int64', ul: 'UInt64', y: 'SByte', uy: 'Byte', s: 'Int16', us: 'UInt16', d: 'Decimal' };

/**
 * Parses text as PowerShell scans a number in a conversion (Parser.ScanNumber): trimmed, empty is
 * 0, then one number literal with an optional sign: decimal, real with exponent, hex `0x`, binary
 * `0b`, type suffixes (l u ul y uy s us d) and multipliers (kb mb gb tb pb). The value has the
 * literal's type: int, else long, else decimal, else double. Undefined when it is not a literal.
 */
export function parseNumber(text: string): Numeric | undefined {
  // Most text a script compares or converts is a short run of digits.
  if (text.length > 0 && text.length < 10) {
    let digits = true;
    for (let i = 0; i < text.length && digits; i++) {
      const c = text.charCodeAt(i);
      digits = c >= 0x30 && c <= 0x39;
    }
    if (digits) return Number(text);
  }
  const s = text.trim();
  if (s.length === 0) return 0;
  const m = NUMBER_LITERAL.exec(s);
  if (!m) return undefined;
  const negative = m[1] !== undefined && m[1] !== '+';
  const suffix = m[6]?.toLowerCase();
  const multiplier = m[7] ? MULTIPLIERS[m[7].toLowerCase()]! : 1;
  if (suffix === 'n') return undefined;
  if (m[2] !== undefined || m[3] !== undefined) {
    const bits = m[2] !== undefined ? BigInt(`0x${m[2]}`) : BigInt(`0b${m[3]}`);
    const literal = radixLiteral(bits, suffix);
    if (literal === undefined) return undefined;
    const value = integerOf(literal) * BigInt(multiplier) * (negative ? -1n : 1n);
    const type = numericType(literal);
    if (fitsIntegerType(type, value)) return makeInteger(type, value);
    return fitsIntegerType('Int64', value) ? makeInteger('Int64', value) : undefined;
  }
  const digits = m[4]!;
  const isReal = digits.includes('.') || m[5] !== undefined;
  const exponent = m[5] !== undefined ? m[5].replace(/[\u2013\u2014\u2015]/, '-') : '0';
  if (suffix === 'd') return decimalLiteral(`${negative ? '-' : ''}${digits}e${exponent}`, BigInt(multiplier));
  if (!isReal) return integerLiteral(BigInt(digits) * BigInt(multiplier) * (negative ? -1n : 1n), suffix);
  let value = Number(`${digits}e${exponent}`) * multiplier;
  if (negative) value = -value;
  if (suffix === 'u') {
    if (fitsInteger('UInt32', value)) return makeNumber('UInt32', value);
    return fitsInteger('UInt64', value) ? makeNumber('UInt64', value) : undefined;
  }
  if (suffix !== undefined) {
    const type = SUFFIX_TYPES[suffix]!;
    return fitsInteger(type, value) ? makeNumber(type, value) : undefined;
  }
  return makeNumber('Double', value);
}

/** .NET's Double.Parse (NumberStyles.Float | AllowThousands, invariant): '1,000.5', '1e3', 'NaN', 'Infinity'. */
function parseDotNetDouble(s: string, allowExponent = true): number | undefined {
  const special = /^\s*([+-])?(Infinity|∞|NaN)\s*$/i.exec(s);
  if (special) {
    if (/nan/i.test(special[2]!)) return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  const m = /^\s*([+-])?(\d[\d,]*)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(s);
  if (!m || (m[2] === undefined && !m[3])) return undefined;
  if (m[4] !== undefined && !allowExponent) return undefined;
  const text = `${m[1] ?? ''}${(m[2] ?? '0').replace(/,/g, '')}.${m[3] ?? ''}e${m[4] ?? '0'}`;
  return Number(text);
}

/** Int32Converter's extra forms ('#FF', '&hFF', '0xFF') and Int32.Parse (NumberStyles.Integer). */
function parseIntegerConverter(s: string, target: NumericType): bigint | 'overflow' | undefined {
  const t = s.trim();
  const [min, max] = INTEGER_RANGES[target]!;
  const hex = /^(?:#|0x|&h)([0-9a-f]+)$/i.exec(t);
  if (hex) {
    const bits = BigInt(`0x${hex[1]}`);
    const width = max > 4294967295n ? 64n : max > 65535n ? 32n : max > 255n ? 16n : 8n;
    if (bits >= 1n << width) return 'overflow';
    return min < 0n && bits >= 1n << (width - 1n) ? bits - (1n << width) : bits;
  }
  if (!/^[+-]?\d+$/.test(t)) return undefined;
  const value = BigInt(t);
  return fitsIntegerType(target, value) ? value : 'overflow';
}

/** Decimal.Parse (NumberStyles.Number, invariant): '1.10' keeps its scale; thousands separators are allowed. */
function parseDotNetDecimal(s: string): DecimalValue | undefined {
  const m = /^\s*([+-])?(\d[\d,]*)?(?:\.(\d*))?\s*$/.exec(s);
  if (!m || (m[2] === undefined && !m[3])) return undefined;
  return DecimalValue.parse(`${m[1] ?? ''}${(m[2] ?? '0').replace(/,/g, '')}.${m[3] ?? ''}`);
}

/** String → decimal: Decimal.Parse exactly, then a PowerShell number ('1e3', '1kb'), then through double. */
function stringToDecimal(s: string, type: TypeInfo): Numeric {
  try {
    const exact = parseDotNetDecimal(s);
    if (exact !== undefined) return makeDecimal(exact);
    const scanned = parseNumber(s);
    if (scanned !== undefined) return changeNumericType(scanned, 'Decimal');
    const d = parseDotNetDouble(s);
    if (d !== undefined) return changeNumericType(d, 'Decimal');
  } catch (e) {
    if (e instanceof DecimalOverflowError || e instanceof OverflowError) throw innerCastError('InvalidCastFromStringToDecimal', s, type, overflowMessage('Decimal'));
    throw e;
  }
  throw innerCastError('InvalidCastFromStringToDecimal', s, type, `The input string '${s}' was not in a correct format.`);
}

/** String → number for a target type, as ConvertStringToInteger / ToDecimal / ToReal do. */
function stringToNumber(s: string, type: TypeInfo): Numeric {
  const target = type.numericType!;
  if (s.length === 0) return makeNumber(target, 0);
  if (target === 'Decimal') return stringToDecimal(s, type);
  const scanned = parseNumber(s);
  if (scanned !== undefined) {
    try {
      return changeNumericType(scanned, target);
    } catch (e) {
      if (!(e instanceof OverflowError)) throw e;
    }
  }
  if (isFloatType(target)) {
    const d = parseDotNetDouble(s);
    if (d === undefined) throw innerCastError('InvalidCastFromStringToDoubleOrSingle', s, type, `The input string '${s}' was not in a correct format.`);
    return changeNumericType(makeNumber('Double', d), target);
  }
  const parsed = parseIntegerConverter(s, target);
  if (parsed === 'overflow') throw innerCastError('InvalidCastFromStringToInteger', s, type, overflowMessage(target));
  if (parsed !== undefined) return makeInteger(target, parsed);
  // A FormatException: PowerShell tries once more through double ('1,000', '2.5e1').
  const d = parseDotNetDouble(s);
  if (d !== undefined) {
    try {
      return changeNumericType(makeNumber('Double', d), target);
    } catch (e) {
      if (!(e instanceof OverflowError)) throw e;
    }
  }
  throw innerCastError('InvalidCastFromStringToInteger', s, type, `The input string '${s}' was not in a correct format.`);
}

function convertToNumber(v: unknown, type: TypeInfo): Numeric {
  const target = type.numericType!;
  const n = asNumber(v);
  if (n !== undefined) {
    if (numericType(n) === target) return n;
    try {
      return changeNumericType(n, target);
    } catch (e) {
      throw innerCastError('InvalidCastIConvertible', v, type, messageOf(e));
    }
  }
  if (typeof v === 'string') return stringToNumber(v, type);
  if (v === null || v === undefined) return makeNumber(target, 0);
  if (typeof v === 'boolean') return makeNumber(target, v ? 1 : 0);
  const code = v instanceof PSChar ? v.code : v instanceof PSEnumValue ? v.value : undefined;
  if (code !== undefined) {
    try {
      return changeNumericType(code, target);
    } catch (e) {
      throw innerCastError('InvalidCastIConvertible', v, type, messageOf(e));
    }
  }
  if (v instanceof PSDateTime) throw innerCastError('InvalidCastIConvertible', v, type, `Invalid cast from 'DateTime' to '${type.name}'.`);
  throw noConversion(v, type);
}

/**
 * A value as a number for arithmetic: numbers as they are, $null 0, booleans 0/1, chars their
 * code, enums their value, strings scanned as PowerShell literals ('0x10', '1kb', ' 5 ') and
 * otherwise converted to `target` (the other operand's type), which fails with PowerShell's error.
 */
export function toNumeric(value: unknown, target: NumericType = 'Int32'): Numeric {
  if (typeof value === 'number' || value instanceof PSNumber) return value;
  const v = baseOf(value);
  if (typeof v === 'number' || v instanceof PSNumber) return v;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PSChar) return v.code;
  if (v instanceof PSEnumValue) return v.value;
  if (typeof v === 'string') return parseNumber(v) ?? stringToNumber(v, numericTypeInfo(target));
  throw noConversion(v, numericTypeInfo(target));
}

// ---------------------------------------------------------------------------------------------
// Truthiness
// ---------------------------------------------------------------------------------------------

function listTruth(items: readonly unknown[]): boolean {
  if (items.length === 0) return false;
  if (items.length > 1) return true;
  const first = baseOf(items[0]);
  // A one-element list is its element, but a nested list only counts by its size.
  if (Array.isArray(first)) return first.length > 0;
  if (first instanceof PSList) return first.count > 0;
  return toBoolean(first);
}

/**
 * PowerShell truthiness (LanguagePrimitives.IsTrue): $null, '', 0, an empty array and a
 * one-element array of a false value are false; 'False', '0', objects and 2+ element arrays are true.
 */
export function toBoolean(value: unknown): boolean {
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'string':
      return value.length !== 0;
    case 'number':
      return value !== 0;
    case 'undefined':
      return false;
    default:
      break;
  }
  if (value === null) return false;
  if (value instanceof PSNumber) return value.value !== 0;
  if (Array.isArray(value)) return listTruth(value);
  if (value instanceof PSList) return listTruth(value.items);
  if (value instanceof PSSwitch) return value.isPresent;
  if (value instanceof PSEnumValue) return value.value !== 0;
  if (value instanceof PSObject && value.baseObject !== undefined) return toBoolean(value.baseObject);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------

function enumNames(type: TypeInfo): string[] {
  return (type.enumMembers ?? []).map((m) => m.name);
}

function isDefinedEnum(type: TypeInfo, value: number): boolean {
  const members = type.enumMembers ?? [];
  if (members.some((m) => m.value < 0)) return true;
  if (type.isFlags) {
    if (value < 0) return false;
    const all = members.reduce((acc, m) => acc | m.value, 0);
    return (value | all) === all;
  }
  return members.some((m) => m.value === value);
}

function undefinedEnumError(errorId: string, shown: unknown, type: TypeInfo): RuntimeError {
  return castError(
    errorId,
    `Cannot convert value "${dotNetToString(shown)}" to type "${type.fullName}" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${enumNames(type).join(',')}".`,
  );
}

/** Enum.Parse: a number, or names separated by commas (OR'd); undefined when a name is unknown. */
function enumParse(type: TypeInfo, text: string, ignoreCase: boolean): number | undefined {
  const t = text.trim();
  if (t.length === 0) return undefined;
  if (/^[0-9+-]/.test(t)) {
    const n = Number(t);
    return Number.isInteger(n) ? n : undefined;
  }
  let value = 0;
  for (const part of t.split(',')) {
    const name = part.trim();
    const member = (type.enumMembers ?? []).find((m) => (ignoreCase ? m.name.toLowerCase() === name.toLowerCase() : m.name === name));
    if (!member) return undefined;
    value |= member.value;
  }
  return value;
}

/** EnumMinimumDisambiguation: a unique case-insensitive prefix of a member name. */
function enumByPrefix(type: TypeInfo, text: string): number {
  const names = enumNames(type);
  const lower = text.toLowerCase();
  const matches = names.filter((n) => n.toLowerCase().startsWith(lower));
  if (matches.length === 0) {
    throw new Error(`Unable to match the identifier name ${text} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${names.join(', ')}`);
  }
  const exact = matches.find((n) => n.toLowerCase() === lower);
  const chosen = matches.length === 1 ? matches[0]! : exact;
  if (chosen === undefined) {
    throw new Error(`The identifier name ${text} cannot be processed because it is either too similar or identical to the following enumerator names: ${matches.join(', ')}. Use a more specific identifier name.`);
  }
  return type.enumMembers!.find((m) => m.name === chosen)!.value;
}

function stringToEnum(s: string, type: TypeInfo): PSEnumValue {
  let value = enumParse(type, s, false) ?? enumParse(type, s, true);
  if (value === undefined) {
    try {
      value = enumByPrefix(type, s);
    } catch (e) {
      throw innerCastError('SubstringDisambiguationEnumParseThrewAnException', s, type, messageOf(e));
    }
  }
  if (!isDefinedEnum(type, value)) throw undefinedEnumError('EnumParseUndefined', s, type);
  return enumFromNumber(type, value);
}

function convertToEnum(v: unknown, type: TypeInfo): PSEnumValue {
  if (v instanceof PSEnumValue && v.typeName.toLowerCase() === type.fullName.toLowerCase()) return v;
  if (typeof v === 'string') return stringToEnum(v, type);
  const n = numericOf(v) ?? (v instanceof PSEnumValue ? { value: v.value, type: 'Int32' as const } : undefined);
  if (n) {
    if (FLOATING.has(n.type)) return stringToEnum(formatNumber(v as Numeric), type);
    if (!isDefinedEnum(type, n.value)) throw undefinedEnumError('UndefinedIntegerToEnum', v, type);
    return enumFromNumber(type, n.value);
  }
  if (Array.isArray(v) || v instanceof PSList) {
    const items = Array.isArray(v) ? v : v.items;
    const parts = items.map((item) => (typeof item === 'string' ? item : convertToEnum(baseOf(item), type).name));
    return stringToEnum(parts.join(','), type);
  }
  throw noConversion(v, type);
}

// ---------------------------------------------------------------------------------------------
// Other targets
// ---------------------------------------------------------------------------------------------

function convertToChar(v: unknown, type: TypeInfo): PSChar {
  if (v instanceof PSChar) return v;
  if (v === null || v === undefined) return new PSChar(0);
  if (typeof v === 'string') {
    if (v.length === 1) return new PSChar(v.charCodeAt(0));
    throw innerCastError('InvalidCastParseTargetInvocation', v, type, 'String must be exactly one character long.');
  }
  const n = numericOf(v);
  if (n) {
    if (FLOATING.has(n.type)) throw innerCastError('InvalidCastIConvertible', v, type, `Invalid cast from '${n.type}' to 'Char'.`);
    if (n.value < 0 || n.value > 65535) throw innerCastError('InvalidCastIConvertible', v, type, 'Value was either too large or too small for a character.');
    return new PSChar(n.value);
  }
  if (typeof v === 'boolean') throw innerCastError('InvalidCastIConvertible', v, type, "Invalid cast from 'Boolean' to 'Char'.");
  throw noConversion(v, type);
}

/** A custom object from a dictionary, in key order; a string PSTypeName key becomes its first type name. */
function toCustomObject(v: unknown): unknown {
  if (!(v instanceof PSHashtable)) return v;
  const o = new PSObject();
  for (const [key, value] of v.entries()) {
    if (typeof key === 'string' && key.toLowerCase() === 'pstypename' && typeof value === 'string') o.typeNames.unshift(value);
    else o.addNote(toText(key), value);
  }
  return o;
}

function parseVersion(s: string, type: TypeInfo): PSVersion {
  const parts = s.split('.');
  if (parts.length < 2 || parts.length > 4) throw innerCastError('InvalidCastParseTargetInvocation', s, type, "Version string portion was too short or too long. (Parameter 'input')");
  const numbers = parts.map((p) => {
    if (!/^\s*[+-]?\d+\s*$/.test(p)) throw innerCastError('InvalidCastParseTargetInvocation', s, type, `The input string '${p}' was not in a correct format.`);
    const n = Number(p);
    if (n < 0) throw innerCastError('InvalidCastParseTargetInvocation', s, type, "Version's parameters must be greater than or equal to zero. (Parameter 'version')");
    if (n > 2147483647) throw innerCastError('InvalidCastParseTargetInvocation', s, type, 'Value was either too large or too small for an Int32.');
    return n;
  });
  return new PSVersion(numbers[0]!, numbers[1]!, numbers[2] ?? -1, numbers[3] ?? -1);
}

/** Guid.Parse: the N, D, B and P forms; the result is kept in lower-case D form. */
export function parseGuid(text: string): PSGuid | undefined {
  const t = text.trim();
  const m = /^(?:([0-9a-f]{32})|([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})|\{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}|\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\))$/i.exec(t);
  if (!m) return undefined;
  const hex = (m[1] ?? (m[2] ? m.slice(2, 7).join('') : (m[7] ?? m[8])!.replace(/-/g, ''))).toLowerCase();
  return new PSGuid(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
}

function convertToArray(v: unknown, type: TypeInfo, scope: Scope | undefined): unknown {
  if (v === null || v === undefined) return null;
  const element = type.elementType ?? OBJECT_TYPE;
  if (Array.isArray(v)) {
    const current = arrayElementType(v);
    if (element === OBJECT_TYPE) return current === OBJECT_TYPE ? v : [...v];
    if (current === element) return v;
    return markTypedArray(
      v.map((item) => convertValue(item, element, scope)),
      element,
    );
  }
  if (v instanceof PSList) {
    try {
      return markTypedArray(
        v.items.map((item) => convertValue(item, element, scope)),
        element,
      );
    } catch (e) {
      throw innerCastError('InvalidCastExceptionEnumerableToArray', v, type, messageOf(e));
    }
  }
  if (typeof v === 'string' && element.kind === 'char') {
    return markTypedArray(
      Array.from({ length: v.length }, (_, i) => new PSChar(v.charCodeAt(i))),
      element,
    );
  }
  try {
    return markTypedArray([convertValue(v, element, scope)], element);
  } catch (e) {
    throw innerCastError('InvalidCastExceptionScalarToArray', v, type, messageOf(e));
  }
}

function convertToList(v: unknown, type: TypeInfo, scope: Scope | undefined): unknown {
  if (v === null || v === undefined) return null;
  const generic = type !== ARRAYLIST_TYPE;
  const element = type.elementType ?? OBJECT_TYPE;
  const elementName = generic ? element.fullName : undefined;
  if (v instanceof PSList && (v.elementType ?? '').toLowerCase() === (elementName ?? '').toLowerCase()) return v;
  const items = Array.isArray(v) ? v : v instanceof PSList ? v.items : undefined;
  if (items) {
    if (!generic) return new PSList(items);
    const converted: unknown[] = [];
    for (const item of items) {
      const r = tryConvert(item, element);
      if (!r.ok) throw noConversion(v, type);
      converted.push(r.value);
    }
    return new PSList(converted, elementName);
  }
  if (!generic) throw noConversion(v, type);
  return new PSList([convertValue(v, element, scope)], elementName);
}

function convertValue(value: unknown, type: TypeInfo, scope: Scope | undefined): unknown {
  if (value === undefined) value = null;
  switch (type.kind) {
    case 'object':
    case 'psobject':
      return value;
    case 'pscustomobject':
      return value instanceof PSObject ? value : toCustomObject(value);
    case 'void':
      return null;
    case 'string':
      return typeof value === 'string' ? value : toText(value, scope);
    default:
      break;
  }
  const v = baseOf(value);
  switch (type.kind) {
    case 'number':
      return convertToNumber(v, type);
    case 'bool':
      return v instanceof PSChar ? v.code !== 0 : toBoolean(v);
    case 'switch':
      if (v === null) return new PSSwitch(false);
      if (typeof v === 'boolean') return new PSSwitch(v);
      if (v instanceof PSSwitch) return v;
      throw noConversion(v, type);
    case 'char':
      return convertToChar(v, type);
    case 'enum':
      return convertToEnum(v, type);
    case 'array':
      return convertToArray(v, type, scope);
    case 'list':
      return convertToList(v, type, scope);
    case 'datetime': {
      if (v instanceof PSDateTime) return v;
      if (typeof v === 'string') {
        const d = parseDateTime(v);
        if (!d) throw innerCastError('InvalidCastParseTargetInvocationWithFormatProvider', v, type, `String '${v}' was not recognized as a valid DateTime.`);
        return d;
      }
      // DateTime(long ticks) is the constructor an integer converts through.
      const n = numericOf(v);
      if (n && !FLOATING.has(n.type)) return dateFromTicks(n.value);
      throw noConversion(v, type);
    }
    case 'timespan': {
      if (v instanceof PSTimeSpan) return v;
      const n = numericOf(v);
      if (n && !FLOATING.has(n.type)) return new PSTimeSpan(n.value);
      if (typeof v === 'string' || n) {
        const s = typeof v === 'string' ? v : formatNumber(v as Numeric);
        const ts = parseTimeSpan(s);
        if (ts) return ts;
        const outOfRange = /^\s*-?\d+([.:]\d+)+\s*$/.test(s);
        throw innerCastError(
          'InvalidCastParseTargetInvocationWithFormatProvider',
          s,
          type,
          outOfRange
            ? `The TimeSpan string '${s}' could not be parsed because at least one of the numeric components is out of range or contains too many digits.`
            : `String '${s}' was not recognized as a valid TimeSpan.`,
        );
      }
      throw noConversion(v, type);
    }
    case 'securestring':
      if (v === null || v instanceof PSSecureString) return v;
      throw noConversion(v, type);
    case 'hashtable':
      if (v === null) return null;
      if (v instanceof PSHashtable) {
        if (!v.ordered) return v;
        const copy = new PSHashtable(false);
        for (const [k, item] of v.entries()) copy.set(k, item);
        return copy;
      }
      throw noConversion(v, type);
    case 'ordered':
      if (v === null) return null;
      if (v instanceof PSHashtable) {
        if (v.ordered) return v;
        const copy = new PSHashtable(true);
        for (const [k, item] of v.entries()) copy.set(k, item);
        return copy;
      }
      throw noConversion(v, type);
    case 'scriptblock':
      if (v === null || isScriptBlock(v)) return v;
      throw noConversion(v, type);
    case 'regex':
      if (v === null || v instanceof PSRegex) return v;
      if (typeof v === 'string' || numericOf(v)) {
        const pattern = typeof v === 'string' ? v : formatNumber(v as Numeric);
        try {
          compileDotNetRegex(pattern);
        } catch (e) {
          throw innerCastError('InvalidCastFromStringToRegex', pattern, type, messageOf(e));
        }
        return new PSRegex(pattern);
      }
      throw noConversion(v, type);
    case 'version':
      if (v === null || v instanceof PSVersion) return v;
      if (typeof v === 'string') return parseVersion(v, type);
      if (numericOf(v)) return parseVersion(formatNumber(v as Numeric), type);
      throw noConversion(v, type);
    case 'guid':
      if (v instanceof PSGuid) return v;
      if (typeof v === 'string') {
        const g = parseGuid(v);
        if (!g) throw innerCastError('InvalidCastParseTargetInvocationWithFormatProvider', v, type, 'Unrecognized Guid format.');
        return g;
      }
      throw noConversion(v, type);
    case 'type':
      if (v === null || v instanceof PSTypeLiteral) return v;
      if (typeof v === 'string') {
        const found = resolveType(v);
        if (!found) throw castError('InvalidCastFromStringToType', `Cannot convert the "${v}" value of type "System.String" to type "System.Type".`);
        return new PSTypeLiteral(found.fullName);
      }
      throw noConversion(v, type);
    case 'class':
      if (value === null || type.isInstance(value)) return value;
      throw noConversion(v, type);
    default:
      throw noConversion(v, type);
  }
}

/**
 * Converts a value to a type with PowerShell's rules (LanguagePrimitives.ConvertTo); throws a
 * RuntimeError (PSInvalidCastException, InvalidArgument) with PowerShell's message when it
 * cannot. `scope` supplies $OFS for conversions to string. `[void]` gives null: the interpreter
 * discards a `[void]` cast's output itself.
 */
export function convertTo(value: unknown, type: TypeInfo | string, scope?: Scope): unknown {
  const t = typeof type === 'string' ? requireType(type) : type;
  return convertValue(value, t, scope);
}

/** convertTo without the error: for `-as` and the binder's conversion passes. An unknown type name still throws. */
export function tryConvert(value: unknown, type: TypeInfo | string, scope?: Scope): ConversionResult {
  const t = typeof type === 'string' ? requireType(type) : type;
  if (!(value instanceof PSObject) && t.kind !== 'pscustomobject' && t.isInstance(value)) return { ok: true, value };
  try {
    return { ok: true, value: convertValue(value, t, scope) };
  } catch (e) {
    if (e instanceof RuntimeError) return { ok: false };
    throw e;
  }
}

function booleanParameterError(value: unknown, type: TypeInfo): RuntimeError {
  const shown = value === null || value === undefined ? '' : typeOf(value).fullName;
  return castError(
    'InvalidCastExceptionUnsupportedParameterType',
    `Cannot convert value "${shown}" to type "${type.fullName}". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
  );
}

/**
 * The parameter binder's conversion: as convertTo, except that `[bool]` and `[switch]`
 * parameters take only booleans, switches and numbers (`-Flag:'yes'` is an error), and a `[bool]`
 * parameter does not take $null.
 */
export function convertForParameter(value: unknown, type: TypeInfo | string, scope?: Scope): unknown {
  const t = typeof type === 'string' ? requireType(type) : type;
  if (t.kind === 'bool' || t.kind === 'switch') {
    const v = baseOf(value);
    if (v === null || v === undefined) {
      if (t.kind === 'bool') throw booleanParameterError(v, t);
      return new PSSwitch(false);
    }
    if (typeof v !== 'boolean' && !(v instanceof PSSwitch) && !numericOf(v)) throw booleanParameterError(v, t);
    const b = toBoolean(v);
    return t.kind === 'bool' ? b : new PSSwitch(b);
  }
  return convertValue(value, t, scope);
}
