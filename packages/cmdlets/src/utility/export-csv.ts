/** Export-Csv: objects as CSV lines in a file. */
import { existsSync, statSync } from 'node:fs';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { ErrorRecord, PSException, settleScriptProperties, isSwitchOn } from '@dpmsh/runtime';
import { fileOpenError } from './file-errors.js';
import { ENCODING_NAMES, encodingArgument, readTextFile, writeTextFile } from '../files/text-encoding.js';
import type { FileEncoding } from '../files/text-encoding.js';
import { csvColumns, delimiterOf, parseCsvRecords } from './csv-format.js';
import { linesFor, writeOptions, writeParameters, type WriteParameters, type WriterState } from './csv-output.js';

const all = ALL_PARAMETER_SETS;

interface ExportParameters extends WriteParameters {
  Path?: string;
  LiteralPath?: string;
  Force?: boolean;
  NoClobber?: boolean;
  Encoding?: unknown;
  Append?: boolean;
}

interface ExportState extends WriterState {
  readonly path: string;
  readonly encoding: FileEncoding;
  /** The columns of the file appended to (from its header). */
  readonly appendColumns: string[] | undefined;
}

const exportStates = new WeakMap<object, ExportState>();

function csvError(message: string, errorId: string, category: 'ResourceExists' | 'InvalidData', target: unknown): ErrorRecord {
  return new ErrorRecord({ exception: new PSException(message, { typeName: category === 'ResourceExists' ? 'System.IO.IOException' : 'System.InvalidOperationException' }), errorId, category, targetObject: target });
}

/** Export-Csv. */
export const exportCsvCmdlet: CmdletDefinition<ExportParameters> = defineCmdlet<ExportParameters>({
  name: 'Export-Csv',
  defaultParameterSet: 'Delimiter',
  supportsShouldProcess: true,
  parameters: [
    { name: 'InputObject', type: 'psobject', sets: { [all]: { mandatory: true, valueFromPipeline: true } }, description: 'The objects to export.' },
    { name: 'Path', type: 'string', sets: { [all]: { position: 0 } }, description: 'The CSV file to write.' },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], sets: { [all]: {} }, description: 'The CSV file to write, taken exactly as written.' },
    { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Overwrites a read-only file; with -Append, writes objects whose properties do not match the columns.' },
    { name: 'NoClobber', type: 'switch', aliases: ['NoOverwrite'], sets: { [all]: {} }, description: 'Refuses to overwrite an existing file.' },
    { name: 'Encoding', type: 'object', sets: { [all]: {} }, defaultValueText: 'utf8NoBOM', description: `The file's encoding: ${ENCODING_NAMES.join(', ')}.` },
    { name: 'Append', type: 'switch', sets: { [all]: {} }, description: "Adds the lines to the end of the file, under the file's own header." },
    ...writeParameters,
  ],
  help: {
    synopsis: 'Converts objects into a series of character-separated value (CSV) strings and saves the strings to a file.',
    description: 'Writes what ConvertTo-Csv outputs to a file (UTF-8 without a byte order mark by default). With -Append, the lines go under the existing header, in its column order.',
    examples: [
      {
        title: 'Export and read back',
        code: "$f = Join-Path ([IO.Path]::GetTempPath()) 'export-csv-example.csv'\n[pscustomobject]@{ Name = 'a'; Size = 1 } | Export-Csv $f\nGet-Content $f -Raw",
        output: '"Name","Size"\n"a","1"\n',
      },
    ],
  },
  async begin(ctx) {
    const given = ctx.params.LiteralPath ?? ctx.params.Path;
    if (given === undefined) {
      return ctx.throwTerminating(csvError('Specify the Path or LiteralPath parameter.', 'CannotSpecifyPathAndLiteralPath', 'InvalidData', null));
    }
    const path = ctx.session.resolvePath(given);
    const encoding = encodingArgument(ctx, ctx.params.Encoding);
    const exists = existsSync(path);
    if (isSwitchOn(ctx.params.NoClobber) && !isSwitchOn(ctx.params.Append) && !isSwitchOn(ctx.params.Force) && exists) ctx.throwTerminating(csvError(`The file '${path}' already exists.`, 'NoClobber', 'ResourceExists', path));
    if (!(await ctx.shouldProcess(path, 'Export-Csv'))) return;
    let appendColumns: string[] | undefined;
    const append = isSwitchOn(ctx.params.Append) && exists && statSync(path).size > 0;
    if (append) {
      const [header] = parseCsvRecords(readTextFile(path, encoding).replace(/^#TYPE[^\n]*\n/, ''), delimiterOf(ctx.params.Delimiter, isSwitchOn(ctx.params.UseCulture)));
      appendColumns = header;
    }
    try {
      writeTextFile(path, '', encoding, isSwitchOn(ctx.params.Append));
    } catch (error) {
      ctx.throwTerminating(fileOpenError(path, error));
    }
    exportStates.set(ctx, { columns: appendColumns, lines: [], path, encoding, appendColumns });
  },
  async process(ctx) {
    const state = exportStates.get(ctx);
    const obj = await settleScriptProperties(ctx.params.InputObject);
    if (!state || obj === null || obj === undefined) return;
    const options = writeOptions(ctx.params);
    if (state.appendColumns && !isSwitchOn(ctx.params.Force)) {
      const own = csvColumns(obj).map((c) => c.toLowerCase());
      const missing = state.appendColumns.find((c) => !own.includes(c.toLowerCase()));
      if (missing !== undefined) {
        ctx.throwTerminating(
          csvError(
            `Cannot append CSV content to the following file: ${state.path}. The appended object does not have a property that corresponds to the following column: ${missing}. To continue with mismatched properties, add the -Force parameter, and then retry the command.`,
            'CannotAppendCsvWithMismatchedPropertyNames',
            'InvalidData',
            obj,
          ),
        );
      }
    }
    const lines = linesFor(state, obj, ctx.params, options);
    try {
      writeTextFile(state.path, lines.map((l) => `${l}\n`).join(''), state.encoding, true);
    } catch (error) {
      ctx.throwTerminating(fileOpenError(state.path, error));
    }
  },
});
