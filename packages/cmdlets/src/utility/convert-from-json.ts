/** ConvertFrom-Json: JSON text as custom objects or hashtables. */
import { ErrorRecord, PSException, isSwitchOn } from '@dpmsh/runtime';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { JsonConversionError, JsonSyntaxError, parseJson } from './json-parse.js';

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
