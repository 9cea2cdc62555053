import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorRecord } from '@dpmsh/runtime';
import { ErrorRecordError, decodeText, encodeText, encodingArgument, parseEncoding, preamble, readTextFile, writeTextFile } from './text-encoding.js';

const root = mkdtempSync(join(tmpdir(), 'dpmsh-text-encoding-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parseEncoding', () => {
  it("takes PowerShell's names in any case, .NET names and code pages", () => {
    expect(parseEncoding('UTF8')).toBe('utf8NoBOM');
    expect(parseEncoding('utf8bom')).toBe('utf8BOM');
    expect(parseEncoding('Unicode')).toBe('unicode');
    expect(parseEncoding('oem')).toBe('utf8NoBOM');
    expect(parseEncoding('ansi')).toBe('utf8NoBOM');
    expect(parseEncoding('utf-16BE')).toBe('bigendianunicode');
    expect(parseEncoding('iso-8859-1')).toBe('latin1');
    expect(parseEncoding(65001)).toBe('utf8NoBOM');
    expect(parseEncoding(1200)).toBe('unicode');
  });

  it("rejects an unknown name with pwsh's argument transformation error", () => {
    let caught: unknown;
    try {
      parseEncoding('klingon');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ErrorRecordError);
    const record = (caught as ErrorRecordError).record;
    expect(record.message).toBe(
      "Cannot process argument transformation on parameter 'Encoding'. 'klingon' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')",
    );
    expect(record.errorId).toBe('ParameterArgumentTransformationError');
    expect(record.category).toBe('InvalidData');
  });
});

describe('encodingArgument', () => {
  const ctx = {
    throwTerminating(record: ErrorRecord): never {
      throw new Error(`terminating: ${record.errorId}`);
    },
  };

  it('defaults to utf8NoBOM and stops the cmdlet on an unknown name', () => {
    expect(encodingArgument(ctx, undefined)).toBe('utf8NoBOM');
    expect(encodingArgument(ctx, null)).toBe('utf8NoBOM');
    expect(encodingArgument(ctx, 'utf32')).toBe('utf32');
    expect(() => encodingArgument(ctx, 'nope')).toThrow('terminating: ParameterArgumentTransformationError');
  });
});

describe('encodeText and preamble', () => {
  it('writes each encoding without a mark, the mark coming separately', () => {
    expect([...encodeText('é', 'unicode')]).toEqual([0xe9, 0x00]);
    expect([...encodeText('é', 'bigendianunicode')]).toEqual([0x00, 0xe9]);
    expect([...encodeText('é', 'utf32')]).toEqual([0xe9, 0, 0, 0]);
    expect([...encodeText('é', 'bigendianutf32')]).toEqual([0, 0, 0, 0xe9]);
    expect([...encodeText('é', 'utf8NoBOM')]).toEqual([0xc3, 0xa9]);
    expect([...preamble('utf8BOM')]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...preamble('utf32')]).toEqual([0xff, 0xfe, 0, 0]);
    expect([...preamble('utf8NoBOM')]).toEqual([]);
  });

  it("writes '?' per UTF-16 unit ASCII or Latin-1 cannot hold, as .NET's replacement fallback does", () => {
    expect(encodeText('aé\u{1F600}', 'ascii').toString('latin1')).toBe('a???');
    expect([...encodeText('aé€', 'latin1')]).toEqual([0x61, 0xe9, 0x3f]);
  });
});

describe('decodeText', () => {
  it('lets a byte-order mark decide whatever the encoding says', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'unicode')).toBe('hi');
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x68, 0x00]), 'ascii')).toBe('h');
    expect(decodeText(Buffer.from([0xfe, 0xff, 0x00, 0x68]))).toBe('h');
    expect(decodeText(Buffer.from([0xff, 0xfe, 0, 0, 0x68, 0, 0, 0]))).toBe('h');
    expect(decodeText(Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x68]))).toBe('h');
  });

  it('reads unmarked bytes in the encoding given, UTF-8 by default', () => {
    expect(decodeText(Buffer.from([0xc3, 0xa9]))).toBe('é');
    expect(decodeText(Buffer.from([0x61, 0xe9]), 'ascii')).toBe('a?');
    expect(decodeText(Buffer.from([0x61, 0xe9]), 'latin1')).toBe('aé');
    expect(decodeText(Buffer.from([0x00, 0xe9, 0x00]), 'bigendianunicode')).toBe('é');
    expect(decodeText(Buffer.from([0xff, 0xff, 0xff, 0x7f]), 'utf32')).toBe('\ufffd');
  });
});

describe('writeTextFile and readTextFile', () => {
  it('puts the mark only at the start of an empty file and reads it back', () => {
    const path = join(root, 'bom.txt');
    writeTextFile(path, 'a', 'utf8BOM', false);
    writeTextFile(path, 'b', 'utf8BOM', true);
    expect([...readFileSync(path)]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x62]);
    expect(readTextFile(path)).toBe('ab');
    writeTextFile(path, 'c', 'unicode', false);
    expect(readTextFile(path, 'ascii')).toBe('c');
  });
});
