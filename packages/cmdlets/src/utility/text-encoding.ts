/**
 * The -Encoding names of PowerShell 7's file cmdlets (Out-File, Export-Csv...) and how text is
 * written and read in each: utf8NoBOM by default, a byte order mark only where the encoding
 * has one and only at the start of a file.
 */
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { ErrorRecord, PSException } from '../runtime/errors.js';

/** The encodings PowerShell 7 names (utf7 is obsolete and reads as UTF-8 here, as .NET 5+ refuses it). */
export type FileEncoding = 'ascii' | 'bigendianunicode' | 'bigendianutf32' | 'oem' | 'unicode' | 'utf7' | 'utf8' | 'utf8BOM' | 'utf8NoBOM' | 'utf32' | 'latin1';

/** The names tab completion and help offer. */
export const ENCODING_NAMES: readonly FileEncoding[] = ['ascii', 'bigendianunicode', 'bigendianutf32', 'oem', 'unicode', 'utf7', 'utf8', 'utf8BOM', 'utf8NoBOM', 'utf32'];

// .NET encoding names (Encoding.GetEncoding) that PowerShell also accepts.
const DOTNET_NAMES: Record<string, FileEncoding> = {
  'utf-8': 'utf8NoBOM',
  'utf-16': 'unicode',
  'utf-16le': 'unicode',
  'utf-16be': 'bigendianunicode',
  'unicodefffe': 'bigendianunicode',
  'utf-32': 'utf32',
  'utf-32le': 'utf32',
  'utf-32be': 'bigendianutf32',
  'us-ascii': 'ascii',
  'iso-8859-1': 'latin1',
  'latin1': 'latin1',
  '28591': 'latin1',
  '65001': 'utf8NoBOM',
  '1200': 'unicode',
  '1201': 'bigendianunicode',
  '12000': 'utf32',
  '12001': 'bigendianutf32',
  '20127': 'ascii',
};

/** The encoding a -Encoding argument names; throws PowerShell's argument transformation error for an unknown one. */
export function parseEncoding(value: unknown, parameter = 'Encoding'): FileEncoding {
  const text = String(value ?? '');
  const lower = text.toLowerCase();
  const named = ENCODING_NAMES.find((n) => n.toLowerCase() === lower) ?? DOTNET_NAMES[lower];
  if (named) return named === 'utf8' ? 'utf8NoBOM' : named;
  throw new ErrorRecordError(
    new ErrorRecord({
      exception: new PSException(`Cannot process argument transformation on parameter '${parameter}'. '${text}' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')`, {
        typeName: 'System.Management.Automation.ParameterBindingArgumentTransformationException',
      }),
      errorId: 'ParameterArgumentTransformationError',
      category: 'InvalidData',
      targetObject: text,
    }),
  );
}

/** An error record raised while working out arguments, for the cmdlet to throw as terminating. */
export class ErrorRecordError extends Error {
  constructor(readonly record: ErrorRecord) {
    super(record.message);
  }
}

const BOMS: Partial<Record<FileEncoding, readonly number[]>> = {
  utf8BOM: [0xef, 0xbb, 0xbf],
  unicode: [0xff, 0xfe],
  bigendianunicode: [0xfe, 0xff],
  utf32: [0xff, 0xfe, 0x00, 0x00],
  bigendianutf32: [0x00, 0x00, 0xfe, 0xff],
};

function swap16(buffer: Buffer): Buffer {
  const out = Buffer.from(buffer);
  out.swap16();
  return out;
}

function utf32(text: string, bigEndian: boolean): Buffer {
  const points = [...text].map((c) => c.codePointAt(0) ?? 0);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => (bigEndian ? out.writeUInt32BE(p, i * 4) : out.writeUInt32LE(p, i * 4)));
  return out;
}

/** The bytes of text in an encoding, without a byte order mark. */
export function encodeText(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case 'unicode':
      return Buffer.from(text, 'utf16le');
    case 'bigendianunicode':
      return swap16(Buffer.from(text, 'utf16le'));
    case 'utf32':
      return utf32(text, false);
    case 'bigendianutf32':
      return utf32(text, true);
    case 'ascii':
      // .NET's ASCII encoding writes '?' for anything it cannot represent.
      return Buffer.from(text.replace(/[^\x00-\x7f]/gu, '?'), 'latin1');
    case 'latin1':
      return Buffer.from(text.replace(/[^\x00-\xff]/gu, '?'), 'latin1');
    default:
      return Buffer.from(text, 'utf8');
  }
}

/** Writes (or appends) text to a file in an encoding; the byte order mark goes only at the start of an empty file. */
export function writeTextFile(path: string, text: string, encoding: FileEncoding, append: boolean): void {
  const empty = !append || !existsSync(path) || statSync(path).size === 0;
  const bom = empty ? BOMS[encoding] : undefined;
  const bytes = encodeText(text, encoding);
  const data = bom ? Buffer.concat([Buffer.from(bom), bytes]) : bytes;
  if (append) appendFileSync(path, data);
  else writeFileSync(path, data);
}

function decodeUtf32(bytes: Buffer, bigEndian: boolean): string {
  let out = '';
  for (let i = 0; i + 3 < bytes.length; i += 4) out += String.fromCodePoint(bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i));
  return out;
}

/** Reads a text file: a byte order mark decides the encoding, else the one given (UTF-8 by default). */
export function readTextFile(path: string, encoding: FileEncoding = 'utf8NoBOM'): string {
  const bytes = readFileSync(path);
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return decodeUtf32(bytes.subarray(4), false);
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return decodeUtf32(bytes.subarray(4), true);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return swap16(bytes.subarray(2)).toString('utf16le');
  switch (encoding) {
    case 'unicode':
      return bytes.toString('utf16le');
    case 'bigendianunicode':
      return swap16(bytes).toString('utf16le');
    case 'utf32':
      return decodeUtf32(bytes, false);
    case 'bigendianutf32':
      return decodeUtf32(bytes, true);
    case 'ascii':
    case 'latin1':
      return bytes.toString('latin1');
    default:
      return bytes.toString('utf8');
  }
}
