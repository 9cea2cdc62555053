/** What ConvertTo-Csv and Export-Csv share: their CSV-writing parameters and the lines each object adds. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import { isSwitchOn } from '@dpmsh/runtime';
import { csvColumns, csvHeader, csvLine, csvTypeLine, delimiterOf, type CsvWriteOptions } from './csv-format.js';

const all = ALL_PARAMETER_SETS;

/** The CSV-writing parameters of ConvertTo-Csv and Export-Csv. */
export interface WriteParameters {
  InputObject?: unknown;
  Delimiter?: unknown;
  UseCulture?: boolean;
  IncludeTypeInformation?: boolean;
  NoTypeInformation?: boolean;
  QuoteFields?: string[];
  UseQuotes?: string;
  NoHeader?: boolean;
}

/** The CSV layout the parameters ask for. */
export function writeOptions(p: WriteParameters): CsvWriteOptions {
  const quote = (['Always', 'AsNeeded', 'Never'] as const).find((q) => q.toLowerCase() === (p.UseQuotes ?? 'Always').toLowerCase()) ?? 'Always';
  return { delimiter: delimiterOf(p.Delimiter, isSwitchOn(p.UseCulture)), quote, quoteFields: p.QuoteFields };
}

/** The parameters that shape CSV output, shared by ConvertTo-Csv and Export-Csv. */
export const writeParameters: readonly ParameterMetadata[] = [
  { name: 'Delimiter', type: 'char', sets: { Delimiter: { position: 1 } }, description: 'The character between fields (a comma by default).' },
  { name: 'UseCulture', type: 'switch', sets: { UseCulture: { mandatory: true } }, description: "Uses the culture's list separator (a comma in en-US) as the delimiter." },
  { name: 'IncludeTypeInformation', type: 'switch', aliases: ['ITI'], sets: { [all]: {} }, description: 'Writes a "#TYPE type-name" line before the header.' },
  { name: 'NoTypeInformation', type: 'switch', aliases: ['NTI'], sets: { [all]: {} }, description: 'Has no effect: PowerShell 7 writes no #TYPE line unless -IncludeTypeInformation is given.' },
  { name: 'QuoteFields', type: 'string[]', aliases: ['QF'], sets: { [all]: {} }, description: 'Quotes only the fields of these columns.' },
  { name: 'UseQuotes', type: 'string', aliases: ['UQ'], sets: { [all]: {} }, validation: [{ kind: 'set', values: ['Never', 'Always', 'AsNeeded'], ignoreCase: true }], defaultValueText: 'Always', description: 'When fields are quoted: Always, AsNeeded (fields holding the delimiter, a quote or a line break) or Never.' },
  { name: 'NoHeader', type: 'switch', sets: { [all]: {} }, description: 'Leaves out the header line.' },
];

/** The columns an invocation has settled on and the lines it has produced. */
export interface WriterState {
  columns: string[] | undefined;
  readonly lines: string[];
}

/** The lines one object adds to CSV output: the #TYPE and header lines with the first object. */
export function linesFor(state: WriterState, obj: unknown, p: WriteParameters, options: CsvWriteOptions): string[] {
  const out: string[] = [];
  if (state.columns === undefined) {
    state.columns = csvColumns(obj);
    if (isSwitchOn(p.IncludeTypeInformation)) out.push(csvTypeLine(obj));
    if (!isSwitchOn(p.NoHeader)) out.push(csvHeader(state.columns, options));
  }
  out.push(csvLine(obj, state.columns, options));
  return out;
}
