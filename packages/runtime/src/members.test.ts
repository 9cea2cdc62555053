import { describe, expect, it } from 'vitest';
import type {
  PSMemberCollection} from './members.js';
import {
  getMember,
  getStaticMember,
  invokeMethod,
  invokeStaticMethod,
  listMembers,
  listStaticMembers,
  namedItem,
  findProperty,
  setMember
} from './members.js';
import {
  PSChar,
  PSDateTime,
  PSEnumValue,
  PSGuid,
  PSHashtable,
  PSList,
  PSNumber,
  PSObject,
  PSRegex,
  PSSecureString,
  PSSwitch,
  PSTimeSpan,
  PSTypeLiteral,
  PSVersion,
} from './values.js';
import type { ScriptBlock, ScriptBlockInvocation } from './values.js';
import { RuntimeError, errorRecord } from './errors.js';
import { formatDateTime, makeDateTime } from './datetime.js';

/** The error a call fails with: its message, error id and category. */
function failure(f: () => unknown): { message: string; errorId: string; category: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof RuntimeError) return { message: e.errorRecord.message, errorId: e.errorRecord.errorId, category: e.errorRecord.category };
    throw e;
  }
  throw new Error('expected a failure');
}

async function failureAsync(f: () => unknown): Promise<{ message: string; errorId: string }> {
  try {
    await f();
  } catch (e) {
    if (e instanceof RuntimeError) return { message: e.errorRecord.message, errorId: e.errorRecord.errorId };
    throw e;
  }
  throw new Error('expected a failure');
}

/** A script block whose body is a JS function of $_ and $args (the interpreter provides real ones). */
function block(body: (dollarUnder: unknown, args: unknown[]) => unknown[], text = '...'): ScriptBlock {
  return {
    isScriptBlock: true,
    text,
    invoke: (options?: ScriptBlockInvocation) => Promise.resolve(body(options?.dollarUnder, options?.args ?? [])),
  };
}

const chars = (s: string): PSChar[] => [...s].map((c) => new PSChar(c.charCodeAt(0)));

describe('string members', () => {
  const cases: [string, string, unknown[], unknown][] = [
    ['Hello', 'ToUpper', [], 'HELLO'],
    ['Hello', 'ToLower', [], 'hello'],
    ['Hello', 'ToUpperInvariant', [], 'HELLO'],
    ['Hello', 'ToLowerInvariant', [], 'hello'],
    ['  pad  ', 'Trim', [], 'pad'],
    ['  pad  ', 'TrimStart', [], 'pad  '],
    ['  pad  ', 'TrimEnd', [], '  pad'],
    ['xxpadyx', 'Trim', ['xy'], 'pad'],
    ['--pad--', 'Trim', [new PSChar(45)], 'pad'],
    ['C:\\dir\\', 'TrimEnd', ['\\'], 'C:\\dir'],
    ['a.b.c', 'Replace', ['.', '-'], 'a-b-c'],
    // Replace is literal and case-sensitive.
    ['a.B.b', 'Replace', ['b', 'x'], 'a.B.x'],
    ['Hello', 'Replace', ['L', 'x', 'OrdinalIgnoreCase'], 'Hexxo'],
    ['Hello', 'Contains', ['ell'], true],
    ['Hello', 'Contains', ['ELL'], false],
    ['Hello', 'Contains', ['ELL', 'OrdinalIgnoreCase'], true],
    // StartsWith/EndsWith are case-sensitive in .NET, unlike PowerShell's operators.
    ['Hello', 'StartsWith', ['he'], false],
    ['Hello', 'StartsWith', ['He'], true],
    ['Hello', 'StartsWith', ['he', 'CurrentCultureIgnoreCase'], true],
    ['Hello', 'StartsWith', ['he', true, null], true],
    ['Hello', 'EndsWith', ['LO'], false],
    ['Hello', 'EndsWith', ['lo'], true],
    ['Hello', 'IndexOf', ['l'], 2],
    ['Hello', 'IndexOf', [new PSChar(108)], 2],
    ['Hello', 'IndexOf', ['l', 3], 3],
    ['Hello', 'IndexOf', ['L'], -1],
    ['Hello', 'IndexOf', ['L', 'OrdinalIgnoreCase'], 2],
    ['Hello', 'LastIndexOf', ['l'], 3],
    ['Hello', 'IndexOfAny', [chars('ol')], 2],
    ['Hello', 'Substring', [1], 'ello'],
    ['Hello', 'Substring', [1, 3], 'ell'],
    // Arguments convert to the parameter types, as PowerShell's method binding does.
    ['Hello', 'Substring', ['2'], 'llo'],
    ['7', 'PadLeft', [3, '0'], '007'],
    ['ab', 'PadRight', [4], 'ab  '],
    ['ab', 'PadRight', [4, new PSChar(46)], 'ab..'],
    ['Hello', 'Insert', [5, '!'], 'Hello!'],
    ['Hello', 'Remove', [1], 'H'],
    ['Hello', 'Remove', [1, 2], 'Hlo'],
    ['abc', 'Equals', ['abc'], true],
    ['abc', 'Equals', ['ABC'], false],
    ['abc', 'Equals', ['ABC', 'OrdinalIgnoreCase'], true],
    ['abc', 'CompareTo', ['abd'], -1],
    // Culture order: lower case before upper case of the same letter.
    ['a', 'CompareTo', ['A'], -1],
    ['b', 'CompareTo', ['A'], 1],
    ['abc', 'ToString', [], 'abc'],
    ['abc', 'Clone', [], 'abc'],
    ['e\u0301', 'Normalize', [], '\u00e9'],
    ['Hello', 'Chars', [1], new PSChar(101)],
  ];
  it.each(cases)('%j.%s(%j)', (value, method, args, expected) => {
    expect(invokeMethod(value, method, args)).toEqual(expected);
  });

  it('has Length, and ToCharArray gives chars', () => {
    expect(getMember('Hello', 'Length')).toBe(5);
    expect(invokeMethod('ab', 'ToCharArray', [])).toEqual(chars('ab'));
  });

  const splits: [string, unknown[], string[]][] = [
    ['a,b,c', [','], ['a', 'b', 'c']],
    ['a b  c', [], ['a', 'b', '', 'c']],
    // PowerShell 7 binds a string to Split(string): 'xy' is one separator, not two characters.
    ['1x2y3xy4', ['xy'], ['1x2y3', '4']],
    ['a-b_c', [chars('-_')], ['a', 'b', 'c']],
    ['a,,b', [',', 'RemoveEmptyEntries'], ['a', 'b']],
    ['a, b ,c', [',', 'TrimEntries'], ['a', 'b', 'c']],
    ['a,b,c,d', [',', 2], ['a', 'b,c,d']],
    ['a::b::c', [['::'], 'None'], ['a', 'b', 'c']],
    ['abc', [''], ['abc']],
  ];
  it.each(splits)('%j.Split(%j)', (value, args, expected) => {
    expect(invokeMethod(value, 'Split', args)).toEqual(expected);
  });

  it('fails as PowerShell does for an unknown method, a bad count and a .NET exception', () => {
    expect(failure(() => invokeMethod('abc', 'Foo', []))).toEqual({
      message: "Method invocation failed because [System.String] does not contain a method named 'Foo'.",
      errorId: 'MethodNotFound',
      category: 'InvalidOperation',
    });
    expect(failure(() => invokeMethod('abc', 'Substring', [1, 2, 3]))).toEqual({
      message: 'Cannot find an overload for "Substring" and the argument count: "3".',
      errorId: 'MethodCountCouldNotFindBest',
      category: 'NotSpecified',
    });
    expect(failure(() => invokeMethod('abc', 'Substring', [5]))).toEqual({
      message: 'Exception calling "Substring" with "1" argument(s): "startIndex cannot be larger than length of string. (Parameter \'startIndex\')"',
      errorId: 'ArgumentOutOfRangeException',
      category: 'NotSpecified',
    });
    expect(failure(() => invokeMethod('abc', 'Substring', [1, 5])).message).toBe(
      'Exception calling "Substring" with "2" argument(s): "Index and length must refer to a location within the string. (Parameter \'length\')"',
    );
    expect(failure(() => invokeMethod('abc', 'Replace', ['', 'x'])).message).toBe(
      'Exception calling "Replace" with "2" argument(s): "String cannot be of zero length. (Parameter \'oldValue\')"',
    );
    expect(failure(() => invokeMethod(null, 'ToUpper', []))).toEqual({
      message: 'You cannot call a method on a null-valued expression.',
      errorId: 'InvokeMethodOnNull',
      category: 'InvalidOperation',
    });
  });

  it('reports an argument that does not convert', () => {
    const f = failure(() => invokeMethod('abc', 'Substring', ['x']));
    expect(f.errorId).toBe('MethodArgumentConversionInvalidCastArgument');
    expect(f.message).toMatch(/^Cannot convert argument "startIndex", with value: "x", for "Substring" to type "System\.Int32": /);
  });

  it('gives the PSMethod with its overloads when read without parentheses', () => {
    const m = getMember('abc', 'ToUpper') as PSObject;
    expect(m.read('OverloadDefinitions')).toEqual(['string ToUpper()', 'string ToUpper(cultureinfo culture)']);
    expect(m.read('Name')).toBe('ToUpper');
  });
});

