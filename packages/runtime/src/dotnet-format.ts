/**
 * .NET's composite formatting (`-f`, [string]::Format) and its numeric format strings, in the
 * en-US culture PowerShell 7 runs with here (or the invariant culture).
 *
 * Numbers go through a decimal digit buffer as .NET's formatter does, because the rounding rule
 * depends on the type and the format: a [double] under a standard format is rounded exactly from
 * its binary value with ties to even (2.5 -> "F0" is "2", 0.125 -> "F2" is "0.12"); under a custom
 * format it is first cut to 15 significant digits and then rounded half away from zero
 * (1.005 -> "0.00" is "1.01", but "F2" is "1.00"); integers and decimals round half away from zero.
 */
import { PSNumber, PSDateTime, PSTimeSpan, PSEnumValue, PSChar, numericType } from './values.js';
import type { Numeric, NumericType } from './values.js';
import type { DecimalValue } from './decimal.js';
import { decimalOf, integerOf } from './numeric.js';
import type { PSException } from './errors.js';
import { formatDateTime, formatTimeSpan, formatException } from './datetime.js';
import { toText } from './text.js';

/** The culture numbers are formatted in. */
export type NumberCulture = 'en-US' | 'invariant';

interface CultureInfo {
  readonly currencyPositive: string;
  readonly currencyNegative: string;
  readonly percentPositive: string;
  readonly percentNegative: string;
  readonly positiveInfinity: string;
  readonly negativeInfinity: string;
}

// '#' is the formatted number, '$' the currency symbol; en-US as .NET has it on ICU.
const CULTURES: Record<NumberCulture, CultureInfo> = {
  'en-US': {
    currencyPositive: '$#',
    currencyNegative: '-$#',
    percentPositive: '#%',
    percentNegative: '-#%',
    positiveInfinity: '∞',
    negativeInfinity: '-∞',
  },
  invariant: {
    currencyPositive: '¤#',
    currencyNegative: '(¤#)',
    percentPositive: '# %',
    percentNegative: '-# %',
    positiveInfinity: 'Infinity',
    negativeInfinity: '-Infinity',
  },
};

/** .NET's FormatException for a bad standard format ("Format specifier was invalid."). */
function badSpecifier(): PSException {
  return formatException('Format specifier was invalid.');
}

// ---------------------------------------------------------------------------------------------
// The digit buffer
// ---------------------------------------------------------------------------------------------

/** How a number's digits are produced and rounded. */
type BufferKind = 'float' | 'integer' | 'decimal';

/**
 * A number as significant decimal digits: value = 0.DIGITS x 10^scale. `digits` has no leading or
 * trailing zeros and is empty for zero.
 */
interface DigitBuffer {
  digits: string;
  scale: number;
  negative: boolean;
  readonly kind: BufferKind;
}

function trimDigits(digits: string, scale: number): { digits: string; scale: number } {
  const lead = /^0*/.exec(digits)![0].length;
  const d = digits.slice(lead).replace(/0+$/, '');
  return d ? { digits: d, scale: scale - lead } : { digits: '', scale: 0 };
}

