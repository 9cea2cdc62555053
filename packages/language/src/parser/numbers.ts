/**
 * Numeric literals as about_Numeric_Literals defines them: the syntax (decimal, hex, binary,
 * real; type suffixes; kb..pb multipliers) and the .NET type PowerShell gives the value.
 */
import type { NumericType } from './ast.js';
import { isDash, isDigit, isHexDigit } from './chars.js';

/** A scanned numeric literal. */
export interface NumberLiteral {
  /** Offset just past the literal. */
  readonly end: number;
  readonly value: number;
  readonly numericType: NumericType;
  readonly integerValue: bigint | null;
  readonly decimalText: string | null;
  /** True when the syntax is valid but the value does not fit its type (`1usgb`). */
  readonly malformed: boolean;
}

type Suffix = '' | 'y' | 'uy' | 's' | 'us' | 'l' | 'u' | 'ul' | 'n' | 'd';

const multipliers: Record<string, bigint> = {
  kb: 1024n,
  mb: 1024n ** 2n,
  gb: 1024n ** 3n,
  tb: 1024n ** 4n,
  pb: 1024n ** 5n,
};

const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL_MAX = 2n ** 96n - 1n;

const integralRanges: Record<string, readonly [bigint, bigint, NumericType]> = {
  y: [-128n, 127n, 'SByte'],
  uy: [0n, 255n, 'Byte'],
  s: [-32768n, 32767n, 'Int16'],
  us: [0n, 65535n, 'UInt16'],
  l: [INT64_MIN, INT64_MAX, 'Int64'],
  ul: [0n, 2n ** 64n - 1n, 'UInt64'],
};

/** Bit widths of the signed suffix types, for reading hex/binary sign bits. */
const signedWidth: Partial<Record<Suffix, number>> = { y: 8, s: 16, l: 64 };

/**
 * Scans the longest numeric literal at `pos` (an optional leading dash is included when
 * `allowSign`, as in argument mode where `-5` is one token). Returns null when no literal
 * starts there. The caller decides whether what follows ends the token.
 */
export function scanNumber(text: string, pos: number, allowSign: boolean): NumberLiteral | null {
  let i = pos;
  let negative = false;
  if (allowSign && isDash(text[i] ?? '')) {
    negative = true;
    i++;
  }
  const bodyStart = i;
  const c0 = text[i] ?? '';
  const c1 = text[i + 1] ?? '';

  if (c0 === '0' && (c1 === 'x' || c1 === 'X') && isHexDigit(text[i + 2] ?? '')) {
    let j = i + 2;
    while (isHexDigit(text[j] ?? '')) j++;
    const digits = text.slice(i + 2, j);
    return finishRadix(text, j, digits, 16, negative);
  }
  if (c0 === '0' && (c1 === 'b' || c1 === 'B') && isBinaryDigit(text[i + 2] ?? '')) {
    let j = i + 2;
    while (isBinaryDigit(text[j] ?? '')) j++;
    const digits = text.slice(i + 2, j);
    return finishRadix(text, j, digits, 2, negative);
  }

  // Decimal integer or real.
  let j = i;
  while (isDigit(text[j] ?? '')) j++;
  const intDigits = text.slice(i, j);
  let fracDigits = '';
  let isReal = false;
  if (text[j] === '.' && text[j + 1] !== '.') {
    const after = text[j + 1] ?? '';
    if (isDigit(after)) {
      let k = j + 1;
      while (isDigit(text[k] ?? '')) k++;
      fracDigits = text.slice(j + 1, k);
      j = k;
      isReal = true;
    } else if (intDigits.length > 0 && exponentLength(text, j + 1) > 0) {
      // `1.e2` is a real literal.
      j = j + 1;
      isReal = true;
    } else if (intDigits.length > 0 && !/[\p{L}\p{N}_]/u.test(after)) {
      // `1.` alone is the real 1.0; `1.Method` stays an integer followed by member access.
      j = j + 1;
      isReal = true;
    }
  }
  if (intDigits.length === 0 && fracDigits.length === 0) return null;
  let exponent = 0;
  const expLen = exponentLength(text, j);
  if (expLen > 0) {
    exponent = Number(text.slice(j + 1, j + expLen));
    j += expLen;
    isReal = true;
  }
  const { suffix, end: afterSuffix } = scanSuffix(text, j);
  const { multiplier, end } = scanMultiplier(text, afterSuffix);
  if (bodyStart === end) return null;

  if (isReal || (suffix === '' && !fitsDecimalInteger(intDigits, multiplier))) {
    return realLiteral(end, negative, intDigits, fracDigits, exponent, suffix, multiplier);
  }
  let value = BigInt(intDigits) * multiplier;
  if (negative) value = -value;
  if (suffix === 'd') return decimalLiteral(end, negative, intDigits, '', 0, multiplier);
  return integralLiteral(end, value, suffix, true);
}

