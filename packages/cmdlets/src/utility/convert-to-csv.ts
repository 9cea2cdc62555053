/** ConvertTo-Csv: objects as lines of CSV text. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { settleScriptProperties } from '@dpmsh/runtime';
import { linesFor, writeOptions, writeParameters, type WriteParameters, type WriterState } from './csv-output.js';

const all = ALL_PARAMETER_SETS;

const writers = new WeakMap<object, WriterState>();

/** ConvertTo-Csv. */
export const convertToCsvCmdlet: CmdletDefinition<WriteParameters> = defineCmdlet<WriteParameters>({
  name: 'ConvertTo-Csv',
  defaultParameterSet: 'Delimiter',
  parameters: [{ name: 'InputObject', type: 'psobject', sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'The objects to convert.' }, ...writeParameters],
  outputType: ['System.String'],
  help: {
    synopsis: 'Converts .NET objects into a series of character-separated value (CSV) strings.',
    description: "Outputs a header line of the first object's property names, then one line per object with its property values (their .NET ToString()), each field quoted unless -UseQuotes or -QuoteFields says otherwise.",
    examples: [
      { title: 'Objects as CSV', code: "[pscustomobject]@{ Name = 'a'; Size = 1 }, [pscustomobject]@{ Name = 'b'; Size = 2 } | ConvertTo-Csv", output: '"Name","Size"\n"a","1"\n"b","2"' },
      { title: 'Quote only where needed', code: "[pscustomobject]@{ Name = 'a,b'; Size = 1 } | ConvertTo-Csv -UseQuotes AsNeeded", output: 'Name,Size\n"a,b",1' },
    ],
  },
  begin(ctx) {
    writers.set(ctx, { columns: undefined, lines: [] });
  },
  async process(ctx) {
    const state = writers.get(ctx);
    if (!state || ctx.params.InputObject === null || ctx.params.InputObject === undefined) return;
    const obj = await settleScriptProperties(ctx.params.InputObject);
    for (const line of linesFor(state, obj, ctx.params, writeOptions(ctx.params))) await ctx.write(line);
  },
});
