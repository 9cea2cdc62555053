/**
 * The text encodings of -Encoding on the content cmdlets, as PowerShell 7 names them. Reading
 * honours a byte-order mark whatever -Encoding says (as .NET's StreamReader does); writing adds
 * one only for the encodings that have it (utf8BOM, unicode, bigendianunicode, utf32).
 */

/** The -Encoding names PowerShell 7 accepts. */
export const ENCODING_NAMES = ['ascii', 'ansi', 'bigendianunicode', 'bigendianutf32', 'oem', 'unicode', 'utf7', 'utf8', 'utf8BOM', 'utf8NoBOM', 'utf32'] as const;

type Codec = 'utf8' | 'utf8bom' | 'ascii' | 'latin1' | 'utf16le' | 'utf16be' | 'utf32le' | 'utf32be';

function codecOf(name: string | undefined): Codec {
  switch ((name ?? 'utf8NoBOM').toLowerCase()) {
    case 'utf8bom':
      return 'utf8bom';
    case 'ascii':
      return 'ascii';
    case 'ansi':
    case 'oem':
      return 'latin1';
    case 'unicode':
      return 'utf16le';
    case 'bigendianunicode':
      return 'utf16be';
    case 'utf32':
      return 'utf32le';
    case 'bigendianutf32':
      return 'utf32be';
    default:
      return 'utf8';
  }
}

function swapPairs(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  out.swap16();
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

function encodeUtf32(text: string, littleEndian: boolean): Buffer {
  const points = Array.from(text, (c) => c.codePointAt(0) ?? 0);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => (littleEndian ? out.writeUInt32LE(p, i * 4) : out.writeUInt32BE(p, i * 4)));
  return out;
}

/** Decodes a file's bytes: by its byte-order mark when it has one, else by -Encoding (UTF-8 by default). */
export function decodeText(bytes: Buffer, encoding: string | undefined): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return decodeUtf32(bytes.subarray(4), true);
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return decodeUtf32(bytes.subarray(4), false);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return swapPairs(bytes.subarray(2)).toString('utf16le');
  switch (codecOf(encoding)) {
    case 'ascii':
      // .NET's ASCII decoder turns every byte above 0x7F into '?'.
      return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '?')).join('');
    case 'latin1':
      return bytes.toString('latin1');
    case 'utf16le':
      return bytes.toString('utf16le');
    case 'utf16be':
      return swapPairs(bytes).toString('utf16le');
    case 'utf32le':
      return decodeUtf32(bytes, true);
    case 'utf32be':
      return decodeUtf32(bytes, false);
    default:
      return bytes.toString('utf8');
  }
}

/** The byte-order mark a new file written with this encoding starts with (empty for most). */
export function preamble(encoding: string | undefined): Buffer {
  switch (codecOf(encoding)) {
    case 'utf8bom':
      return Buffer.from([0xef, 0xbb, 0xbf]);
    case 'utf16le':
      return Buffer.from([0xff, 0xfe]);
    case 'utf16be':
      return Buffer.from([0xfe, 0xff]);
    case 'utf32le':
      return Buffer.from([0xff, 0xfe, 0, 0]);
    case 'utf32be':
      return Buffer.from([0, 0, 0xfe, 0xff]);
    default:
      return Buffer.alloc(0);
  }
}

/** Encodes text (without a byte-order mark) in an encoding. */
export function encodeText(text: string, encoding: string | undefined): Buffer {
  switch (codecOf(encoding)) {
    case 'ascii':
      // .NET's ASCII encoder writes '?' for every character it cannot represent.
      return Buffer.from(Array.from(text, (c) => (c.charCodeAt(0) < 0x80 && c.length === 1 ? c.charCodeAt(0) : 0x3f)));
    case 'latin1':
      return Buffer.from(Array.from(text, (c) => (c.charCodeAt(0) < 0x100 && c.length === 1 ? c.charCodeAt(0) : 0x3f)));
    case 'utf16le':
      return Buffer.from(text, 'utf16le');
    case 'utf16be':
      return swapPairs(Buffer.from(text, 'utf16le'));
    case 'utf32le':
      return encodeUtf32(text, true);
    case 'utf32be':
      return encodeUtf32(text, false);
    default:
      return Buffer.from(text, 'utf8');
  }
}
