/**
 * PowerShell's arithmetic: the left operand decides what an operator means (`'1' + 2` is '12',
 * `1 + '2'` is 3, arrays concatenate, hashtables merge), and numbers widen as .NET's do, with an
 * integer overflow turning into a double.
 */
import {
  isEnumerable,
  makeNumber,
  numericType,
  PSChar,
  PSDateTime,
  PSEnumValue,
  PSException,
  PSHashtable,
  PSNumber,
  PSTimeSpan,
  RuntimeError,
  errorRecord,
  parseNumber,
  toText,
} from '@dpmsh/cmdlets';
import type { Numeric, NumericType } from '@dpmsh/cmdlets';

/** The arithmetic operators. */
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

const INTEGER_TYPES = new Set<NumericType>(['Byte', 'SByte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64']);
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

function resultType(a: NumericType, b: NumericType): NumericType {
  if (a === 'Double' || b === 'Double' || a === 'Single' || b === 'Single') return 'Double';
  if (a === 'Decimal' || b === 'Decimal') return 'Decimal';
  if (a === 'Int64' || b === 'Int64' || a === 'UInt64' || b === 'UInt64' || a === 'UInt32' || b === 'UInt32') return 'Int64';
  return 'Int32';
}

function fitsInteger(type: NumericType, n: number): boolean {
  if (!Number.isInteger(n)) return false;
  if (type === 'Int32') return n >= INT32_MIN && n <= INT32_MAX;
  return Number.isSafeInteger(n);
}

/** A numeric operation with .NET's widening and PowerShell's overflow-to-double. */
export function numericOperation(op: ArithmeticOperator, left: Numeric, right: Numeric): Numeric {
  const lt = numericType(left);
  const rt = numericType(right);
  const type = resultType(lt, rt);
  const a = Number(left);
  const b = Number(right);
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
      if (b === 0 && type !== 'Double') throw divideByZero();
      value = a / b;
      // Integer division keeps its type only when it is exact: 4/2 is [int] 2, 5/2 is 2.5.
      if (INTEGER_TYPES.has(type) && !Number.isInteger(value)) return makeNumber('Double', value);
      break;
    case '%':
      if (b === 0 && type !== 'Double') throw divideByZero();
      value = a % b;
      break;
  }
  if (INTEGER_TYPES.has(type) && !fitsInteger(type, value)) {
    return makeNumber('Double', value);
  }
  return makeNumber(type, value);
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

/** `-x`. */
export function negate(value: unknown): unknown {
  const n = toNumericOrThrow(value, 'Int32');
  if (value instanceof PSTimeSpan) return new PSTimeSpan(-value.ticks);
  return makeNumber(numericType(n) === 'Int32' && Number(n) === INT32_MIN ? 'Int64' : numericType(n), -Number(n));
}

/** Bitwise operators work on 64-bit integers. */
export function bitwise(op: '-band' | '-bor' | '-bxor' | '-shl' | '-shr', left: unknown, right: unknown): Numeric {
  const a = BigInt.asIntN(64, BigInt(Math.trunc(Number(toNumericOrThrow(left, 'Int64')))));
  const b = BigInt.asIntN(64, BigInt(Math.trunc(Number(toNumericOrThrow(right, 'Int64')))));
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
  const wide = numericType(toNumericOrThrow(left, 'Int64')) === 'Int64' || numericType(toNumericOrThrow(right, 'Int64')) === 'Int64';
  const n = Number(wide ? r : BigInt.asIntN(32, r));
  return makeNumber(wide ? 'Int64' : 'Int32', n);
}

/** `-bnot x`. */
export function bitwiseNot(value: unknown): Numeric {
  const n = toNumericOrThrow(value, 'Int32');
  const type = numericType(n) === 'Int64' ? 'Int64' : 'Int32';
  return makeNumber(type, type === 'Int32' ? ~Number(n) : Number(~BigInt(Math.trunc(Number(n)))));
}
