/**
 * The keys Sort-Object, Group-Object, Compare-Object and Measure-Object read from objects
 * (PowerShell's OrderByProperty and ObjectCommandComparer): property names (wildcards allowed),
 * script blocks and hashtables with Expression/Ascending/Descending, and the ordering that
 * compares key values as -lt does, falling back to their strings, with missing properties last.
 */
import { propertyNames } from '../formatting/properties.js';
import {
  compare,
  stringCompare,
  toBoolean,
  errorRecord,
  RuntimeError,
  findProperty,
  toText,
  baseOf,
  typeNameForMessage,
  isScriptBlock,
  PSHashtable,
  PSObject,
  hasWildcard,
  matchWildcard,
} from '@dpmsh/runtime';
import type { ScriptBlock } from '@dpmsh/runtime';
import type { CmdletContext } from '../session/cmdlet.js';

/** One key: what to read and, from a hashtable, its own direction. */
export interface ObjectKey {
  readonly expression: string | ScriptBlock;
  /** Set by a hashtable's Ascending/Descending entry; undefined follows -Descending. */
  readonly ascending?: boolean;
}

/** A key's value for one object: `exists` is false when the object has no such property. */
export interface KeyValue {
  readonly exists: boolean;
  readonly value: unknown;
}

/** The value a missing property reads as. */
export const MISSING: KeyValue = { exists: false, value: null };

/** The name PowerShell gives a key in output (Compare-Object's columns): the name, or the script block's text. */
export function keyText(key: ObjectKey): string {
  return typeof key.expression === 'string' ? key.expression : key.expression.text;
}

function unwrap(value: unknown): unknown {
  return value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
}

function keyError(message: string, errorId: string): RuntimeError {
  return new RuntimeError(errorRecord(message, errorId, 'InvalidArgument', { typeName: 'System.NotSupportedException' }));
}

function isPrefix(written: string, full: string): boolean {
  return written.length > 0 && full.toLowerCase().startsWith(written.toLowerCase());
}

/**
 * Normalizes -Property arguments. `directions` allows a hashtable's Ascending and Descending
 * entries (Sort-Object); every cmdlet allows Expression. Bad entries throw PowerShell's errors.
 */
export function parseKeys(values: readonly unknown[] | undefined, directions: boolean): ObjectKey[] {
  const keys: ObjectKey[] = [];
  for (const raw of values ?? []) {
    const value = unwrap(raw);
    if (typeof value === 'string' || isScriptBlock(value)) {
      keys.push({ expression: value });
      continue;
    }
    if (!(value instanceof PSHashtable)) {
      throw keyError(`Cannot convert ${typeNameForMessage(value)} to one of the following types {System.String, System.Management.Automation.ScriptBlock}.`, 'DictionaryKeyUnknownType');
    }
    let expression: string | ScriptBlock | undefined;
    let ascending: boolean | undefined;
    for (const [k, v] of value.entries()) {
      const name = String(k);
      const allowed = directions ? ['Expression', 'Ascending', 'Descending'] : ['Expression'];
      const matched = allowed.filter((a) => isPrefix(name, a));
      if (matched.length === 0) throw keyError(`The ${name} key is not valid.`, 'DictionaryKeyIllegal');
      if (matched.length > 1) throw keyError(`The ${name} key is ambiguous; ${matched[0]} and ${matched[1]} conflict.`, 'DictionaryKeyAmbiguous');
      const entry = unwrap(v);
      if (matched[0] === 'Expression') {
        if (typeof entry !== 'string' && !isScriptBlock(entry)) {
          throw keyError(`The "${name}" key has a type, ${typeNameForMessage(entry)}, that is not valid; expected types are {System.String, System.Management.Automation.ScriptBlock}.`, 'DictionaryKeyIllegalValue1');
        }
        expression = entry;
      } else {
        const on = toBoolean(entry);
        ascending = matched[0] === 'Ascending' ? on : !on;
      }
    }
    if (expression === undefined) throw keyError('A mandatory entry for expression is missing.', 'DictionaryKeyMandatoryEntry');
    keys.push({ expression, ascending });
  }
  return keys;
}

