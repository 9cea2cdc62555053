import { describe, expect, it } from 'vitest';
import { convertForParameter, convertTo, parseNumber, roundHalfEven, toBoolean, toNumeric, tryConvert } from './convert.js';
import { dateTimeToText, parseDateTime } from './datetime.js';
import { DecimalValue } from './decimal.js';
import { RuntimeError } from './errors.js';
import type { ErrorRecord } from './errors.js';
import { typeOf } from './types.js';
import {
  makeDecimal,
  makeNumber,
  PSChar,
  PSEnumValue,
  PSGuid,
  PSHashtable,
  PSList,
  PSObject,
  PSRegex,
  PSSecureString,
  PSSwitch,
  PSTypeLiteral,
  PSVersion,
} from './values.js';
import type { Numeric, NumericType, PSDateTime, PSTimeSpan } from './values.js';

/** The error record a conversion throws. */
function failure(run: () => unknown): ErrorRecord {
  try {
    run();
  } catch (e) {
    if (e instanceof RuntimeError) return e.errorRecord;
    throw e;
  }
  throw new Error('expected the conversion to fail');
}

/** A number of a .NET type, plain when a plain JS number already means that type. */
const n = (type: NumericType, value: number): Numeric => makeNumber(type, value);
const hashtable = (entries: [unknown, unknown][], ordered = false): PSHashtable => {
  const h = new PSHashtable(ordered);
  for (const [k, v] of entries) h.set(k, v);
  return h;
};
const HOUR = 36_000_000_000;

describe('convertTo numbers', () => {
  it.each<[unknown, string, unknown]>([
    ['42', 'int', 42],
    [' 42 ', 'int', 42],
    ['', 'int', 0],
    ['   ', 'int', 0],
    ['0x10', 'int', 16],
    ['1kb', 'int', 1024],
    ['1e3', 'int', 1000],
    ['-5', 'int', -5],
    // Integers round half to even.
    ['2.5', 'int', 2],
    ['3.5', 'int', 4],
    ['-2.5', 'int', -2],
    [2.5, 'int', 2],
    [3.5, 'int', 4],
    [0.5, 'int', 0],
    [1.5, 'int', 2],
    [2.4999, 'int', 2],
    // Thousands separators work: a failed integer parse is retried through double.
    ['1,000', 'int', 1000],
    ['#ff', 'int', 255],
    ['3000000000', 'long', n('Int64', 3000000000)],
    [5, 'long', n('Int64', 5)],
    [5, 'double', n('Double', 5)],
    ['1.5', 'double', 1.5],
    ['1e3', 'double', n('Double', 1000)],
    ['1,000.5', 'double', 1000.5],
    ['10', 'decimal', n('Decimal', 10)],
    // Convert.ToDecimal(double) keeps 15 significant digits.
    [0.1 + 0.2, 'decimal', n('Decimal', 0.3)],
    [true, 'int', 1],
    [false, 'double', n('Double', 0)],
    [null, 'int', 0],
    [null, 'double', n('Double', 0)],
    [new PSChar(65), 'int', 65],
    [new PSEnumValue('System.DayOfWeek', 'Friday', 5), 'int', 5],
    [255, 'byte', n('Byte', 255)],
    [new PSObject(['System.String', 'System.Object'], '5'), 'int', 5],
    [n('Int64', 7), 'int', 7],
  ])('%o to [%s] is %o', (value, type, expected) => {
    expect(convertTo(value, type)).toEqual(expected);
  });

  it('converts NaN text to a double', () => {
    expect(convertTo('NaN', 'double')).toEqual(n('Double', NaN));
  });

  it.each<[unknown, string, string, string]>([
    ['abc', 'int', 'InvalidCastFromStringToInteger', `Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`],
    ['3000000000', 'int', 'InvalidCastFromStringToInteger', 'Cannot convert value "3000000000" to type "System.Int32". Error: "Value was either too large or too small for an Int32."'],
    [3000000000, 'int', 'InvalidCastIConvertible', 'Cannot convert value "3000000000" to type "System.Int32". Error: "Value was either too large or too small for an Int32."'],
    [n('Double', 1e20), 'int', 'InvalidCastIConvertible', 'Cannot convert value "1E+20" to type "System.Int32". Error: "Value was either too large or too small for an Int32."'],
    [300, 'byte', 'InvalidCastIConvertible', 'Cannot convert value "300" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."'],
    [-1, 'uint32', 'InvalidCastIConvertible', 'Cannot convert value "-1" to type "System.UInt32". Error: "Value was either too large or too small for a UInt32."'],
    ['abc', 'double', 'InvalidCastFromStringToDoubleOrSingle', `Cannot convert value "abc" to type "System.Double". Error: "The input string 'abc' was not in a correct format."`],
    ['abc', 'decimal', 'InvalidCastFromStringToDecimal', `Cannot convert value "abc" to type "System.Decimal". Error: "The input string 'abc' was not in a correct format."`],
    // An array never becomes a scalar number, not even with one element.
    [[1, 2], 'int', 'ConvertToFinalInvalidCastException', 'Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32".'],
    [[5], 'int', 'ConvertToFinalInvalidCastException', 'Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32".'],
    [new PSHashtable(), 'int', 'ConvertToFinalInvalidCastException', 'Cannot convert the "System.Collections.Hashtable" value of type "System.Collections.Hashtable" to type "System.Int32".'],
    [PSObject.from({ a: 1 }), 'int', 'ConvertToFinalInvalidCastException', 'Cannot convert the "@{a=1}" value of type "System.Management.Automation.PSCustomObject" to type "System.Int32".'],
  ])('%o to [%s] fails with %s', (value, type, errorId, message) => {
    const record = failure(() => convertTo(value, type));
    expect(record.errorId).toBe(errorId);
    expect(record.message).toBe(message);
    expect(record.category).toBe('InvalidArgument');
    expect(record.exception.typeName).toBe('System.Management.Automation.PSInvalidCastException');
  });

  it('rounds half to even', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 0, -2, 3]);
  });
});

