import { describe, expect, it } from 'vitest';
import { compare, comparisonOperator, equals, like, regexMatchTable, stringCompare, stringEquals } from './compare.js';
import type { ComparisonOperator } from './compare.js';
import { convertTo } from './convert.js';
import { RuntimeError } from './errors.js';
import type { ErrorRecord } from './errors.js';
import { makeNumber, PSChar, PSEnumValue, PSHashtable, PSList, PSObject, PSRegex, PSTimeSpan, PSTypeLiteral, PSVersion } from './values.js';

function failure(run: () => unknown): ErrorRecord {
  try {
    run();
  } catch (e) {
    if (e instanceof RuntimeError) return e.errorRecord;
    throw e;
  }
  throw new Error('expected a failure');
}

const monday = new PSEnumValue('System.DayOfWeek', 'Monday', 1);
const date = convertTo('2026-11-23', 'datetime');
const sharedTable = new PSHashtable();

describe('equals (-eq: the left operand decides)', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['1 -eq 1', 1, 1, true],
    ['1 -eq 1.0', 1, makeNumber('Double', 1), true],
    ["1 -eq '1'", 1, '1', true],
    ["10 -eq '10.0'", 10, '10.0', true],
    // The string is scanned as a number, not cast to the left's [int] (which would round).
    ["10 -eq '10.5'", 10, '10.5', false],
    ["10 -eq ' 0xA '", 10, ' 0xA ', true],
    ["1 -eq 'abc'", 1, 'abc', false],
    // '' scans as 0.
    ["0 -eq ''", 0, '', true],
    ["'10' -eq 10", '10', 10, true],
    // A string on the left compares as strings.
    ["'10.0' -eq 10", '10.0', 10, false],
    ["'abc' -eq 'ABC'", 'abc', 'ABC', true],
    ["'é' -eq 'É'", 'é', 'É', true],
    ["'é' -eq 'e'", 'é', 'e', false],
    ["'1 2' -eq @(1,2)", '1 2', [1, 2], true],
    ['$null -eq $null', null, null, true],
    ['$null -eq 0', null, 0, false],
    ["$null -eq ''", null, '', false],
    ['0 -eq $null', 0, null, false],
    ['1 -eq $true', 1, true, true],
    ['2 -eq $true', 2, true, false],
    // The right operand becomes a [bool]: any non-empty string is $true.
    ["$true -eq 'false'", true, 'false', true],
    ["$false -eq ''", false, '', true],
    ['$false -eq @()', false, [], true],
    ["[char]'a' -eq 'A'", new PSChar(97), 'A', true],
    ["[char]'a' -eq 'ab'", new PSChar(97), 'ab', false],
    ['[char]a -eq 97', new PSChar(97), 97, true],
    ["'a' -eq [char]'A'", 'a', new PSChar(65), true],
    ["Monday -eq 'Monday'", monday, 'Monday', true],
    ["Monday -eq 'monday'", monday, 'monday', true],
    ['Monday -eq 1', monday, 1, true],
    ["Monday -eq 'Tuesday'", monday, 'Tuesday', false],
    ["[datetime]'2026-11-23' -eq '11/23/2026'", date, '11/23/2026', true],
    ["[datetime]'2026-11-23' -eq 'soon'", date, 'soon', false],
    ["[version]'1.2' -eq '1.2'", new PSVersion(1, 2), '1.2', true],
    ["[version]'1.2' -eq '1.2.0'", new PSVersion(1, 2), '1.2.0', false],
    ["[timespan]'9:00' -eq '09:00:00'", new PSTimeSpan(9 * 36_000_000_000), '09:00:00', true],
    ["[int] -eq 'int'", new PSTypeLiteral('System.Int32'), 'int', true],
    ['[int] -eq [System.Int32]', new PSTypeLiteral('System.Int32'), new PSTypeLiteral('system.int32'), true],
    ['a hashtable -eq itself', sharedTable, sharedTable, true],
    ['a hashtable -eq an equal one', sharedTable, new PSHashtable(), false],
    ['a wrapped 5 -eq 5', new PSObject(['System.Int32', 'System.Object'], 5), 5, true],
  ])('%s is %s', (_label, a, b, expected) => {
    expect(equals(a, b)).toBe(expected);
  });

  it('-ceq compares case-sensitively', () => {
    expect(equals('abc', 'ABC', { caseSensitive: true })).toBe(false);
    expect(equals('abc', 'abc', { caseSensitive: true })).toBe(true);
    expect(equals(new PSChar(97), 'A', { caseSensitive: true })).toBe(false);
    expect(equals('é', 'É', { caseSensitive: true })).toBe(false);
  });
});

