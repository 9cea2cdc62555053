/** ConvertTo-Json's serializer: PowerShell 7's JSON of objects, with its depth limit and layout; also the shell's -OutputFormat Json. */
import {
  isEnumerable,
  enumerableItems,
  PSDateTime,
  PSEnumValue,
  PSHashtable,
  PSNumber,
  PSObject,
  PSSecureString,
  PSTimeSpan,
  PSChar,
  formatDoubleRoundTrip,
  formatSingleRoundTrip,
  toText,
  formatDateTime,
} from '@dpmsh/runtime';

/** How toJson lays out its text. */
export interface JsonOptions {
  /** Levels of nested objects serialized; deeper ones become their string form. */
  readonly depth: number;
  readonly compress: boolean;
  readonly enumsAsStrings?: boolean;
}

/** A number written as its exact text: a big Int64, a decimal, a double as Json.NET writes it. */
class JsonNumber {
  constructor(readonly text: string) {}
}

type JsonValue = null | boolean | number | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

/** Json.NET's EnsureDecimalPlace: a float or decimal always shows it is one (2.0, 1.10, 1E+20). */
function floatText(text: string): JsonNumber {
  return new JsonNumber(/[.E]/.test(text) ? text : `${text}.0`);
}

/** A number as Json.NET writes it: integers exactly, doubles round-trip, decimals with their scale. */
function numberJson(value: PSNumber): JsonValue {
  if (!Number.isFinite(value.value)) return toText(value);
  if (value.decimal) return floatText(value.decimal.toString());
  if (value.type === 'Double') return floatText(formatDoubleRoundTrip(value.value));
  if (value.type === 'Single') return floatText(formatSingleRoundTrip(value.value));
  return value.big === undefined ? value.value : new JsonNumber(value.big.toString());
}

/** Reports that the depth limit cut the output, as PowerShell warns. */
export interface JsonResult {
  readonly text: string;
  readonly truncated: boolean;
}

function toJsonValue(value: unknown, depth: number, options: JsonOptions, state: { truncated: boolean }): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : toText(value);
  if (value instanceof PSNumber) return numberJson(value);
  if (value instanceof PSChar) return value.toString();
  if (value instanceof PSEnumValue) return options.enumsAsStrings ? value.name : value.value;
  if (value instanceof PSDateTime) return formatDateTime(value, 'o');
  if (value instanceof PSSecureString) return {};
  if (value instanceof PSTimeSpan) return toText(value);
  if (isEnumerable(value) || enumerableItems(value)) {
    if (depth < 0) {
      state.truncated = true;
      return toText(value);
    }
    return (enumerableItems(value) ?? []).map((v) => toJsonValue(v, depth - 1, options, state));
  }
  if (depth < 0) {
    state.truncated = true;
    return toText(value);
  }
  const out: { [key: string]: JsonValue } = {};
  if (value instanceof PSHashtable) {
    for (const [k, v] of value.entries()) out[toText(k)] = toJsonValue(v, depth - 1, options, state);
    return out;
  }
  if (value instanceof PSObject) {
    if (value.baseObject !== undefined && value.properties.length === 0) return toJsonValue(value.baseObject, depth, options, state);
    for (const p of value.properties) out[p.name] = toJsonValue(p.get ? p.get() : p.value, depth - 1, options, state);
    return out;
  }
  return toText(value);
}

/** PowerShell 7's indented layout: two spaces per level, `"key": value`. */
function layout(value: JsonValue, indent: string): string {
  if (value instanceof JsonNumber) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + layout(v, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${layout(value[k], inner)}`).join(',\n')}\n${indent}}`;
}

/** The -Compress layout: no white space at all. */
function compact(value: JsonValue): string {
  if (value instanceof JsonNumber) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(compact).join(',')}]`;
  return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${compact(value[k])}`).join(',')}}`;
}

/** Serializes a value as ConvertTo-Json does. */
export function serializeJson(value: unknown, options: JsonOptions): JsonResult {
  const state = { truncated: false };
  const json = toJsonValue(value, options.depth, options, state);
  return { text: options.compress ? compact(json) : layout(json, ''), truncated: state.truncated };
}

/** The JSON text of a value (the shell's -OutputFormat Json). */
export function toJson(value: unknown, options: JsonOptions): string {
  return serializeJson(value, options).text;
}
