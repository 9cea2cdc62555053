import { describe, expect, it } from 'vitest';
import { PSObject } from '@dpmsh/runtime';
import { CsvReader, csvHeader, csvLine, parseCsvRecords } from './csv-format.js';

const always = { delimiter: ',', quote: 'Always' } as const;

describe('CSV writing', () => {
  it('quotes every field by default, doubling embedded quotes, and writes $null as an empty quoted field', () => {
    const obj = PSObject.from({ Text: 'say "hi"', Empty: null, Flag: true, N: 1.5 });
    expect(csvHeader(['Text', 'Empty', 'Flag', 'N'], always)).toBe('"Text","Empty","Flag","N"');
    expect(csvLine(obj, ['Text', 'Empty', 'Flag', 'N'], always)).toBe('"say ""hi""","","True","1.5"');
  });

  it('quotes only what needs it with AsNeeded, nothing with Never, and named columns with QuoteFields', () => {
    const obj = PSObject.from({ A: 'x,y', B: 'z' });
    expect(csvLine(obj, ['A', 'B'], { delimiter: ',', quote: 'AsNeeded' })).toBe('"x,y",z');
    expect(csvLine(obj, ['A', 'B'], { delimiter: ',', quote: 'Never' })).toBe('x,y,z');
    expect(csvLine(obj, ['A', 'B'], { delimiter: ',', quote: 'Always', quoteFields: ['b'] })).toBe('x,y,"z"');
  });
});

describe('CSV reading', () => {
  it('splits records with quoted delimiters, quotes and line breaks, skipping blank lines', () => {
    expect(parseCsvRecords('a,"b,c"\n\n"say ""hi""","two\nlines"\r\nx', ',')).toEqual([
      ['a', 'b,c'],
      ['say "hi"', 'two\nlines'],
      ['x'],
    ]);
  });

  it('takes the header from the first record, keeps it across chunks, and leaves missing fields null', () => {
    const reader = new CsvReader(',');
    expect(reader.read('A,B,C')).toEqual([]);
    const [obj] = reader.read('1,2');
    expect(obj.properties.map((p) => [p.name, p.value])).toEqual([
      ['A', '1'],
      ['B', '2'],
      ['C', null],
    ]);
  });

  it('reads a #TYPE line as the objects\' type name', () => {
    const [obj] = new CsvReader(',').read('#TYPE My.Thing\nA\n1');
    expect(obj.typeNames[0]).toBe('CSV:My.Thing');
  });
});