describe('compare (-lt, -gt: the left operand decides)', () => {
  it.each<[string, unknown, unknown, number]>([
    ['1 vs 2', 1, 2, -1],
    ['2 vs 1.5', 2, 1.5, 1],
    ["10 vs '9'", 10, '9', 1],
    // Strings order by the culture, not by code: 'a' < 'B'.
    ["'a' vs 'B'", 'a', 'B', -1],
    ["'B' vs 'a'", 'B', 'a', 1],
    ["'A' vs 'a'", 'A', 'a', 0],
    ["'10' vs 9", '10', 9, -1],
    ["'abc' vs 'abd'", 'abc', 'abd', -1],
    ["'ab' vs 'abc'", 'ab', 'abc', -1],
    ["'a b' vs 'ab'", 'a b', 'ab', -1],
    ["'file10' vs 'file9'", 'file10', 'file9', -1],
    // $null sorts below everything except negative numbers.
    ['$null vs 0', null, 0, -1],
    ['$null vs -1', null, -1, 1],
    ['0 vs $null', 0, null, 1],
    ['-1 vs $null', -1, null, -1],
    ["$null vs 'a'", null, 'a', -1],
    ["'a' vs $null", 'a', null, 1],
    ['$null vs $null', null, null, 0],
    ["[version]'1.10' vs '1.9'", new PSVersion(1, 10), '1.9', 1],
    ["date vs '2020-01-01'", date, '2020-01-01', 1],
    ["Monday vs 'Sunday'", monday, 'Sunday', 1],
    ['$true vs $false', true, false, 1],
    ["[char]'a' vs 'b'", new PSChar(97), 'b', -1],
  ])('%s is %i', (_label, a, b, expected) => {
    expect(compare(a, b)).toBe(expected);
  });

  it('orders case-sensitively with lower case first', () => {
    expect(compare('a', 'A', { caseSensitive: true })).toBe(-1);
    expect(compare('aB', 'Ab', { caseSensitive: true })).toBe(-1);
  });

  it.each<[string, unknown, unknown, string, string]>([
    ["1 vs 'abc'", 1, 'abc', 'InvalidCastFromStringToInteger', `Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`],
    [
      'a hashtable vs 1',
      new PSHashtable(),
      1,
      'ComparisonFailure',
      'Could not compare "System.Collections.Hashtable" to "1". Error: "Cannot convert the "1" value of type "System.Int32" to type "System.Collections.Hashtable"."',
    ],
    ['two custom objects', PSObject.from({ a: 1 }), PSObject.from({ a: 1 }), 'NotIcomparable', 'Cannot compare "@{a=1}" because it is not IComparable.'],
  ])('%s fails with %s', (_label, a, b, errorId, message) => {
    const record = failure(() => compare(a, b));
    expect(record.errorId).toBe(errorId);
    expect(record.message).toBe(message);
  });
});

