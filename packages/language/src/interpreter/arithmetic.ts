/**
 * PowerShell's arithmetic: the left operand decides what an operator means (`'1' + 2` is '12',
 * `1 + '2'` is 3, arrays concatenate, hashtables merge), and numbers widen as .NET's do, with an
 * integer overflow turning into a double.
 */
import { DecimalOverflowError, decimalOf, fitsIntegerType, integerOf, isEnumerable, makeDecimal, makeInteger, makeNumber, roundToInteger, numericType, PSChar, PSDateTime, PSEnumValue, PSException, PSHashtable, PSNumber, PSTimeSpan, RuntimeError, errorRecord, parseNumber, toText } from '@dpmsh/runtime';
import type { Numeric, NumericType } from '@dpmsh/runtime';

/** The arithmetic operators. */
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function divideByZero(): RuntimeError {
  // PowerShell reports the .NET DivideByZeroException inside the RuntimeException it wraps it in.
  const inner = new PSException('Attempted to divide by zero.', { typeName: 'System.DivideByZeroException' });
  return new RuntimeError(errorRecord('Attempted to divide by zero.', 'RuntimeException', 'NotSpecified', { inner }));
}

function operationError(message: string, id: string): RuntimeError {
  return new RuntimeError(errorRecord(message, id, 'InvalidOperation'));
}

/** A value as a number for arithmetic, or undefined when it is not one. */
export function asNumeric(value: unknown): Numeric | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof PSNumber) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || value === undefined) return 0;
  if (value instanceof PSChar) return value.code;
  if (value instanceof PSEnumValue) return value.value;
  if (typeof value === 'string') return value.trim() === '' ? 0 : parseNumber(value);
  return undefined;
}

function toNumericOrThrow(value: unknown, targetType: string): Numeric {
  const n = asNumeric(value);
  if (n === undefined) {
    const shown = toText(value);
    throw new RuntimeError(
      errorRecord(
        `Cannot convert value "${shown}" to type "System.${targetType}". Error: "The input string '${shown}' was not in a correct format."`,
        'InvalidCastFromStringToInteger',
        'InvalidArgument',
        { typeName: 'System.Management.Automation.PSInvalidCastException', targetObject: value },
      ),
    );
  }
  return n;
}

function resultType(a: NumericType, b: NumericType): 'Double' | 'Decimal' | 'Int64' | 'Int32' {
  if (a === 'Double' || b === 'Double' || a === 'Single' || b === 'Single') return 'Double';
  if (a === 'Decimal' || b === 'Decimal') return 'Decimal';
  if (a === 'Int64' || b === 'Int64' || a === 'UInt64' || b === 'UInt64' || a === 'UInt32' || b === 'UInt32') return 'Int64';
  return 'Int32';
}

function doubleOperation(op: ArithmeticOperator, a: number, b: number): Numeric {
  switch (op) {
    case '+':
      return makeNumber('Double', a + b);
    case '-':
      return makeNumber('Double', a - b);
    case '*':
      return makeNumber('Double', a * b);
    case '/':
      return makeNumber('Double', a / b);
    case '%':
      return makeNumber('Double', a % b);
  }
}

/** DecimalOps: exact, and an overflow is PowerShell's RuntimeException around .NET's OverflowException. */
function decimalOperation(op: ArithmeticOperator, left: Numeric, right: Numeric): Numeric {
  try {
    const a = decimalOf(left);
    const b = decimalOf(right);
    if ((op === '/' || op === '%') && b.isZero) throw divideByZero();
    switch (op) {
      case '+':
        return makeDecimal(a.add(b));
      case '-':
        return makeDecimal(a.subtract(b));
      case '*':
        return makeDecimal(a.multiply(b));
      case '/':
        return makeDecimal(a.divide(b));
      case '%':
        return makeDecimal(a.remainder(b));
    }
  } catch (e) {
    if (!(e instanceof DecimalOverflowError)) throw e;
    const inner = new PSException(e.message, { typeName: 'System.OverflowException' });
    throw new RuntimeError(errorRecord(e.message, 'RuntimeException', 'NotSpecified', { inner }));
  }
}

/**
 * IntOps and LongOps: exact integers; a result outside the type (Int32 or Int64) is computed as
 * a double instead, and a division that is not exact gives a double.
 */
function integerOperation(op: ArithmeticOperator, type: 'Int32' | 'Int64', left: Numeric, right: Numeric): Numeric {
  const a = integerOf(left);
  const b = integerOf(right);
  let value: bigint;
  switch (op) {
    case '+':
      value = a + b;
      break;
    case '-':
      value = a - b;
      break;
    case '*':
      value = a * b;
      break;
    case '/':
      if (b === 0n) throw divideByZero();
      if (a % b !== 0n) return makeNumber('Double', Number(a) / Number(b));
      value = a / b;
      break;
    case '%':
      if (b === 0n) throw divideByZero();
      value = a % b;
      break;
  }
  if (!fitsIntegerType(type, value)) return doubleOperation(op, Number(a), Number(b));
  return makeInteger(type, value);
}

/** A numeric operation with .NET's widening and PowerShell's overflow-to-double. */
export function numericOperation(op: ArithmeticOperator, left: Numeric, right: Numeric): Numeric {
  const type = resultType(numericType(left), numericType(right));
  if (type === 'Double') return doubleOperation(op, Number(left), Number(right));
  if (type === 'Decimal') return decimalOperation(op, left, right);
  if (type === 'Int32' && typeof left === 'number' && typeof right === 'number') return int32Operation(op, left, right);
  return integerOperation(op, type, left, right);
}