describe('numbers, chars and booleans', () => {
  const cases: [unknown, string, unknown[], unknown][] = [
    [42, 'ToString', [], '42'],
    [1234.5, 'ToString', ['N2'], '1,234.50'],
    [255, 'ToString', ['X4'], '00FF'],
    [0.256, 'ToString', ['P1'], '25.6%'],
    [7, 'ToString', ['000'], '007'],
    [5, 'CompareTo', [7], -1],
    [5, 'CompareTo', ['5'], 0],
    [5, 'Equals', [5], true],
    // .NET's Equals(object) is type-sensitive: an [int] is not a [string].
    [5, 'Equals', ['5'], false],
    [true, 'ToString', [], 'True'],
    [new PSChar(97), 'ToString', [], 'a'],
  ];
  it.each(cases)('%j.%s(%j)', (value, method, args, expected) => {
    expect(invokeMethod(value, method, args)).toEqual(expected);
  });

  it('reports the .NET type', () => {
    expect((invokeMethod(5, 'GetType', []) as PSTypeLiteral).fullName).toBe('System.Int32');
    expect((invokeMethod(new PSNumber('Double', 2), 'GetType', []) as PSTypeLiteral).fullName).toBe('System.Double');
    expect(getMember(invokeMethod('x', 'GetType', []), 'Name')).toBe('String');
  });

  it('gives every scalar a Count and Length of 1 and $null 0', () => {
    expect(getMember(5, 'Count')).toBe(1);
    expect(getMember(5, 'Length')).toBe(1);
    expect(getMember(null, 'Count')).toBe(0);
  });
});

describe('arrays and lists', () => {
  it('has its own members before member enumeration', () => {
    expect(getMember([1, 2, 3], 'Count')).toBe(3);
    expect(getMember([1, 2, 3], 'Length')).toBe(3);
    expect(invokeMethod([1, 2, 3], 'Contains', [2])).toBe(true);
    // Contains uses .NET equality: type-sensitive and case-sensitive.
    expect(invokeMethod([1, 2, 3], 'Contains', ['2'])).toBe(false);
    expect(invokeMethod(['a', 'B'], 'IndexOf', ['B'])).toBe(1);
    expect(invokeMethod(['a', 'B'], 'IndexOf', ['b'])).toBe(-1);
    expect(invokeMethod(['a', 'b'], 'ToString', [])).toBe('System.Object[]');
    expect(invokeMethod([1, 2], 'Clone', [])).toEqual([1, 2]);
  });

  it('enumerates members of the items', () => {
    const list = [PSObject.from({ Name: 'a', Size: 1 }), PSObject.from({ Name: 'b', Size: 2 }), PSObject.from({ Other: 3 })];
    expect(getMember(list, 'Name')).toEqual(['a', 'b']);
    expect(getMember([PSObject.from({ Name: 'only' })], 'Name')).toBe('only');
    expect(getMember(list, 'Missing')).toBeNull();
    expect(invokeMethod(['a', 'b'], 'ToUpper', [])).toEqual(['A', 'B']);
    expect(getMember(['ab', 'cde'], 'Length')).toBe(2);
    // Nested collections are enumerated too, and values that are collections are flattened.
    expect(getMember([PSObject.from({ A: [1, 2] }), PSObject.from({ A: 3 })], 'A')).toEqual([1, 2, 3]);
  });

  it('fails in strict mode when no item has the property', () => {
    expect(failure(() => getMember([1, 2], 'Foo', { strict: true })).errorId).toBe('PropertyNotFoundStrict');
  });

  it('cannot grow an array', () => {
    expect(failure(() => invokeMethod([], 'Add', [1]))).toEqual({
      message: 'Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."',
      errorId: 'NotSupportedException',
      category: 'NotSpecified',
    });
  });

  it('works an ArrayList', () => {
    const list = new PSList();
    // ArrayList.Add returns the new index.
    expect(invokeMethod(list, 'Add', ['a'])).toBe(0);
    expect(invokeMethod(list, 'Add', ['b'])).toBe(1);
    expect(invokeMethod(list, 'AddRange', [['c', 'd']])).toBeUndefined();
    expect(invokeMethod(list, 'Insert', [0, 'z'])).toBeUndefined();
    expect(list.items).toEqual(['z', 'a', 'b', 'c', 'd']);
    invokeMethod(list, 'Remove', ['b']);
    invokeMethod(list, 'RemoveAt', [0]);
    expect(list.items).toEqual(['a', 'c', 'd']);
    expect(getMember(list, 'Count')).toBe(3);
    expect(invokeMethod(list, 'Contains', ['c'])).toBe(true);
    expect(invokeMethod(list, 'IndexOf', ['d'])).toBe(2);
    expect(invokeMethod(list, 'ToArray', [])).toEqual(['a', 'c', 'd']);
    invokeMethod(list, 'Clear', []);
    expect(list.items).toEqual([]);
    expect(failure(() => invokeMethod(list, 'RemoveAt', [0])).message).toBe(
      'Exception calling "RemoveAt" with "1" argument(s): "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter \'index\')"',
    );
  });

  it('sorts a list with the culture order and converts items of a List[T]', () => {
    const words = new PSList(['b', 'B', 'a', 'A']);
    invokeMethod(words, 'Sort', []);
    expect(words.items).toEqual(['a', 'A', 'b', 'B']);
    const ints = new PSList([], 'System.Int32');
    // List[T].Add is void.
    expect(invokeMethod(ints, 'Add', ['5'])).toBeUndefined();
    expect(ints.items).toEqual([5]);
  });
});

