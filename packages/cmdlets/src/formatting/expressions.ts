/**
 * The -Property and -GroupBy arguments of the Format-* cmdlets: property names (wildcards
 * allowed), script blocks, and calculated properties `@{Name=...; Expression=...}` with the keys
 * PowerShell accepts for each cmdlet (any unique prefix: N, L, E, F, W, A) and its errors.
 */
import {
  PSHashtable,
  PSNumber,
  PSObject,
  isScriptBlock,
  ErrorRecord,
  PSException,
  RuntimeError,
  hasWildcard,
  matchWildcard,
  typeNameForMessage,
} from '@dpmsh/runtime';
import type { ScriptBlock, Scope } from '@dpmsh/runtime';
import type { Alignment } from './table.js';
import { propertyNames, readProperty } from './properties.js';
import type { PropertyRead } from './properties.js';

/** Which cmdlet's keys a calculated property may use. */
export type ParameterUse = 'table' | 'list' | 'wide' | 'groupBy';

/** A property name or script block that yields a value from an object. */
export class FormatExpression {
  constructor(
    /** The property name as written, or the script block. */
    readonly source: string | ScriptBlock,
  ) {}

  /** What a header shows for it: the name as written, or the script block's text. */
  get text(): string {
    return typeof this.source === 'string' ? this.source : this.source.text;
  }

  /** True for a property name with wildcard characters. */
  get isPattern(): boolean {
    return typeof this.source === 'string' && hasWildcard(this.source);
  }

  /** The properties it names on an object, spelled as the object spells them (every match of a pattern); a script block stands for itself. */
  resolve(obj: unknown): FormatExpression[] {
    if (typeof this.source !== 'string') return [this];
    const pattern = this.source;
    if (!hasWildcard(pattern)) {
      const lower = pattern.toLowerCase();
      const name = propertyNames(obj).find((n) => n.toLowerCase() === lower);
      return name === undefined ? [] : [new FormatExpression(name)];
    }
    return propertyNames(obj)
      .filter((name) => matchWildcard(name, pattern))
      .map((name) => new FormatExpression(name));
  }

  /** The value for an object; not found for a missing property or a script block that failed. */
  async evaluate(obj: unknown, scope?: Scope): Promise<PropertyRead> {
    if (typeof this.source === 'string') {
      const [first] = this.resolve(obj);
      const read: PropertyRead = first ? readProperty(obj, first.text) : { found: false };
      // A script property's getter runs a script block, so its value arrives later.
      if (read.found && read.value instanceof Promise) {
        try {
          return { found: true, value: (await read.value) as unknown };
        } catch {
          return { found: false };
        }
      }
      return read;
    }
    try {
      const output = await this.source.invoke({ dollarUnder: obj, scope });
      return { found: true, value: output.length === 0 ? null : output.length === 1 ? output[0] : output };
    } catch {
      // PowerShell shows an empty cell when the expression fails.
      return { found: false };
    }
  }
}

/** One -Property (or -GroupBy) argument, normalized. */
export interface FormatParameter {
  readonly expression: FormatExpression;
  /** Name/Label of a calculated property. */
  readonly label?: string;
  readonly formatString?: string;
  readonly width?: number;
  readonly alignment?: Alignment;
}

type Key = 'expression' | 'name' | 'formatString' | 'width' | 'alignment';

const KEYS: Record<ParameterUse, readonly Key[]> = {
  table: ['expression', 'name', 'formatString', 'width', 'alignment'],
  list: ['expression', 'name', 'formatString'],
  wide: ['expression', 'formatString'],
  groupBy: ['expression', 'name', 'formatString'],
};

// The spellings each key answers to; Name's second spelling is Label.
const SPELLINGS: Record<Key, readonly string[]> = {
  expression: ['expression'],
  name: ['name', 'label'],
  formatString: ['formatString'],
  width: ['width'],
  alignment: ['alignment'],
};

const EXPRESSION_TYPES = '{System.String, System.Management.Automation.ScriptBlock}';

function parameterError(errorId: string, message: string): RuntimeError {
  const record = new ErrorRecord({
    exception: new PSException('Specified method is not supported.', { typeName: 'System.NotSupportedException' }),
    errorId,
    category: 'InvalidArgument',
    detailsMessage: message,
  });
  return new RuntimeError(record);
}

function isPrefix(key: string, name: string): boolean {
  return key.length <= name.length && name.slice(0, key.length).toLowerCase() === key.toLowerCase();
}

function matchKey(key: string, allowed: readonly Key[]): Key {
  const matches = allowed.filter((k) => SPELLINGS[k].some((s) => isPrefix(key, s)));
  if (matches.length > 1) throw parameterError('DictionaryKeyAmbiguous', `The ${key} key is ambiguous; ${matches[0]} and ${matches[1]} conflict.`);
  if (matches.length === 0) throw parameterError('DictionaryKeyIllegal', `The ${key} key is not valid.`);
  return matches[0];
}

function unwrap(value: unknown): unknown {
  return value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
}

