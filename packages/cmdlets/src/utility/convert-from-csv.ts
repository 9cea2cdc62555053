/** ConvertFrom-Csv: CSV text as custom objects. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { toText, isSwitchOn } from '@dpmsh/runtime';
import { CsvReader, delimiterOf } from './csv-format.js';

const all = ALL_PARAMETER_SETS;

interface ReadParameters {
  InputObject?: unknown;
  Delimiter?: unknown;
  UseCulture?: boolean;
  Header?: string[];
}

const readers = new WeakMap<object, CsvReader>();

/** ConvertFrom-Csv. */
export const convertFromCsvCmdlet: CmdletDefinition<ReadParameters> = defineCmdlet<ReadParameters>({
  name: 'ConvertFrom-Csv',
  defaultParameterSet: 'Delimiter',
  parameters: [
    { name: 'InputObject', type: 'psobject[]', sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'The CSV lines.' },
    { name: 'Delimiter', type: 'char', sets: { Delimiter: { position: 1 } }, description: 'The character between fields (a comma by default).' },
    { name: 'UseCulture', type: 'switch', sets: { UseCulture: { mandatory: true } }, description: "Uses the culture's list separator as the delimiter." },
    { name: 'Header', type: 'string[]', sets: { [all]: {} }, description: 'Column names to use instead of the first line, which is then read as data.' },
  ],
  outputType: ['System.Management.Automation.PSCustomObject'],
  help: {
    synopsis: 'Converts object properties in character-separated value (CSV) format into CSV versions of the original objects.',
    description: 'Reads CSV lines: the first line (after an optional #TYPE line) names the columns unless -Header is given; every later line becomes a custom object whose properties are strings. Missing fields are $null.',
    examples: [
      { title: 'Read CSV text', code: "'Name,Size', 'a,1', 'b,2' | ConvertFrom-Csv | ForEach-Object { $_.Name + '=' + $_.Size }", output: 'a=1\nb=2' },
    ],
  },
  begin(ctx) {
    readers.set(ctx, new CsvReader(delimiterOf(ctx.params.Delimiter, isSwitchOn(ctx.params.UseCulture)), ctx.params.Header));
  },
  async process(ctx) {
    const reader = readers.get(ctx);
    const input = ctx.params.InputObject;
    if (!reader || input === undefined || input === null) return;
    for (const item of Array.isArray(input) ? input : [input]) {
      for (const obj of reader.read(toText(item))) await ctx.write(obj);
    }
  },
});