/** The exact decimal expansion of a finite double's magnitude (every binary fraction ends in decimal). */
function exactDigits(x: number): { digits: string; scale: number } {
  const abs = Math.abs(x);
  if (abs === 0) return { digits: '', scale: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, abs);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let exponent: number;
  if (biased === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  if (exponent >= 0) {
    const s = (mantissa << BigInt(exponent)).toString();
    return trimDigits(s, s.length);
  }
  // m / 2^k = m * 5^k / 10^k
  const s = (mantissa * 5n ** BigInt(-exponent)).toString();
  return trimDigits(s, s.length + exponent);
}

/** The digits of an integer. */
function integerDigits(n: bigint): { digits: string; scale: number } {
  const s = (n < 0n ? -n : n).toString();
  return trimDigits(s, s.length);
}

/** The digits of a decimal, exactly. */
function decimalDigits(d: DecimalValue): { digits: string; scale: number } {
  const s = (d.mantissa < 0n ? -d.mantissa : d.mantissa).toString();
  return trimDigits(s, s.length - d.scale);
}

/** The shortest digits that read back as the same double (or float, for [single]). */
function shortestDigits(x: number, single: boolean): { digits: string; scale: number } {
  const abs = Math.abs(x);
  if (abs === 0) return { digits: '', scale: 0 };
  let text = String(abs);
  if (single) {
    for (let p = 1; p <= 9; p++) {
      const candidate = abs.toPrecision(p);
      if (Math.fround(Number(candidate)) === abs) {
        text = candidate;
        break;
      }
    }
  }
  return parseDecimalText(text);
}

/** Digits and scale of a plain or exponential decimal literal ('123.45', '1.5e-7'). */
function parseDecimalText(text: string): { digits: string; scale: number } {
  const m = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return { digits: '', scale: 0 };
  const intPart = m[1] ?? '';
  const fracPart = m[2] ?? '';
  const exp = Number(m[3] ?? 0);
  return trimDigits(intPart + fracPart, intPart.length + exp);
}

/**
 * Rounds a buffer so that only digits before position `pos` (counted from the first digit)
 * remain. 'half-up' rounds a 5 up (away from zero); 'even' treats the digits as the exact value
 * and rounds a tie to the even digit, as .NET's correctly rounded floating-point output does.
 */
function roundAt(buf: DigitBuffer, pos: number, mode: 'half-up' | 'even'): void {
  const { digits } = buf;
  if (pos >= digits.length) return;
  let up: boolean;
  if (pos < 0) up = false;
  else {
    const next = digits.charCodeAt(pos) - 48;
    if (mode === 'half-up') up = next >= 5;
    else if (next !== 5) up = next > 5;
    else if (digits.length > pos + 1) up = true;
    else up = pos > 0 && (digits.charCodeAt(pos - 1) - 48) % 2 === 1;
  }
  let kept = pos < 0 ? '' : digits.slice(0, pos);
  if (up) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === '9') i--;
    if (i < 0) {
      kept = '1';
      buf.scale += 1;
    } else kept = kept.slice(0, i) + String(Number(kept[i]) + 1);
  }
  kept = kept.replace(/0+$/, '');
  buf.digits = kept;
  if (!kept) {
    buf.scale = 0;
    // Integers and decimals have no negative zero; doubles keep the sign (-0.001 "F2" is "-0.00").
    if (buf.kind !== 'float') buf.negative = false;
  }
}

function isIntegral(type: NumericType): boolean {
  return type !== 'Single' && type !== 'Double' && type !== 'Decimal';
}

function bufferKind(type: NumericType): BufferKind {
  if (type === 'Single' || type === 'Double') return 'float';
  return type === 'Decimal' ? 'decimal' : 'integer';
}

/** The value's digits before any rounding, as the formatter starts from them. */
function startBuffer(n: Numeric, type: NumericType, source: 'exact' | 'shortest' | number): DigitBuffer {
  const kind = bufferKind(type);
  const value = Number(n);
  const negative = kind === 'float' ? value < 0 || Object.is(value, -0) : value < 0;
  let d: { digits: string; scale: number };
  if (kind === 'integer') d = integerDigits(integerOf(n));
  else if (kind === 'decimal') d = decimalDigits(decimalOf(n));
  else if (source === 'shortest') d = shortestDigits(value, type === 'Single');
  else if (source === 'exact') d = exactDigits(type === 'Single' ? Math.fround(value) : value);
  else {
    // A fixed count of significant digits, correctly rounded.
    const buf: DigitBuffer = { ...exactDigits(type === 'Single' ? Math.fround(value) : value), negative, kind };
    roundAt(buf, source, 'even');
    return buf;
  }
  return { ...d, negative, kind };
}

// ---------------------------------------------------------------------------------------------
// Layouts
// ---------------------------------------------------------------------------------------------

function groupThousands(intDigits: string): string {
  let out = '';
  for (let i = 0; i < intDigits.length; i++) {
    const fromRight = intDigits.length - i;
    out += intDigits[i];
    if (fromRight > 1 && fromRight % 3 === 1) out += ',';
  }
  return out;
}

/** Integer digits and `decimals` fraction digits of a rounded buffer. */
function fixedParts(buf: DigitBuffer, decimals: number): { int: string; frac: string } {
  const { digits, scale } = buf;
  const int = scale > 0 ? digits.slice(0, scale).padEnd(scale, '0') : '0';
  let frac = scale >= 0 ? digits.slice(scale) : '0'.repeat(-scale) + digits;
  frac = frac.slice(0, decimals).padEnd(decimals, '0');
  return { int, frac };
}

