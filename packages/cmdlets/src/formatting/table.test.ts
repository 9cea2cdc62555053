import { describe, expect, it } from 'vitest';
import { PSHashtable, PSObject } from '@dpmsh/runtime';
import type { ScriptBlock } from '@dpmsh/runtime';
import { cellText, fitColumnWidths, TableWriter } from './table.js';
import { formatTable } from './text-output.js';
import { TypeTable } from '@dpmsh/runtime';
import { standardFormatTable } from './views.js';

const obj = (data: Record<string, unknown>, typeName?: string): PSObject => PSObject.from(data, typeName);
const table = (entries: Record<string, unknown>): PSHashtable => {
  const h = new PSHashtable();
  for (const [k, v] of Object.entries(entries)) h.set(k, v);
  return h;
};
/** A script block standing in for the language's: `fn` computes the output from `$_`. */
const block = (text: string, fn: (dollarUnder: unknown) => unknown): ScriptBlock => ({
  isScriptBlock: true,
  text,
  invoke: (options) => Promise.resolve([fn(options?.dollarUnder)]),
});
/** Out-String's text from its lines: each line ends with a newline. */
const text = (...lines: string[]): string => lines.map((l) => `${l}\n`).join('');

describe('column widths (ColumnWidthManager)', () => {
  it('keeps widths that fit', () => {
    expect(fitColumnWidths([4, 7, 5], 80)).toEqual([4, 7, 5]);
  });
  it('shares the free room among unsized columns, one cell at a time from the left', () => {
    expect(fitColumnWidths([0, 0], 80)).toEqual([40, 39]);
    expect(fitColumnWidths([30, 0], 120)).toEqual([30, 89]);
  });
  it('shrinks the last column, then drops columns that cannot keep one cell', () => {
    expect(fitColumnWidths([10, 50, 20], 60)).toEqual([10, 49, -1]);
    expect(fitColumnWidths([10, 50, 20], 75)).toEqual([10, 50, 13]);
  });
});

describe('cells (TableWriter)', () => {
  it('pads by alignment, except the last column on the right', () => {
    expect(cellText('ab', 5, 'left', true)).toBe('ab   ');
    expect(cellText('ab', 5, 'left', false)).toBe('ab');
    expect(cellText('ab', 5, 'right', false)).toBe('   ab');
    expect(cellText('ab', 5, 'center', true)).toBe(' ab  ');
    expect(cellText('ab', 5, 'center', false)).toBe(' ab');
  });
  it('cuts with one ellipsis character, at the start of a right-aligned cell', () => {
    expect(cellText('abcdefgh', 5, 'left', true)).toBe('abcd…');
    expect(cellText('abcdefgh', 5, 'right', true)).toBe('…efgh');
    expect(cellText('abcdefgh', 1, 'left', true)).toBe('a');
  });
  it('shows the first line of a multi-line value with an ellipsis', () => {
    expect(cellText('one\ntwo', 10, 'left', true)).toBe('one…      ');
  });
  it('writes the header dashes as long as the label, not the column', () => {
    const writer = new TableWriter({ screenWidth: 80, widths: [8, 3], alignments: ['left', 'right'] });
    expect(writer.header(['Name', 'Id'])).toEqual(['Name      Id', '----      --']);
  });
});