describe('ForEach and Where', () => {
  it('runs a script block per item', async () => {
    expect(await invokeMethod([1, 2, 3], 'ForEach', [block((x) => [Number(x) * 2])])).toEqual([2, 4, 6]);
    // On a scalar too.
    expect(await invokeMethod(5, 'ForEach', [block((x) => [Number(x) + 1])])).toEqual([6]);
  });

  it('reads a property, calls a method or converts to a type', async () => {
    const items = [PSObject.from({ Name: 'a' }), PSObject.from({ Name: 'b' })];
    expect(await invokeMethod(items, 'ForEach', ['Name'])).toEqual(['a', 'b']);
    expect(await invokeMethod(['a', 'b'], 'ForEach', ['ToUpper'])).toEqual(['A', 'B']);
    expect(await invokeMethod(['ab', 'cd'], 'ForEach', ['Substring', 1])).toEqual(['b', 'd']);
    expect(await invokeMethod(['1', '2'], 'ForEach', [new PSTypeLiteral('System.Int32')])).toEqual([1, 2]);
  });

  const even = block((x) => [Number(x) % 2 === 0]);
  const cases: [unknown[], unknown[]][] = [
    [[even], [2, 4, 6]],
    [[even, 'First'], [2]],
    [[even, 'First', 2], [2, 4]],
    [[even, 'Last'], [6]],
    [[even, 'SkipUntil'], [2, 3, 4, 5, 6]],
    [[even, 'Until'], [1]],
    [[even, 'Split'], [[2, 4, 6], [1, 3, 5]]],
    [[even, 'Default', 2], [2, 4]],
  ];
  it.each(cases)('Where(%j)', async (args, expected) => {
    expect(await invokeMethod([1, 2, 3, 4, 5, 6], 'Where', args)).toEqual(expected);
  });

  it('rejects an unknown Where mode', async () => {
    const f = await failureAsync(() => invokeMethod([1], 'Where', [even, 'Sideways']));
    expect(f.errorId).toBe('MethodArgumentConversionInvalidCastArgument');
  });
});