describe('parseNumber (PowerShell number syntax)', () => {
  it.each<[string, unknown]>([
    ['5', 5],
    ['+5', 5],
    ['-5', -5],
    ['  7  ', 7],
    ['', 0],
    ['10l', n('Int64', 10)],
    ['2147483648', n('Int64', 2147483648)],
    ['99999999999999999999', makeDecimal(new DecimalValue(99999999999999999999n, 0))],
    ['1d', n('Decimal', 1)],
    ['1.5', 1.5],
    ['1.0', n('Double', 1)],
    ['1e3', n('Double', 1000)],
    ['.5', 0.5],
    ['0x10', 16],
    // Hex literals of up to 32 bits are ints in two's complement (PowerShell 7).
    ['0xFFFFFFFF', -1],
    ['0x80000000', -2147483648],
    ['0x100000000', n('Int64', 4294967296)],
    ['0b101', 5],
    ['1kb', 1024],
    ['2gb', n('Int64', 2147483648)],
    ['1.5kb', n('Double', 1536)],
    ['5u', n('UInt32', 5)],
    ['5uy', n('Byte', 5)],
    ['5s', n('Int16', 5)],
  ])('%s', (text, expected) => {
    expect(parseNumber(text)).toEqual(expected);
  });

  it.each(['abc', '12 3', '1,000', '0x', '$5', '1..2', '300uy'])('%s is not a number literal', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});

describe('toNumeric (arithmetic operands)', () => {
  it.each<[unknown, unknown]>([
    [5, 5],
    ['5', 5],
    [' 0x10 ', 16],
    ['', 0],
    ['1.5', 1.5],
    ['1,000', 1000],
    [null, 0],
    [true, 1],
    [new PSChar(97), 97],
    [new PSEnumValue('System.DayOfWeek', 'Monday', 1), 1],
    [n('Decimal', 2), n('Decimal', 2)],
  ])('%o', (value, expected) => {
    expect(toNumeric(value)).toEqual(expected);
  });

  it('fails on text that is no number, naming the other operand type', () => {
    expect(failure(() => toNumeric('abc', 'Double')).message).toBe(
      `Cannot convert value "abc" to type "System.Double". Error: "The input string 'abc' was not in a correct format."`,
    );
  });
});

describe('toBoolean (PowerShell truthiness)', () => {
  it.each<[string, unknown, boolean]>([
    ['$null', null, false],
    ['AutomationNull', undefined, false],
    ["''", '', false],
    // Any non-empty string is true, even 'False' and '0'.
    ["'False'", 'False', true],
    ["'0'", '0', true],
    ['0', 0, false],
    ['0.0', n('Double', 0), false],
    ['NaN', n('Double', NaN), true],
    ['1', 1, true],
    ['-1', -1, true],
    ['@()', [], false],
    ['@(0)', [0], false],
    ['@($false)', [false], false],
    ['@(1)', [1], true],
    ['@(0,0)', [0, 0], true],
    ['@(@())', [[]], false],
    ['@(@(0))', [[0]], true],
    ['an empty ArrayList', new PSList(), false],
    ['a hashtable', new PSHashtable(), true],
    ['a custom object', PSObject.from({}), true],
    ['[switch]$false', new PSSwitch(false), false],
    ['[switch]$true', new PSSwitch(true), true],
    ['[DayOfWeek]::Sunday', new PSEnumValue('System.DayOfWeek', 'Sunday', 0), false],
    ['[DayOfWeek]::Monday', new PSEnumValue('System.DayOfWeek', 'Monday', 1), true],
    // A condition on a char is true whatever its code ([bool][char]0 is false though).
    ['[char]0', new PSChar(0), true],
    ['a wrapped 0', new PSObject(['System.Int32', 'System.Object'], 0), false],
  ])('%s', (_label, value, expected) => {
    expect(toBoolean(value)).toBe(expected);
  });

  it('[bool] casts follow truthiness except for chars', () => {
    expect(convertTo('False', 'bool')).toBe(true);
    expect(convertTo([], 'bool')).toBe(false);
    expect(convertTo(new PSChar(0), 'bool')).toBe(false);
    expect(convertTo(new PSChar(65), 'bool')).toBe(true);
  });
});

describe('convertTo strings and chars', () => {
  it.each<[unknown, string, unknown]>([
    [1, 'string', '1'],
    [0.1 + 0.2, 'string', '0.3'],
    [[1, 2], 'string', '1 2'],
    [null, 'string', ''],
    [true, 'string', 'True'],
    [65, 'char', new PSChar(65)],
    ['a', 'char', new PSChar(97)],
    [null, 'char', new PSChar(0)],
    ['abc', 'char[]', [new PSChar(97), new PSChar(98), new PSChar(99)]],
  ])('%o to [%s]', (value, type, expected) => {
    expect(convertTo(value, type)).toEqual(expected);
  });

  it.each<[unknown, string]>([
    ['ab', 'Cannot convert value "ab" to type "System.Char". Error: "String must be exactly one character long."'],
    [1.5, `Cannot convert value "1.5" to type "System.Char". Error: "Invalid cast from 'Double' to 'Char'."`],
    [70000, 'Cannot convert value "70000" to type "System.Char". Error: "Value was either too large or too small for a character."'],
  ])('%o to [char] fails', (value, message) => {
    expect(failure(() => convertTo(value, 'char')).message).toBe(message);
  });
});

describe('convertTo arrays', () => {
  it('wraps a scalar', () => {
    const a = convertTo(1, 'int[]') as unknown[];
    expect(a).toEqual([1]);
    expect(typeOf(a).fullName).toBe('System.Int32[]');
    expect(convertTo('x', 'string[]')).toEqual(['x']);
    expect(convertTo(new PSHashtable(), 'object[]')).toHaveLength(1);
  });

  it('converts each element', () => {
    const a = convertTo(['1', '2'], 'int[]') as unknown[];
    expect(a).toEqual([1, 2]);
    expect(typeOf(a).fullName).toBe('System.Int32[]');
    expect(convertTo(new PSList([1, 2]), 'string[]')).toEqual(['1', '2']);
  });

  it('keeps an object[] as it is for [array] and [object[]]', () => {
    const a = [1, 'x'];
    expect(convertTo(a, 'array')).toBe(a);
    expect(convertTo(a, 'object[]')).toBe(a);
    expect(convertTo(null, 'int[]')).toBeNull();
  });

  it.each<[unknown, string, string, string]>([
    // An element's own error surfaces unchanged for array → array.
    [['1', 'x'], 'int[]', 'InvalidCastFromStringToInteger', `Cannot convert value "x" to type "System.Int32". Error: "The input string 'x' was not in a correct format."`],
    [
      'x',
      'int[]',
      'InvalidCastExceptionScalarToArray',
      `Cannot convert value "x" to type "System.Int32[]". Error: "Cannot convert value "x" to type "System.Int32". Error: "The input string 'x' was not in a correct format.""`,
    ],
    [
      new PSList(['x']),
      'int[]',
      'InvalidCastExceptionEnumerableToArray',
      `Cannot convert value "System.Collections.ArrayList" to type "System.Int32[]". Error: "Cannot convert value "x" to type "System.Int32". Error: "The input string 'x' was not in a correct format.""`,
    ],
  ])('%o to [%s] fails with %s', (value, type, errorId, message) => {
    const record = failure(() => convertTo(value, type));
    expect(record.errorId).toBe(errorId);
    expect(record.message).toBe(message);
  });
});

describe('convertTo lists', () => {
  it('makes an ArrayList from an array', () => {
    const list = convertTo([1, 2], 'System.Collections.ArrayList') as PSList;
    expect(list).toBeInstanceOf(PSList);
    expect(list.items).toEqual([1, 2]);
    expect(list.elementType).toBeUndefined();
  });

  it('makes a List[int] from a scalar or an array, converting elements', () => {
    expect((convertTo('4', 'System.Collections.Generic.List[int]') as PSList).items).toEqual([4]);
    const list = convertTo(['1', 2], 'System.Collections.Generic.List[int]') as PSList;
    expect(list.items).toEqual([1, 2]);
    expect(list.elementType).toBe('System.Int32');
  });

  it('fails for an element that does not convert', () => {
    expect(failure(() => convertTo(['x'], 'System.Collections.Generic.List[int]')).message).toBe(
      'Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Collections.Generic.List`1[System.Int32]".',
    );
  });
});

describe('convertTo enums', () => {
  const day = (name: string, value: number): PSEnumValue => new PSEnumValue('System.DayOfWeek', name, value);
  it.each<[unknown, PSEnumValue]>([
    ['Monday', day('Monday', 1)],
    ['monday', day('Monday', 1)],
    [' Monday ', day('Monday', 1)],
    // A unique prefix is enough, as PowerShell's EnumMinimumDisambiguation allows.
    ['mon', day('Monday', 1)],
    ['Sat', day('Saturday', 6)],
    [1, day('Monday', 1)],
    ['1', day('Monday', 1)],
    [n('Int64', 2), day('Tuesday', 2)],
    [n('Double', 3), day('Wednesday', 3)],
    // Enum.Parse ORs a comma list even for an enum without [Flags]: Monday(1)|Tuesday(2) is Wednesday.
    ['Monday,Tuesday', day('Wednesday', 3)],
    [day('Friday', 5), day('Friday', 5)],
  ])('%o to [DayOfWeek]', (value, expected) => {
    expect(convertTo(value, 'System.DayOfWeek')).toEqual(expected);
  });

  it.each<[unknown, string, string]>([
    [
      9,
      'UndefinedIntegerToEnum',
      'Cannot convert value "9" to type "System.DayOfWeek" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday".',
    ],
    [
      'xyz',
      'SubstringDisambiguationEnumParseThrewAnException',
      'Cannot convert value "xyz" to type "System.DayOfWeek". Error: "Unable to match the identifier name xyz to a valid enumerator name. Specify one of the following enumerator names and try again:\nSunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday"',
    ],
    [
      't',
      'SubstringDisambiguationEnumParseThrewAnException',
      'Cannot convert value "t" to type "System.DayOfWeek". Error: "The identifier name t cannot be processed because it is either too similar or identical to the following enumerator names: Tuesday, Thursday. Use a more specific identifier name."',
    ],
    [
      null,
      'nullToEnumInvalidCast',
      'Cannot convert null to type "System.DayOfWeek" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday".',
    ],
  ])('%o to [DayOfWeek] fails with %s', (value, errorId, message) => {
    const record = failure(() => convertTo(value, 'System.DayOfWeek'));
    expect(record.errorId).toBe(errorId);
    expect(record.message).toBe(message);
  });

  it('combines flags from a list or a comma string', () => {
    expect(convertTo(['ReadOnly', 'Hidden'], 'System.IO.FileAttributes')).toEqual(new PSEnumValue('System.IO.FileAttributes', 'ReadOnly, Hidden', 3));
    expect(convertTo('Hidden, ReadOnly', 'System.IO.FileAttributes')).toEqual(new PSEnumValue('System.IO.FileAttributes', 'ReadOnly, Hidden', 3));
  });
});

describe('convertTo dates, spans and other value types', () => {
  it.each<[string, string]>([
    ['2026-11-23', '11/23/2026 00:00:00'],
    ['11/23/2026 09:00', '11/23/2026 09:00:00'],
  ])('[datetime]%s', (text, expected) => {
    expect(dateTimeToText(convertTo(text, 'datetime') as PSDateTime)).toBe(expected);
  });

  it('[datetime] of an ISO time in UTC is the same instant as the parser gives', () => {
    expect(convertTo('2026-11-23T09:00:00Z', 'datetime')).toEqual(parseDateTime('2026-11-23T09:00:00Z'));
  });

  it.each<[unknown, string, string, string]>([
    ['garbage', 'datetime', 'InvalidCastParseTargetInvocationWithFormatProvider', `Cannot convert value "garbage" to type "System.DateTime". Error: "String 'garbage' was not recognized as a valid DateTime."`],
    [null, 'datetime', 'nullToObjectInvalidCast', 'Cannot convert null to type "System.DateTime".'],
    ['abc', 'timespan', 'InvalidCastParseTargetInvocationWithFormatProvider', `Cannot convert value "abc" to type "System.TimeSpan". Error: "String 'abc' was not recognized as a valid TimeSpan."`],
    [
      '25:00:00',
      'timespan',
      'InvalidCastParseTargetInvocationWithFormatProvider',
      `Cannot convert value "25:00:00" to type "System.TimeSpan". Error: "The TimeSpan string '25:00:00' could not be parsed because at least one of the numeric components is out of range or contains too many digits."`,
    ],
    // A secure string comes only from ConvertTo-SecureString or Read-Host -AsSecureString.
    ['abc', 'securestring', 'ConvertToFinalInvalidCastException', 'Cannot convert the "abc" value of type "System.String" to type "System.Security.SecureString".'],
    ['1', 'version', 'InvalidCastParseTargetInvocation', `Cannot convert value "1" to type "System.Version". Error: "Version string portion was too short or too long. (Parameter 'input')"`],
    ['1.x', 'version', 'InvalidCastParseTargetInvocation', `Cannot convert value "1.x" to type "System.Version". Error: "The input string 'x' was not in a correct format."`],
    ['nope', 'guid', 'InvalidCastParseTargetInvocationWithFormatProvider', 'Cannot convert value "nope" to type "System.Guid". Error: "Unrecognized Guid format."'],
    ['Foo.Bar', 'type', 'InvalidCastFromStringToType', 'Cannot convert the "Foo.Bar" value of type "System.String" to type "System.Type".'],
    ['x', 'scriptblock', 'ConvertToFinalInvalidCastException', 'Cannot convert the "x" value of type "System.String" to type "System.Management.Automation.ScriptBlock".'],
    ['x', 'hashtable', 'ConvertToFinalInvalidCastException', 'Cannot convert the "x" value of type "System.String" to type "System.Collections.Hashtable".'],
  ])('%o to [%s] fails with %s', (value, type, errorId, message) => {
    const record = failure(() => convertTo(value, type));
    expect(record.errorId).toBe(errorId);
    expect(record.message).toBe(message);
  });

  it.each<[unknown, number]>([
    ['9:00:00', 9 * HOUR],
    ['1.02:03:04', 26 * HOUR + 3 * 600_000_000 + 4 * 10_000_000],
    ['00:30', HOUR / 2],
    ['5', 5 * 24 * HOUR],
    ['-01:00', -HOUR],
    [100, 100],
  ])('[timespan]%o', (value, ticks) => {
    expect((convertTo(value, 'timespan') as PSTimeSpan).ticks).toBe(ticks);
  });

  it.each<[unknown, string, unknown]>([
    ['1.2.3', 'version', new PSVersion(1, 2, 3)],
    ['1.2.3.4', 'version', new PSVersion(1, 2, 3, 4)],
    [1.5, 'version', new PSVersion(1, 5)],
    ['{0F8FAD5B-D9CB-469F-A165-70867728950E}', 'guid', new PSGuid('0f8fad5b-d9cb-469f-a165-70867728950e')],
    ['0f8fad5bd9cb469fa16570867728950e', 'guid', new PSGuid('0f8fad5b-d9cb-469f-a165-70867728950e')],
    ['a+', 'regex', new PSRegex('a+')],
    ['int', 'type', new PSTypeLiteral('System.Int32')],
    [true, 'switch', new PSSwitch(true)],
    [null, 'switch', new PSSwitch(false)],
    [null, 'hashtable', null],
    [null, 'securestring', null],
  ])('%o to [%s]', (value, type, expected) => {
    expect(convertTo(value, type)).toEqual(expected);
  });

  it('fails on a pattern .NET cannot parse', () => {
    expect(failure(() => convertTo('(', 'regex')).message).toBe('Cannot convert value "(" to type "System.Text.RegularExpressions.Regex". Error: "The regular expression pattern ( is not valid."');
  });

  it('keeps a secure string as it is', () => {
    const s = new PSSecureString('x');
    expect(convertTo(s, 'securestring')).toBe(s);
  });
});

describe('convertTo objects and dictionaries', () => {
  it('[pscustomobject] keeps the key order and honours PSTypeName', () => {
    const o = convertTo(
      hashtable([
        ['b', 1],
        ['a', 2],
        ['PSTypeName', 'Dpm.Job'],
      ]),
      'pscustomobject',
    ) as PSObject;
    expect(o.properties.map((p) => p.name)).toEqual(['b', 'a']);
    expect(o.typeNames).toEqual(['Dpm.Job', 'System.Management.Automation.PSCustomObject', 'System.Object']);
  });

  it('[ordered] and [hashtable] copy between the two dictionary kinds', () => {
    const h = hashtable([
      ['x', 1],
      ['y', 2],
    ]);
    const o = convertTo(h, 'ordered') as PSHashtable;
    expect(o.ordered).toBe(true);
    expect(o.keys()).toEqual(['x', 'y']);
    expect(convertTo(h, 'hashtable')).toBe(h);
    expect((convertTo(o, 'hashtable') as PSHashtable).ordered).toBe(false);
  });

  it('[object] and [psobject] are the identity', () => {
    const h = new PSHashtable();
    expect(convertTo(h, 'object')).toBe(h);
    expect(convertTo(h, 'psobject')).toBe(h);
    expect(convertTo(undefined, 'object')).toBeNull();
  });
});

describe('tryConvert (-as)', () => {
  it.each<[unknown, string, boolean, unknown]>([
    ['5', 'int', true, 5],
    ['abc', 'int', false, undefined],
    [5, 'int', true, 5],
    ['x', 'securestring', false, undefined],
    [new PSObject(['System.String', 'System.Object'], 'abc'), 'string', true, 'abc'],
  ])('%o -as [%s]', (value, type, ok, expected) => {
    const r = tryConvert(value, type);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.value).toEqual(expected);
  });

  it('still fails on an unknown type name', () => {
    expect(() => tryConvert(1, 'Foo.Bar')).toThrow('Unable to find type [Foo.Bar].');
  });
});

