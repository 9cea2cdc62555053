import { describe, expect, it } from 'vitest';
import { Scope } from './scope.js';
import { makeDateTime } from './datetime.js';
import { dotNetToString, formatDoubleRoundTrip, formatNumber, formatSingleRoundTrip, toText } from './text.js';
import { markTypedArray, INT32_TYPE } from './types.js';
import {
  PSChar,
  PSEnumValue,
  PSGuid,
  PSHashtable,
  PSList,
  PSNumber,
  PSObject,
  PSSecureString,
  PSSwitch,
  PSTimeSpan,
  PSTypeLiteral,
  PSVersion,
} from './values.js';
import type { ScriptBlock } from './values.js';

const double = (n: number): PSNumber => new PSNumber('Double', n);

describe('formatNumber (PowerShell string conversion, invariant culture)', () => {
  it.each<[string, number | PSNumber, string]>([
    ['an int', 42, '42'],
    ['a negative int', -7, '-7'],
    ['a long', 2 ** 40, '1099511627776'],
    ['a long past 2^53', new PSNumber('Int64', 2 ** 53), '9007199254740992'],
    // PowerShell 7 converts doubles with 15 significant digits ("G15"), not .NET Core's
    // shortest round-trip text, so 0.1+0.2 prints 0.3 (PowerShell PR #9893).
    ['0.1+0.2', 0.1 + 0.2, '0.3'],
    ['1/3', 1 / 3, '0.333333333333333'],
    ['2/3', 2 / 3, '0.666666666666667'],
    ['100000000000000.3', 100000000000000.3, '100000000000000'],
    ['999999999999999.9', 999999999999999.9, '1E+15'],
    ['0.00012345678901234567', 0.00012345678901234567, '0.000123456789012346'],
    ['1.1+1.1+1.1', 1.1 + 1.1 + 1.1, '3.3'],
    ['11111.11 - 11110.01', 11111.11 - 11110.01, '1.10000000000036'],
    ['an integral double', double(1), '1'],
    ['1e15', double(1e15), '1E+15'],
    ['1e14', double(1e14), '100000000000000'],
    ['1e21', double(1e21), '1E+21'],
    ['1.5e300', double(1.5e300), '1.5E+300'],
    ['1e-5', double(1e-5), '1E-05'],
    ['0.0001', 0.0001, '0.0001'],
    ['-0.5', -0.5, '-0.5'],
    ['123456789012345680', double(123456789012345680), '1.23456789012346E+17'],
    ['NaN', double(NaN), 'NaN'],
    ['Infinity', double(Infinity), 'Infinity'],
    ['-Infinity', double(-Infinity), '-Infinity'],
    // A single prints with 7 significant digits.
    ['[float]0.1', new PSNumber('Single', Math.fround(0.1)), '0.1'],
    ['[float]1/3', new PSNumber('Single', Math.fround(1 / 3)), '0.3333333'],
    ['a decimal', new PSNumber('Decimal', 0.1), '0.1'],
    ['a tiny decimal', new PSNumber('Decimal', 1e-7), '0.0000001'],
    ['a byte', new PSNumber('Byte', 255), '255'],
  ])('%s', (_label, n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});

describe('G15 of any double', () => {
  /** G15 written out from toExponential, the slow and obviously right way. */
  function g15(x: number): string {
    const [mantissa, exp] = Math.abs(x).toExponential(14).split('e') as [string, string];
    const digits = mantissa.replace('.', '').replace(/0+$/, '');
    const e = Number(exp);
    const sign = x < 0 ? '-' : '';
    if (e > -5 && e < 15) {
      if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
      return digits.length <= e + 1 ? sign + digits + '0'.repeat(e + 1 - digits.length) : `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
    }
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }

  it('agrees with the digit-by-digit definition on many doubles', () => {
    let x = 12345;
    const mismatches: string[] = [];
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const value = ((x / 2147483648 - 0.5) * 10 ** ((x % 40) - 20)) / ((x % 7) + 1);
      if (value === 0) continue;
      if (formatNumber(new PSNumber('Double', value)) !== g15(value)) mismatches.push(String(value));
    }
    expect(mismatches).toEqual([]);
  });
});

describe('.NET ToString of numbers', () => {
  it.each<[number, string]>([
    [0.1 + 0.2, '0.30000000000000004'],
    [1.5, '1.5'],
    [1e15, '1E+15'],
    [1e14, '100000000000000'],
    [1e-5, '1E-05'],
    [1.7976931348623157e308, '1.7976931348623157E+308'],
    // 17 significant digits widen the fixed-point range to 17 integer digits.
    [12345678901234568, '12345678901234568'],
    [123456789012345680, '1.2345678901234568E+17'],
    [-0, '-0'],
  ])('double %d', (n, text) => {
    expect(formatDoubleRoundTrip(n)).toBe(text);
  });

  it('single round-trips with the fewest digits', () => {
    expect(formatSingleRoundTrip(Math.fround(0.1))).toBe('0.1');
    expect(formatSingleRoundTrip(Math.fround(16777217))).toBe('16777216');
  });
});

function scopeWithOfs(ofs: unknown): Scope {
  const scope = new Scope('global');
  scope.define({ name: 'OFS', value: ofs, options: {} });
  return scope;
}

const script: ScriptBlock = { isScriptBlock: true, text: ' $_ * 2 ', invoke: () => Promise.resolve([]) };

describe('toText', () => {
  it.each<[string, unknown, string]>([
    ['$null', null, ''],
    ['AutomationNull', undefined, ''],
    ['$true', true, 'True'],
    ['$false', false, 'False'],
    ['a string', 'abc', 'abc'],
    ['a char', new PSChar(65), 'A'],
    ['an array', [1, 2, 3], '1 2 3'],
    ['an empty array', [], ''],
    ['an array with $null', [1, null, 2], '1  2'],
    ['doubles in an array', [0.5, 0.1 + 0.2], '0.5 0.3'],
    // Elements are converted without recursing: a nested array is its type name.
    ['a nested array', [1, [2, 3]], '1 System.Object[]'],
    ['a nested typed array', [1, markTypedArray([2], INT32_TYPE)], '1 System.Int32[]'],
    ['an ArrayList', new PSList([1, 'a']), '1 a'],
    ['a hashtable', new PSHashtable(), 'System.Collections.Hashtable'],
    ['an ordered dictionary', new PSHashtable(true), 'System.Collections.Specialized.OrderedDictionary'],
    ['a custom object', PSObject.from({ a: 1, b: 'x', c: null }), '@{a=1; b=x; c=}'],
    ['a custom object holding an array', PSObject.from({ a: [1, 2] }), '@{a=System.Object[]}'],
    // A nested custom object is PSCustomObject.ToString(), which is empty.
    ['a nested custom object', PSObject.from({ a: PSObject.from({ b: 1 }) }), '@{a=}'],
    ['a custom object with a hashtable', PSObject.from({ h: new PSHashtable() }), '@{h=System.Collections.Hashtable}'],
    ['an empty custom object', PSObject.from({}), ''],
    ['a custom object in an array', [PSObject.from({ a: 1 }), 2], ' 2'],
    ['a wrapped number', new PSObject(['System.Int32', 'System.Object'], 5), '5'],
    ['an enum', new PSEnumValue('System.DayOfWeek', 'Monday', 1), 'Monday'],
    ['a time span', new PSTimeSpan(9 * 36_000_000_000), '09:00:00'],
    ['a negative time span with days', new PSTimeSpan(-(26 * 36_000_000_000 + 5_000_000)), '-1.02:00:00.5000000'],
    ['a secure string', new PSSecureString('hunter2'), 'System.Security.SecureString'],
    ['a script block', script, ' $_ * 2 '],
    ['[int]', new PSTypeLiteral('System.Int32'), 'int'],
    ['[string[]]', new PSTypeLiteral('System.String[]'), 'string[]'],
    ['[System.DayOfWeek]', new PSTypeLiteral('System.DayOfWeek'), 'System.DayOfWeek'],
    ['a switch', new PSSwitch(true), 'True'],
    ['a version', new PSVersion(1, 2, 3), '1.2.3'],
    ['a guid', new PSGuid('0f8fad5b-d9cb-469f-a165-70867728950e'), '0f8fad5b-d9cb-469f-a165-70867728950e'],
  ])('%s', (_label, value, text) => {
    expect(toText(value)).toBe(text);
  });

  it('writes a date in the invariant culture, as "$(Get-Date)" does', () => {
    expect(toText(makeDateTime(2026, 11, 23, 14, 30, 1, 0, 'Local'))).toBe('11/23/2026 14:30:01');
  });

  it('joins arrays with $OFS', () => {
    expect(toText([1, 2, 3], scopeWithOfs(','))).toBe('1,2,3');
    expect(toText([1, 2], scopeWithOfs(''))).toBe('12');
    // $OFS = $null means the default separator.
    expect(toText([1, 2], scopeWithOfs(null))).toBe('1 2');
  });

  it('uses the .NET text an object modelled as a PSObject carries', () => {
    const match = new PSObject(['System.Text.RegularExpressions.Match', 'System.Object']);
    match.toDotNetString = () => 'abc';
    expect(toText(match)).toBe('abc');
    expect(toText([match, 1])).toBe('abc 1');
  });

  it('does not run script properties', () => {
    const o = new PSObject();
    o.addProperty({ name: 'Now', kind: 'ScriptProperty', get: () => 'evaluated' });
    expect(toText(o)).toBe('@{Now=System.Management.Automation.PSScriptProperty}');
  });
});

describe('dotNetToString (how error messages quote a value)', () => {
  it.each<[string, unknown, string]>([
    ['an array', [1, 2], 'System.Object[]'],
    ['an ArrayList', new PSList([1]), 'System.Collections.ArrayList'],
    ['a double', double(1e20), '1E+20'],
    ['0.1+0.2', 0.1 + 0.2, '0.30000000000000004'],
    ['a custom object', PSObject.from({ a: 1 }), '@{a=1}'],
    ['a hashtable', new PSHashtable(), 'System.Collections.Hashtable'],
    ['a string', 'abc', 'abc'],
    ['$null', null, ''],
  ])('%s', (_label, value, text) => {
    expect(dotNetToString(value)).toBe(text);
  });

  it('writes a date as en-US ToString() does', () => {
    expect(dotNetToString(makeDateTime(2026, 11, 23, 14, 30, 1, 0, 'Local'))).toBe('11/23/2026 2:30:01 PM');
  });
});
