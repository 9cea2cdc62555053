/**
 * The binary and unary operators that are not arithmetic: comparison, matching, replace, split,
 * join, type tests, format, range. Short-circuit operators (-and, -or, ??) live in the evaluator.
 */
import { comparisonOperator, compileRegex, enumerableItems, errorRecord, formatComposite, isScriptBlock, PSChar, PSRegex, PSTypeLiteral, regexEscape, regexReplace, regexSplit, requireType, RuntimeError, toBoolean, toText, tryConvert } from '@dpmsh/runtime';
import type { ComparisonOperator, PSHashtable, TypeInfo } from '@dpmsh/runtime';
import type { BinaryOperator } from '../parser/ast.js';
import { arithmetic, asNumeric, bitwise } from './arithmetic.js';

/** Largest range dpmsh builds as an array. */
const MAX_RANGE = 50_000_000;

const COMPARISONS = new Set<string>(['-eq', '-ne', '-gt', '-ge', '-lt', '-le', '-like', '-notlike', '-match', '-notmatch', '-contains', '-notcontains', '-in', '-notin']);

function itemsOf(value: unknown): readonly unknown[] {
  return enumerableItems(value) ?? [value];
}

function typeOperand(value: unknown): TypeInfo {
  if (value instanceof PSTypeLiteral) return requireType(value.fullName);
  return requireType(toText(value));
}

function regexOptions(caseSensitive: boolean, extra: readonly string[] = []): string[] {
  return caseSensitive ? [...extra] : ['IgnoreCase', ...extra];
}

/** `-split pattern` or `-split pattern, max, 'Options'` (SimpleMatch, IgnoreCase, Multiline...). */
function split(left: unknown, right: unknown, caseSensitive: boolean): string[] {
  const parts = itemsOf(right);
  const pattern = parts[0];
  const max = parts.length > 1 ? Number(asNumeric(parts[1]) ?? 0) : 0;
  const options = parts.length > 2 ? toText(parts[2]).split(',').map((o) => o.trim().toLowerCase()) : [];
  const simple = options.includes('simplematch');
  const extra = options.filter((o) => o !== 'simplematch' && o !== 'regexmatch' && o !== 'ignorecase');
  const source = pattern instanceof PSRegex ? pattern : simple ? regexEscape(toText(pattern)) : toText(pattern);
  const rx = compileRegex(source, regexOptions(caseSensitive && !options.includes('ignorecase'), extra));
  return itemsOf(left).flatMap((item) => regexSplit(toText(item), rx, max));
}

/** `-replace pattern, replacement` with .NET's substitutions, or a script block per match. */
async function replace(left: unknown, right: unknown, caseSensitive: boolean): Promise<unknown> {
  const parts = itemsOf(right);
  if (parts.length > 2) {
    throw new RuntimeError(errorRecord(`The -replace operator allows only two elements to follow it, not ${parts.length}.`, 'BadReplaceArgument', 'InvalidOperation'));
  }
  const rx = compileRegex(parts[0] instanceof PSRegex ? parts[0] : toText(parts[0]), regexOptions(caseSensitive));
  const replacement = parts.length < 2 ? '' : isScriptBlock(parts[1]) ? parts[1] : toText(parts[1]);
  const items = enumerableItems(left);
  if (!items) return regexReplace(toText(left), rx, replacement);
  const out: string[] = [];
  for (const item of items) out.push(await regexReplace(toText(item), rx, replacement));
  return out;
}

/**
 * An integer range enumerated lazily, for a range at the head of a pipeline (`1..1e9 | Select-Object
 * -First 2` stops early, as PowerShell's range enumerator does); undefined for a range of chars.
 */
export function lazyRange(left: unknown, right: unknown): Iterable<number> | undefined {
  const isChar = (v: unknown): boolean => v instanceof PSChar || (typeof v === 'string' && v.length === 1 && !/\d/.test(v));
  if (isChar(left) && isChar(right)) return undefined;
  const from = Math.round(Number(asNumeric(left) ?? NaN));
  const to = Math.round(Number(asNumeric(right) ?? NaN));
  if (!Number.isFinite(from) || !Number.isFinite(to)) return undefined;
  const step = from <= to ? 1 : -1;
  return {
    *[Symbol.iterator]() {
      for (let v = from; step > 0 ? v <= to : v >= to; v += step) yield v;
    },
  };
}

function range(left: unknown, right: unknown): unknown[] {
  const single = (v: unknown): number | undefined => (v instanceof PSChar ? v.code : typeof v === 'string' && v.length === 1 ? v.charCodeAt(0) : undefined);
  const [fromChar, toChar] = [single(left), single(right)];
  if (fromChar !== undefined && toChar !== undefined && (typeof left !== 'string' || !/\d/.test(left))) {
    const step = fromChar <= toChar ? 1 : -1;
    const out: PSChar[] = [];
    for (let c = fromChar; step > 0 ? c <= toChar : c >= toChar; c += step) out.push(new PSChar(c));
    return out;
  }
  const from = Math.round(Number(asNumeric(left) ?? NaN));
  const to = Math.round(Number(asNumeric(right) ?? NaN));
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    const bad = toText(Number.isFinite(from) ? right : left);
    throw new RuntimeError(
      errorRecord(`Cannot convert value "${bad}" to type "System.Int32". Error: "The input string '${bad}' was not in a correct format."`, 'InvalidCastFromStringToInteger', 'InvalidArgument', {
        typeName: 'System.Management.Automation.PSInvalidCastException',
      }),
    );
  }
  const count = Math.abs(to - from) + 1;
  if (count > MAX_RANGE) {
    throw new RuntimeError(errorRecord(`The range ${from}..${to} has ${count} elements; dpmsh builds at most ${MAX_RANGE}. Use a for loop instead.`, 'RangeTooLarge', 'InvalidOperation'));
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
      return formatComposite(toText(left), [...itemsOf(right)]);
    case '-replace':
      return replace(left, right, caseSensitive);
    case '-split':
      return split(left, right, caseSensitive);
    case '-join':
      return itemsOf(left).map((i) => toText(i)).join(toText(right));
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
  return itemsOf(value).flatMap((i) => toText(i).split(/\s+/).filter((s) => s !== ''));
}

/** Unary `-join`: concatenates. */
export function unaryJoin(value: unknown): string {
  return itemsOf(value).map((i) => toText(i)).join('');
}
