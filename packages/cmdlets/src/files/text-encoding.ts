/**
 * The text encodings of -Encoding on PowerShell 7's file cmdlets (Get-Content, Set-Content,
 * Out-File, Export-Csv...): the names they accept, how text is written in each (utf8NoBOM by
 * default, a byte-order mark only where the encoding has one and only at the start of a file) and
 * read (a byte-order mark decides whatever -Encoding says, as .NET's StreamReader does).
 */
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { ErrorRecord, PSException } from '@dpmsh/runtime';

/**
 * An encoding as the file cmdlets use it. PowerShell's other names come down to these: utf8 is
 * utf8NoBOM; oem and ansi are the system's default encoding, UTF-8 on Unix; utf7 is obsolete and
 * reads and writes as UTF-8 here, as .NET 5+ refuses it.
 */
export type FileEncoding = 'ascii' | 'bigendianunicode' | 'bigendianutf32' | 'unicode' | 'utf8BOM' | 'utf8NoBOM' | 'utf32' | 'latin1';

/** The -Encoding names PowerShell 7 offers (tab completion and help). */
export const ENCODING_NAMES = ['ascii', 'ansi', 'bigendianunicode', 'bigendianutf32', 'oem', 'unicode', 'utf7', 'utf8', 'utf8BOM', 'utf8NoBOM', 'utf32'] as const;

const POWERSHELL_NAMES: Readonly<Record<string, FileEncoding>> = {
  ascii: 'ascii',
  ansi: 'utf8NoBOM',
  bigendianunicode: 'bigendianunicode',
  bigendianutf32: 'bigendianutf32',
  oem: 'utf8NoBOM',
  unicode: 'unicode',
  utf7: 'utf8NoBOM',
  utf8: 'utf8NoBOM',
  utf8bom: 'utf8BOM',
  utf8nobom: 'utf8NoBOM',
  utf32: 'utf32',
};

// .NET encoding names and code pages (Encoding.GetEncoding) that PowerShell also accepts.
const DOTNET_NAMES: Readonly<Record<string, FileEncoding>> = {
  'utf-8': 'utf8NoBOM',
  'utf-16': 'unicode',
  'utf-16le': 'unicode',
  'utf-16be': 'bigendianunicode',
  unicodefffe: 'bigendianunicode',
  'utf-32': 'utf32',
  'utf-32le': 'utf32',
  'utf-32be': 'bigendianutf32',
  'us-ascii': 'ascii',
  'iso-8859-1': 'latin1',
  latin1: 'latin1',
  '28591': 'latin1',
  '65001': 'utf8NoBOM',
  '1200': 'unicode',
  '1201': 'bigendianunicode',
  '12000': 'utf32',
  '12001': 'bigendianutf32',
  '20127': 'ascii',
};

/** An error record raised while working out arguments, for the cmdlet to throw as terminating. */
export class ErrorRecordError extends Error {
  constructor(readonly record: ErrorRecord) {
    super(record.message);
  }
}

/** The encoding a -Encoding argument names; throws PowerShell's argument transformation error (as ErrorRecordError) for an unknown one. */
export function parseEncoding(value: unknown, parameter = 'Encoding'): FileEncoding {
  const text = String(value ?? '');
  const lower = text.toLowerCase();
  const named = POWERSHELL_NAMES[lower] ?? DOTNET_NAMES[lower];
  if (named) return named;
  throw new ErrorRecordError(
    new ErrorRecord({
      exception: new PSException(
        `Cannot process argument transformation on parameter '${parameter}'. '${text}' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')`,
        { typeName: 'System.Management.Automation.ParameterBindingArgumentTransformationException' },
      ),
      errorId: 'ParameterArgumentTransformationError',
      category: 'InvalidData',
      targetObject: text,
    }),
  );
}

/** A cmdlet's -Encoding value (utf8NoBOM when not given); an unknown name stops the cmdlet with PowerShell's error. */
export function encodingArgument(ctx: { throwTerminating(record: ErrorRecord): never }, value: unknown): FileEncoding {
  if (value === undefined || value === null) return 'utf8NoBOM';
  try {
    return parseEncoding(value);
  } catch (error) {
    if (error instanceof ErrorRecordError) ctx.throwTerminating(error.record);
    throw error;
  }
}