function fixedText(buf: DigitBuffer, decimals: number, grouped: boolean): string {
  const { int, frac } = fixedParts(buf, decimals);
  return (grouped ? groupThousands(int) : int) + (decimals > 0 ? `.${frac}` : '');
}

function exponentText(exp: number, letter: string, minDigits: number, plus: boolean): string {
  const sign = exp < 0 ? '-' : plus ? '+' : '';
  return `${letter}${sign}${String(Math.abs(exp)).padStart(minDigits, '0')}`;
}

/** 'G': fixed unless the exponent reaches `maxDigits` or is below -5 (scale < -3). */
function generalText(buf: DigitBuffer, maxDigits: number, expLetter: string, noScientific: boolean): string {
  const { digits, scale } = buf;
  const scientific = !noScientific && (scale > maxDigits || scale < -3);
  const pointAt = scientific ? 1 : scale;
  let out: string;
  if (pointAt > 0) out = digits.slice(0, pointAt).padEnd(pointAt, '0');
  else out = '0';
  const rest = pointAt > 0 ? digits.slice(pointAt) : '0'.repeat(-pointAt) + digits;
  if (rest) out += `.${rest}`;
  if (scientific) out += exponentText(scale - 1, expLetter, 2, true);
  return out;
}

function parseStandard(format: string): { letter: string; precision: number } | undefined {
  const m = /^([A-Za-z])(\d*)$/.exec(format);
  if (!m) return undefined;
  const digits = m[2]!;
  if (digits.length > 9) throw badSpecifier();
  return { letter: m[1]!, precision: digits ? Number(digits) : -1 };
}

/** An integral value's decimal digits, never in exponent form. */
function integerText(value: bigint): string {
  return value.toString();
}

function hexText(value: bigint, type: NumericType, upper: boolean, minDigits: number): string {
  const widths: Partial<Record<NumericType, bigint>> = { Byte: 8n, SByte: 8n, Int16: 16n, UInt16: 16n, Int32: 32n, UInt32: 32n };
  const bits = widths[type] ?? 64n;
  let n = value;
  if (n < 0n) n += 1n << bits;
  const s = n.toString(16);
  return (upper ? s.toUpperCase() : s).padStart(minDigits, '0');
}

function standardNumber(value: Numeric, type: NumericType, letter: string, precision: number, culture: CultureInfo): string {
  const upper = letter.toUpperCase();
  const integral = isIntegral(type);
  const float = type === 'Single' || type === 'Double';
  const sign = (buf: DigitBuffer): string => (buf.negative ? '-' : '');
  // Integers and decimals round half away from zero; doubles are rounded exactly (ties to even).
  const mode = float ? 'even' : 'half-up';
  switch (upper) {
    case 'D': {
      if (!integral) throw badSpecifier();
      const n = integerOf(value);
      const digits = integerText(n < 0n ? -n : n).padStart(Math.max(precision, 1), '0');
      return n < 0n ? `-${digits}` : digits;
    }
    case 'X': {
      if (!integral) throw badSpecifier();
      return hexText(integerOf(value), type, letter === 'X', Math.max(precision, 1));
    }
    case 'B': {
      if (!integral) throw badSpecifier();
      const bits = hexText(integerOf(value), type, true, 1);
      return BigInt(`0x${bits}`).toString(2).padStart(Math.max(precision, 1), '0');
    }
    case 'F':
    case 'N':
    case 'C':
    case 'P': {
      const decimals = precision >= 0 ? precision : 2;
      const buf = startBuffer(value, type, 'exact');
      if (upper === 'P') buf.scale += buf.digits ? 2 : 0;
      roundAt(buf, buf.scale + decimals, mode);
      const body = fixedText(buf, decimals, upper !== 'F');
      if (upper === 'F' || upper === 'N') return sign(buf) + body;
      if (upper === 'C') return (buf.negative ? culture.currencyNegative : culture.currencyPositive).replace('#', body);
      return (buf.negative ? culture.percentNegative : culture.percentPositive).replace('#', body);
    }
    case 'E': {
      const significant = (precision >= 0 ? precision : 6) + 1;
      const buf = startBuffer(value, type, 'exact');
      roundAt(buf, significant, mode);
      const d = buf.digits.padEnd(significant, '0');
      const mantissa = significant > 1 ? `${d[0]}.${d.slice(1)}` : d[0]!;
      return sign(buf) + mantissa + exponentText(buf.digits ? buf.scale - 1 : 0, letter === 'E' ? 'E' : 'e', 3, true);
    }
    case 'G':
    case 'R': {
      const expLetter = letter === 'G' || letter === 'R' ? 'E' : 'e';
      if (upper === 'R' && !float) throw badSpecifier();
      if (float && (upper === 'R' || precision <= 0)) {
        const buf = startBuffer(value, type, 'shortest');
        const max = Math.max(buf.digits.length, type === 'Single' ? 9 : 17);
        return sign(buf) + generalText(buf, max, expLetter, false);
      }
      // A decimal's ToString() writes every digit of its scale (1.10d is '1.10').
      if (type === 'Decimal' && precision <= 0) return decimalOf(value).toString();
      if (integral && precision <= 0) return integerText(integerOf(value));
      const buf = startBuffer(value, type, float ? 'exact' : 'shortest');
      roundAt(buf, precision, mode);
      return sign(buf) + generalText(buf, precision, expLetter, false);
    }
    default:
      throw badSpecifier();
  }
}

