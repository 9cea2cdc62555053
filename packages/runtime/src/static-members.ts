/**
 * The static members scripts use, per .NET type: [math], [datetime], [timespan], [string], the
 * numeric types, [char], [bool], [guid], [version], [System.IO.Path], [System.Environment],
 * [convert], [regex], [System.Text.Encoding], [enum], [array], [uri], and `::new` for the types
 * dpmsh models. Each type is a member table whose `self` is the type being called on.
 */
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { randomUUID, randomBytes } from 'node:crypto';
import {
  PSChar,
  PSDateTime,
  PSEnumValue,
  PSGuid,
  PSHashtable,
  PSList,
  PSNumber,
  PSObject,
  PSRegex,
  PSTimeSpan,
  PSTypeLiteral,
  PSVersion,
  TICKS_PER_MS,
  isScriptBlock,
  makeDecimal,
  makeInteger,
  makeNumber,
  numericType,
} from './values.js';
import { DecimalOverflowError, DecimalValue } from './decimal.js';
import type { DecimalRounding } from './decimal.js';
import { compareNumeric, fitsIntegerType, integerOf, INTEGER_RANGES, isDecimal, roundToInteger } from './numeric.js';
import type { Numeric, NumericType } from './values.js';
import {
  END_WALL_MS,
  MIN_WALL_MS,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  compareDateTime,
  dateFromTicks,
  daysInMonth,
  fromWallMs,
  isLeapYear,
  makeDateTime,
  makeTimeSpan,
  now,
  parseDateTime,
  parseDateTimeExact,
  parseTimeSpan,
  today,
  wallMs,
} from './datetime.js';
import { formatComposite } from './dotnet-format.js';
import { argumentException, argumentOutOfRange, dotnetEquals, dotnetException, memberTable } from './member-support.js';
import type { MemberTable, MethodArgs } from './member-support.js';
import type {
  EncodingObject} from './instance-members.js';
import {
  DOTNET_WHITESPACE,
  ENCODINGS,
  cultureCompare,
  defaultCompare,
  toStringMethod,
  encodingByName,
} from './instance-members.js';
import type { DotNetRegex } from './dotnet-regex.js';
import { compileRegex, regexEscape, regexIsMatch, regexMatch, regexMatches, regexOptionNames, regexReplace, regexSplit, regexUnescape } from './dotnet-regex.js';
import { convertTo, parseGuid } from './convert.js';
import { resolveType } from './types.js';
import type { TypeInfo } from './types.js';
import { toText } from './text.js';
import { PSException } from './errors.js';

/** The type a static member is called on. */
export interface StaticTarget {
  readonly fullName: string;
  readonly info?: TypeInfo;
}

type StaticTable = MemberTable<StaticTarget>;
type Spec = Parameters<typeof memberTable<StaticTarget>>[0];

const TABLES = new Map<string, StaticTable>();

function define(fullNames: string | readonly string[], spec: Spec): void {
  // Static tables carry the Object members too: [string]::Equals(a, b) and [int]::ToString() exist in .NET.
  const table = memberTable<StaticTarget>(spec);
  for (const name of typeof fullNames === 'string' ? [fullNames] : fullNames) TABLES.set(name.toLowerCase(), table);
}

/** The static members of a type by full name (generic types by their definition name, `List`1`). */
export function staticTable(fullName: string): StaticTable | undefined {
  const key = fullName.toLowerCase();
  return TABLES.get(key) ?? TABLES.get(key.replace(/\[.*\]$/, '')) ?? (isExceptionType(fullName) ? EXCEPTION_CONSTRUCTORS : undefined);
}

function isExceptionType(fullName: string): boolean {
  const info = resolveType(fullName);
  return info !== undefined && (info.fullName === 'System.Exception' || info.baseTypeNames.includes('System.Exception'));
}

// `[System.ArgumentException]::new('message')`, for `throw` and `catch [Type]`.
const EXCEPTION_CONSTRUCTORS: StaticTable = memberTable<StaticTarget>({
  methods: {
    new: {
      overloads: ['Exception new()', 'Exception new(string message)', 'Exception new(string message, System.Exception innerException)'],
      invoke: (self, a) => {
        const inner = a.at(1);
        const message = a.length === 0 ? `Exception of type '${self.fullName}' was thrown.` : a.string(0);
        return new PSException(message, { typeName: self.fullName, inner: inner instanceof Error ? inner : undefined });
      },
    },
  },
});

const dbl = (n: number): Numeric => makeNumber('Double', n);
const bytes = (values: Iterable<number>): Numeric[] => [...values].map((b) => makeNumber('Byte', b));
const bytesOf = (value: unknown): number[] => {
  if (value === null || value === undefined) throw dotnetException('System.ArgumentNullException', "Value cannot be null. (Parameter 'inArray')");
  const items = Array.isArray(value) ? value : value instanceof PSList ? value.items : [value];
  return items.map((b) => Number(b) & 0xff);
};

// ---------------------------------------------------------------------------------------------
// [math]
// ---------------------------------------------------------------------------------------------

const MIDPOINT = ['ToEven', 'AwayFromZero', 'ToZero', 'ToNegativeInfinity', 'ToPositiveInfinity'] as const;

function roundWith(v: number, mode: string): number {
  switch (mode) {
    case 'awayfromzero': {
      const t = Math.trunc(v);
      return Math.abs(v - t) >= 0.5 ? t + Math.sign(v) : t;
    }
    case 'tozero':
      return Math.trunc(v);
    case 'tonegativeinfinity':
      return Math.floor(v);
    case 'topositiveinfinity':
      return Math.ceil(v);
    default: {
      const f = Math.floor(v);
      const d = v - f;
      if (d > 0.5) return f + 1;
      if (d < 0.5) return f;
      return f % 2 === 0 ? f : f + 1;
    }
  }
}

function isModeArg(v: unknown): boolean {
  return v instanceof PSEnumValue || (typeof v === 'string' && Number.isNaN(Number(v)));
}

function mathRound(a: MethodArgs): Numeric {
  const value = a.at(0);
  const decimal = isDecimal(value);
  const x = decimal ? Number(value) : a.double(0);
  let digits = 0;
  let mode = 'toeven';
  if (a.length >= 2) {
    if (a.length === 2 && isModeArg(a.at(1))) mode = a.enumName(1, 'System.MidpointRounding', MIDPOINT);
    else digits = a.int(1);
  }
  if (a.length === 3) mode = a.enumName(2, 'System.MidpointRounding', MIDPOINT);
  if (digits < 0 || digits > (decimal ? 28 : 15)) {
    throw argumentOutOfRange('digits', `Rounding digits must be between 0 and ${decimal ? 28 : 15}, inclusive.`);
  }
  if (decimal) return makeDecimal(value.decimal.round(digits, mode as DecimalRounding));
  if (!Number.isFinite(x) || Math.abs(x) >= 1e16) return dbl(x);
  const p = 10 ** digits;
  return dbl(digits === 0 ? roundWith(x, mode) : roundWith(x * p, mode) / p);
}

const NUMERIC_RANK: NumericType[] = ['Byte', 'SByte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64', 'Single', 'Double', 'Decimal'];

/** The type .NET's overload resolution lands on for a binary [math] call on two numbers. */
function widerType(x: Numeric | NumericType, y: Numeric): NumericType {
  const a = typeof x === 'string' ? x : numericType(x);
  const b = numericType(y);
  if (a === 'Decimal' || b === 'Decimal') return a === 'Double' || b === 'Double' ? 'Double' : 'Decimal';
  const ra = Math.max(NUMERIC_RANK.indexOf(a), NUMERIC_RANK.indexOf('Int32'));
  const rb = Math.max(NUMERIC_RANK.indexOf(b), NUMERIC_RANK.indexOf('Int32'));
  return NUMERIC_RANK[Math.max(ra, rb)]!;
}

function numArg(a: MethodArgs, i: number): Numeric {
  const v = a.at(i);
  if (typeof v === 'number' || v instanceof PSNumber) return v;
  return convertTo(v, 'System.Double') as Numeric;
}

/** The larger (or smaller) of two numbers, exactly, in the type the overload lands on. */
function extreme(a: MethodArgs, larger: boolean): Numeric {
  const [x, y] = [numArg(a, 0), numArg(a, 1)];
  const type = widerType(x, y);
  if (Number.isNaN(Number(x)) || Number.isNaN(Number(y))) return makeNumber(type, NaN);
  const pick = compareNumeric(x, y) >= 0 === larger ? x : y;
  return convertTo(pick, `System.${type}`) as Numeric;
}

/** Math.Abs in the overload's type (int, long, double, decimal), exactly. */
function absolute(a: MethodArgs): Numeric {
  const v = numArg(a, 0);
  if (isDecimal(v)) return makeDecimal(v.decimal.abs());
  const type = numericType(v);
  if (type === 'Single' || type === 'Double') return makeNumber(type, Math.abs(Number(v)));
  const wide = type === 'Int64' || type === 'UInt32' || type === 'UInt64' ? 'Int64' : 'Int32';
  const n = integerOf(v);
  const [min] = INTEGER_RANGES[wide]!;
  if (n === min) throw dotnetException('System.OverflowException', 'Negating the minimum value of a twos complement number is invalid.');
  return makeInteger(wide, n < 0n ? -n : n);
}

const unaryDouble = (f: (n: number) => number) => (_: StaticTarget, a: MethodArgs) => dbl(f(a.double(0)));
const rounding = (f: (n: number) => number, mode: DecimalRounding) => (_: StaticTarget, a: MethodArgs) => {
  const v = a.at(0);
  if (isDecimal(v)) return makeDecimal(v.decimal.round(0, mode));
  return dbl(f(a.double(0)));
};

