/**
 * Exact views of numeric values: the integer of an integral number (bigint, so Int64 and UInt64
 * keep every digit), the decimal of a number, the integral types' ranges, and the ordering of two
 * numbers by the type PowerShell compares them in (double when either is a float, decimal when
 * either is a decimal, otherwise exact integers).
 */
import { DecimalValue } from './decimal.js';
import { numericType, PSNumber } from './values.js';
import type { Numeric, NumericType } from './values.js';

/** The ranges of the integral types, as bigints. */
export const INTEGER_RANGES: Readonly<Partial<Record<NumericType, readonly [bigint, bigint]>>> = {
  Byte: [0n, 255n],
  SByte: [-128n, 127n],
  Int16: [-32768n, 32767n],
  UInt16: [0n, 65535n],
  Int32: [-2147483648n, 2147483647n],
  UInt32: [0n, 4294967295n],
  Int64: [-(2n ** 63n), 2n ** 63n - 1n],
  UInt64: [0n, 2n ** 64n - 1n],
};

/** True for the integral types (everything but Single, Double and Decimal). */
export function isIntegralType(type: NumericType): boolean {
  return type !== 'Single' && type !== 'Double' && type !== 'Decimal';
}

/** True for Single and Double. */
export function isFloatType(type: NumericType): boolean {
  return type === 'Single' || type === 'Double';
}

/** True when an integer is within an integral type's range. */
export function fitsIntegerType(type: NumericType, value: bigint): boolean {
  const range = INTEGER_RANGES[type];
  return range !== undefined && value >= range[0] && value <= range[1];
}

/** The exact integer of an integral number; a float or decimal is truncated (NaN and infinities are 0). */
export function integerOf(n: Numeric): bigint {
  if (typeof n !== 'number') {
    if (n.big !== undefined) return n.big;
    if (n.decimal) return n.decimal.toInteger('tozero');
    n = n.value;
  }
  return Number.isFinite(n) ? BigInt(Math.trunc(n)) : 0n;
}

/** A number rounded half to even to an integer, as Convert.ToInt64 rounds; undefined for NaN and infinities. */
export function roundToInteger(n: Numeric): bigint | undefined {
  if (n instanceof PSNumber && n.decimal) return n.decimal.toInteger('toeven');
  if (!isFloatType(numericType(n))) return integerOf(n);
  const x = Number(n);
  if (!Number.isFinite(x)) return undefined;
  const floor = Math.floor(x);
  const diff = x - floor;
  const rounded = diff > 0.5 || (diff === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
  return BigInt(rounded);
}

/** The exact decimal of a number: integers and decimals exactly, floats as Convert.ToDecimal (15 digits, 7 for a [float]); may throw DecimalOverflowError. */
export function decimalOf(n: Numeric): DecimalValue {
  if (n instanceof PSNumber && n.decimal) return n.decimal;
  const type = numericType(n);
  if (isFloatType(type)) return DecimalValue.fromDouble(Number(n), type === 'Single' ? 7 : 15);
  return DecimalValue.fromInteger(integerOf(n));
}

/** True when a number is a [decimal]. */
export function isDecimal(n: unknown): n is PSNumber & { decimal: DecimalValue } {
  return n instanceof PSNumber && n.decimal !== undefined;
}

/** True when a number's exact value needs more than a double: a Decimal or a big Int64/UInt64. */
export function needsExact(n: Numeric): boolean {
  return typeof n !== 'number' && (n.big !== undefined || n.decimal !== undefined);
}

/** Doubles ordered as CompareTo orders them: NaN below everything and equal to itself. */
function compareDoubles(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
}

/** The type two numbers compare in: Double with a float, else Decimal with a decimal, else exact integers. */
function comparisonKind(a: Numeric, b: Numeric): 'double' | 'decimal' | 'integer' {
  const ta = numericType(a);
  const tb = numericType(b);
  if (isFloatType(ta) || isFloatType(tb)) return 'double';
  if (ta === 'Decimal' || tb === 'Decimal') return 'decimal';
  return 'integer';
}

/** Orders two numbers (-1, 0, 1) exactly, as PowerShell's comparison operators and Sort-Object do. */
export function compareNumeric(a: Numeric, b: Numeric): number {
  if (typeof a === 'number' && typeof b === 'number') return compareDoubles(a, b);
  switch (comparisonKind(a, b)) {
    case 'double':
      return compareDoubles(Number(a), Number(b));
    case 'decimal':
      return decimalOf(a).compare(decimalOf(b));
    default: {
      if (!needsExact(a) && !needsExact(b)) return compareDoubles(Number(a), Number(b));
      const x = integerOf(a);
      const y = integerOf(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

/** `a -eq b` for two numbers: exact, and NaN equals nothing. */
export function numericEquals(a: Numeric, b: Numeric): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Number.isNaN(Number(a)) || Number.isNaN(Number(b))) return false;
  return compareNumeric(a, b) === 0;
}