function isBinaryDigit(c: string): boolean {
  return c === '0' || c === '1';
}

/** Length of an exponent part (`e5`, `E-3`) at `pos`, or 0. */
function exponentLength(text: string, pos: number): number {
  const e = text[pos];
  if (e !== 'e' && e !== 'E') return 0;
  let k = pos + 1;
  if (text[k] === '+' || isDash(text[k] ?? '')) k++;
  if (!isDigit(text[k] ?? '')) return 0;
  while (isDigit(text[k] ?? '')) k++;
  return k - pos;
}

function scanSuffix(text: string, pos: number): { suffix: Suffix; end: number } {
  const a = (text[pos] ?? '').toLowerCase();
  const b = (text[pos + 1] ?? '').toLowerCase();
  if (a === 'u') {
    if (b === 'y' || b === 's' || b === 'l') return { suffix: `u${b}` as Suffix, end: pos + 2 };
    return { suffix: 'u', end: pos + 1 };
  }
  if (a === 'y' || a === 's' || a === 'l' || a === 'n' || a === 'd') {
    return { suffix: a as Suffix, end: pos + 1 };
  }
  return { suffix: '', end: pos };
}

function scanMultiplier(text: string, pos: number): { multiplier: bigint; end: number } {
  const word = text.slice(pos, pos + 2).toLowerCase();
  const m = multipliers[word];
  if (m !== undefined) return { multiplier: m, end: pos + 2 };
  return { multiplier: 1n, end: pos };
}

function fitsDecimalInteger(digits: string, multiplier: bigint): boolean {
  if (digits.length > 40) return false;
  return BigInt(digits) * multiplier <= DECIMAL_MAX;
}

function bad(end: number): NumberLiteral {
  return { end, value: 0, numericType: 'Int32', integerValue: 0n, decimalText: null, malformed: true };
}

function integral(end: number, value: bigint, numericType: NumericType): NumberLiteral {
  return { end, value: Number(value), numericType, integerValue: value, decimalText: null, malformed: false };
}

/** Picks the type of an integer value for a suffix, or reports it malformed. */
function integralLiteral(end: number, value: bigint, suffix: Suffix, decimalRadix: boolean): NumberLiteral {
  switch (suffix) {
    case '':
      if (value >= INT32_MIN && value <= INT32_MAX) return integral(end, value, 'Int32');
      if (value >= INT64_MIN && value <= INT64_MAX) return integral(end, value, 'Int64');
      if (!decimalRadix) return bad(end);
      if (value >= -DECIMAL_MAX && value <= DECIMAL_MAX) {
        return { end, value: Number(value), numericType: 'Decimal', integerValue: null, decimalText: value.toString(), malformed: false };
      }
      return { end, value: Number(value), numericType: 'Double', integerValue: null, decimalText: null, malformed: false };
    case 'u':
      if (value >= 0n && value <= 2n ** 32n - 1n) return integral(end, value, 'UInt32');
      if (value >= 0n && value <= 2n ** 64n - 1n) return integral(end, value, 'UInt64');
      return bad(end);
    case 'n':
      return integral(end, value, 'BigInteger');
    case 'd':
      return { end, value: Number(value), numericType: 'Decimal', integerValue: null, decimalText: value.toString(), malformed: value > DECIMAL_MAX || value < -DECIMAL_MAX };
    default: {
      const [min, max, type] = integralRanges[suffix];
      if (value < min || value > max) return bad(end);
      return integral(end, value, type);
    }
  }
}

