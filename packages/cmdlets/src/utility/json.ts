/** ConvertTo-Json's serializer: PowerShell 7's JSON of objects, with its depth limit and layout. */
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
  ErrorRecord,
  PSException,
  settleScriptProperties,
  isSwitchOn,
} from '@dpmsh/runtime';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { JsonConversionError, JsonSyntaxError, parseJson } from './json-parse.js';

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

/** ConvertTo-Json. */
export const convertToJson = defineCmdlet<{ InputObject: unknown; Depth?: number; Compress?: boolean; AsArray?: boolean; EnumsAsStrings?: boolean }>({
  name: 'ConvertTo-Json',
  parameters: [
    { name: 'InputObject', type: 'object', sets: { [ALL_PARAMETER_SETS]: { mandatory: true, position: 0, valueFromPipeline: true } }, allowNull: true, description: 'The objects to convert.' },
    { name: 'Depth', type: 'int', sets: { [ALL_PARAMETER_SETS]: {} }, validation: [{ kind: 'range', min: 0, max: 100 }], defaultValueText: '2', description: 'How many levels of contained objects are included.' },
    { name: 'Compress', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Omits white space and indentation.' },
    { name: 'AsArray', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Always outputs a JSON array.' },
    { name: 'EnumsAsStrings', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Writes enum values as their names.' },
  ],
  outputType: ['System.String'],
  help: {
    synopsis: 'Converts an object to a JSON-formatted string.',
    description: 'Converts the input objects (all of them, as one array when there are several) to JSON text, down to -Depth levels.',
    examples: [{ title: 'Compress an object', code: '[pscustomobject]@{ Name = "a"; Size = 1 } | ConvertTo-Json -Compress', output: '{"Name":"a","Size":1}' }],
  },
  begin(ctx) {
    collected.set(ctx, []);
  },
  process(ctx) {
    collected.get(ctx)?.push(ctx.params.InputObject);
  },
  async end(ctx) {
    const items = collected.get(ctx) ?? [];
    const depth = ctx.params.Depth ?? 2;
    const value = await settleScriptProperties(items.length === 1 && !isSwitchOn(ctx.params.AsArray) ? items[0] : items, depth + 1);
    const result = serializeJson(value, { depth: ctx.params.Depth ?? 2, compress: isSwitchOn(ctx.params.Compress), enumsAsStrings: isSwitchOn(ctx.params.EnumsAsStrings) });
    if (result.truncated) ctx.writeWarning(`Resulting JSON is truncated as serialization has exceeded the set depth of ${ctx.params.Depth ?? 2}.`);
    await ctx.write(result.text);
  },
});

/** The objects each ConvertTo-Json invocation gathered (keyed by its context, which lives as long as it). */
const collected = new WeakMap<object, unknown[]>();

function jsonError(message: string, errorId: string, target: unknown): ErrorRecord {
  return new ErrorRecord({
    exception: new PSException(message, { typeName: errorId === 'System.ArgumentException' ? 'System.ArgumentException' : 'System.InvalidOperationException' }),
    errorId,
    category: errorId === 'System.ArgumentException' ? 'ParserError' : 'InvalidOperation',
    targetObject: target,
  });
}

/** The strings each ConvertFrom-Json invocation gathered. */
const jsonInput = new WeakMap<object, string[]>();

/** ConvertFrom-Json. */
export const convertFromJson = defineCmdlet<{ InputObject: string; AsHashtable?: boolean; Depth?: number; NoEnumerate?: boolean }>({
  name: 'ConvertFrom-Json',
  parameters: [
    { name: 'InputObject', type: 'string', sets: { [ALL_PARAMETER_SETS]: { mandatory: true, position: 0, valueFromPipeline: true } }, allowEmptyString: true, description: 'The JSON text; lines from the pipeline are joined before they are read.' },
    { name: 'AsHashtable', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Makes JSON objects ordered hashtables instead of custom objects.' },
    { name: 'Depth', type: 'int', sets: { [ALL_PARAMETER_SETS]: {} }, validation: [{ kind: 'range', min: 1, max: 2147483647 }], defaultValueText: '1024', description: 'How deeply objects and arrays may nest.' },
    { name: 'NoEnumerate', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Outputs a JSON array as one object instead of its items.' },
  ],
  outputType: ['System.Object'],
  help: {
    synopsis: 'Converts a JSON-formatted string to a custom object or a hash table.',
    description:
      'Reads JSON text: objects become custom objects with their properties in order (ordered hashtables with -AsHashtable), integers Int64, other numbers Double, ISO 8601 date-time strings DateTime. A JSON array is written item by item unless -NoEnumerate is given.',
    examples: [
      { title: 'Read an object', code: `('{"Name":"vault1","Size":10}' | ConvertFrom-Json).Size`, output: '10' },
      { title: 'Read as a hashtable', code: `('{"b":1,"a":2}' | ConvertFrom-Json -AsHashtable).Keys -join ','`, output: 'b,a' },
    ],
  },
  begin(ctx) {
    jsonInput.set(ctx, []);
  },
  process(ctx) {
    jsonInput.get(ctx)?.push(ctx.params.InputObject ?? '');
  },
  async end(ctx) {
    const texts = jsonInput.get(ctx) ?? [];
    const options = { asHashtable: isSwitchOn(ctx.params.AsHashtable), depth: ctx.params.Depth ?? 1024 };
    const read = (text: string): { value: unknown } | undefined => {
      try {
        return parseJson(text, options);
      } catch (error) {
        if (error instanceof JsonConversionError) ctx.throwTerminating(jsonError(error.message, error.errorId, text));
        if (error instanceof JsonSyntaxError) ctx.throwTerminating(jsonError(`Conversion from JSON failed with error: ${error.message}`, 'System.ArgumentException', text));
        throw error;
      }
    };
    // Like PowerShell: the lines are read as one text; when that fails, each line on its own.
    let results: ({ value: unknown } | undefined)[];
    if (texts.length <= 1) results = [read(texts[0] ?? '')];
    else {
      try {
        results = [parseJson(texts.join('\n'), options)];
      } catch {
        results = texts.map(read);
      }
    }
    for (const result of results) {
      if (!result) continue;
      if (Array.isArray(result.value) && !isSwitchOn(ctx.params.NoEnumerate)) await ctx.write(result.value, { enumerate: true });
      else await ctx.write(result.value);
    }
  },
});