// ---------------------------------------------------------------------------------------------
// Custom numeric formats
// ---------------------------------------------------------------------------------------------

/** Splits a custom format into its ';' sections, honouring quotes and escapes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '\\') i++;
    else if (c === "'" || c === '"') {
      const end = format.indexOf(c, i + 1);
      i = end < 0 ? format.length : end;
    } else if (c === ';') {
      out.push(format.slice(start, i));
      start = i + 1;
    }
  }
  out.push(format.slice(start));
  return out;
}

interface SectionShape {
  digitCount: number;
  decimalPos: number;
  firstZero: number;
  lastZero: number;
  scientific: boolean;
  thousands: boolean;
  scaleAdjust: number;
}

function sectionShape(section: string): SectionShape {
  let digitCount = 0;
  let decimalPos = -1;
  let firstZero = Infinity;
  let lastZero = 0;
  let scientific = false;
  let thousandPos = -1;
  let thousandCount = 0;
  let thousands = false;
  let scaleAdjust = 0;
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    switch (c) {
      case '#':
        digitCount++;
        break;
      case '0':
        if (firstZero === Infinity) firstZero = digitCount;
        digitCount++;
        lastZero = digitCount;
        break;
      case '.':
        if (decimalPos < 0) decimalPos = digitCount;
        break;
      case ',':
        if (digitCount > 0 && decimalPos < 0) {
          if (thousandPos >= 0) {
            if (thousandPos === digitCount) {
              thousandCount++;
              break;
            }
            thousands = true;
          }
          thousandPos = digitCount;
          thousandCount = 1;
        }
        break;
      case '%':
        scaleAdjust += 2;
        break;
      case '\u2030':
        scaleAdjust += 3;
        break;
      case "'":
      case '"': {
        const end = section.indexOf(c, i + 1);
        i = end < 0 ? section.length : end;
        break;
      }
      case '\\':
        i++;
        break;
      case 'E':
      case 'e': {
        const next = section[i + 1];
        if (next === '0' || ((next === '+' || next === '-') && section[i + 2] === '0')) {
          scientific = true;
          i += next === '0' ? 1 : 2;
          while (section[i + 1] === '0') i++;
        }
        break;
      }
    }
  }
  if (decimalPos < 0) decimalPos = digitCount;
  if (thousandPos >= 0) {
    // Commas right before the point (or the end) divide by 1000 each; elsewhere they group.
    if (thousandPos === decimalPos) scaleAdjust -= thousandCount * 3;
    else thousands = true;
  }
  return { digitCount, decimalPos, firstZero, lastZero, scientific, thousands, scaleAdjust };
}

function customNumber(value: Numeric, type: NumericType, format: string): string {
  const float = type === 'Single' || type === 'Double';
  // Doubles start from 15 significant digits (7 for singles), for compatibility with .NET Framework.
  const buf = startBuffer(value, type, float ? (type === 'Single' ? 7 : 15) : 'exact');
  const parts = sections(format);
  const pick = (index: number): number => (index < parts.length && parts[index] !== '' ? index : 0);
  let section = buf.digits ? (buf.negative ? pick(1) : 0) : pick(2);
  let shape = sectionShape(parts[section]!);
  for (;;) {
    if (buf.digits) {
      buf.scale += shape.scaleAdjust;
      const pos = shape.scientific ? shape.digitCount : buf.scale + shape.digitCount - shape.decimalPos;
      roundAt(buf, pos, 'half-up');
      if (!buf.digits) {
        const zeroSection = pick(2);
        if (zeroSection !== section) {
          section = zeroSection;
          shape = sectionShape(parts[section]!);
          continue;
        }
      }
    } else {
      if (!float) buf.negative = false;
      buf.scale = 0;
    }
    break;
  }
  // A second section carries its own sign; only the first gets a '-'.
  const body = layoutSection(parts[section]!, shape, buf);
  return buf.negative && section === 0 && body !== '' ? `-${body}` : body;
}

function layoutSection(section: string, shape: SectionShape, buf: DigitBuffer): string {
  const { digitCount, decimalPos, firstZero, lastZero, scientific, thousands } = shape;
  const minInt = firstZero < decimalPos ? decimalPos - firstZero : 0;
  const minFrac = lastZero > decimalPos ? lastZero - decimalPos : 0;
  const fracPlaces = digitCount - decimalPos;
  let intDigits: string;
  let fracDigits: string;
  let exponent = 0;
  if (scientific) {
    const d = buf.digits;
    intDigits = d.slice(0, decimalPos).padEnd(decimalPos, '0');
    fracDigits = d.slice(decimalPos);
    exponent = d ? buf.scale - decimalPos : 0;
  } else {
    const { digits, scale } = buf;
    intDigits = scale > 0 ? digits.slice(0, scale).padEnd(scale, '0') : '';
    fracDigits = scale >= 0 ? digits.slice(scale) : '0'.repeat(-scale) + digits;
  }
  intDigits = intDigits.replace(/^0+/, '');
  if (intDigits.length < minInt) intDigits = intDigits.padStart(minInt, '0');
  fracDigits = fracDigits.slice(0, fracPlaces);
  if (fracDigits.length < minFrac) fracDigits = fracDigits.padEnd(minFrac, '0');

  let out = '';
  let intIndex = 0; // integer placeholders seen so far
  let fracIndex = 0;
  let pointSeen = false;
  const emitInt = (digit: string, fromRight: number): void => {
    out += digit;
    if (thousands && fromRight > 0 && fromRight % 3 === 0) out += ',';
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i]!;
    if ((c === '#' || c === '0') && !pointSeen && intIndex < decimalPos) {
      const fromRight = decimalPos - 1 - intIndex;
      if (intIndex === 0 && intDigits.length > decimalPos) {
        // Digits beyond the placeholders all go where the first placeholder is.
        const extra = intDigits.length - decimalPos;
        for (let k = 0; k < extra; k++) emitInt(intDigits[k]!, intDigits.length - 1 - k);
      }
      if (fromRight < intDigits.length) emitInt(intDigits[intDigits.length - 1 - fromRight]!, fromRight);
      intIndex++;
      continue;
    }
    if (c === '#' || c === '0') {
      if (fracIndex < fracDigits.length) out += fracDigits[fracIndex];
      fracIndex++;
      continue;
    }
    switch (c) {
      case '.':
        if (!pointSeen) {
          pointSeen = true;
          // Extra leading digits when there are no integer placeholders at all.
          if (decimalPos === 0 && intDigits.length > 0) for (let k = 0; k < intDigits.length; k++) emitInt(intDigits[k]!, intDigits.length - 1 - k);
          if (fracDigits.length > 0) out += '.';
        }
        break;
      case ',':
        break;
      case "'":
      case '"': {
        const end = section.indexOf(c, i + 1);
        out += section.slice(i + 1, end < 0 ? section.length : end);
        i = end < 0 ? section.length : end;
        break;
      }
      case '\\':
        if (i + 1 < section.length) out += section[++i];
        break;
      case 'E':
      case 'e': {
        const next = section[i + 1];
        if (scientific && (next === '0' || ((next === '+' || next === '-') && section[i + 2] === '0'))) {
          const plus = next === '+';
          i += next === '0' ? 0 : 1;
          let zeros = 0;
          while (section[i + 1] === '0') {
            i++;
            zeros++;
          }
          out += exponentText(exponent, c, Math.min(zeros, 10), plus);
        } else out += c;
        break;
      }
      default:
        out += c;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * A number as `.ToString(format)` gives it: standard formats (C D E F G N P R X B with a
 * precision) and custom ones ('#,##0.00', '0.0', '000', '0.##E+00', sections with ';').
 * No format is 'G', .NET's ToString(): doubles as their shortest round-trip text.
 */
