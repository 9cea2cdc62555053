import { describe, expect, it } from 'vitest';
import { PSHashtable, PSNumber, PSObject } from '@dpmsh/runtime';
import type { ScriptBlock } from '@dpmsh/runtime';
import { listEntryLines } from './list.js';
import { formatList, outString } from './text-output.js';

const obj = (data: Record<string, unknown>): PSObject => PSObject.from(data);
const text = (...lines: string[]): string => lines.map((l) => `${l}\n`).join('');
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('list layout (ListWriter)', () => {
  it('pads labels to the longest and indents continuation lines under the value', () => {
    expect(listEntryLines(['A', 'Longer'], ['1', 'x\ny'], 80)).toEqual(['A      : 1', 'Longer : x', '         y']);
  });

  it('wraps a long value at the screen width, keeping the spaces it broke after', () => {
    const value = 'The quick brown fox jumps over the lazy dog and keeps running';
    expect(listEntryLines(['Name', 'Description'], ['x', value], 40)).toEqual([
      'Name        : x',
      'Description : The quick brown fox jumps ',
      '              over the lazy dog and ',
      '              keeps running',
    ]);
  });

  it('cuts a word longer than the room it has', () => {
    expect(listEntryLines(['Id'], ['0123456789abcdefghij'], 15)).toEqual(['Id : 0123456789', '     abcdefghij']);
  });
});

describe('Format-List', () => {
  // The first three expectations are those of PowerShell's own Format-List tests.
  it('writes an empty line before each object and after the last', async () => {
    expect(await formatList([obj({ testName: 'testValue' })])).toBe(text('', 'testName : testValue', ''));
    expect(await formatList([obj({ a: 1 }), obj({ bb: 2 })])).toBe(text('', 'a : 1', '', 'bb : 2', ''));
  });

  it('measures double-width labels as two cells', async () => {
    expect(await formatList([obj({ 哇: '62', dbda: 'KM', 消息: '千' })])).toBe(text('', '哇   : 62', 'dbda : KM', '消息 : 千', ''));
  });

  it('writes doubles, singles and decimals in full', async () => {
    const o = obj({ double: 1234.56789, float: new PSNumber('Single', 9876.543), decimal: new PSNumber('Decimal', 4567.123456789) });
    expect(await formatList([o])).toBe(text('', 'double  : 1234.56789', 'float   : 9876.543', 'decimal : 4567.123456789', ''));
  });

  it('lists a hashtable as Name and Value entries', async () => {
    const h = new PSHashtable();
    h.set('array', range(0, 255));
    expect(await formatList([h])).toBe(text('', 'Name  : array', 'Value : {0, 1, 2, 3…}', ''));
  });

  it('keeps a $null value as an empty field after the separator', async () => {
    expect(await formatList([obj({ Name: 'x', Note: null })])).toBe(text('', 'Name : x', 'Note : ', ''));
  });

  it('indents the lines of a multi-line value', async () => {
    expect(await formatList([obj({ Script: 'line one\nline two', Lines: 2 })])).toBe(text('', 'Script : line one', '         line two', 'Lines  : 2', ''));
  });

  it('wraps long values at -Width, and not at all in Out-String without it', async () => {
    const o = obj({ Name: 'x', Description: 'The quick brown fox jumps over the lazy dog and keeps running' });
    expect(await formatList([o], { width: 40 })).toBe(
      text('', 'Name        : x', 'Description : The quick brown fox jumps ', '              over the lazy dog and ', '              keeps running', ''),
    );
    expect(await formatList([o])).toBe(text('', 'Name        : x', 'Description : The quick brown fox jumps over the lazy dog and keeps running', ''));
  });

  it('shows the properties asked for, each object its own, and calculated ones', async () => {
    const rows = [obj({ Name: 'a', Size: 1, Extra: true }), obj({ Name: 'b', Size: 2 })];
    const double: ScriptBlock = { isScriptBlock: true, text: '$_.Size * 2', invoke: (o) => Promise.resolve([((o?.dollarUnder as PSObject).read('Size') as number) * 2]) };
    const calc = new PSHashtable();
    calc.set('Label', 'Twice');
    calc.set('Expression', double);
    expect(await formatList(rows, { property: ['Name', calc] })).toBe(text('', 'Name  : a', 'Twice : 2', '', 'Name  : b', 'Twice : 4', ''));
    expect(await formatList(rows, { property: ['*'] })).toBe(text('', 'Name  : a', 'Size  : 1', 'Extra : True', '', 'Name : b', 'Size : 2', ''));
  });

  it('drops properties an object does not have, so a forced string shows nothing', async () => {
    expect(await formatList(['single line string'], { property: ['foo', 'bar'], force: true })).toBe(text('', ''));
  });

  it('is what an object with five or more properties prints as', async () => {
    expect(await outString([obj({ a: 1, b: 2, c: 3, d: 4, e: 5 })])).toBe(text('', 'a : 1', 'b : 2', 'c : 3', 'd : 4', 'e : 5', ''));
    expect(await outString([obj({ a: 1, b: 2, c: 3, d: 4 })])).toBe(text('', 'a b c d', '- - - -', '1 2 3 4', ''));
  });
});
