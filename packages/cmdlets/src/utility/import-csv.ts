/** Import-Csv: a CSV file's lines as custom objects. */
import { existsSync } from 'node:fs';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { ErrorRecord, PSException, isSwitchOn } from '@dpmsh/runtime';
import { ENCODING_NAMES, encodingArgument, readTextFile } from '../files/text-encoding.js';
import { CsvReader, delimiterOf } from './csv-format.js';

const all = ALL_PARAMETER_SETS;

interface ReadParameters {
  Path?: string[];
  LiteralPath?: string[];
  Delimiter?: unknown;
  UseCulture?: boolean;
  Header?: string[];
  Encoding?: unknown;
}

/** Import-Csv. */
export const importCsvCmdlet: CmdletDefinition<ReadParameters> = defineCmdlet<ReadParameters>({
  name: 'Import-Csv',
  defaultParameterSet: 'Delimiter',
  parameters: [
    { name: 'Path', type: 'string[]', sets: { [all]: { position: 0, valueFromPipeline: true } }, description: 'The CSV files to read.' },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], sets: { [all]: { valueFromPipelineByPropertyName: true } }, description: 'The CSV files to read, taken exactly as written.' },
    { name: 'Delimiter', type: 'char', sets: { Delimiter: { position: 1 } }, description: 'The character between fields (a comma by default).' },
    { name: 'UseCulture', type: 'switch', sets: { UseCulture: { mandatory: true } }, description: "Uses the culture's list separator as the delimiter." },
    { name: 'Header', type: 'string[]', sets: { [all]: {} }, description: 'Column names to use instead of the first line, which is then read as data.' },
    { name: 'Encoding', type: 'object', sets: { [all]: {} }, defaultValueText: 'utf8NoBOM', description: `The file's encoding when it has no byte order mark: ${ENCODING_NAMES.join(', ')}.` },
  ],
  outputType: ['System.Management.Automation.PSCustomObject'],
  help: {
    synopsis: 'Creates table-like custom objects from the items in a character-separated value (CSV) file.',
    description: 'Reads a CSV file as ConvertFrom-Csv reads text: one custom object per line after the header, every property a string.',
    examples: [
      {
        title: 'Round trip through a file',
        code: "$f = Join-Path ([IO.Path]::GetTempPath()) 'import-csv-example.csv'\n[pscustomobject]@{ Name = 'a'; Size = 1 } | Export-Csv $f\n(Import-Csv $f).Size",
        output: '1',
      },
    ],
  },
  async process(ctx) {
    const paths = ctx.params.LiteralPath ?? ctx.params.Path ?? [];
    const encoding = encodingArgument(ctx, ctx.params.Encoding);
    for (const given of paths) {
      const path = ctx.session.resolvePath(given);
      if (!existsSync(path)) {
        ctx.writeError(
          new ErrorRecord({
            exception: new PSException(`Could not find file '${path}'.`, { typeName: 'System.IO.FileNotFoundException' }),
            errorId: 'FileOpenFailure',
            category: 'OpenError',
            targetObject: path,
          }),
        );
        continue;
      }
      const reader = new CsvReader(delimiterOf(ctx.params.Delimiter, isSwitchOn(ctx.params.UseCulture)), ctx.params.Header);
      for (const obj of reader.read(readTextFile(path, encoding))) await ctx.write(obj);
    }
  },
});