/** Reads a property by name, a wildcard giving the first property it matches. */
export function readNamed(obj: unknown, name: string): KeyValue {
  if (obj === null || obj === undefined) return MISSING;
  let actual = name;
  if (hasWildcard(name)) {
    const match = propertyNames(obj).find((n) => matchWildcard(n, name));
    if (match === undefined) return MISSING;
    actual = match;
  }
  const hit = findProperty(obj, actual);
  return hit ? { exists: true, value: hit.value } : MISSING;
}

/** Runs a script block with `$_` set to the object, as a key or calculated property does; one output is the value. */
export async function evaluateBlock(block: ScriptBlock, obj: unknown, ctx: CmdletContext<unknown>): Promise<unknown> {
  const output = await block.invoke({ dollarUnder: obj, scope: ctx.scope, signal: ctx.signal, streams: ctx.streams });
  return output.length === 0 ? null : output.length === 1 ? output[0] : output;
}

/** A key's value for an object. */
export async function evaluateKey(key: ObjectKey, obj: unknown, ctx: CmdletContext<unknown>): Promise<KeyValue> {
  if (typeof key.expression === 'string') return readNamed(obj, key.expression);
  return { exists: true, value: await evaluateBlock(key.expression, obj, ctx) };
}

/** The key values of an object: the keys' values, or the object itself when there are no keys. */
export async function keyValues(keys: readonly ObjectKey[], obj: unknown, ctx: CmdletContext<unknown>): Promise<KeyValue[]> {
  if (keys.length === 0) return [{ exists: true, value: obj }];
  const out: KeyValue[] = [];
  for (const key of keys) out.push(await evaluateKey(key, obj, ctx));
  return out;
}

/** ObjectCommandComparer: two values as -lt orders them, as strings when they cannot be compared; $null equals $null. */
export function compareValues(a: unknown, b: unknown, caseSensitive: boolean): number {
  const x = baseOf(a);
  const y = baseOf(b);
  const xNull = x === null || x === undefined;
  const yNull = y === null || y === undefined;
  if (xNull && yNull) return 0;
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
  if (typeof x === 'string' && typeof y === 'string') return stringCompare(x, y, caseSensitive);
  try {
    return compare(x, y, { caseSensitive });
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    return stringCompare(toText(x), toText(y), caseSensitive);
  }
}

/** Two key values: a missing property sorts after every present one, whatever the direction. */
export function compareKeyValue(a: KeyValue, b: KeyValue, ascending: boolean, caseSensitive: boolean): number {
  if (a.exists && b.exists) {
    const r = compareValues(a.value, b.value, caseSensitive);
    return ascending ? r : -r;
  }
  if (a.exists) return -1;
  if (b.exists) return 1;
  return 0;
}

/** Two rows of key values, key by key. */
export function compareRows(a: readonly KeyValue[], b: readonly KeyValue[], ascending: readonly boolean[], caseSensitive: boolean): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const r = compareKeyValue(a[i]!, b[i]!, ascending[i] ?? true, caseSensitive);
    if (r !== 0) return r;
  }
  return 0;
}

/** A quick equality for hashing rows of strings and numbers; undefined when the values need the full comparison. */
export function simpleKey(values: readonly KeyValue[], caseSensitive: boolean): string | undefined {
  let key = '';
  for (const v of values) {
    if (!v.exists) key += '\u0000m';
    else if (v.value === null || v.value === undefined) key += '\u0000n';
    else if (typeof v.value === 'number') key += `\u0000#${v.value}`;
    else if (typeof v.value === 'string' && /^[\x20-\x7e]*$/.test(v.value)) key += `\u0000s${caseSensitive ? v.value : v.value.toLowerCase()}`;
    else return undefined;
  }
  return key;
}

/** Sorts entries by their keys, stably: Sort-Object's order, and Group-Object's when it sorts its groups. */
export function sortEntries<T extends { readonly keys: readonly KeyValue[] }>(entries: T[], ascending: readonly boolean[], caseSensitive: boolean): T[] {
  return entries.sort((a, b) => compareRows(a.keys, b.keys, ascending, caseSensitive));
}
