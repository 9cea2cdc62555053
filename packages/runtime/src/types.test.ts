import { describe, expect, it } from 'vitest';
import { PSException, RuntimeError } from './errors.js';
import {
  enumFromNumber,
  markTypedArray,
  NULL_TYPE,
  registerClass,
  registerEnum,
  requireType,
  resolveType,
  typeDisplayName,
  typeNamesOf,
  typeOf,
  unknownTypeError,
  INT32_TYPE,
} from './types.js';
import { PSDateTime, PSEnumValue, PSHashtable, PSList, PSNumber, PSObject, PSTypeLiteral } from './values.js';

describe('resolveType', () => {
  it.each([
    ['int', 'System.Int32', 'number'],
    ['INT', 'System.Int32', 'number'],
    ['Int32', 'System.Int32', 'number'],
    ['System.Int32', 'System.Int32', 'number'],
    ['[int]', 'System.Int32', 'number'],
    ['long', 'System.Int64', 'number'],
    ['float', 'System.Single', 'number'],
    ['single', 'System.Single', 'number'],
    ['byte', 'System.Byte', 'number'],
    ['decimal', 'System.Decimal', 'number'],
    ['string', 'System.String', 'string'],
    ['char', 'System.Char', 'char'],
    ['bool', 'System.Boolean', 'bool'],
    ['switch', 'System.Management.Automation.SwitchParameter', 'switch'],
    // 'object' is no accelerator: PowerShell finds it by prefixing 'System.'.
    ['object', 'System.Object', 'object'],
    ['psobject', 'System.Management.Automation.PSObject', 'psobject'],
    // [pscustomobject] is PowerShell's accelerator for PSObject; only its cast differs.
    ['pscustomobject', 'System.Management.Automation.PSObject', 'pscustomobject'],
    ['hashtable', 'System.Collections.Hashtable', 'hashtable'],
    ['ordered', 'System.Collections.Specialized.OrderedDictionary', 'ordered'],
    ['array', 'System.Array', 'array'],
    ['scriptblock', 'System.Management.Automation.ScriptBlock', 'scriptblock'],
    ['datetime', 'System.DateTime', 'datetime'],
    ['timespan', 'System.TimeSpan', 'timespan'],
    ['regex', 'System.Text.RegularExpressions.Regex', 'regex'],
    ['version', 'System.Version', 'version'],
    ['guid', 'System.Guid', 'guid'],
    ['securestring', 'System.Security.SecureString', 'securestring'],
    ['void', 'System.Void', 'void'],
    ['type', 'System.Type', 'type'],
    ['math', 'System.Math', 'static'],
    ['Convert', 'System.Convert', 'static'],
    ['IO.Path', 'System.IO.Path', 'static'],
    ['System.Environment', 'System.Environment', 'static'],
    ['System.Management.Automation.PSCustomObject', 'System.Management.Automation.PSCustomObject', 'pscustomobject'],
    ['System.Collections.ArrayList', 'System.Collections.ArrayList', 'list'],
    ['System.DayOfWeek', 'System.DayOfWeek', 'enum'],
    ['DayOfWeek', 'System.DayOfWeek', 'enum'],
    ['System.Management.Automation.ActionPreference', 'System.Management.Automation.ActionPreference', 'enum'],
  ])('%s is %s', (name, fullName, kind) => {
    const t = resolveType(name);
    expect(t?.fullName).toBe(fullName);
    expect(t?.kind).toBe(kind);
  });

  it('gives the same TypeInfo for every name of a type', () => {
    expect(resolveType('int')).toBe(resolveType('System.INT32'));
    expect(resolveType('string[]')).toBe(resolveType('System.String[]'));
  });

  it.each([
    ['int[]', 'System.Int32[]', 'System.Int32'],
    ['string[]', 'System.String[]', 'System.String'],
    ['object[]', 'System.Object[]', 'System.Object'],
    ['System.DayOfWeek[]', 'System.DayOfWeek[]', 'System.DayOfWeek'],
    ['int[][]', 'System.Int32[][]', 'System.Int32[]'],
  ])('array type %s', (name, fullName, element) => {
    const t = resolveType(name)!;
    expect(t.fullName).toBe(fullName);
    expect(t.isArray).toBe(true);
    expect(t.kind).toBe('array');
    expect(t.elementType?.fullName).toBe(element);
  });

  it.each([
    ['System.Collections.Generic.List[string]', 'System.Collections.Generic.List`1[System.String]'],
    ['Collections.Generic.List[int]', 'System.Collections.Generic.List`1[System.Int32]'],
    ['System.Collections.Generic.List`1[System.Int32]', 'System.Collections.Generic.List`1[System.Int32]'],
    ['System.Collections.Generic.List[[string]]', 'System.Collections.Generic.List`1[System.String]'],
  ])('generic list %s', (name, fullName) => {
    const t = resolveType(name)!;
    expect(t.fullName).toBe(fullName);
    expect(t.name).toBe('List`1');
    expect(t.kind).toBe('list');
  });

  it.each(['Foo.Bar', 'List[int]', 'xml', 'void[]', '', 'System.Collections.Generic.Dictionary[string,int]'])('%s is not a modelled type', (name) => {
    expect(resolveType(name)).toBeUndefined();
  });
});