define('System.Math', {
  properties: {
    E: { type: 'double', get: () => dbl(Math.E) },
    PI: { type: 'double', get: () => dbl(Math.PI) },
    Tau: { type: 'double', get: () => dbl(2 * Math.PI) },
  },
  methods: {
    Abs: {
      overloads: ['int Abs(int value)', 'long Abs(long value)', 'double Abs(double value)', 'decimal Abs(decimal value)'],
      invoke: (_, a) => absolute(a),
    },
    Acos: { overloads: ['double Acos(double d)'], invoke: unaryDouble(Math.acos) },
    Asin: { overloads: ['double Asin(double d)'], invoke: unaryDouble(Math.asin) },
    Atan: { overloads: ['double Atan(double d)'], invoke: unaryDouble(Math.atan) },
    Atan2: { overloads: ['double Atan2(double y, double x)'], invoke: (_, a) => dbl(Math.atan2(a.double(0), a.double(1))) },
    Cbrt: { overloads: ['double Cbrt(double d)'], invoke: unaryDouble(Math.cbrt) },
    Ceiling: { overloads: ['decimal Ceiling(decimal d)', 'double Ceiling(double a)'], invoke: rounding(Math.ceil, 'topositiveinfinity') },
    Clamp: {
      overloads: ['int Clamp(int value, int min, int max)', 'double Clamp(double value, double min, double max)'],
      invoke: (_, a) => {
        const [v, lo, hi] = [numArg(a, 0), numArg(a, 1), numArg(a, 2)];
        if (compareNumeric(lo, hi) > 0) throw argumentException(`'${toStringMethod(lo)}' cannot be greater than ${toStringMethod(hi)}.`);
        const pick = compareNumeric(v, lo) < 0 ? lo : compareNumeric(v, hi) > 0 ? hi : v;
        return convertTo(pick, `System.${widerType(widerType(v, lo), hi)}`) as Numeric;
      },
    },
    Cos: { overloads: ['double Cos(double d)'], invoke: unaryDouble(Math.cos) },
    Cosh: { overloads: ['double Cosh(double value)'], invoke: unaryDouble(Math.cosh) },
    Exp: { overloads: ['double Exp(double d)'], invoke: unaryDouble(Math.exp) },
    Floor: { overloads: ['decimal Floor(decimal d)', 'double Floor(double d)'], invoke: rounding(Math.floor, 'tonegativeinfinity') },
    Log: {
      overloads: ['double Log(double d)', 'double Log(double a, double newBase)'],
      invoke: (_, a) => dbl(a.length === 1 ? Math.log(a.double(0)) : Math.log(a.double(0)) / Math.log(a.double(1))),
    },
    Log10: { overloads: ['double Log10(double d)'], invoke: unaryDouble(Math.log10) },
    Log2: { overloads: ['double Log2(double x)'], invoke: unaryDouble(Math.log2) },
    Max: {
      overloads: ['int Max(int val1, int val2)', 'long Max(long val1, long val2)', 'double Max(double val1, double val2)', 'decimal Max(decimal val1, decimal val2)'],
      invoke: (_, a) => extreme(a, true),
    },
    Min: {
      overloads: ['int Min(int val1, int val2)', 'long Min(long val1, long val2)', 'double Min(double val1, double val2)', 'decimal Min(decimal val1, decimal val2)'],
      invoke: (_, a) => extreme(a, false),
    },
    Pow: { overloads: ['double Pow(double x, double y)'], invoke: (_, a) => dbl(Math.pow(a.double(0), a.double(1))) },
    Round: {
      overloads: [
        'double Round(double a)',
        'double Round(double value, int digits)',
        'double Round(double value, System.MidpointRounding mode)',
        'double Round(double value, int digits, System.MidpointRounding mode)',
        'decimal Round(decimal d)',
        'decimal Round(decimal d, int decimals)',
        'decimal Round(decimal d, System.MidpointRounding mode)',
        'decimal Round(decimal d, int decimals, System.MidpointRounding mode)',
      ],
      invoke: (_, a) => mathRound(a),
    },
    Sign: { overloads: ['int Sign(int value)', 'int Sign(double value)'], invoke: (_, a) => {
      const v = a.double(0);
      if (Number.isNaN(v)) throw dotnetException('System.ArithmeticException', 'Function does not accept floating point Not-a-Number values.');
      return Math.sign(v) || 0;
    } },
    Sin: { overloads: ['double Sin(double a)'], invoke: unaryDouble(Math.sin) },
    Sinh: { overloads: ['double Sinh(double value)'], invoke: unaryDouble(Math.sinh) },
    Sqrt: { overloads: ['double Sqrt(double d)'], invoke: unaryDouble(Math.sqrt) },
    Tan: { overloads: ['double Tan(double a)'], invoke: unaryDouble(Math.tan) },
    Tanh: { overloads: ['double Tanh(double value)'], invoke: unaryDouble(Math.tanh) },
    Truncate: { overloads: ['decimal Truncate(decimal d)', 'double Truncate(double d)'], invoke: rounding(Math.trunc, 'tozero') },
  },
});

// ---------------------------------------------------------------------------------------------
// [datetime] and [timespan]
// ---------------------------------------------------------------------------------------------

const KINDS = ['Unspecified', 'Utc', 'Local'] as const;

function kindArg(a: MethodArgs, i: number): PSDateTime['kind'] {
  const name = a.enumName(i, 'System.DateTimeKind', KINDS);
  return KINDS.find((k) => k.toLowerCase() === name) ?? 'Unspecified';
}

function notADate(text: string): never {
  throw dotnetException('System.FormatException', `String '${text}' was not recognized as a valid DateTime.`);
}

function newDateTime(a: MethodArgs): PSDateTime {
  if (a.length === 1 || (a.length === 2 && !(typeof a.at(1) === 'number' || a.at(1) instanceof PSNumber))) {
    const ticks = a.long(0);
    if (ticks < 0 || ticks > 3_155_378_975_999_999_999) throw argumentOutOfRange('ticks', 'Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.');
    return dateFromTicks(ticks, a.length === 2 ? kindArg(a, 1) : 'Unspecified');
  }
  const parts = [0, 0, 0, 0, 0, 0, 0];
  let kind: PSDateTime['kind'] = 'Unspecified';
  for (let i = 0; i < a.length; i++) {
    const v = a.at(i);
    if (i >= 6 && (v instanceof PSEnumValue || typeof v === 'string') && i === a.length - 1) kind = kindArg(a, i);
    else parts[i] = a.int(i);
  }
  const [y, mo, d, h, mi, s, ms] = parts as [number, number, number, number, number, number, number];
  const result = makeDateTime(y, mo, d, h, mi, s, ms, kind);
  if (!result) throw argumentOutOfRange('', 'Year, Month, and Day parameters describe an un-representable DateTime.');
  return result;
}

define('System.DateTime', {
  properties: {
    MaxValue: { type: 'datetime', get: () => fromWallMs(END_WALL_MS - 1 / 32, 'Unspecified') },
    MinValue: { type: 'datetime', get: () => fromWallMs(MIN_WALL_MS, 'Unspecified') },
    Now: { type: 'datetime', get: () => now() },
    Today: { type: 'datetime', get: () => today() },
    UnixEpoch: { type: 'datetime', get: () => new PSDateTime(0, 'Utc') },
    UtcNow: { type: 'datetime', get: () => new PSDateTime(Date.now(), 'Utc') },
  },
  methods: {
    Compare: { overloads: ['int Compare(datetime t1, datetime t2)'], invoke: (_, a) => compareDateTime(a.to(0, 'datetime') as PSDateTime, a.to(1, 'datetime') as PSDateTime) },
    DaysInMonth: {
      overloads: ['int DaysInMonth(int year, int month)'],
      invoke: (_, a) => {
        const month = a.int(1);
        if (month < 1 || month > 12) throw argumentOutOfRange('month', 'Month must be between one and twelve.');
        return daysInMonth(a.int(0), month);
      },
    },
    Equals: { overloads: ['bool Equals(datetime t1, datetime t2)'], invoke: (_, a) => compareDateTime(a.to(0, 'datetime') as PSDateTime, a.to(1, 'datetime') as PSDateTime) === 0 },
    FromFileTime: { overloads: ['datetime FromFileTime(long fileTime)'], invoke: (_, a) => new PSDateTime(a.long(0) / TICKS_PER_MS - 11_644_473_600_000, 'Local') },
    FromFileTimeUtc: { overloads: ['datetime FromFileTimeUtc(long fileTime)'], invoke: (_, a) => new PSDateTime(a.long(0) / TICKS_PER_MS - 11_644_473_600_000, 'Utc') },
    IsLeapYear: {
      overloads: ['bool IsLeapYear(int year)'],
      invoke: (_, a) => {
        const year = a.int(0);
        if (year < 1 || year > 9999) throw argumentOutOfRange('year', 'Year must be between 1 and 9999.');
        return isLeapYear(year);
      },
    },
    new: {
      overloads: [
        'datetime new(long ticks)',
        'datetime new(long ticks, System.DateTimeKind kind)',
        'datetime new(int year, int month, int day)',
        'datetime new(int year, int month, int day, int hour, int minute, int second)',
        'datetime new(int year, int month, int day, int hour, int minute, int second, System.DateTimeKind kind)',
        'datetime new(int year, int month, int day, int hour, int minute, int second, int millisecond)',
        'datetime new(int year, int month, int day, int hour, int minute, int second, int millisecond, System.DateTimeKind kind)',
      ],
      invoke: (_, a) => newDateTime(a),
    },
    Parse: {
      overloads: ['datetime Parse(string s)', 'datetime Parse(string s, System.IFormatProvider provider)', 'datetime Parse(string s, System.IFormatProvider provider, System.Globalization.DateTimeStyles styles)'],
      invoke: (_, a) => {
        const text = a.nullableString(0);
        if (text === null) throw dotnetException('System.ArgumentNullException', "Value cannot be null. (Parameter 's')");
        return parseDateTime(text) ?? notADate(text);
      },
    },
    ParseExact: {
      overloads: [
        'datetime ParseExact(string s, string format, System.IFormatProvider provider)',
        'datetime ParseExact(string s, string format, System.IFormatProvider provider, System.Globalization.DateTimeStyles style)',
        'datetime ParseExact(string s, string[] formats, System.IFormatProvider provider, System.Globalization.DateTimeStyles style)',
      ],
      invoke: (_, a) => {
        const text = a.string(0);
        const formats = Array.isArray(a.at(1)) ? (a.at(1) as unknown[]).map((f) => toText(f)) : a.string(1);
        return parseDateTimeExact(text, formats) ?? notADate(text);
      },
    },
    SpecifyKind: {
      overloads: ['datetime SpecifyKind(datetime value, System.DateTimeKind kind)'],
      // The wall clock stays; only what it means changes.
      invoke: (_, a) => fromWallMs(wallMs(a.to(0, 'datetime') as PSDateTime), kindArg(a, 1)),
    },
  },
});