export function formatNumeric(value: Numeric, format?: string, culture: NumberCulture = 'en-US'): string {
  const type = numericType(value);
  const n = typeof value === 'number' ? value : value.value;
  const info = CULTURES[culture];
  if (!Number.isFinite(n)) {
    if (Number.isNaN(n)) return 'NaN';
    return n > 0 ? info.positiveInfinity : info.negativeInfinity;
  }
  if (format === undefined || format === '') format = 'G';
  const standard = parseStandard(format);
  if (standard) return standardNumber(value, type, standard.letter, standard.precision, info);
  return customNumber(value, type, format);
}

/** An enum value under a format: G/F the name, D the number, X eight hex digits. */
function formatEnum(value: PSEnumValue, format: string | undefined): string {
  switch (format ?? 'G') {
    case '':
    case 'G':
    case 'g':
    case 'F':
    case 'f':
      return value.name;
    case 'D':
    case 'd':
      return String(value.value);
    case 'X':
    case 'x':
      return hexText(BigInt(value.value), 'Int32', true, 8);
    default:
      throw formatException('Format string can be only "G", "g", "X", "x", "F", "f", "D" or "d".');
  }
}

/**
 * One value as a composite format item shows it: numbers, dates, time spans and enums take
 * the format (IFormattable); anything else is its string form and the format is ignored.
 */