describe('unknown types', () => {
  it("reports PowerShell's TypeNotFound error", () => {
    const record = unknownTypeError('Foo.Bar');
    expect(record.message).toBe('Unable to find type [Foo.Bar].');
    expect(record.errorId).toBe('TypeNotFound');
    expect(record.category).toBe('InvalidOperation');
  });

  it('requireType throws it as a terminating error', () => {
    expect(() => requireType('[Foo.Bar]')).toThrow(RuntimeError);
    expect(() => requireType('Foo.Bar')).toThrow('Unable to find type [Foo.Bar].');
  });
});

describe('typeOf', () => {
  const fileInfo = registerClass('System.IO.FileInfo', { baseTypeNames: ['System.IO.FileSystemInfo', 'System.Object'] });
  it.each<[string, unknown, string]>([
    ['an integer', 1, 'System.Int32'],
    ['an integer beyond 32 bits', 2 ** 40, 'System.Int64'],
    ['a fraction', 1.5, 'System.Double'],
    ['an integral double', new PSNumber('Double', 1), 'System.Double'],
    ['a decimal', new PSNumber('Decimal', 1), 'System.Decimal'],
    ['a string', 'x', 'System.String'],
    ['a boolean', true, 'System.Boolean'],
    ['an array', [1, 2], 'System.Object[]'],
    ['a typed array', markTypedArray([1, 2], INT32_TYPE), 'System.Int32[]'],
    ['a hashtable', new PSHashtable(), 'System.Collections.Hashtable'],
    ['an ordered dictionary', new PSHashtable(true), 'System.Collections.Specialized.OrderedDictionary'],
    ['a custom object', PSObject.from({ a: 1 }), 'System.Management.Automation.PSCustomObject'],
    // A type name a script adds is not a .NET type: GetType() stays PSCustomObject.
    ['a custom object with a PSTypeName', PSObject.from({ a: 1 }, 'My.Thing'), 'System.Management.Automation.PSCustomObject'],
    ['a wrapped string', new PSObject(['System.String', 'System.Object'], 'abc'), 'System.String'],
    ['an enum value', new PSEnumValue('System.DayOfWeek', 'Monday', 1), 'System.DayOfWeek'],
    ['an ArrayList', new PSList([1]), 'System.Collections.ArrayList'],
    ['a List[string]', new PSList(['a'], 'System.String'), 'System.Collections.Generic.List`1[System.String]'],
    ['a type literal', new PSTypeLiteral('System.Int32'), 'System.RuntimeType'],
    ['a date', new PSDateTime(0), 'System.DateTime'],
    ['an exception', new PSException('x', { typeName: 'System.Management.Automation.ItemNotFoundException' }), 'System.Management.Automation.ItemNotFoundException'],
  ])('of %s', (_label, value, fullName) => {
    expect(typeOf(value).fullName).toBe(fullName);
  });

  it('of a PSObject modelling a registered class is that class', () => {
    const item = new PSObject(['System.IO.FileInfo', 'System.IO.FileSystemInfo', 'System.Object']);
    expect(typeOf(item)).toBe(fileInfo);
    expect(fileInfo.isInstance(item)).toBe(true);
  });

  it('of $null is the null type', () => {
    expect(typeOf(null)).toBe(NULL_TYPE);
    expect(typeOf(undefined).fullName).toBe('null');
  });
});

