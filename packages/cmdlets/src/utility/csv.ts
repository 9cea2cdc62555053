/**
 * ConvertTo-Csv, ConvertFrom-Csv, Export-Csv and Import-Csv as PowerShell 7 writes and reads
 * CSV: a header of the first object's property names, every field quoted by default
 * (-UseQuotes, -QuoteFields), no #TYPE line unless -IncludeTypeInformation, values as their
 * .NET ToString(); reading makes custom objects whose properties are all strings.
 */
import { existsSync, statSync } from 'node:fs';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { ErrorRecord, PSException, PSChar, PSHashtable, PSObject, dotNetToString, toText, findProperty, settleScriptProperties, typeNamesOf, isSwitchOn } from '@dpmsh/runtime';
import { propertyNames } from '../formatting/properties.js';
import { fileOpenError } from './out-cmdlets.js';
import { ENCODING_NAMES, encodingArgument, readTextFile, writeTextFile } from '../files/text-encoding.js';
import type { FileEncoding } from '../files/text-encoding.js';

const all = ALL_PARAMETER_SETS;

/** When fields are quoted. */
export type QuoteKind = 'Always' | 'AsNeeded' | 'Never';

/** How CSV text is written. */
export interface CsvWriteOptions {
  readonly delimiter: string;
  readonly quote: QuoteKind;
  /** -QuoteFields: only these columns are quoted (overrides `quote`). */
  readonly quoteFields?: readonly string[];
}

function needsQuotes(value: string, delimiter: string): boolean {
  for (const c of value) if (c === delimiter || c === '"' || c === '\n' || c === '\r') return true;
  return false;
}

function field(value: string | null, column: string, options: CsvWriteOptions): string {
  const quoted = `"${(value ?? '').replace(/"/g, '""')}"`;
  if (options.quoteFields) return options.quoteFields.some((f) => f.toLowerCase() === column.toLowerCase()) ? quoted : (value ?? '');
  if (options.quote === 'Always') return quoted;
  if (options.quote === 'AsNeeded') return value !== null && needsQuotes(value, options.delimiter) ? quoted : (value ?? '');
  return value ?? '';
}

/** The columns an object gives a CSV: a hashtable's keys, else its property names. */
export function csvColumns(obj: unknown): string[] {
  const base = obj instanceof PSObject && obj.baseObject instanceof PSHashtable && obj.properties.length === 0 ? obj.baseObject : obj;
  if (base instanceof PSHashtable) return base.keys().map((k) => toText(k));
  return propertyNames(obj);
}

function cellValue(obj: unknown, column: string): string | null {
  const base = obj instanceof PSObject && obj.baseObject instanceof PSHashtable && obj.properties.length === 0 ? obj.baseObject : obj;
  let value: unknown;
  if (base instanceof PSHashtable) value = base.has(column) ? base.get(column) : null;
  else {
    try {
      value = findProperty(obj, column)?.value ?? null;
    } catch {
      value = null;
    }
  }
  return value === null || value === undefined ? null : dotNetToString(value);
}

/** The header line of a set of columns. */
export function csvHeader(columns: readonly string[], options: CsvWriteOptions): string {
  return columns.map((c) => field(c, c, options)).join(options.delimiter);
}

/** One object as a CSV line of the given columns (missing properties are empty fields). */
export function csvLine(obj: unknown, columns: readonly string[], options: CsvWriteOptions): string {
  return columns.map((c) => field(cellValue(obj, c), c, options)).join(options.delimiter);
}

/** The #TYPE line -IncludeTypeInformation writes. */
export function csvTypeLine(obj: unknown): string {
  return `#TYPE ${typeNamesOf(obj)[0] ?? 'System.Object'}`;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** Splits CSV text into records of fields; quoted fields may hold delimiters, quotes ("") and line breaks. */
export function parseCsvRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let current = '';
  let inQuotes = false;
  let quotedField = false;
  let lineHasContent = false;
  const endField = (): void => {
    fields.push(current);
    current = '';
    quotedField = false;
  };
  const endRecord = (): void => {
    if (lineHasContent) {
      endField();
      records.push(fields);
    }
    fields = [];
    current = '';
    lineHasContent = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          current += '"';
          i++;
        } else inQuotes = false;
      } else current += c;
      continue;
    }
    if (c === '"' && (current === '' || quotedField)) {
      inQuotes = true;
      quotedField = true;
      lineHasContent = true;
    } else if (c === delimiter) {
      endField();
      lineHasContent = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      current += c;
      lineHasContent = true;
    }
  }
  endRecord();
  return records;
}

