import { describe, expect, it } from 'vitest';
import { DecimalOverflowError, DecimalValue } from './decimal.js';

const d = (text: string): DecimalValue => DecimalValue.parse(text)!;

describe('DecimalValue', () => {
  it.each([
    ['1.10', '1.10'],
    ['-0.5', '-0.5'],
    ['.25', '0.25'],
    ['1e3', '1000'],
    ['1.5e-3', '0.0015'],
    ['79228162514264337593543950335', '79228162514264337593543950335'],
    // Past 28 decimals the digits round half to even.
    ['0.00000000000000000000000000015', '0.0000000000000000000000000002'],
  ])('parses %s exactly, keeping its scale', (text, shown) => {
    expect(d(text).toString()).toBe(shown);
  });

  it('refuses text that is not a decimal and values beyond Decimal.MaxValue', () => {
    expect(DecimalValue.parse('abc')).toBeUndefined();
    expect(DecimalValue.parse('.')).toBeUndefined();
    expect(() => DecimalValue.parse('79228162514264337593543950336')).toThrow(DecimalOverflowError);
  });

  it.each([
    ['0.1', '0.2', 'add', '0.3'],
    ['1.10', '2', 'add', '3.10'],
    ['1', '0.001', 'subtract', '0.999'],
    ['1.10', '1.10', 'multiply', '1.2100'],
    ['10', '3', 'divide', '3.3333333333333333333333333333'],
    ['2', '3', 'divide', '0.6666666666666666666666666667'],
    ['20', '3', 'divide', '6.6666666666666666666666666667'],
    ['4.00', '2', 'divide', '2.00'],
    ['1', '4', 'divide', '0.25'],
    ['1', '0.01', 'divide', '100'],
    ['-7', '2', 'remainder', '-1'],
    ['7.5', '2', 'remainder', '1.5'],
  ] as const)('%s %s: %s is %s', (a, b, op, expected) => {
    expect(d(a)[op](d(b)).toString()).toBe(expected);
  });

  it('rounds a product that does not fit half to even, and overflows past MaxValue', () => {
    expect(d('0.0000000000000000000000000001').multiply(d('0.5')).toString()).toBe('0.0000000000000000000000000000');
    expect(d('0.0000000000000000000000000003').multiply(d('0.5')).toString()).toBe('0.0000000000000000000000000002');
    expect(() => DecimalValue.MAX.add(d('1'))).toThrow('Value was either too large or too small for a Decimal.');
    expect(() => DecimalValue.MAX.multiply(d('2'))).toThrow(DecimalOverflowError);
  });

  it('compares by value whatever the scale', () => {
    expect(d('1.10').compare(d('1.1'))).toBe(0);
    expect(d('-2').compare(d('1.5'))).toBe(-1);
    expect(d('0.3').compare(d('0.29999999999999999999'))).toBe(1);
  });

  it.each([
    ['2.5', 0, 'toeven', '2'],
    ['3.5', 0, 'toeven', '4'],
    ['2.5', 0, 'awayfromzero', '3'],
    ['-2.5', 0, 'awayfromzero', '-3'],
    ['1.005', 2, 'toeven', '1.00'],
    ['1.015', 2, 'toeven', '1.02'],
    ['-1.5', 0, 'tonegativeinfinity', '-2'],
    ['1.01', 0, 'topositiveinfinity', '2'],
    ['2.7', 0, 'tozero', '2'],
    ['1.5', 3, 'toeven', '1.5'],
  ] as const)('rounds %s to %i decimals %s as %s', (value, decimals, mode, expected) => {
    expect(d(value).round(decimals, mode).toString()).toBe(expected);
  });

  it('converts a double as Convert.ToDecimal does: 15 significant digits, 7 for a single', () => {
    expect(DecimalValue.fromDouble(0.1).toString()).toBe('0.1');
    expect(DecimalValue.fromDouble(1.23456789012345678).toString()).toBe('1.23456789012346');
    expect(DecimalValue.fromDouble(1e28).toString()).toBe('10000000000000000000000000000');
    expect(DecimalValue.fromDouble(1e-30).toString()).toBe('0');
    expect(DecimalValue.fromDouble(Math.fround(0.1), 7).toString()).toBe('0.1');
    expect(() => DecimalValue.fromDouble(1e30)).toThrow(DecimalOverflowError);
    expect(() => DecimalValue.fromDouble(NaN)).toThrow(DecimalOverflowError);
  });
});