function fromUnit(ticksPerUnit: number, param: string) {
  return (_: StaticTarget, a: MethodArgs): PSTimeSpan => {
    const value = a.double(0);
    if (Number.isNaN(value)) throw argumentException('TimeSpan does not accept floating point Not-a-Number values.', param);
    const ticks = value * ticksPerUnit;
    if (!Number.isFinite(ticks) || Math.abs(ticks) > 9.223372036854775e18) throw dotnetException('System.OverflowException', 'TimeSpan overflowed because the duration is too long.');
    return new PSTimeSpan(Math.trunc(ticks));
  };
}

define('System.TimeSpan', {
  properties: {
    MaxValue: { type: 'timespan', get: () => new PSTimeSpan(9223372036854775807) },
    MinValue: { type: 'timespan', get: () => new PSTimeSpan(-9223372036854775808) },
    TicksPerDay: { type: 'long', get: () => TICKS_PER_DAY },
    TicksPerHour: { type: 'long', get: () => TICKS_PER_HOUR },
    TicksPerMillisecond: { type: 'long', get: () => TICKS_PER_MS },
    TicksPerMinute: { type: 'long', get: () => TICKS_PER_MINUTE },
    TicksPerSecond: { type: 'long', get: () => TICKS_PER_SECOND },
    Zero: { type: 'timespan', get: () => new PSTimeSpan(0) },
  },
  methods: {
    Compare: { overloads: ['int Compare(timespan t1, timespan t2)'], invoke: (_, a) => Math.sign((a.to(0, 'timespan') as PSTimeSpan).ticks - (a.to(1, 'timespan') as PSTimeSpan).ticks) },
    Equals: { overloads: ['bool Equals(timespan t1, timespan t2)'], invoke: (_, a) => (a.to(0, 'timespan') as PSTimeSpan).ticks === (a.to(1, 'timespan') as PSTimeSpan).ticks },
    FromDays: { overloads: ['timespan FromDays(double value)'], invoke: fromUnit(TICKS_PER_DAY, 'value') },
    FromHours: { overloads: ['timespan FromHours(double value)'], invoke: fromUnit(TICKS_PER_HOUR, 'value') },
    FromMilliseconds: { overloads: ['timespan FromMilliseconds(double value)'], invoke: fromUnit(TICKS_PER_MS, 'value') },
    FromMinutes: { overloads: ['timespan FromMinutes(double value)'], invoke: fromUnit(TICKS_PER_MINUTE, 'value') },
    FromSeconds: { overloads: ['timespan FromSeconds(double value)'], invoke: fromUnit(TICKS_PER_SECOND, 'value') },
    FromTicks: { overloads: ['timespan FromTicks(long value)'], invoke: (_, a) => new PSTimeSpan(a.long(0)) },
    new: {
      overloads: [
        'timespan new(long ticks)',
        'timespan new(int hours, int minutes, int seconds)',
        'timespan new(int days, int hours, int minutes, int seconds)',
        'timespan new(int days, int hours, int minutes, int seconds, int milliseconds)',
      ],
      invoke: (_, a) => {
        if (a.length === 1) return new PSTimeSpan(a.long(0));
        const n = a.values.map((_v, i) => a.int(i));
        if (n.length === 3) return makeTimeSpan(0, n[0]!, n[1]!, n[2]!);
        return makeTimeSpan(n[0]!, n[1]!, n[2]!, n[3]!, n[4] ?? 0);
      },
    },
    Parse: {
      overloads: ['timespan Parse(string s)', 'timespan Parse(string input, System.IFormatProvider formatProvider)'],
      invoke: (_, a) => {
        const text = a.string(0);
        const ts = parseTimeSpan(text);
        if (!ts) throw dotnetException('System.FormatException', `String '${text}' was not recognized as a valid TimeSpan.`);
        return ts;
      },
    },
  },
});

// ---------------------------------------------------------------------------------------------
// [string]
// ---------------------------------------------------------------------------------------------

/** A params object[] argument list: one array argument stands for the whole list, as .NET binds it. */
function paramsList(a: MethodArgs, from: number): unknown[] {
  const rest = a.values.slice(from);
  if (rest.length === 1 && Array.isArray(rest[0])) return rest[0] as unknown[];
  if (rest.length === 1 && rest[0] instanceof PSList) return rest[0].items;
  return rest;
}

define('System.String', {
  properties: { Empty: { type: 'string', get: () => '' } },
  methods: {
    Compare: {
      overloads: [
        'int Compare(string strA, string strB)',
        'int Compare(string strA, string strB, bool ignoreCase)',
        'int Compare(string strA, string strB, System.StringComparison comparisonType)',
      ],
      invoke: (_, a) => {
        const x = a.nullableString(0);
        const y = a.nullableString(1);
        if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
        if (a.length === 2) return cultureCompare(x, y);
        const v = a.at(2);
        const ignoreCase = a.ignoreCase(2);
        const ordinal = !(typeof v === 'boolean') && a.enumName(2, 'System.StringComparison', ['CurrentCulture', 'CurrentCultureIgnoreCase', 'InvariantCulture', 'InvariantCultureIgnoreCase', 'Ordinal', 'OrdinalIgnoreCase']).startsWith('ordinal');
        if (ordinal) {
          const p = ignoreCase ? x.toUpperCase() : x;
          const q = ignoreCase ? y.toUpperCase() : y;
          return p < q ? -1 : p > q ? 1 : 0;
        }
        return cultureCompare(x, y, ignoreCase);
      },
    },
    CompareOrdinal: {
      overloads: ['int CompareOrdinal(string strA, string strB)'],
      invoke: (_, a) => {
        const x = a.string(0);
        const y = a.string(1);
        return x < y ? -1 : x > y ? 1 : 0;
      },
    },
    Concat: {
      overloads: ['string Concat(Params System.Object[] args)'],
      invoke: (_, a) => paramsList(a, 0).map((v) => (v === null || v === undefined ? '' : toText(v))).join(''),
    },
    Equals: {
      overloads: ['bool Equals(string a, string b)', 'bool Equals(string a, string b, System.StringComparison comparisonType)'],
      invoke: (_, a) => {
        const x = a.nullableString(0);
        const y = a.nullableString(1);
        if (x === null || y === null) return x === y;
        return a.length > 2 && a.ignoreCase(2) ? x.toLowerCase() === y.toLowerCase() : x === y;
      },
    },
    Format: {
      overloads: ['string Format(string format, Params System.Object[] args)', 'string Format(System.IFormatProvider provider, string format, Params System.Object[] args)'],
      invoke: (_, a) => {
        const format = a.nullableString(0);
        if (format === null) throw dotnetException('System.ArgumentNullException', "Value cannot be null. (Parameter 'format')");
        return formatComposite(format, paramsList(a, 1));
      },
    },
    IsNullOrEmpty: { overloads: ['bool IsNullOrEmpty(string value)'], invoke: (_, a) => !a.nullableString(0) },
    IsNullOrWhiteSpace: {
      overloads: ['bool IsNullOrWhiteSpace(string value)'],
      invoke: (_, a) => {
        const s = a.nullableString(0);
        return s === null || [...s].every((c) => DOTNET_WHITESPACE.includes(c));
      },
    },
    Join: {
      overloads: ['string Join(string separator, Params System.Object[] values)', 'string Join(string separator, string[] value)', 'string Join(char separator, Params System.Object[] values)'],
      invoke: (_, a) => {
        const sep = a.at(0) instanceof PSChar ? a.char(0) : a.string(0);
        return paramsList(a, 1).map((v) => (v === null || v === undefined ? '' : toText(v))).join(sep);
      },
    },
    new: {
      overloads: ['string new(char c, int count)', 'string new(char[] value)', 'string new(char[] value, int startIndex, int length)'],
      invoke: (_, a) => {
        if (Array.isArray(a.at(0))) {
          const text = (a.at(0) as unknown[]).map((c) => (c instanceof PSChar ? c.toString() : toText(c))).join('');
          return a.length === 3 ? text.slice(a.int(1), a.int(1) + a.int(2)) : text;
        }
        const count = a.int(1);
        if (count < 0) throw argumentOutOfRange('count', 'Non-negative number required.');
        return a.char(0).repeat(count);
      },
    },
  },
});