function integerOf(value: unknown): number | undefined {
  const v = unwrap(value);
  const n = v instanceof PSNumber ? v.value : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

function expressionOf(value: unknown, key?: string): FormatExpression {
  const v = unwrap(value);
  if (typeof v === 'string' || isScriptBlock(v)) return new FormatExpression(v);
  const type = typeNameForMessage(v);
  if (key !== undefined) throw parameterError('DictionaryKeyIllegalValue1', `The "${key}" key has a type, ${type}, that is not valid; expected types are ${EXPRESSION_TYPES}.`);
  throw parameterError('DictionaryKeyUnknownType', `Cannot convert ${type} to one of the following types ${EXPRESSION_TYPES}.`);
}

function alignmentOf(value: unknown, key: string): Alignment {
  const text = unwrap(value);
  if (typeof text === 'string' && text !== '') {
    for (const a of ['left', 'center', 'right'] as const) if (isPrefix(text, a)) return a;
  }
  throw parameterError('AlignmentIllegalValue', `The value "${String(text)}" for key "${key}" is not valid; valid values are {left, center, right}.`);
}

function stringOf(value: unknown, key: string): string {
  const v = unwrap(value);
  if (typeof v === 'string') return v;
  throw parameterError('DictionaryKeyIllegalValue2', `The "${key}" key has a type, ${typeNameForMessage(v)}, that is not valid; expected type is System.String.`);
}

function fromHashtable(table: PSHashtable, use: ParameterUse): FormatParameter {
  const seen = new Map<Key, unknown>();
  for (const [rawKey, value] of table.entries()) {
    if (typeof rawKey !== 'string') throw parameterError('DictionaryKeyNonString', `The ${typeNameForMessage(rawKey).replace(/^.*\./, '')} key type is not valid. The key must be a string.`);
    const key = matchKey(rawKey, KEYS[use]);
    if (seen.has(key)) throw parameterError('DictionaryKeyDuplicate', `The duplicated key "${rawKey}" conflicts with "${key}".`);
    if (value === null || value === undefined) throw parameterError('DictionaryKeyMissingValue', `The ${rawKey} key has no value.`);
    let normalized: unknown = value;
    switch (key) {
      case 'expression':
        normalized = expressionOf(value, rawKey);
        break;
      case 'name':
      case 'formatString':
        normalized = stringOf(value, rawKey);
        if (key === 'formatString' && normalized === '') throw parameterError('FormatStringEmpty', `Cannot have an empty formatting string for key "${key}".`);
        break;
      case 'width': {
        const width = integerOf(value);
        if (width === undefined) throw parameterError('DictionaryKeyIllegalValue2', `The "${rawKey}" key has a type, ${typeNameForMessage(unwrap(value))}, that is not valid; expected type is System.Int32.`);
        if (width <= 0) throw parameterError('WidthOutOfRange', `The value "${width}" for key "${key}" should be greater than 0.`);
        normalized = width;
        break;
      }
      case 'alignment':
        normalized = alignmentOf(value, key);
        break;
    }
    seen.set(key, normalized);
  }
  const expression = seen.get('expression');
  if (!(expression instanceof FormatExpression)) throw parameterError('DictionaryKeyMandatoryEntry', 'A mandatory entry for expression is missing.');
  return {
    expression,
    label: seen.get('name') as string | undefined,
    formatString: seen.get('formatString') as string | undefined,
    width: seen.get('width') as number | undefined,
    alignment: seen.get('alignment') as Alignment | undefined,
  };
}

/** Normalizes -Property (or -GroupBy) arguments; throws PowerShell's terminating errors for bad calculated properties. */
export function parseFormatParameters(values: readonly unknown[], use: ParameterUse): FormatParameter[] {
  return values.map((value) => {
    const v = unwrap(value);
    if (v instanceof PSHashtable) return fromHashtable(v, use);
    return { expression: expressionOf(v) };
  });
}

/** A parameter applied to an object: wildcards expanded into the properties they match. */
export interface ResolvedParameter extends FormatParameter {
  /** The label to show: the calculated property's Name, else the expression's text. */
  readonly name: string;
}

/**
 * Expands parameters against an object, as Format-Table does on the first object and Format-List
 * on each. A table keeps a plain name the object lacks (an empty column); a list drops it.
 */
export function resolveParameters(parameters: readonly FormatParameter[], obj: unknown, keepMissing: boolean): ResolvedParameter[] {
  const out: ResolvedParameter[] = [];
  for (const p of parameters) {
    const resolved = p.expression.resolve(obj);
    if (resolved.length === 0 && keepMissing && !p.expression.isPattern) out.push({ ...p, name: p.label ?? p.expression.text });
    for (const expression of resolved) out.push({ ...p, expression, name: p.label ?? expression.text });
  }
  return out;
}

/** One expression per property of an object: what a table or list shows when no -Property is given. */
export function allProperties(obj: unknown, names?: readonly string[]): ResolvedParameter[] {
  return (names ?? propertyNames(obj)).map((name) => ({ expression: new FormatExpression(name), name }));
}