describe('Format-Table of custom objects', () => {
  // The expected tables of these cases are the ones PowerShell's own Format-Table tests assert.
  it('sizes columns from the header and the data', async () => {
    expect(await formatTable([obj({ abc: '1234', bcd: '123' }), obj({ abc: '1', bcd: '1234' })])).toBe(text('', 'abc  bcd', '---  ---', '1234 123', '1    1234', ''));
    expect(await formatTable([obj({ abc: '1234', bcd: '1234' }), obj({ abc: '1', bcd: '1' })])).toBe(text('', 'abc  bcd', '---  ---', '1234 1234', '1    1', ''));
    expect(await formatTable([obj({ abc: '123', bcd: '1234' }), obj({ abc: '1', bcd: '123' })])).toBe(text('', 'abc bcd', '--- ---', '123 1234', '1   123', ''));
  });

  it('right-aligns numbers, their headers and dashes too', async () => {
    expect(await formatTable([obj({ a: 'abc', b: 123 })])).toBe(text('', 'a     b', '-     -', 'abc 123', ''));
    expect(await formatTable([obj({ a: 'abc', b: 'abc' })])).toBe(text('', 'a   b', '-   -', 'abc abc', ''));
    expect(await formatTable([obj({ a: 123, b: 'abc' })])).toBe(text('', '  a b', '  - -', '123 abc', ''));
    expect(await formatTable([obj({ a: 123, b: 123 })])).toBe(text('', '  a   b', '  -   -', '123 123', ''));
  });

  it('right-aligns booleans and leaves $null cells empty', async () => {
    const rows = [obj({ Name: 'svc1', Enabled: true, Note: null }), obj({ Name: 'svc22', Enabled: false, Note: 'x' })];
    expect(await formatTable(rows)).toBe(text('', 'Name  Enabled Note', '----  ------- ----', 'svc1     True ', 'svc22   False x', ''));
  });

  it('shows collections as {a, b} cut after $FormatEnumerationLimit items', async () => {
    const rows = [obj({ Name: 'x', Items: [1, 2, 3, 4, 5, 6], Tags: ['a', 'b'] })];
    expect(await formatTable(rows)).toBe(text('', 'Name Items         Tags', '---- -----         ----', 'x    {1, 2, 3, 4…} {a, b}', ''));
    expect(await formatTable(rows, { enumerationLimit: 1 })).toBe(text('', 'Name Items Tags', '---- ----- ----', 'x    {1…}  {a…}', ''));
    expect(await formatTable(rows, { enumerationLimit: -1 })).toBe(text('', 'Name Items              Tags', '---- -----              ----', 'x    {1, 2, 3, 4, 5, 6} {a, b}', ''));
  });

  it('gives doubles the culture\'s two decimals in a property table', async () => {
    // PowerShell 7 formats [double], [float] and [decimal] cells with ToString("F").
    expect(await formatTable([obj({ Ratio: 1234.56789, Count: 3 })])).toBe(text('', '  Ratio Count', '  ----- -----', '1234.57     3', ''));
  });

  it('writes only the header line and the rows, no trailing spaces, for a one-column table', async () => {
    expect(await formatTable(['hello'], { property: ['foo'], force: true })).toBe(text('', 'foo', '---', '', ''));
  });

  it('hides the header with -HideTableHeaders', async () => {
    expect(await formatTable([obj({ a: 1, b: 2 })], { hideTableHeaders: true })).toBe(text('', '1 2', ''));
  });

  it('wraps cells with -Wrap, padding the columns of the other lines', async () => {
    const content = 'This\nIs some random\nmultiline content';
    expect(await formatTable([obj({ A: 1, B: 2, Name: content })], { wrap: true })).toBe(
      text('', 'A B Name', '- - ----', '1 2 This', '    Is some random', '    multiline content', ''),
    );
    // The column is as wide as the whole value, newlines included: PowerShell measures before it splits.
    expect(await formatTable([obj({ Name: content, A: 1, B: 2 })], { wrap: true })).toBe(
      text('', 'Name                                  A B', '----                                  - -', 'This                                  1 2', 'Is some random', 'multiline content', ''),
    );
    expect(await formatTable([obj({ A: 1, Name: content, B: 2 })], { wrap: true })).toBe(
      text('', 'A Name                                  B', '- ----                                  -', '1 This                                  2', '  Is some random', '  multiline content', ''),
    );
  });

  it('cuts a multi-line cell after its first line without -Wrap', async () => {
    expect(await formatTable([obj({ A: 1, Name: 'first\nsecond' })])).toBe(text('', 'A Name', '- ----', '1 first…', ''));
  });

  it('measures double-width characters as two cells', async () => {
    expect(await formatTable([obj({ 哇: '62', dbda: 'KM', 消息: '千' })])).toBe(text('', '哇 dbda 消息', '-- ---- ----', '62 KM   千', ''));
  });

  it('sizes every column with -AutoSize', async () => {
    const rows = [obj({ name: 'Bob', size: 1234, booleanValue: true }), obj({ name: 'Jim', size: 5678, booleanValue: false })];
    expect(await formatTable(rows, { autoSize: true })).toBe(text('', 'name size booleanValue', '---- ---- ------------', 'Bob  1234         True', 'Jim  5678        False', ''));
  });
});