// ---------------------------------------------------------------------------------------------
// Numbers, [char], [bool]
// ---------------------------------------------------------------------------------------------

const RANGES: Record<NumericType, readonly [number, number, string]> = {
  Byte: [0, 255, 'an unsigned byte'],
  SByte: [-128, 127, 'a signed byte'],
  Int16: [-32768, 32767, 'an Int16'],
  UInt16: [0, 65535, 'a UInt16'],
  Int32: [-2147483648, 2147483647, 'an Int32'],
  UInt32: [0, 4294967295, 'a UInt32'],
  Int64: [-9223372036854775808, 9223372036854775807, 'an Int64'],
  UInt64: [0, 18446744073709551615, 'a UInt64'],
  Single: [-3.4028234663852886e38, 3.4028234663852886e38, 'a Single'],
  Double: [-Number.MAX_VALUE, Number.MAX_VALUE, 'a Double'],
  Decimal: [-7.922816251426434e28, 7.922816251426434e28, 'a Decimal'],
};

function overflow(type: NumericType): never {
  throw dotnetException('System.OverflowException', `Value was either too large or too small for ${RANGES[type][2]}.`);
}

/** Hex digits as the two's complement bit pattern of an integral type (Int32.Parse(s, HexNumber)). */
function parseHexText(type: NumericType, s: string, bad: () => never): Numeric {
  if (!/^[0-9a-f]+$/i.test(s)) bad();
  const bits = BigInt({ Byte: 8, SByte: 8, Int16: 16, UInt16: 16, Int32: 32, UInt32: 32 }[type as 'Byte'] ?? 64);
  const n = BigInt(`0x${s}`);
  if (n >= 1n << bits) throw dotnetException('System.OverflowException', `Value was either too large or too small for ${RANGES[type][2].replace(/^an? /, 'a ').replace(/^a (?=[AEIOU])/, 'an ')}.`);
  return makeInteger(type, INTEGER_RANGES[type]![0] < 0n ? BigInt.asIntN(Number(bits), n) : n);
}

/** Decimal.Parse (NumberStyles.Number): digits with thousands separators and a point, no exponent, exactly. */
function parseDecimalText(s: string, bad: () => never): Numeric {
  if (!/^[+-]?(\d[\d,]*)?(\.\d*)?$/.test(s) || !/\d/.test(s)) bad();
  try {
    return makeDecimal(DecimalValue.parse(s.replace(/,/g, '')) ?? bad());
  } catch (e) {
    if (e instanceof DecimalOverflowError) overflow('Decimal');
    throw e;
  }
}

function parseNumberText(type: NumericType, text: string, hex: boolean): Numeric {
  const s = text.trim();
  const bad = (): never => {
    throw dotnetException('System.FormatException', `The input string '${text}' was not in a correct format.`);
  };
  if (hex) return parseHexText(type, s, bad);
  if (type === 'Decimal') return parseDecimalText(s, bad);
  if (INTEGER_RANGES[type]) {
    if (!/^[+-]?\d+$/.test(s)) bad();
    const n = BigInt(s);
    if (!fitsIntegerType(type, n)) overflow(type);
    return makeInteger(type, n);
  }
  let n: number;
  const lower = s.toLowerCase();
  if (lower === 'nan') n = NaN;
  else if (lower === 'infinity' || lower === '+infinity' || s === '∞') n = Infinity;
  else if (lower === '-infinity' || s === '-∞') n = -Infinity;
  else {
    if (!/^[+-]?(\d[\d,]*)?(\.\d*)?(e[+-]?\d+)?$/i.test(s) || !/\d/.test(s)) bad();
    n = Number(s.replace(/,/g, ''));
  }
  const [lo, hi] = RANGES[type];
  if (Number.isFinite(n) && (n < lo || n > hi) && type !== 'Double') overflow(type);
  return makeNumber(type, type === 'Single' ? Math.fround(n) : n);
}

/** MaxValue or MinValue of a numeric type, exactly. */
function numericLimit(type: NumericType, max: boolean): Numeric {
  const range = INTEGER_RANGES[type];
  if (range) return makeInteger(type, max ? range[1] : range[0]);
  if (type === 'Decimal') return makeDecimal(max ? DecimalValue.MAX : DecimalValue.MIN);
  return makeNumber(type, RANGES[type][max ? 1 : 0]);
}

function numericStatics(type: NumericType): Spec {
  const t = type.toLowerCase();
  const spec: Spec = {
    properties: {
      MaxValue: { type: t, get: () => numericLimit(type, true) },
      MinValue: { type: t, get: () => numericLimit(type, false) },
    },
    methods: {
      Parse: {
        overloads: [
          `${t} Parse(string s)`,
          `${t} Parse(string s, System.Globalization.NumberStyles style)`,
          `${t} Parse(string s, System.IFormatProvider provider)`,
          `${t} Parse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider)`,
        ],
        invoke: (_, a) => {
          const text = a.nullableString(0);
          if (text === null) throw dotnetException('System.ArgumentNullException', "Value cannot be null. (Parameter 's')");
          const style = a.length > 1 ? toText(a.at(1)).toLowerCase() : '';
          return parseNumberText(type, text, style.includes('hexnumber') || style.includes('allowhexspecifier'));
        },
      },
    },
  };
  if (type === 'Double' || type === 'Single') {
    const test = (f: (n: number) => boolean) => (_: StaticTarget, a: MethodArgs) => f(a.double(0));
    Object.assign(spec.properties!, {
      Epsilon: { type: t, get: () => makeNumber(type, type === 'Double' ? Number.MIN_VALUE : 1.401298464324817e-45) },
      NaN: { type: t, get: () => makeNumber(type, NaN) },
      NegativeInfinity: { type: t, get: () => makeNumber(type, -Infinity) },
      PositiveInfinity: { type: t, get: () => makeNumber(type, Infinity) },
    });
    Object.assign(spec.methods!, {
      IsFinite: { overloads: [`bool IsFinite(${t} d)`], invoke: test(Number.isFinite) },
      IsInfinity: { overloads: [`bool IsInfinity(${t} d)`], invoke: test((n) => n === Infinity || n === -Infinity) },
      IsNaN: { overloads: [`bool IsNaN(${t} d)`], invoke: test(Number.isNaN) },
      IsNegativeInfinity: { overloads: [`bool IsNegativeInfinity(${t} d)`], invoke: test((n) => n === -Infinity) },
      IsPositiveInfinity: { overloads: [`bool IsPositiveInfinity(${t} d)`], invoke: test((n) => n === Infinity) },
    });
  }
  return spec;
}

for (const type of Object.keys(RANGES) as NumericType[]) define(`System.${type}`, numericStatics(type));

/** The char argument at i: a [char], or a string and an index into it (char.IsDigit(s, i)). */
function charArg(a: MethodArgs): string {
  if (a.length === 2) {
    const s = a.string(0);
    const i = a.int(1);
    if (i < 0 || i >= s.length) throw argumentOutOfRange('index', 'Index was out of range. Must be non-negative and less than the size of the collection.');
    return s[i]!;
  }
  return a.char(0);
}

const charTest = (re: RegExp) => ({
  overloads: ['bool Is(char c)', 'bool Is(string s, int index)'],
  invoke: (_: StaticTarget, a: MethodArgs) => re.test(charArg(a)),
});

define('System.Char', {
  properties: {
    MaxValue: { type: 'char', get: () => new PSChar(0xffff) },
    MinValue: { type: 'char', get: () => new PSChar(0) },
  },
  methods: {
    ConvertFromUtf32: { overloads: ['string ConvertFromUtf32(int utf32)'], invoke: (_, a) => String.fromCodePoint(a.int(0)) },
    ConvertToUtf32: { overloads: ['int ConvertToUtf32(string s, int index)'], invoke: (_, a) => a.string(0).codePointAt(a.int(1)) ?? 0 },
    GetNumericValue: { overloads: ['double GetNumericValue(char c)', 'double GetNumericValue(string s, int index)'], invoke: (_, a) => dbl(/\d/.test(charArg(a)) ? Number(charArg(a)) : -1) },
    IsAscii: charTest(/^[\x00-\x7f]$/),
    IsControl: charTest(/^\p{Cc}$/u),
    IsDigit: charTest(/^\p{Nd}$/u),
    IsLetter: charTest(/^\p{L}$/u),
    IsLetterOrDigit: charTest(/^[\p{L}\p{Nd}]$/u),
    IsLower: charTest(/^\p{Ll}$/u),
    IsNumber: charTest(/^\p{N}$/u),
    IsPunctuation: charTest(/^\p{P}$/u),
    IsSeparator: charTest(/^\p{Z}$/u),
    IsSymbol: charTest(/^\p{S}$/u),
    IsUpper: charTest(/^\p{Lu}$/u),
    IsWhiteSpace: {
      overloads: ['bool IsWhiteSpace(char c)', 'bool IsWhiteSpace(string s, int index)'],
      invoke: (_, a) => DOTNET_WHITESPACE.includes(charArg(a)),
    },
    ToLower: { overloads: ['char ToLower(char c)'], invoke: (_, a) => new PSChar(a.char(0).toLowerCase().charCodeAt(0)) },
    ToString: { overloads: ['string ToString(char c)'], invoke: (_, a) => a.char(0) },
    ToUpper: { overloads: ['char ToUpper(char c)'], invoke: (_, a) => new PSChar(a.char(0).toUpperCase().charCodeAt(0)) },
  },
});