/** Hex and binary literals: sign bits count when the digit string fills the type's width. */
function finishRadix(text: string, pos: number, digits: string, radix: 2 | 16, negative: boolean): NumberLiteral {
  const { suffix, end: afterSuffix } = scanSuffix(text, pos);
  if (suffix === 'd') return bad(afterSuffix);
  const { multiplier, end } = scanMultiplier(text, afterSuffix);
  const bitsPerDigit = radix === 16 ? 4 : 1;
  const bits = digits.length * bitsPerDigit;
  let value = BigInt(radix === 16 ? `0x${digits}` : `0b${digits}`);
  const highBitSet = (width: number): boolean => bits === width && value >= 2n ** BigInt(width - 1);
  const width = signedWidth[suffix];
  if (width !== undefined) {
    if (highBitSet(width)) value -= 2n ** BigInt(width);
  } else if (suffix === '') {
    if (highBitSet(32)) {
      value -= 2n ** 32n;
    } else if (highBitSet(64)) {
      // A full 64-bit pattern is a long even when its value would fit an int (0xFFFFFFFFFFFFFFFF is [long]-1).
      value = (value - 2n ** 64n) * multiplier;
      if (negative) value = -value;
      return value >= INT64_MIN && value <= INT64_MAX ? integral(end, value, 'Int64') : bad(end);
    }
    else if (radix === 2 && bits % 8 === 0 && bits < 32 && highBitSet(bits)) value -= 2n ** BigInt(bits);
  } else if (suffix === 'n') {
    if (bits % 8 === 0 && value >= 2n ** BigInt(bits - 1)) value -= 2n ** BigInt(bits);
  }
  value *= multiplier;
  if (negative) value = -value;
  return integralLiteral(end, value, suffix, false);
}

/** Real literals: decimal (`d`) exactly, everything else through double like PowerShell. */
function realLiteral(
  end: number,
  negative: boolean,
  intDigits: string,
  fracDigits: string,
  exponent: number,
  suffix: Suffix,
  multiplier: bigint,
): NumberLiteral {
  if (suffix === 'd') return decimalLiteral(end, negative, intDigits, fracDigits, exponent, multiplier);
  const mantissa = `${intDigits || '0'}.${fracDigits || '0'}e${exponent}`;
  let value = Number(mantissa) * Number(multiplier);
  if (negative) value = -value;
  if (!Number.isFinite(value)) return bad(end);
  if (suffix === '') {
    return { end, value, numericType: 'Double', integerValue: null, decimalText: null, malformed: false };
  }
  if (suffix === 'n') {
    return integral(end, BigInt(Math.trunc(value)), 'BigInteger');
  }
  // A real with an integer suffix converts like [long]1.5: round half to even.
  const rounded = roundHalfEven(value);
  if (!Number.isSafeInteger(rounded) && Math.abs(rounded) > 2 ** 63) return bad(end);
  return integralLiteral(end, BigInt(rounded), suffix, false);
}

function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Decimal literals keep their scale (`1.50d` is 1.50), as .NET decimal does. */
function decimalLiteral(
  end: number,
  negative: boolean,
  intDigits: string,
  fracDigits: string,
  exponent: number,
  multiplier: bigint,
): NumberLiteral {
  let mantissa = BigInt(`${intDigits}${fracDigits}` || '0') * multiplier;
  let scale = fracDigits.length - exponent;
  if (scale < 0) {
    if (-scale > 40) return bad(end);
    mantissa *= 10n ** BigInt(-scale);
    scale = 0;
  }
  if (scale > 28) return bad(end);
  if (mantissa > DECIMAL_MAX) return bad(end);
  const digits = mantissa.toString().padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  const decimalText = negative && mantissa !== 0n ? `-${whole}` : whole;
  return { end, value: Number(decimalText), numericType: 'Decimal', integerValue: null, decimalText, malformed: false };
}