/** Turns CSV records into objects, keeping the header (and #TYPE) across chunks of input. */
export class CsvReader {
  #header: string[] | undefined;
  #typeName: string | undefined;

  constructor(
    readonly delimiter: string,
    header?: readonly string[],
  ) {
    this.#header = header ? [...header] : undefined;
  }

  /** The objects of a chunk of CSV text. */
  read(text: string): PSObject[] {
    const out: PSObject[] = [];
    const fromUser = this.#header !== undefined;
    let first = true;
    for (const record of parseCsvRecords(text, this.delimiter)) {
      if (first && !fromUser && this.#header === undefined && record.length === 1 && record[0].startsWith('#TYPE ')) {
        this.#typeName = record[0].slice(6).trim();
        continue;
      }
      first = false;
      if (this.#header === undefined) {
        this.#header = record.map((name, k) => (name === '' ? `H${k + 1}` : name));
        continue;
      }
      const obj = new PSObject(this.#typeName ? [`CSV:${this.#typeName}`, 'System.Management.Automation.PSCustomObject', 'System.Object'] : undefined);
      this.#header.forEach((name, k) => obj.addNote(name, k < record.length ? record[k] : null));
      out.push(obj);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Cmdlets
// ---------------------------------------------------------------------------------------------

interface WriteParameters {
  InputObject?: unknown;
  Delimiter?: unknown;
  UseCulture?: boolean;
  IncludeTypeInformation?: boolean;
  NoTypeInformation?: boolean;
  QuoteFields?: string[];
  UseQuotes?: string;
  NoHeader?: boolean;
}

function delimiterOf(value: unknown, useCulture: boolean | undefined): string {
  if (useCulture || value === undefined || value === null) return ',';
  return value instanceof PSChar ? String.fromCharCode(value.code) : toText(value).charAt(0) || ',';
}

function writeOptions(p: WriteParameters): CsvWriteOptions {
  const quote = (['Always', 'AsNeeded', 'Never'] as const).find((q) => q.toLowerCase() === (p.UseQuotes ?? 'Always').toLowerCase()) ?? 'Always';
  return { delimiter: delimiterOf(p.Delimiter, isSwitchOn(p.UseCulture)), quote, quoteFields: p.QuoteFields };
}

const writeParameters: readonly ParameterMetadata[] = [
  { name: 'Delimiter', type: 'char', sets: { Delimiter: { position: 1 } }, description: 'The character between fields (a comma by default).' },
  { name: 'UseCulture', type: 'switch', sets: { UseCulture: { mandatory: true } }, description: "Uses the culture's list separator (a comma in en-US) as the delimiter." },
  { name: 'IncludeTypeInformation', type: 'switch', aliases: ['ITI'], sets: { [all]: {} }, description: 'Writes a "#TYPE type-name" line before the header.' },
  { name: 'NoTypeInformation', type: 'switch', aliases: ['NTI'], sets: { [all]: {} }, description: 'Has no effect: PowerShell 7 writes no #TYPE line unless -IncludeTypeInformation is given.' },
  { name: 'QuoteFields', type: 'string[]', aliases: ['QF'], sets: { [all]: {} }, description: 'Quotes only the fields of these columns.' },
  { name: 'UseQuotes', type: 'string', aliases: ['UQ'], sets: { [all]: {} }, validation: [{ kind: 'set', values: ['Never', 'Always', 'AsNeeded'], ignoreCase: true }], defaultValueText: 'Always', description: 'When fields are quoted: Always, AsNeeded (fields holding the delimiter, a quote or a line break) or Never.' },
  { name: 'NoHeader', type: 'switch', sets: { [all]: {} }, description: 'Leaves out the header line.' },
];

interface WriterState {
  columns: string[] | undefined;
  readonly lines: string[];
}

const writers = new WeakMap<object, WriterState>();

/** The lines one object adds to CSV output: the #TYPE and header lines with the first object. */
function linesFor(state: WriterState, obj: unknown, p: WriteParameters, options: CsvWriteOptions): string[] {
  const out: string[] = [];
  if (state.columns === undefined) {
    state.columns = csvColumns(obj);
    if (isSwitchOn(p.IncludeTypeInformation)) out.push(csvTypeLine(obj));
    if (!isSwitchOn(p.NoHeader)) out.push(csvHeader(state.columns, options));
  }
  out.push(csvLine(obj, state.columns, options));
  return out;
}

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

interface ReadParameters {
  InputObject?: unknown;
  Path?: string[];
  LiteralPath?: string[];
  Delimiter?: unknown;
  UseCulture?: boolean;
  Header?: string[];
  Encoding?: unknown;
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