describe('truncation at the screen width', () => {
  const long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.';
  const rows = [obj({ Name: 'alpha', Description: long, Size: 1024 })];

  it('fits at 120 columns', async () => {
    expect(long.length).toBe(100);
    expect(await formatTable(rows, { width: 120 })).toBe(text('', 'Name  Description' + ' '.repeat(90) + 'Size', '----  -----------' + ' '.repeat(90) + '----', `alpha ${long} 1024`, ''));
  });

  it('drops the last column and cuts the one before at 80 and 40 columns', async () => {
    // Size cannot keep a cell, so it goes; Description shrinks to what is left and, no longer
    // the last column of the table, keeps its padding in the dashes line (PowerShell's quirk).
    expect(await formatTable(rows, { width: 80 })).toBe(text('', 'Name  Description', '----  ' + '-----------'.padEnd(74), `alpha ${long.slice(0, 73)}…`, ''));
    expect(await formatTable(rows, { width: 40 })).toBe(text('', 'Name  Description', '----  ' + '-----------'.padEnd(34), `alpha ${long.slice(0, 33)}…`, ''));
  });

  it('cuts the value column of a hashtable at the screen edge', async () => {
    const h = table({ short: 1, long: 'abcdefghijklmnopqrstuvwxyz' });
    expect(await formatTable([h], { width: 40 })).toBe(
      text('', 'Name                           Value', '----                           -----', 'short                          1', 'long                           abcdefgh…', ''),
    );
  });
});

describe('-GroupBy', () => {
  it('starts a table under a `   Label: value` header whenever the value changes', async () => {
    const rows = [obj({ Team: 'A', Name: 'x', Score: 1 }), obj({ Team: 'A', Name: 'yy', Score: 22 }), obj({ Team: 'B', Name: 'z', Score: 3 })];
    expect(await formatTable(rows, { groupBy: 'Team' })).toBe(
      text('', '   Team: A', '', 'Team Name Score', '---- ---- -----', 'A    x        1', 'A    yy      22', '', '   Team: B', '', 'Team Name Score', '---- ---- -----', 'B    z        3', ''),
    );
  });

  it('labels a calculated grouping with its Name', async () => {
    const rows = [obj({ n: 1 }), obj({ n: 3 }), obj({ n: 4 })];
    const parity = table({ Name: 'Parity', Expression: block('$_.n % 2', (o) => ((o as PSObject).read('n') as number) % 2) });
    expect(await formatTable(rows, { groupBy: parity })).toBe(text('', '   Parity: 1', '', 'n', '-', '1', '3', '', '   Parity: 0', '', 'n', '-', '4', ''));
  });
});

describe('calculated properties', () => {
  it('takes Name/Expression (and N/E, Label/L) with a script block or a property name', async () => {
    const rows = [obj({ Name: 'a', Size: 2048 }), obj({ Name: 'bb', Size: 10 })];
    const kb = table({ N: 'KB', E: block('$_.Size / 1kb', (o) => ((o as PSObject).read('Size') as number) / 1024) });
    const label = table({ Label: 'Item', Expression: 'Name' });
    expect(await formatTable(rows, { property: [label, kb] })).toBe(text('', 'Item   KB', '----   --', 'a       2', 'bb   0.01', ''));
  });

  it('shows a script block column under its text', async () => {
    const rows = [obj({ n: 2 })];
    expect(await formatTable(rows, { property: [block('$_.n * 10', (o) => ((o as PSObject).read('n') as number) * 10)] })).toBe(text('', '$_.n * 10', '---------', '       20', ''));
  });

  it('honours Width and Alignment', async () => {
    // PowerShell's test: a centered column of width 10.
    const one = table({ l: 'one', e: 'one', width: 10, alignment: 'center' });
    expect(await formatTable([obj({ one: 1 })], { property: [one] })).toBe(text('', '   one', '   ---', '    1', ''));
  });

  it('applies a FormatString', async () => {
    const pct = table({ Name: 'Pct', Expression: 'Ratio', FormatString: 'P0' });
    const money = table({ Name: 'Cost', Expression: 'Cost', FormatString: '{0:N2} EUR' });
    expect(await formatTable([obj({ Ratio: 0.25, Cost: 1234.5 })], { property: [pct, money] })).toBe(text('', 'Pct         Cost', '---         ----', '25% 1,234.50 EUR', ''));
  });

  it('expands wildcards and keeps a missing plain name as an empty column', async () => {
    const rows = [obj({ Name: 'a', Nickname: 'x', Size: 1 })];
    expect(await formatTable(rows, { property: ['*name', 'Color'] })).toBe(text('', 'Name Nickname Color', '---- -------- -----', 'a    x        ', ''));
  });

  it('shows an empty cell when the script block fails', async () => {
    const failing: ScriptBlock = { isScriptBlock: true, text: 'throw', invoke: () => Promise.reject(new Error('boom')) };
    expect(await formatTable([obj({ a: 1 })], { property: ['a', table({ n: 'Bad', e: failing })] })).toBe(text('', 'a Bad', '- ---', '1 ', ''));
  });

  it('rejects keys that are not valid, as PowerShell does', async () => {
    await expect(formatTable([obj({ a: 1 })], { property: [table({ Foo: 'a' })] })).rejects.toMatchObject({
      errorRecord: { errorId: 'DictionaryKeyIllegal', message: 'The Foo key is not valid.' },
    });
    await expect(formatTable([obj({ a: 1 })], { property: [table({ Name: 'x' })] })).rejects.toMatchObject({
      errorRecord: { errorId: 'DictionaryKeyMandatoryEntry', message: 'A mandatory entry for expression is missing.' },
    });
    await expect(formatTable([obj({ a: 1 })], { property: [table({ e: 'a', Alignment: 'middle' })] })).rejects.toMatchObject({
      errorRecord: { errorId: 'AlignmentIllegalValue', message: 'The value "middle" for key "alignment" is not valid; valid values are {left, center, right}.' },
    });
    await expect(formatTable([obj({ a: 1 })], { property: [table({ e: 'a', n: 'x', l: 'y' })] })).rejects.toMatchObject({
      errorRecord: { errorId: 'DictionaryKeyDuplicate' },
    });
    await expect(formatTable([obj({ a: 1 })], { property: [1] })).rejects.toMatchObject({
      errorRecord: {
        errorId: 'DictionaryKeyUnknownType',
        message: 'Cannot convert System.Int32 to one of the following types {System.String, System.Management.Automation.ScriptBlock}.',
      },
    });
  });
});