describe('hashtables', () => {
  const table = (): PSHashtable => {
    const h = new PSHashtable();
    h.set('a', 1);
    h.set('B', 2);
    return h;
  };

  it('reads keys as properties and has its own members', () => {
    const h = table();
    expect(getMember(h, 'a')).toBe(1);
    expect(getMember(h, 'b')).toBe(2);
    expect(getMember(h, 'missing')).toBeNull();
    expect(getMember(h, 'Count')).toBe(2);
    expect(getMember(h, 'Keys')).toEqual(['a', 'B']);
    expect(getMember(h, 'Values')).toEqual([1, 2]);
    expect(invokeMethod(h, 'ContainsKey', ['A'])).toBe(true);
    expect(invokeMethod(h, 'Contains', ['b'])).toBe(true);
    expect(invokeMethod(h, 'ContainsValue', [2])).toBe(true);
    expect(invokeMethod(h, 'Item', ['a'])).toBe(1);
    expect(invokeMethod(h, 'ToString', [])).toBe('System.Collections.Hashtable');
  });

  it('lets a key hide a property, and psbase reach it', () => {
    const h = table();
    h.set('Count', 'shadow');
    expect(getMember(h, 'Count')).toBe('shadow');
    expect(getMember(getMember(h, 'psbase'), 'Count')).toBe(3);
  });

  it('sets keys through properties and Add', () => {
    const h = table();
    setMember(h, 'c', 3);
    invokeMethod(h, 'Add', ['d', 4]);
    invokeMethod(h, 'Remove', ['a']);
    expect(h.entries()).toEqual([
      ['B', 2],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('refuses a duplicate key with .NET Hashtable message', () => {
    expect(failure(() => invokeMethod(table(), 'Add', ['A', 9]))).toEqual({
      message: 'Exception calling "Add" with "2" argument(s): "Item has already been added. Key in dictionary: \'a\'  Key being added: \'A\'"',
      errorId: 'ArgumentException',
      category: 'NotSpecified',
    });
  });

  it('enumerates entries with Key, Value and Name', () => {
    const entries = invokeMethod(table(), 'GetEnumerator', []) as PSObject[];
    expect(entries.map((e) => [getMember(e, 'Key'), getMember(e, 'Value'), getMember(e, 'Name')])).toEqual([
      ['a', 1, 'a'],
      ['B', 2, 'B'],
    ]);
  });

  it('clones, and an ordered dictionary inserts by position', () => {
    const clone = invokeMethod(table(), 'Clone', []) as PSHashtable;
    expect(clone.keys()).toEqual(['a', 'B']);
    const ordered = new PSHashtable(true);
    ordered.set('x', 1);
    invokeMethod(ordered, 'Insert', [0, 'first', 0]);
    expect(ordered.keys()).toEqual(['first', 'x']);
  });
});

describe('PSObject', () => {
  it('reads, writes and reports missing properties', () => {
    const o = PSObject.from({ Name: 'srv1', Port: 443 });
    expect(getMember(o, 'name')).toBe('srv1');
    setMember(o, 'Port', 8443);
    expect(getMember(o, 'Port')).toBe(8443);
    expect(getMember(o, 'Missing')).toBeNull();
    expect(failure(() => getMember(o, 'Missing', { strict: true }))).toEqual({
      message: "The property 'Missing' cannot be found on this object. Verify that the property exists.",
      errorId: 'PropertyNotFoundStrict',
      category: 'InvalidOperation',
    });
    expect(failure(() => setMember(o, 'Missing', 1))).toEqual({
      message: "The property 'Missing' cannot be found on this object. Verify that the property exists and can be set.",
      errorId: 'PropertyAssignmentException',
      category: 'InvalidOperation',
    });
    expect(failure(() => setMember('abc', 'Length', 1)).message).toBe("'Length' is a ReadOnly property.");
  });

  it('has ToString, GetType and a Count of 1', () => {
    const o = PSObject.from({ a: 1 });
    // A [pscustomobject]'s .ToString() is '' (only its string conversion shows @{a=1}).
    expect(invokeMethod(o, 'ToString', [])).toBe('');
    expect((invokeMethod(o, 'GetType', []) as PSTypeLiteral).fullName).toBe('System.Management.Automation.PSCustomObject');
    expect(getMember(o, 'Count')).toBe(1);
    expect(failure(() => invokeMethod(o, 'Foo', [])).message).toBe(
      "Method invocation failed because [System.Management.Automation.PSCustomObject] does not contain a method named 'Foo'.",
    );
  });

  it('offers psobject.Properties with live values', () => {
    const o = PSObject.from({ a: 1, b: 'x' });
    const props = getMember(getMember(o, 'psobject'), 'Properties') as PSMemberCollection;
    expect(getMember(props, 'Name')).toEqual(['a', 'b']);
    expect(getMember(props, 'TypeNameOfValue')).toEqual(['System.Int32', 'System.String']);
    expect(getMember(props.items[0], 'MemberType')).toEqual(new PSEnumValue('System.Management.Automation.PSMemberTypes', 'NoteProperty', 8));
    setMember(props.items[0], 'Value', 5);
    expect(o.read('a')).toBe(5);
    expect(invokeMethod(props.items[1], 'ToString', [])).toBe('string b=x');
    expect(namedItem(props, 'B')?.value).toBe(props.items[1]);
    expect(invokeMethod(props, 'Match', ['a*'])).toEqual([props.items[0]]);
  });

  it('lets scripts retype an object through psobject.TypeNames and copy it', () => {
    const o = PSObject.from({ a: 1 });
    invokeMethod(getMember(getMember(o, 'psobject'), 'TypeNames'), 'Insert', [0, 'My.Type']);
    expect(o.typeNames[0]).toBe('My.Type');
    expect(getMember(o, 'pstypenames')).toBeInstanceOf(PSList);
    const copy = invokeMethod(getMember(o, 'psobject'), 'Copy', []) as PSObject;
    setMember(copy, 'a', 2);
    expect(o.read('a')).toBe(1);
    expect(copy.typeNames[0]).toBe('My.Type');
  });

  it('reaches the members of a wrapped base object', () => {
    const wrapped = new PSObject(['System.String', 'System.Object'], 'text');
    wrapped.addNote('Extra', 1);
    expect(getMember(wrapped, 'Length')).toBe(4);
    expect(getMember(wrapped, 'Extra')).toBe(1);
    expect(invokeMethod(wrapped, 'ToUpper', [])).toBe('TEXT');
    expect(findProperty(wrapped, 'Length')).toEqual({ value: 4 });
    expect(findProperty(wrapped, 'Nope')).toBeUndefined();
  });
});

describe('dates and time spans', () => {
  const d = new PSDateTime(Date.UTC(2026, 10, 23, 14, 5, 9, 123), 'Utc');
  const props: [string, unknown][] = [
    ['Year', 2026],
    ['Month', 11],
    ['Day', 23],
    ['Hour', 14],
    ['Minute', 5],
    ['Second', 9],
    ['Millisecond', 123],
    ['DayOfYear', 327],
    ['DayOfWeek', new PSEnumValue('System.DayOfWeek', 'Monday', 1)],
    ['Kind', new PSEnumValue('System.DateTimeKind', 'Utc', 1)],
    // Ticks count 100 ns from 0001-01-01; a double holds them only to about 128 ticks.
    ['Ticks', 639310395091230000],
    ['DateTime', 'Monday, November 23, 2026 2:05:09 PM'],
  ];
  it.each(props)('%s', (name, expected) => {
    expect(getMember(d, name)).toEqual(expected);
  });

  const methods: [string, unknown[], string][] = [
    ['AddDays', [1.5], '2026-11-25 02:05:09.123'],
    ['AddHours', [-15], '2026-11-22 23:05:09.123'],
    ['AddMinutes', [60], '2026-11-23 15:05:09.123'],
    ['AddSeconds', [51], '2026-11-23 14:06:00.123'],
    ['AddMilliseconds', [877], '2026-11-23 14:05:10.000'],
    ['AddMonths', [3], '2027-02-23 14:05:09.123'],
    ['AddYears', [-26], '2000-11-23 14:05:09.123'],
    ['AddTicks', [10_000], '2026-11-23 14:05:09.124'],
    ['Add', [new PSTimeSpan(36_000_000_000)], '2026-11-23 15:05:09.123'],
    ['Subtract', [new PSTimeSpan(36_000_000_000)], '2026-11-23 13:05:09.123'],
    ['ToUniversalTime', [], '2026-11-23 14:05:09.123'],
  ];
  it.each(methods)('%s(%j)', (method, args, expected) => {
    expect(formatDateTime(invokeMethod(d, method, args) as PSDateTime, 'yyyy-MM-dd HH:mm:ss.fff')).toBe(expected);
  });

  it('formats', () => {
    expect(invokeMethod(d, 'ToString', [])).toBe('11/23/2026 2:05:09 PM');
    expect(invokeMethod(d, 'ToString', ['yyyy-MM-dd'])).toBe('2026-11-23');
    expect(invokeMethod(d, 'ToShortDateString', [])).toBe('11/23/2026');
    expect(invokeMethod(d, 'ToLongDateString', [])).toBe('Monday, November 23, 2026');
    expect(invokeMethod(d, 'ToShortTimeString', [])).toBe('2:05 PM');
    expect(invokeMethod(d, 'ToLongTimeString', [])).toBe('2:05:09 PM');
    expect(failure(() => invokeMethod(d, 'ToString', ['Q'])).message).toBe('Exception calling "ToString" with "1" argument(s): "Input string was not in a correct format."');
  });

  it('subtracts, compares and gives Date and TimeOfDay', () => {
    const earlier = new PSDateTime(Date.UTC(2026, 10, 22, 12), 'Utc');
    expect(invokeMethod(d, 'Subtract', [earlier])).toEqual(new PSTimeSpan((26 * 3600 + 5 * 60 + 9) * 10_000_000 + 1_230_000));
    expect(invokeMethod(d, 'CompareTo', [earlier])).toBe(1);
    expect(invokeMethod(d, 'Equals', [d])).toBe(true);
    expect(formatDateTime(getMember(d, 'Date') as PSDateTime, 'o')).toBe('2026-11-23T00:00:00.0000000Z');
    expect(getMember(d, 'TimeOfDay')).toEqual(new PSTimeSpan((14 * 3600 + 5 * 60 + 9) * 10_000_000 + 1_230_000));
  });

  const ts = new PSTimeSpan((((1 * 24 + 2) * 60 + 3) * 60 + 4.5) * 10_000_000);
  const spanProps: [string, unknown][] = [
    ['Days', 1],
    ['Hours', 2],
    ['Minutes', 3],
    ['Seconds', 4],
    ['Milliseconds', 500],
    ['Ticks', 937_845_000_000],
    ['TotalHours', 26.05125],
    ['TotalMinutes', 1563.075],
    ['TotalSeconds', 93784.5],
    // An integral [double] stays a [double].
    ['TotalMilliseconds', new PSNumber('Double', 93_784_500)],
  ];
  it.each(spanProps)('TimeSpan %s', (name, expected) => {
    expect(getMember(ts, name)).toEqual(expected);
  });

  it('does time span arithmetic and formats', () => {
    expect(invokeMethod(ts, 'ToString', [])).toBe('1.02:03:04.5000000');
    expect(invokeMethod(ts, 'ToString', ['hh\\:mm'])).toBe('02:03');
    expect(invokeMethod(ts, 'Negate', [])).toEqual(new PSTimeSpan(-ts.ticks));
    expect(invokeMethod(new PSTimeSpan(-5), 'Duration', [])).toEqual(new PSTimeSpan(5));
    expect(invokeMethod(ts, 'Add', [new PSTimeSpan(5)])).toEqual(new PSTimeSpan(ts.ticks + 5));
    expect(invokeMethod(ts, 'Subtract', [ts])).toEqual(new PSTimeSpan(0));
    expect(getMember(new PSTimeSpan(0), 'TotalDays')).toEqual(new PSNumber('Double', 0));
  });
});

describe('type objects and enums', () => {
  it('describes a type', () => {
    const t = new PSTypeLiteral('System.Int32');
    expect(getMember(t, 'Name')).toBe('Int32');
    expect(getMember(t, 'FullName')).toBe('System.Int32');
    expect(getMember(t, 'IsEnum')).toBe(false);
    expect(invokeMethod(t, 'ToString', [])).toBe('System.Int32');
  });

  it('lists an enum type', () => {
    const t = new PSTypeLiteral('System.DayOfWeek');
    expect(getMember(t, 'IsEnum')).toBe(true);
    expect(invokeMethod(t, 'GetEnumNames', [])).toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    expect((invokeMethod(t, 'GetEnumValues', []) as PSEnumValue[])[1]).toEqual(new PSEnumValue('System.DayOfWeek', 'Monday', 1));
  });

  it('reads enum members statically, case-insensitively', () => {
    expect(getStaticMember('System.DayOfWeek', 'monday')).toEqual(new PSEnumValue('System.DayOfWeek', 'Monday', 1));
    expect(getStaticMember(new PSTypeLiteral('System.DayOfWeek'), 'Nope')).toBeNull();
    const monday = new PSEnumValue('System.DayOfWeek', 'Monday', 1);
    expect(invokeMethod(monday, 'ToString', ['D'])).toBe('1');
    expect(getMember(monday, 'value__')).toBe(1);
  });
});

describe('static members', () => {
  const dbl = (n: number): PSNumber => new PSNumber('Double', n);
  const calls: [string, string, unknown[], unknown][] = [
    // Banker's rounding by default, as .NET's Math.Round.
    ['System.Math', 'Round', [2.5], dbl(2)],
    ['System.Math', 'Round', [3.5], dbl(4)],
    ['System.Math', 'Round', [-2.5], dbl(-2)],
    ['System.Math', 'Round', [2.5, 'AwayFromZero'], dbl(3)],
    ['System.Math', 'Round', [1.2345, 2], 1.23],
    // .NET scales then rounds: 2.675 * 100 is the double 267.5, a tie that goes to even 268.
    ['System.Math', 'Round', [2.675, 2], 2.68],
    ['System.Math', 'Round', [1.125, 2], 1.12],
    ['System.Math', 'Round', [1.125, 2, 'AwayFromZero'], 1.13],
    ['System.Math', 'Round', [new PSNumber('Decimal', 1.005), 2, 'AwayFromZero'], new PSNumber('Decimal', 1.01)],
    ['System.Math', 'Floor', [2.7], dbl(2)],
    ['System.Math', 'Ceiling', [2.1], dbl(3)],
    ['System.Math', 'Truncate', [-2.7], dbl(-2)],
    ['System.Math', 'Abs', [-5], 5],
    ['System.Math', 'Abs', [-2.5], 2.5],
    ['System.Math', 'Max', [3, 7], 7],
    ['System.Math', 'Max', [3, 7.5], 7.5],
    ['System.Math', 'Min', [3, 7], 3],
    ['System.Math', 'Pow', [2, 10], dbl(1024)],
    ['System.Math', 'Sqrt', [16], dbl(4)],
    ['System.Math', 'Log10', [1000], dbl(3)],
    ['System.Math', 'Log', [8, 2], dbl(3)],
    ['System.Math', 'Exp', [0], dbl(1)],
    ['System.String', 'IsNullOrEmpty', [null], true],
    ['System.String', 'IsNullOrEmpty', [''], true],
    ['System.String', 'IsNullOrEmpty', [' '], false],
    ['System.String', 'IsNullOrWhiteSpace', [' \t'], true],
    ['System.String', 'Join', [', ', ['a', 'b', 'c']], 'a, b, c'],
    ['System.String', 'Join', ['-', 'a', 'b'], 'a-b'],
    ['System.String', 'Format', ['{0}-{1:N1}', 'a', 2], 'a-2.0'],
    ['System.String', 'Format', ['{0}+{1}', [1, 2]], '1+2'],
    ['System.String', 'Concat', ['a', 1, null], 'a1'],
    ['System.String', 'Compare', ['a', 'B'], -1],
    ['System.String', 'Compare', ['a', 'A', true], 0],
    ['System.String', 'Compare', ['a', 'A', 'Ordinal'], 1],
    ['System.String', 'new', [new PSChar(45), 3], '---'],
    ['System.Int32', 'Parse', [' 42 '], 42],
    ['System.Int32', 'Parse', ['ff', 'HexNumber'], 255],
    ['System.Double', 'Parse', ['1,234.5'], 1234.5],
    ['System.Char', 'IsDigit', [new PSChar(55)], true],
    ['System.Char', 'IsDigit', ['a1', 1], true],
    ['System.Char', 'IsLetter', ['x'], true],
    ['System.Char', 'IsWhiteSpace', [' '], true],
    ['System.Char', 'IsUpper', ['a'], false],
    ['System.Boolean', 'Parse', [' TRUE '], true],
    ['System.Version', 'Parse', ['1.2.3'], new PSVersion(1, 2, 3)],
    ['System.Guid', 'Parse', ['{0F8FAD5B-D9CB-469F-A165-70867728950E}'], new PSGuid('0f8fad5b-d9cb-469f-a165-70867728950e')],
    ['System.Convert', 'ToBase64String', [[104, 105].map((b) => new PSNumber('Byte', b))], 'aGk='],
    ['System.Convert', 'FromBase64String', ['aGk='], [104, 105].map((b) => new PSNumber('Byte', b))],
    ['System.Convert', 'ToInt32', ['ff', 16], 255],
    ['System.Convert', 'ToInt32', ['FFFFFFFF', 16], -1],
    ['System.Convert', 'ToInt32', ['1010', 2], 10],
    // Convert.ToInt32 rounds half to even.
    ['System.Convert', 'ToInt32', [2.5], 2],
    ['System.Convert', 'ToString', [255, 2], '11111111'],
    ['System.Convert', 'ToString', [-1, 16], 'ffffffff'],
    ['System.Convert', 'ToHexString', [[1, 171].map((b) => new PSNumber('Byte', b))], '01AB'],
    ['System.Text.RegularExpressions.Regex', 'Escape', ['a.b*c (d)'], 'a\\.b\\*c\\ \\(d\\)'],
    ['System.Text.RegularExpressions.Regex', 'IsMatch', ['abc123', '\\d+'], true],
    // .NET regexes are case-sensitive by default, unlike -match.
    ['System.Text.RegularExpressions.Regex', 'IsMatch', ['ABC', 'abc'], false],
    ['System.Text.RegularExpressions.Regex', 'IsMatch', ['ABC', 'abc', 'IgnoreCase'], true],
    ['System.Text.RegularExpressions.Regex', 'Replace', ['2026-11-23', '(\\d+)-(\\d+)-(\\d+)', '$3.$2.$1'], '23.11.2026'],
    ['System.Text.RegularExpressions.Regex', 'Replace', ['a1b2', '(?<d>\\d)', '<${d}>'], 'a<1>b<2>'],
    ['System.Text.RegularExpressions.Regex', 'Replace', ['a.b', '\\.', '$$'], 'a$b'],
    ['System.Text.RegularExpressions.Regex', 'Split', ['a1b22c', '\\d+'], ['a', 'b', 'c']],
    ['System.DateTime', 'DaysInMonth', [2024, 2], 29],
    ['System.DateTime', 'IsLeapYear', [2100], false],
    ['System.Enum', 'GetNames', [new PSTypeLiteral('System.DayOfWeek')], ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']],
    ['System.Enum', 'Parse', [new PSTypeLiteral('System.DayOfWeek'), 'friday', true], new PSEnumValue('System.DayOfWeek', 'Friday', 5)],
  ];
  it.each(calls)('[%s]::%s(%j)', (type, method, args, expected) => {
    expect(invokeStaticMethod(type, method, args)).toEqual(expected);
  });

  const props: [string, string, unknown][] = [
    ['System.Math', 'PI', Math.PI],
    ['System.Math', 'E', Math.E],
    ['System.Int32', 'MaxValue', 2147483647],
    ['System.Int32', 'MinValue', -2147483648],
    ['System.Byte', 'MaxValue', new PSNumber('Byte', 255)],
    ['System.Int64', 'MaxValue', new PSNumber('Int64', 9223372036854775807, 9223372036854775807n)],
    ['System.String', 'Empty', ''],
    ['System.Guid', 'Empty', new PSGuid('00000000-0000-0000-0000-000000000000')],
    ['System.TimeSpan', 'Zero', new PSTimeSpan(0)],
    ['System.Char', 'MaxValue', new PSChar(0xffff)],
    ['System.Boolean', 'TrueString', 'True'],
  ];
  it.each(props)('[%s]::%s', (type, name, expected) => {
    expect(getStaticMember(type, name)).toEqual(expected);
  });

  it('makes time spans', () => {
    expect(invokeStaticMethod('System.TimeSpan', 'FromDays', [1.5])).toEqual(new PSTimeSpan(1.5 * 864_000_000_000));
    expect(invokeStaticMethod('System.TimeSpan', 'FromHours', [2])).toEqual(new PSTimeSpan(72_000_000_000));
    expect(invokeStaticMethod('System.TimeSpan', 'FromMinutes', [1])).toEqual(new PSTimeSpan(600_000_000));
    expect(invokeStaticMethod('System.TimeSpan', 'FromSeconds', [0.5])).toEqual(new PSTimeSpan(5_000_000));
    expect(invokeStaticMethod('System.TimeSpan', 'FromMilliseconds', [1])).toEqual(new PSTimeSpan(10_000));
    expect(invokeStaticMethod('System.TimeSpan', 'Parse', ['1.02:03:04'])).toEqual(new PSTimeSpan(937_840_000_000));
    expect(invokeStaticMethod('System.TimeSpan', 'new', [1, 30, 0])).toEqual(new PSTimeSpan(54_000_000_000));
  });

  it('parses and builds dates', () => {
    const parsed = invokeStaticMethod('System.DateTime', 'Parse', ['2026-11-23 14:05']) as PSDateTime;
    expect(formatDateTime(parsed, 's')).toBe('2026-11-23T14:05:00');
    const exact = invokeStaticMethod('System.DateTime', 'ParseExact', ['23.11.2026', 'dd.MM.yyyy', null]) as PSDateTime;
    expect(formatDateTime(exact, 'd')).toBe('11/23/2026');
    expect(invokeStaticMethod('System.DateTime', 'new', [2026, 11, 23])).toEqual(makeDateTime(2026, 11, 23));
    expect(formatDateTime(getStaticMember('System.DateTime', 'MinValue') as PSDateTime, 'o')).toBe('0001-01-01T00:00:00.0000000');
    expect(failure(() => invokeStaticMethod('System.DateTime', 'Parse', ['not a date'])).message).toBe(
      'Exception calling "Parse" with "1" argument(s): "String \'not a date\' was not recognized as a valid DateTime."',
    );
    expect((getStaticMember('System.DateTime', 'Now') as PSDateTime).kind).toBe('Local');
    expect((getStaticMember('System.DateTime', 'UtcNow') as PSDateTime).kind).toBe('Utc');
  });

  it('fails on unknown static methods and returns $null for unknown static properties', () => {
    expect(failure(() => invokeStaticMethod('System.Math', 'Foo', []))).toEqual({
      message: "Method invocation failed because [System.Math] does not contain a method named 'Foo'.",
      errorId: 'MethodNotFound',
      category: 'InvalidOperation',
    });
    expect(getStaticMember('System.Math', 'Foo')).toBeNull();
    expect(failure(() => invokeStaticMethod('System.Math', 'Round', [1.5, 16])).message).toBe(
      'Exception calling "Round" with "2" argument(s): "Rounding digits must be between 0 and 15, inclusive. (Parameter \'digits\')"',
    );
    expect(failure(() => invokeStaticMethod('System.Int32', 'Parse', ['abc'])).message).toBe(
      'Exception calling "Parse" with "1" argument(s): "The input string \'abc\' was not in a correct format."',
    );
    expect(failure(() => invokeStaticMethod('System.Int32', 'Parse', ['3000000000'])).message).toBe(
      'Exception calling "Parse" with "1" argument(s): "Value was either too large or too small for an Int32."',
    );
    expect(failure(() => invokeStaticMethod('System.Convert', 'FromBase64String', ['%%%'])).errorId).toBe('FormatException');
  });

  it('works paths', () => {
    const sep = process.platform === 'win32' ? '\\' : '/';
    const path = (method: string, ...args: unknown[]): unknown => invokeStaticMethod('System.IO.Path', method, args);
    expect(path('Combine', 'a', 'b', 'c.txt')).toBe(['a', 'b', 'c.txt'].join(sep));
    expect(path('GetFileName', `${sep}x${sep}report.tar.gz`)).toBe('report.tar.gz');
    expect(path('GetFileNameWithoutExtension', 'report.tar.gz')).toBe('report.tar');
    expect(path('GetExtension', 'report.tar.gz')).toBe('.gz');
    expect(path('GetExtension', 'noext')).toBe('');
    expect(path('GetDirectoryName', `${sep}x${sep}y${sep}f.txt`)).toBe(`${sep}x${sep}y`);
    expect(path('GetDirectoryName', 'f.txt')).toBe('');
    expect(path('IsPathRooted', `${sep}x`)).toBe(true);
    expect(path('IsPathRooted', 'x')).toBe(false);
    expect(String(path('GetTempPath')).endsWith(sep)).toBe(true);
    expect(getStaticMember('System.IO.Path', 'DirectorySeparatorChar')).toEqual(new PSChar(sep.charCodeAt(0)));
    if (sep === '/') {
      expect(path('Combine', 'a', '/abs', 'b')).toBe('/abs/b');
      expect(path('GetDirectoryName', '/')).toBeNull();
      expect(getStaticMember('System.IO.Path', 'PathSeparator')).toEqual(new PSChar(58));
    }
  });

  it('reads and writes the session environment', () => {
    const environment: NodeJS.ProcessEnv = { DPMSH_TEST: 'yes' };
    expect(invokeStaticMethod('System.Environment', 'GetEnvironmentVariable', ['DPMSH_TEST'], { environment })).toBe('yes');
    expect(invokeStaticMethod('System.Environment', 'GetEnvironmentVariable', ['NOPE'], { environment })).toBeNull();
    invokeStaticMethod('System.Environment', 'SetEnvironmentVariable', ['OTHER', 'v'], { environment });
    expect(environment.OTHER).toBe('v');
    expect(typeof getStaticMember('System.Environment', 'MachineName')).toBe('string');
    expect(getStaticMember('System.Environment', 'NewLine')).toBe(process.platform === 'win32' ? '\r\n' : '\n');
  });

  it('matches with Match objects and groups', () => {
    const m = invokeStaticMethod('System.Text.RegularExpressions.Regex', 'Match', ['id=42;', '(?<key>\\w+)=(\\d+)']) as PSObject;
    expect([getMember(m, 'Success'), getMember(m, 'Value'), getMember(m, 'Index'), getMember(m, 'Length')]).toEqual([true, 'id=42', 0, 5]);
    const groups = getMember(m, 'Groups');
    // .NET numbers unnamed groups first: group 1 is (\d+), the named group comes after.
    expect(getMember(groups, 'Value')).toEqual(['id=42', '42', 'id']);
    expect(getMember(namedItem(groups, 'key')?.value, 'Value')).toBe('id');
    expect(invokeMethod(m, 'ToString', [])).toBe('id=42');
    const none = invokeStaticMethod('System.Text.RegularExpressions.Regex', 'Match', ['abc', '\\d']) as PSObject;
    expect([getMember(none, 'Success'), getMember(none, 'Value')]).toEqual([false, '']);
    const all = invokeStaticMethod('System.Text.RegularExpressions.Regex', 'Matches', ['a1b22', '\\d+']);
    expect(getMember(all, 'Value')).toEqual(['1', '22']);
  });

  it('replaces with a script block evaluator', async () => {
    const upper = block((_, args) => [String(getMember(args[0], 'Value')).toUpperCase()]);
    expect(await invokeStaticMethod('System.Text.RegularExpressions.Regex', 'Replace', ['a-b', '[a-z]', upper])).toBe('A-B');
  });

  it('uses [regex] objects', () => {
    const r = new PSRegex('(\\d+)', ['IgnoreCase']);
    expect(getMember(invokeMethod(r, 'Match', ['x12']), 'Value')).toBe('12');
    expect(invokeMethod(r, 'Replace', ['a1b2', '#']) as string).toBe('a#b#');
    expect(invokeMethod(r, 'ToString', [])).toBe('(\\d+)');
    expect(getMember(r, 'Options')).toEqual(new PSEnumValue('System.Text.RegularExpressions.RegexOptions', 'IgnoreCase', 1));
  });

  it('encodes text', () => {
    const utf8 = getStaticMember('System.Text.Encoding', 'UTF8');
    const bytes = invokeMethod(utf8, 'GetBytes', ['hé']);
    expect(bytes).toEqual([0x68, 0xc3, 0xa9].map((b) => new PSNumber('Byte', b)));
    expect(invokeMethod(utf8, 'GetString', [bytes])).toBe('hé');
    expect(invokeMethod(getStaticMember('System.Text.Encoding', 'ASCII'), 'GetBytes', ['hé'])).toEqual([0x68, 0x3f].map((b) => new PSNumber('Byte', b)));
    expect(invokeMethod(getStaticMember('System.Text.Encoding', 'Unicode'), 'GetBytes', ['A'])).toEqual([0x41, 0].map((b) => new PSNumber('Byte', b)));
    expect(getMember(utf8, 'WebName')).toBe('utf-8');
  });

  it('constructs lists and hashtables', () => {
    const list = invokeStaticMethod('System.Collections.ArrayList', 'new', []) as PSList;
    expect(list).toBeInstanceOf(PSList);
    expect(invokeStaticMethod('System.Collections.Hashtable', 'new', [])).toBeInstanceOf(PSHashtable);
    expect(invokeStaticMethod('System.Guid', 'NewGuid', [])).toBeInstanceOf(PSGuid);
  });
});

describe('listMembers (Get-Member)', () => {
  it('lists a string', () => {
    const members = listMembers('x');
    expect(members.find((m) => m.name === 'Length')).toEqual({ name: 'Length', memberType: 'Property', definition: 'int Length {get;}' });
    expect(members.find((m) => m.name === 'ToUpper')).toEqual({ name: 'ToUpper', memberType: 'Method', definition: 'string ToUpper(), string ToUpper(cultureinfo culture)' });
    // Sorted by member type, then name.
    expect(members[0]!.memberType).toBe('Method');
    expect(members[members.length - 1]!.name).toBe('Length');
  });

  it('lists a custom object', () => {
    const o = PSObject.from({ b: 'x', a: 1, n: null });
    expect(listMembers(o)).toEqual([
      { name: 'Equals', memberType: 'Method', definition: 'bool Equals(System.Object obj)' },
      { name: 'GetHashCode', memberType: 'Method', definition: 'int GetHashCode()' },
      { name: 'GetType', memberType: 'Method', definition: 'type GetType()' },
      { name: 'ToString', memberType: 'Method', definition: 'string ToString()' },
      { name: 'a', memberType: 'NoteProperty', definition: 'int a=1' },
      { name: 'b', memberType: 'NoteProperty', definition: 'string b=x' },
      { name: 'n', memberType: 'NoteProperty', definition: 'object n=null' },
    ]);
  });

  it('lists static members', () => {
    const members = listStaticMembers('System.Math');
    expect(members.find((m) => m.name === 'PI')).toEqual({ name: 'PI', memberType: 'Property', definition: 'static double PI {get;}' });
    expect(members.find((m) => m.name === 'Sqrt')?.definition).toBe('static double Sqrt(double d)');
  });
});

describe('other modelled values', () => {
  it('exposes an error record as a catch block sees it', () => {
    const record = errorRecord('Access is denied.', 'AccessDenied', 'PermissionDenied', { typeName: 'System.UnauthorizedAccessException', targetObject: 'C:\\x' });
    const exception = getMember(record, 'Exception');
    expect(getMember(exception, 'Message')).toBe('Access is denied.');
    expect(getMember(invokeMethod(exception, 'GetType', []), 'FullName')).toBe('System.UnauthorizedAccessException');
    expect(getMember(record, 'FullyQualifiedErrorId')).toBe('AccessDenied');
    expect(getMember(record, 'TargetObject')).toBe('C:\\x');
    expect(invokeMethod(getMember(record, 'CategoryInfo'), 'ToString', [])).toBe('PermissionDenied: (C:\\x:String) [], UnauthorizedAccessException');
    expect(invokeMethod(record, 'ToString', [])).toBe('Access is denied.');
  });

  it('formats guids and reads versions, switches and secure strings', () => {
    const g = new PSGuid('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(invokeMethod(g, 'ToString', ['N'])).toBe('0f8fad5bd9cb469fa16570867728950e');
    expect(invokeMethod(g, 'ToString', ['B'])).toBe('{0f8fad5b-d9cb-469f-a165-70867728950e}');
    const v = new PSVersion(7, 4, 1);
    expect([getMember(v, 'Major'), getMember(v, 'Minor'), getMember(v, 'Build'), getMember(v, 'Revision')]).toEqual([7, 4, 1, -1]);
    expect(invokeMethod(v, 'CompareTo', [new PSVersion(7, 10)])).toBe(-1);
    expect(invokeMethod(v, 'ToString', [2])).toBe('7.4');
    expect(getMember(new PSSwitch(true), 'IsPresent')).toBe(true);
    const secret = new PSSecureString('hunter2');
    expect(getMember(secret, 'Length')).toBe(7);
    expect(invokeMethod(secret, 'ToString', [])).toBe('System.Security.SecureString');
  });

  it('gives a date its OLE automation value', () => {
    expect(invokeMethod(makeDateTime(1899, 12, 30, 12), 'ToOADate', [])).toBe(0.5);
    expect(invokeMethod(makeDateTime(1899, 12, 29, 6), 'ToOADate', [])).toBe(-1.25);
  });
});

describe('exception types and type objects', () => {
  it('constructs exceptions with ::new, keeping the type, message and inner exception', () => {
    const inner = invokeStaticMethod('System.InvalidOperationException', 'new', ['inner']);
    const e = invokeStaticMethod('System.ArgumentException', 'new', ['bad arg', inner]);
    expect(getMember(e, 'Message')).toBe('bad arg');
    expect(getMember(getMember(e, 'InnerException'), 'Message')).toBe('inner');
    expect(getMember(invokeMethod(e, 'GetType', []), 'FullName')).toBe('System.ArgumentException');
    expect(getMember(invokeStaticMethod('System.Exception', 'new', []), 'Message')).toBe("Exception of type 'System.Exception' was thrown.");
  });

  it('says which types are serializable, for the IsSerial column of a type table', () => {
    const serial = (name: string): unknown => getMember(new PSTypeLiteral(name), 'IsSerializable');
    expect([serial('System.Int32'), serial('System.String'), serial('System.Object[]'), serial('System.DayOfWeek')]).toEqual([true, true, true, true]);
    expect(serial('System.Management.Automation.PSCustomObject')).toBe(false);
  });
});
