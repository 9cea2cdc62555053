/** ConvertTo-Json: objects as JSON text. */
import { settleScriptProperties, isSwitchOn } from '@dpmsh/runtime';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { serializeJson } from './json-serialize.js';

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