describe('typeNamesOf', () => {
  it.each<[string, unknown, string[]]>([
    ['an int', 1, ['System.Int32', 'System.ValueType', 'System.Object']],
    ['a string', 'x', ['System.String', 'System.Object']],
    ['an array', [], ['System.Object[]', 'System.Array', 'System.Object']],
    ['a hashtable', new PSHashtable(), ['System.Collections.Hashtable', 'System.Object']],
    ['a custom object', PSObject.from({}), ['System.Management.Automation.PSCustomObject', 'System.Object']],
    ['a typed custom object', PSObject.from({}, 'My.Thing'), ['My.Thing', 'System.Management.Automation.PSCustomObject', 'System.Object']],
    ['an enum', new PSEnumValue('System.DayOfWeek', 'Monday', 1), ['System.DayOfWeek', 'System.Enum', 'System.ValueType', 'System.Object']],
    [
      'an exception',
      new PSException('x', { typeName: 'System.Management.Automation.ParameterBindingException' }),
      [
        'System.Management.Automation.ParameterBindingException',
        'System.Management.Automation.RuntimeException',
        'System.SystemException',
        'System.Exception',
        'System.Object',
      ],
    ],
    ['$null', null, []],
  ])('of %s', (_label, value, names) => {
    expect(typeNamesOf(value)).toEqual(names);
  });
});

describe('isInstance (-is)', () => {
  it.each<[string, unknown, boolean]>([
    ['int', 1, true],
    ['int', 1.5, false],
    ['int', '1', false],
    ['int', new PSNumber('Int64', 1), false],
    ['long', new PSNumber('Int64', 1), true],
    ['double', 1.5, true],
    ['double', 1, false],
    ['object', 1, true],
    ['object', null, false],
    ['System.ValueType', 1, true],
    ['System.ValueType', 'x', false],
    ['string', new PSObject(['System.String', 'System.Object'], 'abc'), true],
    ['object[]', [1], true],
    ['array', [1], true],
    // An array literal is object[], never int[].
    ['int[]', [1], false],
    ['int[]', markTypedArray([1], INT32_TYPE), true],
    ['hashtable', new PSHashtable(), true],
    ['hashtable', new PSHashtable(true), false],
    ['System.Collections.IDictionary', new PSHashtable(true), true],
    ['System.Collections.IEnumerable', 'abc', true],
    ['System.Collections.IList', new PSList(), true],
    ['pscustomobject', PSObject.from({}), true],
    ['psobject', 'x', false],
    ['System.DayOfWeek', new PSEnumValue('System.DayOfWeek', 'Monday', 1), true],
    ['System.ConsoleColor', new PSEnumValue('System.DayOfWeek', 'Monday', 1), false],
    ['System.Enum', new PSEnumValue('System.DayOfWeek', 'Monday', 1), true],
    ['System.Exception', new PSException('x', { typeName: 'System.Management.Automation.ItemNotFoundException' }), true],
    ['System.Management.Automation.RuntimeException', new PSException('x', { typeName: 'System.ArgumentException' }), false],
    ['System.ArgumentException', new PSException('x', { typeName: 'System.Management.Automation.PSArgumentException' }), true],
    // An exception type dpmsh does not know still derives from System.Exception.
    ['System.Exception', new PSException('x', { typeName: 'Contoso.BackupFailedException' }), true],
  ])('%s -is %o', (name, value, expected) => {
    expect(resolveType(name)!.isInstance(value)).toBe(expected);
  });
});

describe('enums', () => {
  it('registerEnum adds a type other packages can resolve', () => {
    const t = registerEnum('Dpm.BackupState', ['Pending', 'Running', 'Done']);
    expect(resolveType('dpm.backupstate')).toBe(t);
    expect(t.isEnum).toBe(true);
    expect(t.enumMembers).toEqual([
      { name: 'Pending', value: 0 },
      { name: 'Running', value: 1 },
      { name: 'Done', value: 2 },
    ]);
  });

  it.each<[string, number, string]>([
    ['System.DayOfWeek', 0, 'Sunday'],
    ['System.DayOfWeek', 6, 'Saturday'],
    ['System.DayOfWeek', 9, '9'],
    ['System.IO.FileAttributes', 3, 'ReadOnly, Hidden'],
    ['System.IO.FileAttributes', 16, 'Directory'],
    ['System.Text.RegularExpressions.RegexOptions', 3, 'IgnoreCase, Multiline'],
  ])('%s value %i is %s', (name, value, text) => {
    expect(enumFromNumber(resolveType(name)!, value).name).toBe(text);
  });
});

describe('typeDisplayName', () => {
  it.each([
    ['System.Int32', 'int'],
    ['System.String[]', 'string[]'],
    ['System.Object[]', 'System.Object[]'],
    ['System.Single', 'float'],
    ['System.DayOfWeek', 'System.DayOfWeek'],
    ['System.Management.Automation.PSObject', 'psobject'],
    ['System.Collections.Generic.List`1[System.String]', 'System.Collections.Generic.List[string]'],
  ])('%s prints as %s', (fullName, text) => {
    expect(typeDisplayName(fullName)).toBe(text);
  });
});