describe('string collation', () => {
  // A small deterministic generator: the fast path must agree with ICU on every string it takes.
  function* randomStrings(seed: number, count: number): Generator<string> {
    const alphabet = 'aAbBzZ09 5';
    let x = seed;
    for (let i = 0; i < count; i++) {
      let s = '';
      x = (x * 1103515245 + 12345) % 2147483648;
      const length = x % 5;
      for (let j = 0; j < length; j++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        s += alphabet[x % alphabet.length];
      }
      yield s;
    }
  }

  it('orders letters, digits and spaces exactly as the ICU root collation', () => {
    const words = [...randomStrings(7, 300)];
    const icu = [new Intl.Collator('und', { sensitivity: 'accent' }), new Intl.Collator('und', { sensitivity: 'variant' })];
    const mismatches: string[] = [];
    for (let i = 1; i < words.length; i++) {
      const a = words[i - 1]!;
      const b = words[i]!;
      for (const [k, collator] of icu.entries()) {
        if (Math.sign(stringCompare(a, b, k === 1)) !== Math.sign(collator.compare(a, b))) mismatches.push(`${a}|${b}|${k}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('compares other text through the collator', () => {
    expect(stringCompare('é', 'f')).toBe(-1);
    expect(stringEquals('Straße', 'STRASSE')).toBe(false);
    expect(stringEquals('ÉCOLE', 'école')).toBe(true);
  });
});

describe('comparisonOperator', () => {
  it.each<[ComparisonOperator, unknown, unknown, unknown]>([
    ['eq', 1, 1, true],
    ['ne', 1, 2, true],
    ['gt', [1, 2, 3], 1, [2, 3]],
    ['ge', [1, 2, 3], 2, [2, 3]],
    ['lt', [1, 2, 3], 3, [1, 2]],
    ['ne', [1, 2, 3], 2, [1, 3]],
    ['eq', ['a', 'B', 'b'], 'b', ['B', 'b']],
    // -eq with $null on the right picks the nulls out of a collection.
    ['eq', [1, null, 2, null], null, [null, null]],
    ['ne', [1, null], null, [1]],
    ['eq', [], 1, []],
    // Each element is compared with the whole right operand.
    ['eq', [1, 2], [1, 2], []],
    ['eq', new PSList([1, 2, 1]), 1, [1, 1]],
    ['lt', 'a', 'B', true],
    ['gt', 0, null, true],
    ['lt', null, 1, true],
    ['lt', makeNumber('Double', NaN), 1, false],
    ['gt', makeNumber('Double', NaN), 1, false],
    ['contains', [1, 2, 3], '2', true],
    ['contains', ['1', '2'], 2, true],
    ['contains', 'abc', 'a', false],
    ['contains', 'abc', 'ABC', true],
    ['notcontains', [1, 2], 3, true],
    ['contains', [1, null], null, true],
    ['in', 2, [1, 2, 3], true],
    ['in', 'a', 'abc', false],
    ['notin', 4, [1, 2, 3], true],
    ['like', 'Get-Item', 'get-*', true],
    ['notlike', 'Get-Item', 'Set-*', true],
    ['like', ['a.txt', 'b.log', 'c.txt'], '*.txt', ['a.txt', 'c.txt']],
    ['like', null, '', true],
    ['like', 42, '4?', true],
    ['match', ['apple', 'banana', 'cherry'], 'an', ['banana']],
    ['notmatch', ['apple', 'banana'], 'an', ['apple']],
  ])('%s %o %o', (op, left, right, expected) => {
    expect(comparisonOperator(op, left, right)).toEqual(expected);
  });

  it('-clike and -ccontains are case-sensitive', () => {
    expect(comparisonOperator('like', 'Get-Item', 'get-*', { caseSensitive: true })).toBe(false);
    expect(comparisonOperator('contains', ['A'], 'a', { caseSensitive: true })).toBe(false);
  });

  it('-match hands $Matches over with groups numbered as .NET numbers them', () => {
    let matches: PSHashtable | undefined;
    const result = comparisonOperator('match', 'abc123', '(\\d)(\\d+)', { setMatches: (m) => (matches = m) });
    expect(result).toBe(true);
    // $Matches is a Hashtable: its small integer keys enumerate in descending order in PowerShell.
    expect(matches?.keys()).toEqual([2, 1, 0]);
    expect(matches?.get(0)).toBe('123');
    expect(matches?.get(1)).toBe('1');
    expect(matches?.get(2)).toBe('23');
  });

  it('-match keys named groups by name and numbers unnamed ones first', () => {
    let matches: PSHashtable | undefined;
    comparisonOperator('match', 'John Smith', '(?<first>\\w+) (\\w+)', { setMatches: (m) => (matches = m) });
    expect(matches?.get('first')).toBe('John');
    expect(matches?.get(1)).toBe('Smith');
    expect(matches?.get(0)).toBe('John Smith');
    expect(matches?.has(2)).toBe(false);
  });

  it('-match leaves out groups that did not take part', () => {
    const m = regexMatchTable('ac', 'a(b)?c');
    expect(m?.keys()).toEqual([0]);
  });

  it('-notmatch sets $Matches when the pattern matched; a failed match or a collection does not', () => {
    const calls: PSHashtable[] = [];
    const record = { setMatches: (m: PSHashtable): number => calls.push(m) };
    expect(comparisonOperator('notmatch', 'abc', 'b', record)).toBe(false);
    expect(comparisonOperator('match', 'abc', 'x', record)).toBe(false);
    expect(comparisonOperator('match', ['abc'], 'b', record)).toEqual(['abc']);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.get(0)).toBe('b');
  });

  it('-match is case-insensitive unless -cmatch or a [regex] with its own options', () => {
    expect(comparisonOperator('match', 'ABC', 'abc')).toBe(true);
    expect(comparisonOperator('match', 'ABC', 'abc', { caseSensitive: true })).toBe(false);
    expect(comparisonOperator('match', 'ABC', new PSRegex('abc'))).toBe(false);
    expect(comparisonOperator('match', 'ABC', new PSRegex('abc', ['IgnoreCase']))).toBe(true);
  });

  it('like() converts both sides to strings', () => {
    expect(like(monday, 'mon*')).toBe(true);
    expect(like([1, 2], '1 2')).toBe(true);
  });
});