define('System.Boolean', {
  properties: {
    FalseString: { type: 'string', get: () => 'False' },
    TrueString: { type: 'string', get: () => 'True' },
  },
  methods: {
    Parse: {
      overloads: ['bool Parse(string value)'],
      invoke: (_, a) => {
        const text = a.nullableString(0);
        if (text === null) throw dotnetException('System.ArgumentNullException', "Value cannot be null. (Parameter 'value')");
        const t = text.trim().toLowerCase();
        if (t === 'true') return true;
        if (t === 'false') return false;
        throw dotnetException('System.FormatException', `String '${text}' was not recognized as a valid Boolean.`);
      },
    },
  },
});

// ---------------------------------------------------------------------------------------------
// [guid], [version]
// ---------------------------------------------------------------------------------------------

define('System.Guid', {
  properties: { Empty: { type: 'guid', get: () => new PSGuid('00000000-0000-0000-0000-000000000000') } },
  methods: {
    NewGuid: { overloads: ['guid NewGuid()'], invoke: () => new PSGuid(randomUUID()) },
    new: {
      overloads: ['guid new(string g)'],
      invoke: (_, a) => parseGuid(a.string(0)) ?? guidFormatError(),
    },
    Parse: { overloads: ['guid Parse(string input)'], invoke: (_, a) => parseGuid(a.string(0)) ?? guidFormatError() },
  },
});

function guidFormatError(): never {
  throw dotnetException('System.FormatException', 'Unrecognized Guid format.');
}

/** Version.Parse: 2 to 4 non-negative parts. */
function parseVersion(text: string): PSVersion | undefined {
  const parts = text.trim().split('.');
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => /^\+?\d+$/.test(p.trim()))) return undefined;
  const n = parts.map(Number);
  if (n.some((x) => x > 2147483647)) return undefined;
  return new PSVersion(n[0]!, n[1]!, n[2] ?? -1, n[3] ?? -1);
}

define('System.Version', {
  methods: {
    new: {
      overloads: ['version new()', 'version new(string version)', 'version new(int major, int minor)', 'version new(int major, int minor, int build)', 'version new(int major, int minor, int build, int revision)'],
      invoke: (_, a) => {
        if (a.length === 0) return new PSVersion(0, 0);
        if (a.length === 1) return parseVersion(a.string(0)) ?? versionError();
        const n = a.values.map((_v, i) => a.int(i));
        if (n.some((x) => x < 0)) throw argumentOutOfRange('major', 'Version\'s parameters must be greater than or equal to zero.');
        return new PSVersion(n[0]!, n[1]!, n[2] ?? -1, n[3] ?? -1);
      },
    },
    Parse: { overloads: ['version Parse(string input)'], invoke: (_, a) => parseVersion(a.string(0)) ?? versionError() },
  },
});

function versionError(): never {
  throw argumentException('Version string portion was too short or too long.', 'input');
}

// ---------------------------------------------------------------------------------------------
// [System.IO.Path]
// ---------------------------------------------------------------------------------------------

const WINDOWS = process.platform === 'win32';
const SEP = WINDOWS ? '\\' : '/';
const isSep = (c: string | undefined): boolean => c === '/' || (WINDOWS && c === '\\');
const isRooted = (p: string): boolean => isSep(p[0]) || (WINDOWS && /^[a-zA-Z]:/.test(p));
function lastSep(p: string): number {
  for (let i = p.length - 1; i >= 0; i--) if (isSep(p[i]) || (WINDOWS && p[i] === ':')) return i;
  return -1;
}

function fileName(p: string): string {
  return p.slice(lastSep(p) + 1);
}

function pathArgs(a: MethodArgs): string[] {
  return paramsList(a, 0).map((v, i) => {
    if (v === null || v === undefined) throw dotnetException('System.ArgumentNullException', `Value cannot be null. (Parameter 'path${i + 1}')`);
    return toText(v);
  });
}

/** Path.GetDirectoryName. */
function directoryName(p: string): string | null {
  if (p === '') return null;
  const root = WINDOWS ? (/^[a-zA-Z]:[\\/]?/.exec(p)?.[0] ?? (isSep(p[0]) ? p[0]! : '')) : isSep(p[0]) ? '/' : '';
  if (p.length <= root.length || (root && [...p.slice(root.length)].every(isSep))) return null;
  const i = lastSep(p);
  if (i < root.length) return root || '';
  let dir = p.slice(0, i);
  while (dir.length > root.length && isSep(dir[dir.length - 1])) dir = dir.slice(0, -1);
  return dir.length < root.length ? root : dir || root;
}

const pathChar = (c: string) => ({ type: 'char', get: () => new PSChar(c.charCodeAt(0)) });

define('System.IO.Path', {
  properties: {
    AltDirectorySeparatorChar: pathChar('/'),
    DirectorySeparatorChar: pathChar(SEP),
    PathSeparator: pathChar(WINDOWS ? ';' : ':'),
    VolumeSeparatorChar: pathChar(WINDOWS ? ':' : '/'),
  },
  methods: {
    ChangeExtension: {
      overloads: ['string ChangeExtension(string path, string extension)'],
      invoke: (_, a) => {
        const p = a.nullableString(0);
        if (p === null) return null;
        const name = fileName(p);
        const dot = name.lastIndexOf('.');
        const stem = dot < 0 ? p : p.slice(0, p.length - name.length + dot);
        const ext = a.nullableString(1);
        if (ext === null) return stem;
        return `${stem}${ext.startsWith('.') || ext === '' ? ext : `.${ext}`}` + (ext === '' ? '.' : '');
      },
    },
    Combine: {
      overloads: ['string Combine(Params string[] paths)', 'string Combine(string path1, string path2)'],
      invoke: (_, a) => {
        let result = '';
        for (const part of pathArgs(a)) {
          if (part === '') continue;
          if (isRooted(part) || result === '') result = part;
          else result = isSep(result[result.length - 1]) ? result + part : result + SEP + part;
        }
        return result;
      },
    },
    EndsInDirectorySeparator: { overloads: ['bool EndsInDirectorySeparator(string path)'], invoke: (_, a) => isSep(a.string(0).slice(-1)) },
    GetDirectoryName: { overloads: ['string GetDirectoryName(string path)'], invoke: (_, a) => { const p = a.nullableString(0); return p === null ? null : directoryName(p); } },
    GetExtension: {
      overloads: ['string GetExtension(string path)'],
      invoke: (_, a) => {
        const p = a.nullableString(0);
        if (p === null) return null;
        const name = fileName(p);
        const dot = name.lastIndexOf('.');
        return dot < 0 || dot === name.length - 1 ? '' : name.slice(dot);
      },
    },
    GetFileName: { overloads: ['string GetFileName(string path)'], invoke: (_, a) => { const p = a.nullableString(0); return p === null ? null : fileName(p); } },
    GetFileNameWithoutExtension: {
      overloads: ['string GetFileNameWithoutExtension(string path)'],
      invoke: (_, a) => {
        const p = a.nullableString(0);
        if (p === null) return null;
        const name = fileName(p);
        const dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.slice(0, dot);
      },
    },
    GetFullPath: {
      overloads: ['string GetFullPath(string path)', 'string GetFullPath(string path, string basePath)'],
      invoke: (_, a) => {
        const p = a.string(0);
        if (p === '') throw argumentException('The path is empty.', 'path');
        // .NET resolves against the process's directory, not PowerShell's location.
        const full = nodePath.resolve(a.length > 1 ? a.string(1) : process.cwd(), p);
        return isSep(p[p.length - 1]) && !isSep(full[full.length - 1]) ? full + SEP : full;
      },
    },
    GetInvalidFileNameChars: {
      overloads: ['char[] GetInvalidFileNameChars()'],
      invoke: () => (WINDOWS ? '"<>|\0\x01\x02\x03\x04\x05\x06\x07\b\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f:*?\\/' : '\0/').split('').map((c) => new PSChar(c.charCodeAt(0))),
    },
    GetInvalidPathChars: {
      overloads: ['char[] GetInvalidPathChars()'],
      invoke: () => (WINDOWS ? '|\0\x01\x02\x03\x04\x05\x06\x07\b\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f' : '\0').split('').map((c) => new PSChar(c.charCodeAt(0))),
    },
    GetPathRoot: {
      overloads: ['string GetPathRoot(string path)'],
      invoke: (_, a) => {
        const p = a.nullableString(0);
        if (p === null) return null;
        if (WINDOWS) return /^[a-zA-Z]:[\\/]?/.exec(p)?.[0] ?? (isSep(p[0]) ? p[0] : '');
        return isSep(p[0]) ? '/' : '';
      },
    },
    GetRandomFileName: {
      overloads: ['string GetRandomFileName()'],
      invoke: () => {
        const chars = 'abcdefghijklmnopqrstuvwxyz012345';
        const r = [...randomBytes(11)].map((b) => chars[b & 31]).join('');
        return `${r.slice(0, 8)}.${r.slice(8)}`;
      },
    },
    GetTempPath: {
      overloads: ['string GetTempPath()'],
      invoke: () => {
        const dir = os.tmpdir();
        return isSep(dir[dir.length - 1]) ? dir : dir + SEP;
      },
    },
    HasExtension: {
      overloads: ['bool HasExtension(string path)'],
      invoke: (_, a) => {
        const name = fileName(a.string(0));
        const dot = name.lastIndexOf('.');
        return dot >= 0 && dot < name.length - 1;
      },
    },
    IsPathFullyQualified: { overloads: ['bool IsPathFullyQualified(string path)'], invoke: (_, a) => nodePath.isAbsolute(a.string(0)) && (!WINDOWS || /^([a-zA-Z]:[\\/]|[\\/]{2})/.test(a.string(0))) },
    IsPathRooted: { overloads: ['bool IsPathRooted(string path)'], invoke: (_, a) => isRooted(a.string(0)) },
    Join: {
      overloads: ['string Join(Params string[] paths)'],
      invoke: (_, a) => {
        let result = '';
        for (const part of pathArgs(a)) {
          if (part === '') continue;
          if (result === '') result = part;
          else result = isSep(result[result.length - 1]) || isSep(part[0]) ? result + part : result + SEP + part;
        }
        return result;
      },
    },
    TrimEndingDirectorySeparator: {
      overloads: ['string TrimEndingDirectorySeparator(string path)'],
      invoke: (_, a) => {
        const p = a.string(0);
        return p.length > 1 && isSep(p[p.length - 1]) && !(WINDOWS && /^[a-zA-Z]:[\\/]$/.test(p)) ? p.slice(0, -1) : p;
      },
    },
  },
});

