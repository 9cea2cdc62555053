import { describe, expect, it } from 'vitest';
import { PSObject, PSTimeSpan } from '@dpmsh/runtime';
import { wideItemsPerRow } from './wide.js';
import { formatWide } from './text-output.js';

const named = (...names: string[]): PSObject[] => names.map((Name) => PSObject.from({ Name, Length: Name.length }));
const text = (...lines: string[]): string => lines.map((l) => `${l}\n`).join('');

describe('Format-Wide', () => {
  it('fits as many items as leave one cell free under -AutoSize', () => {
    expect(wideItemsPerRow(7, 40)).toBe(5);
    expect(wideItemsPerRow(10, 40)).toBe(3);
    expect(wideItemsPerRow(40, 40)).toBe(1);
  });

  it('shows two columns over the whole width by default, the Name property of each object', async () => {
    // 40 cells: two columns of 20 and 19 with one space between; the last row keeps its padding.
    expect(await formatWide(named('a', 'b', 'c'), { width: 40 })).toBe(text('', `${'a'.padEnd(20)} b`, `${'c'.padEnd(20)} `, ''));
  });

  it('takes -Column and -Property', async () => {
    expect(await formatWide(named('a', 'bb', 'ccc', 'dddd'), { width: 30, column: 3, property: ['Length'] })).toBe(
      text('', `${'1'.padEnd(10)} ${'2'.padEnd(9)} 3`, `${'4'.padEnd(10)} ${''.padEnd(9)} `, ''),
    );
  });

  it('counts the columns from the widest item with -AutoSize, still spread over the width', async () => {
    const items = named('alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta');
    expect(await formatWide(items, { width: 40, autoSize: true })).toBe(
      text('', `${'alpha'.padEnd(8)} ${'beta'.padEnd(7)} ${'gamma'.padEnd(7)} ${'delta'.padEnd(7)} epsilon`, `${'zeta'.padEnd(8)} ${''.padEnd(7)} ${''.padEnd(7)} ${''.padEnd(7)} `, ''),
    );
  });

  it('cuts items longer than their column', async () => {
    expect(await formatWide(named('abcdefghijklmnopqrstuvwxyz', 'b'), { width: 20 })).toBe(text('', 'abcdefghi… b', ''));
  });

  it('prints strings as text unless -Force is given', async () => {
    expect(await formatWide(['a', 'b', 'c'], { width: 20 })).toBe(text('a', 'b', 'c'));
    // With -Force a string is formatted as an object, and its only property is its Length.
    expect(await formatWide(['a', 'bb', 'c'], { width: 20, force: true })).toBe(text('', `${'1'.padEnd(10)} 2`, `${'1'.padEnd(10)} `, ''));
  });

  it('uses a type\'s wide view: TotalMilliseconds for a time span', async () => {
    expect(await formatWide([new PSTimeSpan(15_000_000), new PSTimeSpan(20_000)], { width: 20 })).toBe(text('', `${'1500'.padEnd(10)} 2`, ''));
  });
});
