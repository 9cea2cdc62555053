/**
 * How a single value prints: scalars as their text, one value per line; property values in a
 * table or list cell as PowerShell's formatter writes them (collections as `{a, b, c…}`).
 */
import {
  PSDateTime,
  PSHashtable,
  PSList,
  PSNumber,
  PSObject,
  PSTypeLiteral,
  isScriptBlock,
  numericType,
  toText,
  typeNamesOf,
  formatDateTime,
  formatComposite,
  formatNumeric,
  formatValue,
} from '@dpmsh/runtime';
import type { Numeric } from '@dpmsh/runtime';
import { ELLIPSIS, splitLines } from './lines.js';
import { isDictionaryEntry } from './enumerate.js';

/** $FormatEnumerationLimit's default: how many items of a collection a cell shows. */
export const DEFAULT_ENUMERATION_LIMIT = 4;

// The types PowerShell's formatter always writes as their text (DefaultScalarTypes), and enums.
const SCALAR_TYPE_NAMES = new Set(
  [
    'System.String',
    'System.SByte',
    'System.Byte',
    'System.Int16',
    'System.UInt16',
    'System.Int32',
    'System.UInt32',
    'System.Int64',
    'System.UInt64',
    'System.Char',
    'System.Single',
    'System.Double',
    'System.Boolean',
    'System.Decimal',
    'System.IntPtr',
    'System.Security.SecureString',
    'System.Numerics.BigInteger',
  ].map((n) => n.toLowerCase()),
);

/** True for the values that print as their text: strings, numbers, booleans, chars, enums, secure strings (and script blocks). */
export function isScalar(value: unknown): boolean {
  // PowerShell prints a script block as its text rather than as its many properties.
  if (isScriptBlock(value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value)) return true;
  const names = typeNamesOf(value);
  if (names.length === 0) return false;
  if (names[1] === 'System.Enum') return true;
  return SCALAR_TYPE_NAMES.has(names[0].toLowerCase());
}

/**
 * A value as the formatter's ToString() writes it: PowerShell's string conversion, except that a
 * date uses the culture's general format ('11/23/2026 2:30:01 AM') and a type its full name.
 */
export function displayText(value: unknown): string {
  if (value instanceof PSObject && value.baseObject !== undefined) return displayText(value.baseObject);
  if (value instanceof PSDateTime) return formatDateTime(value);
  if (value instanceof PSTypeLiteral) return value.fullName;
  return toText(value);
}

/** The lines a scalar prints as at the top level of output. */
export function scalarLines(value: unknown): string[] {
  return splitLines(displayText(value));
}

/** The items the formatter enumerates in a cell: arrays, lists and hashtables (by key); undefined for anything else. */
function cellItems(value: unknown): readonly unknown[] | undefined {
  const base = value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
  if (Array.isArray(base)) return base;
  if (base instanceof PSList) return base.items;
  // A dictionary enumerates entries, whose display name is their key.
  if (base instanceof PSHashtable) return base.keys();
  return undefined;
}

/** How one item of a collection shows inside `{...}`. */
function itemText(item: unknown): string {
  if (item === null || item === undefined) return '$null';
  // A dictionary entry has no ToString of its own: the formatter falls back to its Name, the key.
  if (isDictionaryEntry(item)) return displayText(item.read('Key'));
  // A hashtable's display name is its Keys collection, which converts to its keys joined by spaces.
  if (item instanceof PSHashtable) return item.keys().map(displayText).join(' ');
  return displayText(item);
}

/** A collection as a cell shows it: `{a, b, c}`, cut after `limit` items with '…' (no limit when negative). */
export function collectionText(items: readonly unknown[], limit: number): string {
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    if (limit >= 0 && i === limit) {
      out += ELLIPSIS;
      break;
    }
    if (i > 0) out += ', ';
    out += itemText(items[i]);
  }
  return out + '}';
}

function isFloating(value: unknown): value is Numeric {
  if (typeof value === 'number') return !Number.isInteger(value);
  if (value instanceof PSNumber) {
    const type = numericType(value);
    return type === 'Double' || type === 'Single' || type === 'Decimal';
  }
  return false;
}

/** How a cell's value is written. */
export interface FieldOptions {
  readonly enumerationLimit?: number;
  /** A cell of a table made from properties: doubles, singles and decimals get the culture's two decimals ("F"). */
  readonly table?: boolean;
  /** A FormatString: a composite format when it holds `{0` or `}`, else the value's ToString(format). */
  readonly formatString?: string;
}

/** A property value as a table, list or wide cell shows it. */
export function fieldText(value: unknown, options: FieldOptions = {}): string {
  const base = value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
  if (options.formatString) {
    try {
      const format = options.formatString;
      return format.includes('{0') || format.includes('}') ? formatComposite(format, [base]) : formatValue(base, format);
    } catch {
      // A format that does not apply falls back to the plain text, as PowerShell does when it does not report format errors.
    }
  }
  if (base === null || base === undefined) return '';
  const items = cellItems(base);
  if (items) return collectionText(items, options.enumerationLimit ?? DEFAULT_ENUMERATION_LIMIT);
  if (options.table && isFloating(base)) return formatNumeric(base, 'F');
  return displayText(value);
}