// ---------------------------------------------------------------------------------------------
// [System.Environment]
// ---------------------------------------------------------------------------------------------

function osVersion(): PSObject {
  const platform = WINDOWS ? new PSEnumValue('System.PlatformID', 'Win32NT', 2) : new PSEnumValue('System.PlatformID', 'Unix', 4);
  const parts = (/^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?/.exec(os.release()) ?? []).slice(1).map((p) => Number(p ?? 0));
  const version = new PSVersion(parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 0);
  const o = new PSObject(['System.OperatingSystem', 'System.Object']);
  o.addProperty({ name: 'Platform', kind: 'Property', value: platform });
  o.addProperty({ name: 'ServicePack', kind: 'Property', value: '' });
  o.addProperty({ name: 'Version', kind: 'Property', value: version });
  o.addProperty({ name: 'VersionString', kind: 'Property', value: `${platform.name} ${version}` });
  o.toDotNetString = () => `${platform.name} ${version}`;
  return o;
}

const SPECIAL_FOLDERS: Record<string, () => string> = {
  userprofile: () => os.homedir(),
  personal: () => os.homedir(),
  mydocuments: () => os.homedir(),
  applicationdata: () => (WINDOWS ? (process.env.APPDATA ?? '') : (process.env.XDG_CONFIG_HOME ?? nodePath.join(os.homedir(), '.config'))),
  localapplicationdata: () => (WINDOWS ? (process.env.LOCALAPPDATA ?? '') : (process.env.XDG_DATA_HOME ?? nodePath.join(os.homedir(), '.local', 'share'))),
  commonapplicationdata: () => (WINDOWS ? (process.env.ProgramData ?? 'C:\\ProgramData') : '/usr/share'),
  desktop: () => nodePath.join(os.homedir(), 'Desktop'),
  desktopdirectory: () => nodePath.join(os.homedir(), 'Desktop'),
  mymusic: () => nodePath.join(os.homedir(), 'Music'),
  mypictures: () => nodePath.join(os.homedir(), 'Pictures'),
  myvideos: () => nodePath.join(os.homedir(), 'Videos'),
  templates: () => nodePath.join(os.homedir(), 'Templates'),
  system: () => (WINDOWS ? 'C:\\Windows\\system32' : ''),
  windows: () => (WINDOWS ? 'C:\\Windows' : ''),
  programfiles: () => (WINDOWS ? (process.env.ProgramFiles ?? 'C:\\Program Files') : ''),
};

define('System.Environment', {
  properties: {
    CommandLine: { type: 'string', get: () => process.argv.join(' ') },
    CurrentDirectory: { type: 'string', get: () => process.cwd() },
    Is64BitOperatingSystem: { type: 'bool', get: () => /64/.test(os.arch()) },
    Is64BitProcess: { type: 'bool', get: () => /64/.test(process.arch) },
    MachineName: { type: 'string', get: () => os.hostname().split('.')[0]! },
    NewLine: { type: 'string', get: () => os.EOL },
    OSVersion: { type: 'System.OperatingSystem', get: () => osVersion() },
    ProcessId: { type: 'int', get: () => process.pid },
    ProcessorCount: { type: 'int', get: () => (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length) },
    SystemDirectory: { type: 'string', get: () => (WINDOWS ? 'C:\\Windows\\system32' : '') },
    TickCount: { type: 'int', get: () => Math.floor(os.uptime() * 1000) | 0 },
    TickCount64: { type: 'long', get: () => Math.floor(os.uptime() * 1000) },
    UserDomainName: { type: 'string', get: () => os.hostname().split('.')[0]! },
    UserInteractive: { type: 'bool', get: () => Boolean(process.stdin.isTTY) },
    UserName: { type: 'string', get: () => os.userInfo().username },
  },
  methods: {
    ExpandEnvironmentVariables: {
      overloads: ['string ExpandEnvironmentVariables(string name)'],
      invoke: (_, a, ctx) => a.string(0).replace(/%([^%]+)%/g, (all, name: string) => (ctx.environment ?? process.env)[name] ?? all),
    },
    GetEnvironmentVariable: {
      overloads: ['string GetEnvironmentVariable(string variable)', 'string GetEnvironmentVariable(string variable, System.EnvironmentVariableTarget target)'],
      invoke: (_, a, ctx) => {
        const name = a.nullableString(0);
        if (name === null) throw dotnetException('System.ArgumentNullException', "Value cannot be null. (Parameter 'variable')");
        const env = ctx.environment ?? process.env;
        if (WINDOWS) {
          const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
          return key === undefined ? null : (env[key] ?? null);
        }
        return env[name] ?? null;
      },
    },
    GetEnvironmentVariables: {
      overloads: ['System.Collections.IDictionary GetEnvironmentVariables()'],
      invoke: (_, _a, ctx) => {
        const h = new PSHashtable();
        for (const [k, v] of Object.entries(ctx.environment ?? process.env)) if (v !== undefined) h.set(k, v);
        return h;
      },
    },
    GetFolderPath: {
      overloads: ['string GetFolderPath(System.Environment+SpecialFolder folder)'],
      invoke: (_, a) => {
        const v = a.at(0);
        const name = (v instanceof PSEnumValue ? v.name : toText(v)).toLowerCase();
        return SPECIAL_FOLDERS[name]?.() ?? '';
      },
    },
    GetLogicalDrives: { overloads: ['string[] GetLogicalDrives()'], invoke: () => (WINDOWS ? ['C:\\'] : ['/']) },
    SetEnvironmentVariable: {
      overloads: ['void SetEnvironmentVariable(string variable, string value)', 'void SetEnvironmentVariable(string variable, string value, System.EnvironmentVariableTarget target)'],
      invoke: (_, a, ctx) => {
        const name = a.string(0);
        if (name === '' || name.includes('=')) throw argumentException('Environment variable name cannot contain equal character.', 'variable');
        const env = ctx.environment ?? process.env;
        const value = a.nullableString(1);
        if (value === null || value === '') delete env[name];
        else env[name] = value;
        return undefined;
      },
    },
  },
});

// ---------------------------------------------------------------------------------------------
// [convert]
// ---------------------------------------------------------------------------------------------

const BASE64_ERROR = 'The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.';

function parseInBase(text: string, base: number, bits: 32 | 64 | 16 | 8): bigint {
  if (![2, 8, 10, 16].includes(base)) throw argumentException('Invalid Base.', 'fromBase');
  let s = text.trim();
  if (s === '') throw argumentOutOfRange('value', 'Index was out of range. Must be non-negative and less than the size of the collection.');
  if (base === 10) {
    if (!/^[+-]?\d+$/.test(s)) throw dotnetException('System.FormatException', `The input string '${text}' was not in a correct format.`);
    return BigInt(s);
  }
  if (base === 16 && /^0x/i.test(s)) s = s.slice(2);
  const digits = { 2: /^[01]+$/, 8: /^[0-7]+$/, 16: /^[0-9a-f]+$/i }[base as 2]!;
  if (s.startsWith('-')) throw argumentException('String cannot contain a minus sign if the base is not 10.');
  if (!digits.test(s)) {
    const valid = s.search(base === 16 ? /[^0-9a-f]/i : base === 8 ? /[^0-7]/ : /[^01]/);
    throw dotnetException('System.FormatException', valid === 0 ? 'Could not find any recognizable digits.' : 'Additional non-parsable characters are at the end of the string.');
  }
  const n = BigInt(`0${base === 2 ? 'b' : base === 8 ? 'o' : 'x'}${s}`);
  if (n >= 1n << BigInt(bits)) throw dotnetException('System.OverflowException', `Value was either too large or too small for ${bits === 64 ? 'an Int64' : bits === 32 ? 'an Int32' : bits === 16 ? 'an Int16' : 'an unsigned byte'}.`);
  // Base 2, 8 and 16 text is the two's complement bit pattern.
  return bits === 8 ? n : BigInt.asIntN(bits, n);
}

function convertInteger(a: MethodArgs, type: NumericType, bits: 8 | 16 | 32 | 64): Numeric {
  if (a.length === 2 && (typeof a.at(1) === 'number' || a.at(1) instanceof PSNumber) && typeof a.at(0) === 'string') {
    const n = parseInBase(a.string(0), a.int(1), bits);
    if (!fitsIntegerType(type, n)) overflow(type);
    return makeInteger(type, n);
  }
  const v = a.at(0);
  if (v === null || v === undefined) return makeNumber(type, 0);
  if (typeof v === 'number' || v instanceof PSNumber) {
    // Convert.ToInt32(2.5) is 2: .NET rounds to even.
    const r = roundToInteger(v);
    if (r === undefined || !fitsIntegerType(type, r)) overflow(type);
    return makeInteger(type, r);
  }
  if (typeof v === 'boolean') return makeNumber(type, v ? 1 : 0);
  if (v instanceof PSChar) return makeNumber(type, v.code);
  if (typeof v === 'string') return parseNumberText(type, v, false);
  return convertTo(v, `System.${type}`) as Numeric;
}

