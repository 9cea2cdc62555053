/**
 * The CSV that ConvertTo-Csv, ConvertFrom-Csv, Export-Csv and Import-Csv write and read, as
 * PowerShell 7 does: a header of the first object's property names, every field quoted by default
 * (-UseQuotes, -QuoteFields), no #TYPE line unless -IncludeTypeInformation, values as their
 * .NET ToString(); reading makes custom objects whose properties are all strings.
 */
import { PSChar, PSHashtable, PSObject, dotNetToString, toText, findProperty, typeNamesOf } from '@dpmsh/runtime';
import { propertyNames } from '../formatting/properties.js';

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

/** The delimiter -Delimiter or -UseCulture asks for: a comma unless a character is given. */
export function delimiterOf(value: unknown, useCulture: boolean | undefined): string {
  if (useCulture || value === undefined || value === null) return ',';
  return value instanceof PSChar ? String.fromCharCode(value.code) : toText(value).charAt(0) || ',';
}