const BOMS: Partial<Record<FileEncoding, readonly number[]>> = {
  utf8BOM: [0xef, 0xbb, 0xbf],
  unicode: [0xff, 0xfe],
  bigendianunicode: [0xfe, 0xff],
  utf32: [0xff, 0xfe, 0x00, 0x00],
  bigendianutf32: [0x00, 0x00, 0xfe, 0xff],
};

/** The byte-order mark a new file written in this encoding starts with (empty for most). */
export function preamble(encoding: FileEncoding): Buffer {
  return Buffer.from(BOMS[encoding] ?? []);
}

/** UTF-16 byte pairs swapped (a trailing odd byte dropped), between little- and big-endian. */
function swapPairs(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  out.swap16();
  return out;
}

function encodeUtf32(text: string, littleEndian: boolean): Buffer {
  const points = Array.from(text, (c) => c.codePointAt(0) ?? 0);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => (littleEndian ? out.writeUInt32LE(p, i * 4) : out.writeUInt32BE(p, i * 4)));
  return out;
}

function decodeUtf32(bytes: Buffer, littleEndian: boolean): string {
  let text = '';
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const code = littleEndian ? bytes.readUInt32LE(i) : bytes.readUInt32BE(i);
    text += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  }
  return text;
}

/** One byte per UTF-16 code unit, '?' for those above `limit` (.NET's replacement fallback writes one '?' per unit, so two for a surrogate pair). */
function singleBytes(text: string, limit: number): Buffer {
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[i] = unit <= limit ? unit : 0x3f;
  }
  return out;
}

/** The bytes of text in an encoding, without a byte-order mark. */
export function encodeText(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case 'ascii':
      return singleBytes(text, 0x7f);
    case 'latin1':
      return singleBytes(text, 0xff);
    case 'unicode':
      return Buffer.from(text, 'utf16le');
    case 'bigendianunicode':
      return swapPairs(Buffer.from(text, 'utf16le'));
    case 'utf32':
      return encodeUtf32(text, true);
    case 'bigendianutf32':
      return encodeUtf32(text, false);
    default:
      return Buffer.from(text, 'utf8');
  }
}

/** Decodes a file's bytes: by its byte-order mark when it has one, else in the encoding given. */
export function decodeText(bytes: Buffer, encoding: FileEncoding = 'utf8NoBOM'): string {
  const starts = (...mark: number[]): boolean => bytes.length >= mark.length && mark.every((b, i) => bytes[i] === b);
  if (starts(0xef, 0xbb, 0xbf)) return bytes.subarray(3).toString('utf8');
  if (starts(0xff, 0xfe, 0, 0)) return decodeUtf32(bytes.subarray(4), true);
  if (starts(0, 0, 0xfe, 0xff)) return decodeUtf32(bytes.subarray(4), false);
  if (starts(0xff, 0xfe)) return bytes.subarray(2).toString('utf16le');
  if (starts(0xfe, 0xff)) return swapPairs(bytes.subarray(2)).toString('utf16le');
  switch (encoding) {
    case 'ascii':
      // .NET's ASCII decoder turns every byte above 0x7F into '?'.
      return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '?')).join('');
    case 'latin1':
      return bytes.toString('latin1');
    case 'unicode':
      return bytes.toString('utf16le');
    case 'bigendianunicode':
      return swapPairs(bytes).toString('utf16le');
    case 'utf32':
      return decodeUtf32(bytes, true);
    case 'bigendianutf32':
      return decodeUtf32(bytes, false);
    default:
      return bytes.toString('utf8');
  }
}

/** Reads a text file: a byte-order mark decides the encoding, else the one given (UTF-8 by default). */
export function readTextFile(path: string, encoding: FileEncoding = 'utf8NoBOM'): string {
  return decodeText(readFileSync(path), encoding);
}

/** Writes (or appends) text to a file in an encoding; the byte-order mark goes only at the start of an empty file. */
export function writeTextFile(path: string, text: string, encoding: FileEncoding, append: boolean): void {
  const empty = !append || !existsSync(path) || statSync(path).size === 0;
  const bytes = encodeText(text, encoding);
  const data = empty ? Buffer.concat([preamble(encoding), bytes]) : bytes;
  if (append) appendFileSync(path, data);
  else writeFileSync(path, data);
}
