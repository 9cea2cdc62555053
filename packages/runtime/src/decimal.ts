/**
 * .NET's System.Decimal, exactly: a signed integer mantissa below 2^96 and a scale of 0..28 (the
 * value is mantissa / 10^scale). The scale is kept as .NET keeps it, so 1.10d prints '1.10' and
 * 1.10d * 2 is 2.20. Results that do not fit are rounded half to even, as .NET's DecCalc rounds
 * them; a result whose integer part does not fit throws DecimalOverflowError.
 */

/** The largest mantissa: 2^96 - 1 (Decimal.MaxValue is 79228162514264337593543950335). */
export const DECIMAL_MAX_MANTISSA = 2n ** 96n - 1n;
/** The largest scale, 28 digits after the point. */
export const DECIMAL_MAX_SCALE = 28;

/** .NET's OverflowException for a decimal result that does not fit. */
export class DecimalOverflowError extends Error {
  constructor() {
    super('Value was either too large or too small for a Decimal.');
  }
}

/** How a decimal rounds to fewer digits: System.MidpointRounding's names in lower case. */
export type DecimalRounding = 'toeven' | 'awayfromzero' | 'tozero' | 'tonegativeinfinity' | 'topositiveinfinity';

const POWERS: bigint[] = [];
/** 10^n as a bigint. */
function pow10(n: number): bigint {
  let p = POWERS[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    POWERS[n] = p;
  }
  return p;
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** q rounded one step up (away from zero) when the dropped part `rem` of `den` calls for it. */
function roundQuotient(q: bigint, rem: bigint, den: bigint, negative: boolean, mode: DecimalRounding): bigint {
  if (rem === 0n) return q;
  const twice = rem * 2n;
  let up: boolean;
  switch (mode) {
    case 'toeven':
      up = twice > den || (twice === den && q % 2n === 1n);
      break;
    case 'awayfromzero':
      up = twice >= den;
      break;
    case 'tozero':
      up = false;
      break;
    case 'tonegativeinfinity':
      up = negative;
      break;
    case 'topositiveinfinity':
      up = !negative;
      break;
  }
  return up ? q + 1n : q;
}

/** An exact .NET decimal. */
export class DecimalValue {
  constructor(
    /** The signed integer digits. */
    readonly mantissa: bigint,
    /** How many of the digits are after the point (0..28). */
    readonly scale: number,
  ) {}

  /** Zero with scale 0. */
  static readonly ZERO = new DecimalValue(0n, 0);
  /** Decimal.MaxValue. */
  static readonly MAX = new DecimalValue(DECIMAL_MAX_MANTISSA, 0);
  /** Decimal.MinValue. */
  static readonly MIN = new DecimalValue(-DECIMAL_MAX_MANTISSA, 0);

  /**
   * A decimal from an exact value (magnitude / 10^scale, any scale >= 0), rounded half to even to
   * the most digits that fit (ScaleResult); throws DecimalOverflowError when the integer part does not fit.
   */
  static fit(mantissa: bigint, scale: number, mode: DecimalRounding = 'toeven'): DecimalValue {
    const negative = mantissa < 0n;
    let m = abs(mantissa);
    let s = scale;
    if (s < 0) {
      m *= pow10(-s);
      s = 0;
    }
    if (s > DECIMAL_MAX_SCALE || m > DECIMAL_MAX_MANTISSA) {
      // Drop as many digits as needed at once, rounding on the exact remainder.
      let drop = Math.max(s - DECIMAL_MAX_SCALE, 0);
      while (drop < s && m / pow10(drop) > DECIMAL_MAX_MANTISSA) drop++;
      const den = pow10(drop);
      m = roundQuotient(m / den, m % den, den, negative, mode);
      s -= drop;
      if (m > DECIMAL_MAX_MANTISSA && s > 0) {
        m = roundQuotient(m / 10n, m % 10n, 10n, negative, mode);
        s--;
      }
      if (m > DECIMAL_MAX_MANTISSA) throw new DecimalOverflowError();
    }
    return new DecimalValue(negative ? -m : m, s);
  }

  /** An integer as a decimal (scale 0); throws DecimalOverflowError beyond ±(2^96 - 1). */
  static fromInteger(n: bigint): DecimalValue {
    if (abs(n) > DECIMAL_MAX_MANTISSA) throw new DecimalOverflowError();
    return new DecimalValue(n, 0);
  }

  /**
   * Convert.ToDecimal(double): the double rounded to 15 significant digits (7 for a [float]),
   * without trailing zeros, 0 below 1E-28; throws DecimalOverflowError for NaN, infinities and
   * beyond Decimal.MaxValue.
   */
  static fromDouble(x: number, significant = 15): DecimalValue {
    if (!Number.isFinite(x) || Math.abs(x) >= 7.9228162514264338e28) throw new DecimalOverflowError();
    if (x === 0) return DecimalValue.ZERO;
    const [digits, exponent] = x.toExponential(significant - 1).split('e') as [string, string];
    const parsed = DecimalValue.parse(`${digits}e${exponent}`);
    return parsed === undefined ? DecimalValue.ZERO : parsed.normalize();
  }

  /**
   * A double that stands for a decimal (a value computed as a double): its shortest text,
   * exactly. It never throws: NaN is 0 and a value beyond the range saturates at MinValue or MaxValue.
   */
  static fromShortest(x: number): DecimalValue {
    if (Number.isNaN(x)) return DecimalValue.ZERO;
    if (Math.abs(x) >= 7.9228162514264338e28) return x < 0 ? DecimalValue.MIN : DecimalValue.MAX;
    return DecimalValue.parse(String(x)) ?? DecimalValue.ZERO;
  }

  /**
   * Decimal text ('-12.50', '1e-3', '.5'), exactly with its scale (digits past 28 decimals round
   * half to even); undefined when it is not decimal text. Throws DecimalOverflowError when too large.
   */
  static parse(text: string): DecimalValue | undefined {
    const m = /^\s*([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
    if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return undefined;
    const intPart = m[2] ?? '';
    const fracPart = m[3] ?? '';
    const exponent = Number(m[4] ?? 0);
    if (exponent < -400) return DecimalValue.ZERO;
    if (exponent > 400) throw new DecimalOverflowError();
    const mantissa = BigInt(`${intPart}${fracPart}` || '0');
    return DecimalValue.fit(m[1] === '-' ? -mantissa : mantissa, fracPart.length - exponent);
  }

  /** True for zero, whatever its scale. */
  get isZero(): boolean {
    return this.mantissa === 0n;
  }

  /** -1, 0 or 1. */
  get sign(): number {
    return this.mantissa < 0n ? -1 : this.mantissa > 0n ? 1 : 0;
  }

  /** The nearest double. */
  toNumber(): number {
    return this.scale === 0 ? Number(this.mantissa) : Number(this.toString());
  }

  /** Decimal.ToString() (invariant): every digit of the scale, never E notation ('1.10', '0.0001'). */
  toString(): string {
    const digits = abs(this.mantissa).toString().padStart(this.scale + 1, '0');
    const sign = this.mantissa < 0n ? '-' : '';
    if (this.scale === 0) return sign + digits;
    return `${sign}${digits.slice(0, digits.length - this.scale)}.${digits.slice(digits.length - this.scale)}`;
  }

  /** The mantissa at a larger scale. */
  private mantissaAt(scale: number): bigint {
    return this.mantissa * pow10(scale - this.scale);
  }

  /** `this + other`, at the larger scale. */
  add(other: DecimalValue): DecimalValue {
    const scale = Math.max(this.scale, other.scale);
    return DecimalValue.fit(this.mantissaAt(scale) + other.mantissaAt(scale), scale);
  }

  /** `this - other`. */
  subtract(other: DecimalValue): DecimalValue {
    return this.add(other.negate());
  }

  /** `this * other`, at the sum of the scales (fewer when that does not fit). */
  multiply(other: DecimalValue): DecimalValue {
    return DecimalValue.fit(this.mantissa * other.mantissa, this.scale + other.scale);
  }

  /**
   * `this / other` as VarDecDiv computes it: an exact quotient keeps the natural scale (4.00/2 is
   * 2.00); otherwise the most digits that fit, rounded half to even, without trailing zeros
   * (10/3 is 3.3333333333333333333333333333). The caller checks for a zero divisor.
   */
  divide(other: DecimalValue): DecimalValue {
    if (other.isZero) throw new RangeError('Attempted to divide by zero.');
    const negative = this.sign * other.sign < 0;
    let scale = this.scale - other.scale;
    let num = abs(this.mantissa);
    const den = abs(other.mantissa);
    if (scale < 0) {
      num *= pow10(-scale);
      scale = 0;
    }
    let q = num / den;
    let rem = num % den;
    if (rem === 0n) return DecimalValue.fit(negative ? -q : q, scale);
    if (q > DECIMAL_MAX_MANTISSA) throw new DecimalOverflowError();
    while (rem !== 0n && scale < DECIMAL_MAX_SCALE) {
      const next = q * 10n + (rem * 10n) / den;
      if (next > DECIMAL_MAX_MANTISSA) break;
      q = next;
      rem = (rem * 10n) % den;
      scale++;
    }
    q = roundQuotient(q, rem, den, negative, 'toeven');
    if (q > DECIMAL_MAX_MANTISSA) {
      q = roundQuotient(q / 10n, q % 10n, 10n, negative, 'toeven');
      scale--;
    }
    return new DecimalValue(negative ? -q : q, scale).normalize();
  }

  /** `this % other`: the sign of the dividend, at the larger scale. The caller checks for a zero divisor. */
  remainder(other: DecimalValue): DecimalValue {
    if (other.isZero) throw new RangeError('Attempted to divide by zero.');
    const scale = Math.max(this.scale, other.scale);
    return new DecimalValue(this.mantissaAt(scale) % other.mantissaAt(scale), scale);
  }

  /** `-this`. */
  negate(): DecimalValue {
    return new DecimalValue(-this.mantissa, this.scale);
  }

  /** |this|. */
  abs(): DecimalValue {
    return this.mantissa < 0n ? this.negate() : this;
  }

  /** -1, 0 or 1 as this is below, equal to or above other (1.10 equals 1.1). */
  compare(other: DecimalValue): number {
    const scale = Math.max(this.scale, other.scale);
    const a = this.mantissaAt(scale);
    const b = other.mantissaAt(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Decimal.Round(d, decimals, mode): at most `decimals` digits after the point (a smaller scale is kept). */
  round(decimals: number, mode: DecimalRounding = 'toeven'): DecimalValue {
    if (this.scale <= decimals) return this;
    const den = pow10(this.scale - decimals);
    const q = roundQuotient(abs(this.mantissa) / den, abs(this.mantissa) % den, den, this.mantissa < 0n, mode);
    return new DecimalValue(this.mantissa < 0n ? -q : q, decimals);
  }

  /** The integer value rounded with a mode (Truncate, Floor, Ceiling, and the integer conversions' half to even). */
  toInteger(mode: DecimalRounding = 'toeven'): bigint {
    return this.round(0, mode).mantissa;
  }

  /** JSON.stringify's form: the text (a bigint has none). */
  toJSON(): string {
    return this.toString();
  }

  /** The same value without trailing zeros (1.500 → 1.5). */
  normalize(): DecimalValue {
    let m = this.mantissa;
    let s = this.scale;
    while (s > 0 && m % 10n === 0n) {
      m /= 10n;
      s--;
    }
    return s === this.scale ? this : new DecimalValue(m, s);
  }
}