/** The common case, two ints: exact as doubles, so no bigint is needed. */
function int32Operation(op: ArithmeticOperator, a: number, b: number): Numeric {
  let value: number;
  switch (op) {
    case '+':
      value = a + b;
      break;
    case '-':
      value = a - b;
      break;
    case '*':
      value = a * b;
      break;
    case '/':
      if (b === 0) throw divideByZero();
      if (a % b !== 0) return makeNumber('Double', a / b);
      value = a / b;
      break;
    case '%':
      if (b === 0) throw divideByZero();
      value = a % b;
      break;
  }
  // JS has a negative zero integer (-4 % 2, 0 * -1); .NET does not.
  return value >= INT32_MIN && value <= INT32_MAX ? value || 0 : makeNumber('Double', value);
}

function mergeHashtables(left: PSHashtable, right: unknown): PSHashtable {
  if (!(right instanceof PSHashtable)) {
    throw operationError('A hash table can only be added to another hash table.', 'AddHashTableToNonHashTable');
  }
  const merged = left.clone();
  for (const [key, value] of right.entries()) {
    if (merged.has(key)) {
      throw operationError(`Item has already been added. Key in dictionary: '${toText(key)}'  Key being added: '${toText(key)}'`, 'System.ArgumentException');
    }
    merged.set(key, value);
  }
  return merged;
}

/** `left + right` etc., with the left operand deciding. */
export function arithmetic(op: ArithmeticOperator, left: unknown, right: unknown): unknown {
  if (op === '+') {
    if (left === null || left === undefined) return right;
    if (isEnumerable(left)) return isEnumerable(right) ? [...left, ...right] : [...left, right];
    if (left instanceof PSHashtable) return mergeHashtables(left, right);
    if (typeof left === 'string') return left + toText(right);
    if (left instanceof PSDateTime && right instanceof PSTimeSpan) return new PSDateTime(left.ms + right.totalMilliseconds, left.kind);
    if (left instanceof PSTimeSpan && right instanceof PSTimeSpan) return new PSTimeSpan(left.ticks + right.ticks);
  }
  if (op === '-') {
    if (left instanceof PSDateTime && right instanceof PSDateTime) return PSTimeSpan.fromMilliseconds(left.ms - right.ms);
    if (left instanceof PSDateTime && right instanceof PSTimeSpan) return new PSDateTime(left.ms - right.totalMilliseconds, left.kind);
    if (left instanceof PSTimeSpan && right instanceof PSTimeSpan) return new PSTimeSpan(left.ticks - right.ticks);
  }
  if (op === '*') {
    if (typeof left === 'string') {
      const times = Number(toNumericOrThrow(right, 'Int32'));
      return left.repeat(Math.max(0, Math.trunc(times)));
    }
    if (isEnumerable(left)) {
      const times = Math.max(0, Math.trunc(Number(toNumericOrThrow(right, 'Int32'))));
      const result: unknown[] = [];
      for (let i = 0; i < times; i++) result.push(...left);
      return result;
    }
  }
  if (isEnumerable(left) || left instanceof PSHashtable) {
    const typeName = isEnumerable(left) ? 'System.Object[]' : 'System.Collections.Hashtable';
    throw operationError(`Method invocation failed because [${typeName}] does not contain a method named 'op_${opName(op)}'.`, 'MethodNotFound');
  }
  const l = left === null || left === undefined ? 0 : toNumericOrThrow(left, 'Int32');
  const r = right === null || right === undefined ? 0 : toNumericOrThrow(right, numericType(l) === 'Double' ? 'Double' : 'Int32');
  return numericOperation(op, l, r);
}

function opName(op: ArithmeticOperator): string {
  return { '+': 'Addition', '-': 'Subtraction', '*': 'Multiply', '/': 'Division', '%': 'Modulus' }[op];
}

/** `-x`, which PowerShell computes as `0 - x` for integers: -[int]::MinValue overflows to a double. */
export function negate(value: unknown): unknown {
  const n = toNumericOrThrow(value, 'Int32');
  if (value instanceof PSTimeSpan) return new PSTimeSpan(-value.ticks);
  const type = numericType(n);
  if (type === 'Decimal') return makeDecimal(decimalOf(n).negate());
  if (type === 'Double' || type === 'Single') return makeNumber(type, -Number(n));
  return numericOperation('-', 0, n);
}

function bits64(value: unknown): { value: bigint; wide: boolean } {
  const n = toNumericOrThrow(value, 'Int64');
  const type = numericType(n);
  const rounded = type === 'Double' || type === 'Single' || type === 'Decimal' ? roundToInteger(n) : integerOf(n);
  return { value: BigInt.asIntN(64, rounded ?? 0n), wide: type === 'Int64' || type === 'UInt64' };
}

/** Bitwise operators work on 64-bit integers. */
export function bitwise(op: '-band' | '-bor' | '-bxor' | '-shl' | '-shr', left: unknown, right: unknown): Numeric {
  const x = bits64(left);
  const y = bits64(right);
  const a = x.value;
  const b = y.value;
  let r: bigint;
  switch (op) {
    case '-band':
      r = a & b;
      break;
    case '-bor':
      r = a | b;
      break;
    case '-bxor':
      r = a ^ b;
      break;
    case '-shl':
      r = BigInt.asIntN(64, a << (b & 63n));
      break;
    case '-shr':
      r = a >> (b & 63n);
      break;
  }
  const wide = x.wide || y.wide;
  return wide ? makeInteger('Int64', r) : makeInteger('Int32', BigInt.asIntN(32, r));
}

/** `-bnot x`. */
export function bitwiseNot(value: unknown): Numeric {
  const { value: n, wide } = bits64(value);
  return wide ? makeInteger('Int64', ~n) : makeInteger('Int32', BigInt.asIntN(32, ~n));
}