function toBaseString(a: MethodArgs): string {
  const v = a.at(0);
  const base = a.int(1);
  if (![2, 8, 10, 16].includes(base)) throw argumentException('Invalid Base.', 'toBase');
  const type = typeof v === 'number' || v instanceof PSNumber ? numericType(v) : 'Int32';
  const n = integerOf(a.to(0, `System.${type === 'Int64' ? 'Int64' : type === 'Byte' ? 'Byte' : type === 'Int16' ? 'Int16' : 'Int32'}`) as Numeric);
  if (base === 10) return n.toString();
  const bits = type === 'Int64' ? 64n : type === 'Byte' ? 8n : type === 'Int16' ? 16n : 32n;
  return BigInt.asUintN(Number(bits), n).toString(base);
}

define('System.Convert', {
  methods: {
    FromBase64String: {
      overloads: ['byte[] FromBase64String(string s)'],
      invoke: (_, a) => {
        const s = a.string(0).replace(/[ \t\r\n]/g, '');
        if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw dotnetException('System.FormatException', BASE64_ERROR);
        return bytes(Buffer.from(s, 'base64'));
      },
    },
    FromHexString: {
      overloads: ['byte[] FromHexString(string s)'],
      invoke: (_, a) => {
        const s = a.string(0);
        if (s.length % 2 !== 0) throw dotnetException('System.FormatException', 'The input is not a valid hex string as its length is not a multiple of 2.');
        if (!/^[0-9a-fA-F]*$/.test(s)) throw dotnetException('System.FormatException', 'The input is not a valid hex string as it contains a non-hex character.');
        return bytes(Buffer.from(s, 'hex'));
      },
    },
    ToBase64String: {
      overloads: ['string ToBase64String(byte[] inArray)', 'string ToBase64String(byte[] inArray, System.Base64FormattingOptions options)', 'string ToBase64String(byte[] inArray, int offset, int length)'],
      invoke: (_, a) => {
        let data = bytesOf(a.at(0));
        if (a.length === 3) data = data.slice(a.int(1), a.int(1) + a.int(2));
        const text = Buffer.from(data).toString('base64');
        const insertBreaks = a.length === 2 && toText(a.at(1)).toLowerCase().includes('insertlinebreaks');
        return insertBreaks ? (text.match(/.{1,76}/g) ?? []).join('\r\n') : text;
      },
    },
    ToBoolean: {
      overloads: ['bool ToBoolean(System.Object value)', 'bool ToBoolean(string value)'],
      invoke: (_, a) => {
        const v = a.at(0);
        if (v === null || v === undefined) return false;
        if (typeof v === 'string') {
          const t = v.trim().toLowerCase();
          if (t === 'true') return true;
          if (t === 'false') return false;
          throw dotnetException('System.FormatException', `String '${v}' was not recognized as a valid Boolean.`);
        }
        if (typeof v === 'boolean') return v;
        return Number(v) !== 0;
      },
    },
    ToByte: { overloads: ['byte ToByte(System.Object value)', 'byte ToByte(string value, int fromBase)'], invoke: (_, a) => convertInteger(a, 'Byte', 8) },
    ToChar: { overloads: ['char ToChar(System.Object value)'], invoke: (_, a) => (typeof a.at(0) === 'string' ? a.to(0, 'char') : new PSChar(Number(convertInteger(a, 'UInt16', 16)))) },
    ToDateTime: {
      overloads: ['datetime ToDateTime(System.Object value)', 'datetime ToDateTime(string value)'],
      invoke: (_, a) => {
        const v = a.at(0);
        if (v === null || v === undefined) return fromWallMs(MIN_WALL_MS, 'Unspecified');
        if (typeof v === 'string') return parseDateTime(v) ?? notADate(v);
        return a.to(0, 'datetime');
      },
    },
    ToDecimal: { overloads: ['decimal ToDecimal(System.Object value)'], invoke: (_, a) => (a.at(0) === null ? makeNumber('Decimal', 0) : a.to(0, 'decimal')) },
    ToDouble: { overloads: ['double ToDouble(System.Object value)'], invoke: (_, a) => (a.at(0) === null ? dbl(0) : typeof a.at(0) === 'string' ? parseNumberText('Double', a.string(0), false) : a.to(0, 'double')) },
    ToHexString: {
      overloads: ['string ToHexString(byte[] inArray)', 'string ToHexString(byte[] inArray, int offset, int length)'],
      invoke: (_, a) => {
        let data = bytesOf(a.at(0));
        if (a.length === 3) data = data.slice(a.int(1), a.int(1) + a.int(2));
        return Buffer.from(data).toString('hex').toUpperCase();
      },
    },
    ToInt16: { overloads: ['short ToInt16(System.Object value)', 'short ToInt16(string value, int fromBase)'], invoke: (_, a) => convertInteger(a, 'Int16', 16) },
    ToInt32: { overloads: ['int ToInt32(System.Object value)', 'int ToInt32(string value, int fromBase)'], invoke: (_, a) => convertInteger(a, 'Int32', 32) },
    ToInt64: { overloads: ['long ToInt64(System.Object value)', 'long ToInt64(string value, int fromBase)'], invoke: (_, a) => convertInteger(a, 'Int64', 64) },
    ToSingle: { overloads: ['float ToSingle(System.Object value)'], invoke: (_, a) => (a.at(0) === null ? makeNumber('Single', 0) : a.to(0, 'float')) },
    ToString: {
      overloads: ['string ToString(System.Object value)', 'string ToString(int value, int toBase)', 'string ToString(long value, int toBase)', 'string ToString(System.Object value, System.IFormatProvider provider)'],
      invoke: (_, a) => {
        const second = a.at(1);
        if (a.length === 2 && (typeof second === 'number' || second instanceof PSNumber)) return toBaseString(a);
        const v = a.at(0);
        return v === null || v === undefined ? '' : toStringMethod(v);
      },
    },
  },
});

// ---------------------------------------------------------------------------------------------
// [regex], [System.Text.Encoding], [uri]
// ---------------------------------------------------------------------------------------------

function staticRegex(a: MethodArgs, patternIndex: number, optionsIndex: number): DotNetRegex {
  return compileRegex(a.string(patternIndex), a.length > optionsIndex ? regexOptionNames(a.at(optionsIndex)) : []);
}

define('System.Text.RegularExpressions.Regex', {
  methods: {
    Escape: { overloads: ['string Escape(string str)'], invoke: (_, a) => regexEscape(a.string(0)) },
    IsMatch: {
      overloads: ['bool IsMatch(string input, string pattern)', 'bool IsMatch(string input, string pattern, System.Text.RegularExpressions.RegexOptions options)'],
      invoke: (_, a) => regexIsMatch(a.string(0), staticRegex(a, 1, 2)),
    },
    Match: {
      overloads: ['System.Text.RegularExpressions.Match Match(string input, string pattern)', 'System.Text.RegularExpressions.Match Match(string input, string pattern, System.Text.RegularExpressions.RegexOptions options)'],
      invoke: (_, a) => regexMatch(a.string(0), staticRegex(a, 1, 2)),
    },
    Matches: {
      overloads: ['System.Text.RegularExpressions.MatchCollection Matches(string input, string pattern)', 'System.Text.RegularExpressions.MatchCollection Matches(string input, string pattern, System.Text.RegularExpressions.RegexOptions options)'],
      invoke: (_, a) => regexMatches(a.string(0), staticRegex(a, 1, 2)),
    },
    new: {
      overloads: ['regex new(string pattern)', 'regex new(string pattern, System.Text.RegularExpressions.RegexOptions options)'],
      invoke: (_, a) => {
        const options = a.length > 1 ? regexOptionNames(a.at(1)) : [];
        compileRegex(a.string(0), options);
        return new PSRegex(a.string(0), options);
      },
    },
    Replace: {
      overloads: [
        'string Replace(string input, string pattern, string replacement)',
        'string Replace(string input, string pattern, string replacement, System.Text.RegularExpressions.RegexOptions options)',
        'string Replace(string input, string pattern, System.Text.RegularExpressions.MatchEvaluator evaluator)',
        'string Replace(string input, string pattern, System.Text.RegularExpressions.MatchEvaluator evaluator, System.Text.RegularExpressions.RegexOptions options)',
      ],
      invoke: (_, a, ctx) => {
        const replacement = a.at(2);
        return regexReplace(a.string(0), staticRegex(a, 1, 3), isScriptBlock(replacement) ? replacement : a.string(2), -1, ctx);
      },
    },
    Split: {
      overloads: ['string[] Split(string input, string pattern)', 'string[] Split(string input, string pattern, System.Text.RegularExpressions.RegexOptions options)'],
      invoke: (_, a) => regexSplit(a.string(0), staticRegex(a, 1, 2)),
    },
    Unescape: { overloads: ['string Unescape(string str)'], invoke: (_, a) => regexUnescape(a.string(0)) },
  },
});

const encodingProperty = (e: EncodingObject) => ({ type: 'System.Text.Encoding', get: () => e });