describe('views with fixed widths', () => {
  // PowerShell's tests of headers and rows in columns narrower than their labels (spaces as '*').
  const stars = (s: string): string => s.replace(/ /g, '*');
  const tables = { formats: standardFormatTable(), types: new TypeTable() };
  const register = (widths: readonly number[]): void => {
    tables.formats.register({
      typeName: 'Test.Format',
      kind: 'table',
      name: 'Default',
      columns: [
        { label: 'LongLongHeader', property: 'First', width: widths[0], alignment: 'left' },
        { label: 'Header2', property: 'Second', width: widths[1], alignment: 'right' },
        { label: 'Header3', property: 'Third', width: widths[2], alignment: 'center' },
      ],
    });
    tables.formats.register({ typeName: 'Test.Format', kind: 'table', name: 'One', columns: [{ label: 'LongLongHeader', property: 'First', width: widths[0] }] });
  };
  const narrow = obj({ First: 1, Second: 2, Third: 3 }, 'Test.Format');
  const wide = obj({ First: '12345', Second: '12345678', Third: '123456' }, 'Test.Format');

  it('wraps the labels over several lines and cuts the values', async () => {
    register([4, 7, 5]);
    expect(stars(await formatTable([narrow], { view: 'Default', tables }))).toBe(text('', 'Long*Header2*Heade', 'Long**********r3', 'Head', 'er', '----*-------*-----', '1**********2***3', ''));
    expect(stars(await formatTable([wide], { view: 'Default', tables }))).toBe(text('', 'Long*Header2*Heade', 'Long**********r3', 'Head', 'er', '----*-------*-----', '123…*…345678*1234…', ''));
    expect(stars(await formatTable([wide], { view: 'Default', wrap: true, tables }))).toBe(text('', 'Long*Header2*Heade', 'Long**********r3', 'Head', 'er', '----*-------*-----', '1234*1234567*12345', '5**********8***6', ''));
    register([3, 1, 1]);
    expect(await formatTable([wide], { view: 'One', tables })).toBe(text('', 'Lon', 'gLo', 'ngH', 'ead', 'er', '---', '12…', ''));
    expect(await formatTable([wide], { view: 'One', wrap: true, tables })).toBe(text('', 'Lon', 'gLo', 'ngH', 'ead', 'er', '---', '123', '45', ''));
  });

  it('wraps one column at a time', async () => {
    register([4, 8, 6]);
    expect(stars(await formatTable([wide], { view: 'Default', wrap: true, tables }))).toBe(text('', 'Long**Header2*Header', 'Long************3', 'Head', 'er', '----**-------*------', '1234*12345678*123456', '5', ''));
    register([5, 7, 6]);
    expect(stars(await formatTable([wide], { view: 'Default', wrap: true, tables }))).toBe(text('', 'LongL*Header2*Header', 'ongHe***********3', 'ader', '-----*-------*------', '12345*1234567*123456', '************8', ''));
  });

  it('names the view that is missing', async () => {
    await expect(formatTable([obj({ a: 1 })], { view: 'Nope' })).rejects.toMatchObject({
      errorRecord: {
        errorId: 'FormatViewNotFound',
        message: 'The view name Nope cannot be found. There are no existing Table views for System.Management.Automation.PSCustomObject objects.',
      },
    });
  });
});
