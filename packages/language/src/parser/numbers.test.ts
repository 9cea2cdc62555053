import { describe, expect, it } from 'vitest';
import type { ConstantExpressionAst } from './ast.js';
import { scanNumber } from './numbers.js';
import { errorsOf, expressionOf, printed } from './test-support/helpers.js';

function literal(text: string): ConstantExpressionAst {
  const e = expressionOf(text);
  if (e.kind !== 'Constant') throw new Error(`${text} is a ${e.kind}`);
  return e;
}

describe('numeric literals (about_Numeric_Literals)', () => {
  it.each([
    ['42', 42, 'Int32'],
    ['2147483647', 2147483647, 'Int32'],
    ['2147483648', 2147483648, 'Int64'],
    ['9223372036854775807', 9223372036854775807, 'Int64'],
    ['9223372036854775808', 9223372036854775808, 'Decimal'],
    ['100000000000000000000000000000', 1e29, 'Double'],
    ['0x1F', 31, 'Int32'],
    ['0x1e2', 482, 'Int32'],
    ['0x1e2L', 482, 'Int64'],
    ['0x1e2D', 7725, 'Int32'],
    ['0xFFFFFFFF', -1, 'Int32'],
    ['0x80000000', -2147483648, 'Int32'],
    ['0x0FFFFFFFF', 4294967295, 'Int64'],
    ['0x100000000', 4294967296, 'Int64'],
    ['0xFFFFFFFFFFFFFFFF', -1, 'Int64'],
    ['0xFFFFFFFFu', 4294967295, 'UInt32'],
    ['0xFFFFs', -1, 'Int16'],
    ['0b101', 5, 'Int32'],
    ['0b1011011', 91, 'Int32'],
    ['1kb', 1024, 'Int32'],
    ['1MB', 1048576, 'Int32'],
    ['1gb', 1073741824, 'Int32'],
    ['2gb', 2147483648, 'Int64'],
    ['1tb', 1099511627776, 'Int64'],
    ['1pb', 1125899906842624, 'Int64'],
    ['482gb', 517543559168, 'Int64'],
    ['0x10Gb', 17179869184, 'Int64'],
    ['100l', 100, 'Int64'],
    ['100u', 100, 'UInt32'],
    ['100uL', 100, 'UInt64'],
    ['100us', 100, 'UInt16'],
    ['100uy', 100, 'Byte'],
    ['100y', 100, 'SByte'],
    ['100s', 100, 'Int16'],
    ['100n', 100, 'BigInteger'],
    ['482ngb', 517543559168, 'BigInteger'],
    ['100D', 100, 'Decimal'],
    ['1.5', 1.5, 'Double'],
    ['1.0', 1, 'Double'],
    ['.5', 0.5, 'Double'],
    ['1e3', 1000, 'Double'],
    ['1.e2', 100, 'Double'],
    ['1.5e-3', 0.0015, 'Double'],
    ['1.5kb', 1536, 'Double'],
    ['1.2L', 1, 'Int64'],
    ['1.2345e1L', 12, 'Int64'],
    ['1.5d', 1.5, 'Decimal'],
  ] as const)('%s is %s [%s]', (text, value, type) => {
    const c = literal(text);
    expect(c.value).toBe(value);
    expect(c.numericType).toBe(type);
  });

  it('keeps exact integer values as bigint, including past 2^53', () => {
    expect(literal('9007199254740993').integerValue).toBe(9007199254740993n);
    expect(literal('0x7FFFFFFFFFFFFFFF').integerValue).toBe(9223372036854775807n);
    expect(literal('1.5').integerValue).toBeNull();
  });

  it('keeps the scale of decimal literals', () => {
    expect(literal('1.50d').decimalText).toBe('1.50');
    expect(literal('1.30Dmb').decimalText).toBe('1363148.80');
    expect(literal('1.5e3d').decimalText).toBe('1500');
    expect(literal('9223372036854775808').decimalText).toBe('9223372036854775808');
  });

  it('reports a syntactically valid literal whose value does not fit its type', () => {
    expect(errorsOf('1usgb')).toEqual([
      { id: 'BadNumericConstant', at: '1:1', message: 'The numeric constant 1usgb is not valid.', incomplete: false },
    ]);
    expect(errorsOf('300uy').map((e) => e.id)).toEqual(['BadNumericConstant']);
  });

  it('does not take `..` of a range as a decimal point', () => {
    expect(printed('1..10')).toBe('(.. 1 10)');
    expect(scanNumber('1..10', 0, false)?.end).toBe(1);
  });

  it('scans a leading dash only when asked (argument mode)', () => {
    expect(scanNumber('-5', 0, false)).toBeNull();
    expect(scanNumber('-5', 0, true)).toMatchObject({ value: -5, numericType: 'Int32', end: 2 });
    expect(scanNumber('-2147483648', 0, true)).toMatchObject({ numericType: 'Int32' });
    expect(scanNumber('–0xFFFFFFFF', 0, true)).toMatchObject({ value: 1, numericType: 'Int32' });
  });

  it('returns null where no literal starts', () => {
    expect(scanNumber('abc', 0, false)).toBeNull();
    expect(scanNumber('.', 0, false)).toBeNull();
    expect(scanNumber('0x', 0, false)?.end).toBe(1);
  });
});