define('System.Text.Encoding', {
  properties: {
    ASCII: encodingProperty(ENCODINGS.ASCII),
    BigEndianUnicode: encodingProperty(ENCODINGS.BigEndianUnicode),
    // .NET Core's Default is UTF-8 on every platform.
    Default: encodingProperty(ENCODINGS.UTF8),
    Latin1: encodingProperty(ENCODINGS.Latin1),
    Unicode: encodingProperty(ENCODINGS.Unicode),
    UTF32: encodingProperty(ENCODINGS.UTF32),
    UTF8: encodingProperty(ENCODINGS.UTF8),
  },
  methods: {
    GetEncoding: {
      overloads: ['System.Text.Encoding GetEncoding(int codepage)', 'System.Text.Encoding GetEncoding(string name)'],
      invoke: (_, a) => {
        const name = toText(a.at(0));
        const enc = encodingByName(name);
        if (!enc) throw argumentException(`'${name}' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method.`, 'name');
        return enc;
      },
    },
  },
});

define('System.Uri', {
  methods: {
    EscapeDataString: { overloads: ['string EscapeDataString(string stringToEscape)'], invoke: (_, a) => encodeURIComponent(a.string(0)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) },
    EscapeUriString: { overloads: ['string EscapeUriString(string stringToEscape)'], invoke: (_, a) => encodeURI(a.string(0)) },
    UnescapeDataString: {
      overloads: ['string UnescapeDataString(string stringToUnescape)'],
      invoke: (_, a) => {
        const s = a.string(0);
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      },
    },
  },
});

// ---------------------------------------------------------------------------------------------
// [enum], [array]
// ---------------------------------------------------------------------------------------------

function enumType(a: MethodArgs, i: number): { fullName: string; members: readonly { name: string; value: number }[]; flags: boolean } {
  const v = a.at(i);
  const name = v instanceof PSTypeLiteral ? v.fullName : toText(v);
  const info = resolveType(name);
  if (!info?.isEnum) throw argumentException('Type provided must be an Enum.', 'enumType');
  return { fullName: info.fullName, members: info.enumMembers ?? [], flags: info.isFlags ?? false };
}

/** Enum.Parse: a name (case-sensitive unless asked), a number, or comma-separated flags. */
function parseEnum(type: { fullName: string; members: readonly { name: string; value: number }[] }, text: string, ignoreCase: boolean): PSEnumValue {
  let total = 0;
  const names: string[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    if (/^[+-]?\d+$/.test(part)) {
      total |= Number(part);
      const hit = type.members.find((m) => m.value === Number(part));
      names.push(hit ? hit.name : part);
      continue;
    }
    const hit = type.members.find((m) => (ignoreCase ? m.name.toLowerCase() === part.toLowerCase() : m.name === part));
    if (!hit) throw argumentException(`Requested value '${part}' was not found.`);
    total |= hit.value;
    names.push(hit.name);
  }
  const exact = type.members.find((m) => m.value === total);
  return new PSEnumValue(type.fullName, exact ? exact.name : names.join(', '), total);
}

define(['System.Enum'], {
  methods: {
    GetName: {
      overloads: ['string GetName(type enumType, System.Object value)'],
      invoke: (_, a) => {
        const t = enumType(a, 0);
        const v = a.at(1);
        const n = v instanceof PSEnumValue ? v.value : a.int(1);
        return t.members.find((m) => m.value === n)?.name ?? null;
      },
    },
    GetNames: { overloads: ['string[] GetNames(type enumType)'], invoke: (_, a) => enumType(a, 0).members.map((m) => m.name) },
    GetUnderlyingType: { overloads: ['type GetUnderlyingType(type enumType)'], invoke: (_, a) => (enumType(a, 0), new PSTypeLiteral('System.Int32')) },
    GetValues: {
      overloads: ['array GetValues(type enumType)'],
      invoke: (_, a) => {
        const t = enumType(a, 0);
        return t.members.map((m) => new PSEnumValue(t.fullName, m.name, m.value));
      },
    },
    IsDefined: {
      overloads: ['bool IsDefined(type enumType, System.Object value)'],
      invoke: (_, a) => {
        const t = enumType(a, 0);
        const v = a.at(1);
        if (typeof v === 'string') return t.members.some((m) => m.name === v);
        const n = v instanceof PSEnumValue ? v.value : a.int(1);
        return t.members.some((m) => m.value === n);
      },
    },
    Parse: {
      overloads: ['System.Object Parse(type enumType, string value)', 'System.Object Parse(type enumType, string value, bool ignoreCase)'],
      invoke: (_, a) => parseEnum(enumType(a, 0), a.string(1), a.length > 2 && a.bool(2)),
    },
    ToObject: {
      overloads: ['System.Object ToObject(type enumType, System.Object value)'],
      invoke: (_, a) => {
        const t = enumType(a, 0);
        const n = a.int(1);
        const hit = t.members.find((m) => m.value === n);
        if (hit) return new PSEnumValue(t.fullName, hit.name, n);
        if (t.flags) {
          const parts = t.members.filter((m) => m.value !== 0 && (n & m.value) === m.value);
          const covered = parts.reduce((acc, m) => acc | m.value, 0);
          if (covered === n && parts.length) return new PSEnumValue(t.fullName, parts.map((m) => m.name).join(', '), n);
        }
        return new PSEnumValue(t.fullName, String(n), n);
      },
    },
  },
});

function arrayArg(a: MethodArgs, i: number): unknown[] {
  const v = a.at(i);
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) throw dotnetException('System.ArgumentNullException', "Value cannot be null. (Parameter 'array')");
  throw argumentException('Only single dimensional arrays are supported for the requested action.', 'array');
}

define('System.Array', {
  methods: {
    Clear: {
      overloads: ['void Clear(array array)', 'void Clear(array array, int index, int length)'],
      invoke: (_, a) => {
        const arr = arrayArg(a, 0);
        const index = a.length > 1 ? a.int(1) : 0;
        const length = a.length > 2 ? a.int(2) : arr.length;
        if (index < 0 || length < 0 || index + length > arr.length) throw dotnetException('System.IndexOutOfRangeException', 'Index was outside the bounds of the array.');
        arr.fill(null, index, index + length);
        return undefined;
      },
    },
    IndexOf: {
      overloads: ['int IndexOf(array array, System.Object value)', 'int IndexOf(array array, System.Object value, int startIndex)'],
      invoke: (_, a) => {
        const arr = arrayArg(a, 0);
        const start = a.length > 2 ? a.int(2) : 0;
        for (let i = start; i < arr.length; i++) if (dotnetEquals(arr[i], a.at(1))) return i;
        return -1;
      },
    },
    LastIndexOf: {
      overloads: ['int LastIndexOf(array array, System.Object value)'],
      invoke: (_, a) => {
        const arr = arrayArg(a, 0);
        for (let i = arr.length - 1; i >= 0; i--) if (dotnetEquals(arr[i], a.at(1))) return i;
        return -1;
      },
    },
    Reverse: {
      overloads: ['void Reverse(array array)', 'void Reverse(array array, int index, int length)'],
      invoke: (_, a) => {
        const arr = arrayArg(a, 0);
        const index = a.length > 1 ? a.int(1) : 0;
        const length = a.length > 2 ? a.int(2) : arr.length;
        const part = arr.slice(index, index + length).reverse();
        arr.splice(index, length, ...part);
        return undefined;
      },
    },
    Sort: {
      overloads: ['void Sort(array array)'],
      invoke: (_, a) => {
        arrayArg(a, 0).sort(defaultCompare);
        return undefined;
      },
    },
  },
});

// ---------------------------------------------------------------------------------------------
// Constructors of the collections and objects dpmsh models
// ---------------------------------------------------------------------------------------------

function listConstructor(target: StaticTarget, a: MethodArgs): PSList {
  const element = target.info?.elementType?.fullName;
  const first = a.at(0);
  if (a.length === 0 || typeof first === 'number' || first instanceof PSNumber) return new PSList([], element);
  const items = Array.isArray(first) ? first : first instanceof PSList ? first.items : [first];
  return new PSList(element ? items.map((v) => convertTo(v, element)) : items, element);
}

define(['System.Collections.ArrayList', 'System.Collections.Generic.List`1'], {
  methods: {
    new: {
      overloads: ['System.Collections.ArrayList new()', 'System.Collections.ArrayList new(int capacity)', 'System.Collections.ArrayList new(System.Collections.ICollection c)'],
      invoke: listConstructor,
    },
  },
});

define(['System.Collections.Hashtable'], {
  methods: {
    new: {
      overloads: ['hashtable new()', 'hashtable new(int capacity)', 'hashtable new(System.Collections.IDictionary d)'],
      invoke: (_, a) => {
        const h = new PSHashtable();
        const source = a.at(0);
        if (source instanceof PSHashtable) for (const [k, v] of source.entries()) h.set(k, v);
        return h;
      },
    },
  },
});

define(['System.Collections.Specialized.OrderedDictionary'], {
  methods: { new: { overloads: ['System.Collections.Specialized.OrderedDictionary new()'], invoke: () => new PSHashtable(true) } },
});

define(['System.Management.Automation.PSObject', 'System.Management.Automation.PSCustomObject', 'System.Object'], {
  methods: { new: { overloads: ['psobject new()'], invoke: () => new PSObject() } },
});

/** The Object members every static table answers too ([int]::Equals(1, 1) is Object.Equals). */
export const STATIC_OBJECT_MEMBERS = memberTable<StaticTarget>({
  methods: {
    Equals: { overloads: ['bool Equals(System.Object objA, System.Object objB)'], invoke: (_, a) => dotnetEquals(a.at(0), a.at(1)) },
    ReferenceEquals: { overloads: ['bool ReferenceEquals(System.Object objA, System.Object objB)'], invoke: (_, a) => a.at(0) === a.at(1) },
  },
});