export function formatValue(value: unknown, format?: string, culture: NumberCulture = 'en-US'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || value instanceof PSNumber) return formatNumeric(value, format, culture);
  if (value instanceof PSDateTime) return formatDateTime(value, format, culture);
  if (value instanceof PSTimeSpan) return formatTimeSpan(value, format);
  if (value instanceof PSEnumValue) return formatEnum(value, format);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value instanceof PSChar) return value.toString();
  return toText(value);
}

const INDEX_ERROR = 'Index (zero based) must be greater than or equal to zero and less than the size of the argument list.';

/**
 * .NET's String.Format: `{index[,alignment][:format]}` items, `{{` and `}}` for braces.
 * Throws a FormatException (PSException, typeName System.FormatException) as .NET does.
 */
export function formatComposite(format: string, args: readonly unknown[], culture: NumberCulture = 'en-US'): string {
  let out = '';
  let i = 0;
  const len = format.length;
  while (i < len) {
    const c = format[i]!;
    if (c === '}') {
      if (format[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw formatException();
    }
    if (c !== '{') {
      out += c;
      i++;
      continue;
    }
    if (format[i + 1] === '{') {
      out += '{';
      i += 2;
      continue;
    }
    i++;
    const indexMatch = /^\d+/.exec(format.slice(i));
    if (!indexMatch) throw formatException();
    const index = Number(indexMatch[0]);
    i += indexMatch[0].length;
    while (format[i] === ' ') i++;
    let alignment = 0;
    if (format[i] === ',') {
      i++;
      while (format[i] === ' ') i++;
      const alignMatch = /^-?\d+/.exec(format.slice(i));
      if (!alignMatch) throw formatException();
      alignment = Number(alignMatch[0]);
      i += alignMatch[0].length;
      while (format[i] === ' ') i++;
    }
    let itemFormat: string | undefined;
    if (format[i] === ':') {
      const end = format.indexOf('}', i + 1);
      if (end < 0) throw formatException();
      itemFormat = format.slice(i + 1, end);
      if (itemFormat.includes('{')) throw formatException();
      i = end;
    }
    if (format[i] !== '}') throw formatException();
    i++;
    if (index >= args.length) throw formatException(INDEX_ERROR);
    const text = formatValue(args[index], itemFormat, culture);
    out += alignment >= 0 ? text.padStart(alignment) : text.padEnd(-alignment);
  }
  return out;
}
