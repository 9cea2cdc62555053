/**
 * The binary and unary operators that are not arithmetic: comparison, matching, replace, split,
 * join, type tests, format, range. Short-circuit operators (-and, -or, ??) live in the evaluator.
 */
import {
  comparisonOperator,
  formatComposite,
  isEnumerable,
  PSChar,
  PSHashtable,
  PSTypeLiteral,
  requireType,
  toBoolean,
  toJsRegExp,
  toText,
  tryConvert,
  RuntimeError,
  errorRecord,
} from '@dpmsh/cmdlets';
import type { ComparisonOperator, TypeInfo } from '@dpmsh/cmdlets';
import type { BinaryOperator } from '../parser/ast.js';
import { arithmetic, asNumeric, bitwise } from './arithmetic.js';

/** Largest range PowerShell builds as an array (its own limit). */
const MAX_RANGE = 50_000_000;

const COMPARISONS = new Set<string>(['-eq', '-ne', '-gt', '-ge', '-lt', '-le', '-like', '-notlike', '-match', '-notmatch', '-contains', '-notcontains', '-in', '-notin']);

function typeOperand(value: unknown): TypeInfo {
  if (value instanceof PSTypeLiteral) return requireType(value.fullName);
  return requireType(toText(value));
}

function splitOperands(right: unknown): { pattern: string; max: number; options: string[] } {
  const parts = isEnumerable(right) ? right : [right];
  const pattern = toText(parts[0]);
  const max = parts.length > 1 ? Number(asNumeric(parts[1]) ?? 0) : 0;
  const options = parts.length > 2 ? toText(parts[2]).split(',').map((o) => o.trim().toLowerCase()) : [];
  return { pattern, max, options };
}

/** .NET Regex.Split: captured groups are included; at most `max` pieces when max > 0. */
function regexSplit(text: string, pattern: RegExp, max: number): string[] {
  const result: string[] = [];
  let last = 0;
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  for (const m of text.matchAll(global)) {
    if (max > 0 && result.length >= max - 1) break;
    if (m[0] === '' && (m.index === 0 || m.index === text.length)) continue;
    result.push(text.slice(last, m.index));
    for (let g = 1; g < m.length; g++) if (m[g] !== undefined) result.push(m[g]);
    last = m.index + m[0].length;
  }
  result.push(text.slice(last));
  return result;
}

function split(left: unknown, right: unknown, caseSensitive: boolean): string[] {
  const { pattern, max, options } = splitOperands(right);
  const simple = options.includes('simplematch');
  const source = simple ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern;
  const regex = toJsRegExp(source, { caseSensitive: caseSensitive && !options.includes('ignorecase'), regexOptions: options.filter((o) => o !== 'simplematch') });
  const items = isEnumerable(left) ? left : [left];
  return items.flatMap((item) => regexSplit(toText(item), regex, max));
}

/** .NET replacement syntax ($1, ${name}, $0, $$) in JS's. */
function jsReplacement(replacement: string): string {
  return replacement.replace(/\$(\$|\{([^}]+)\}|0|&|\d+)/g, (whole: string, token: string, name: string | undefined) => {
    if (token === '$') return '$$';
    if (name !== undefined) return /^\d+$/.test(name) ? `$${name}` : `$<${name}>`;
    if (token === '0') return '$&';
    return whole;
  });
}

function replace(left: unknown, right: unknown, caseSensitive: boolean): unknown {
  const parts = isEnumerable(right) ? right : [right];
  if (parts.length > 2) {
    throw new RuntimeError(
      errorRecord(
        'The -replace operator allows only two elements to follow it, not ' + parts.length + '.',
        'BadReplaceArgument',
        'InvalidOperation',
      ),
    );
  }
  const regex = toJsRegExp(toText(parts[0]), { caseSensitive, global: true });
  const replacement = parts.length > 1 ? jsReplacement(toText(parts[1])) : '';
  const one = (item: unknown): string => toText(item).replace(regex, replacement);
  return isEnumerable(left) ? left.map(one) : one(left);
}

function range(left: unknown, right: unknown): unknown[] {
  if ((typeof left === 'string' && left.length === 1 && typeof right === 'string' && right.length === 1) || (left instanceof PSChar && right instanceof PSChar)) {
    const from = typeof left === 'string' ? left.charCodeAt(0) : (left as PSChar).code;
    const to = typeof right === 'string' ? right.charCodeAt(0) : (right as PSChar).code;
    const step = from <= to ? 1 : -1;
    const out: PSChar[] = [];
    for (let c = from; step > 0 ? c <= to : c >= to; c += step) out.push(new PSChar(c));
    return out;
  }
  const from = Math.round(Number(asNumeric(left) ?? NaN));
  const to = Math.round(Number(asNumeric(right) ?? NaN));
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    throw new RuntimeError(errorRecord(`Cannot convert value "${toText(Number.isFinite(from) ? right : left)}" to type "System.Int32".`, 'InvalidCastFromStringToInteger', 'InvalidArgument'));
  }
  const count = Math.abs(to - from) + 1;
  if (count > MAX_RANGE) {
    throw new RuntimeError(errorRecord(`The range operator's result is too large: ${count} elements. The limit is ${MAX_RANGE}.`, 'RangeTooLarge', 'InvalidOperation'));
  }
  const out = new Array<number>(count);
  const step = from <= to ? 1 : -1;
  for (let i = 0, v = from; i < count; i++, v += step) out[i] = v;
  return out;
}

/** Runs a binary operator other than -and, -or and ??. */
export function binaryOperation(
  op: BinaryOperator,
  caseSensitive: boolean,
  left: unknown,
  right: unknown,
  setMatches: (matches: PSHashtable) => void,
): unknown {
  if (COMPARISONS.has(op)) {
    return comparisonOperator(op.slice(1) as ComparisonOperator, left, right, { caseSensitive, setMatches });
  }
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return arithmetic(op, left, right);
    case '-band':
    case '-bor':
    case '-bxor':
    case '-shl':
    case '-shr':
      return bitwise(op, left, right);
    case '-xor':
      return toBoolean(left) !== toBoolean(right);
    case '..':
      return range(left, right);
    case '-f':
      return formatComposite(toText(left), isEnumerable(right) ? right : [right]);
    case '-replace':
      return replace(left, right, caseSensitive);
    case '-split':
      return split(left, right, caseSensitive);
    case '-join': {
      const items = isEnumerable(left) ? left : [left];
      return items.map((i) => toText(i)).join(toText(right));
    }
    case '-is':
      return typeOperand(right).isInstance(left);
    case '-isnot':
      return !typeOperand(right).isInstance(left);
    case '-as': {
      const result = tryConvert(left, typeOperand(right));
      return result.ok ? result.value : null;
    }
    default:
      throw new Error(`bug: operator ${op} reached binaryOperation`);
  }
}

/** Unary `-split`: splits on whitespace, dropping empty entries. */
export function unarySplit(value: unknown): string[] {
  const items = isEnumerable(value) ? value : [value];
  return items.flatMap((i) => toText(i).split(/\s+/).filter((s) => s !== ''));
}

/** Unary `-join`: concatenates. */
export function unaryJoin(value: unknown): string {
  const items = isEnumerable(value) ? value : [value];
  return items.map((i) => toText(i)).join('');
}