describe('convertForParameter (the binder)', () => {
  it.each<[unknown, string, unknown]>([
    [true, 'bool', true],
    [1, 'bool', true],
    [0, 'bool', false],
    [n('Double', 0.5), 'bool', true],
    [new PSSwitch(true), 'bool', true],
    [0, 'switch', new PSSwitch(false)],
    [true, 'switch', new PSSwitch(true)],
    [null, 'switch', new PSSwitch(false)],
    ['tue', 'System.DayOfWeek', new PSEnumValue('System.DayOfWeek', 'Tuesday', 2)],
    ['5', 'int', 5],
  ])('%o for a [%s] parameter', (value, type, expected) => {
    expect(convertForParameter(value, type)).toEqual(expected);
  });

  it.each<[unknown, string, string]>([
    ['true', 'bool', 'Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.'],
    [null, 'bool', 'Cannot convert value "" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.'],
    [
      [1],
      'switch',
      'Cannot convert value "System.Object[]" to type "System.Management.Automation.SwitchParameter". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
    ],
  ])('%o for a [%s] parameter fails', (value, type, message) => {
    const record = failure(() => convertForParameter(value, type));
    expect(record.errorId).toBe('InvalidCastExceptionUnsupportedParameterType');
    expect(record.message).toBe(message);
  });
});
