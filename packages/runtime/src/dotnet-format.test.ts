import { describe, expect, it } from 'vitest';
import { formatComposite, formatNumeric, formatValue } from './dotnet-format.js';
import { PSDateTime, PSEnumValue, PSNumber, PSTimeSpan } from './values.js';
import type { Numeric } from './values.js';
import { PSException } from './errors.js';

const dbl = (n: number): PSNumber => new PSNumber('Double', n);

describe('formatNumeric: standard formats', () => {
  // Expected values from the examples on .NET's "Standard numeric format strings" page (en-US).
  const cases: [Numeric, string, string][] = [
    [1234.567, 'C', '$1,234.57'],
    // ICU's en-US puts the sign first; .NET Framework on Windows showed ($1,234.57).
    [-1234.567, 'C', '-$1,234.57'],
    [1234.56, 'C0', '$1,235'],
    // 1234.5 is an exact tie in binary: .NET rounds it to even.
    [1234.5, 'C0', '$1,234'],
    [1234, 'D', '1234'],
    [-1234, 'D6', '-001234'],
    [42, 'D5', '00042'],
    [1052.0329112756, 'E', '1.052033E+003'],
    [1052.0329112756, 'e2', '1.05e+003'],
    [-1052.0329112756, 'E2', '-1.05E+003'],
    [12345, 'E2', '1.23E+004'],
    [0, 'E2', '0.00E+000'],
    [1234.567, 'F', '1234.57'],
    [1234, 'F1', '1234.0'],
    [-1234.56, 'F4', '-1234.5600'],
    [12345.6789, 'F0', '12346'],
    [-123.456, 'G', '-123.456'],
    [123.4546, 'G4', '123.5'],
    [-1.23456789e-25, 'G', '-1.23456789E-25'],
    [123456789, 'G7', '1.234568E+08'],
    [12345.6789, 'G7', '12345.68'],
    [0.0001, 'G', '0.0001'],
    [0.00001, 'G', '1E-05'],
    [1234.567, 'N', '1,234.57'],
    [1234, 'N1', '1,234.0'],
    [-1234.56, 'N3', '-1,234.560'],
    [123456789, 'N4', '123,456,789.0000'],
    [0.5, 'N0', '0'],
    [1, 'P', '100.00%'],
    [-0.39678, 'P1', '-39.7%'],
    [0.256, 'P1', '25.6%'],
    [123456789.12345678, 'R', '123456789.12345678'],
    [0.1 + 0.2, 'R', '0.30000000000000004'],
    [255, 'X', 'FF'],
    [255, 'x4', '00ff'],
    [255, 'x8', '000000ff'],
    [-1, 'X', 'FFFFFFFF'],
    [new PSNumber('Int64', -1), 'X', 'FFFFFFFFFFFFFFFF'],
    [new PSNumber('Byte', 10), 'X2', '0A'],
    [5, 'B8', '00000101'],
  ];
  it.each(cases)('%s with %s is %s', (value, format, expected) => {
    expect(formatNumeric(value, format)).toBe(expected);
  });

  it('rounds doubles exactly with ties to even under standard formats', () => {
    // 2.5 and 0.125 are exact in binary, so they are true ties; 1.005 is really 1.00499999...
    expect(formatNumeric(dbl(2.5), 'F0')).toBe('2');
    expect(formatNumeric(dbl(3.5), 'F0')).toBe('4');
    expect(formatNumeric(0.125, 'F2')).toBe('0.12');
    expect(formatNumeric(1.005, 'F2')).toBe('1.00');
    expect(formatNumeric(0.0006, 'F3')).toBe('0.001');
  });

  it('rounds integers half away from zero', () => {
    expect(formatNumeric(12355, 'E2')).toBe('1.24E+004');
    expect(formatNumeric(125, 'G2')).toBe('1.3E+02');
  });

  it('keeps the sign of a double that rounds to zero, as .NET Core 3.0+ does', () => {
    expect(formatNumeric(-0.001, 'F2')).toBe('-0.00');
    expect(formatNumeric(dbl(-0), 'G')).toBe('-0');
  });

  it('uses the shortest round-trip text for G and no format, switching to E past 17 digits', () => {
    expect(formatNumeric(0.1)).toBe('0.1');
    expect(formatNumeric(dbl(1e15))).toBe('1000000000000000');
    expect(formatNumeric(dbl(1e17))).toBe('1E+17');
    expect(formatNumeric(dbl(1.7976931348623157e308))).toBe('1.7976931348623157E+308');
    expect(formatNumeric(new PSNumber('Single', 0.1))).toBe('0.1');
    expect(formatNumeric(42)).toBe('42');
  });

  it('formats infinities and NaN with the culture symbols', () => {
    expect(formatNumeric(Infinity)).toBe('∞');
    expect(formatNumeric(-Infinity, undefined, 'invariant')).toBe('-Infinity');
    expect(formatNumeric(NaN, 'N2')).toBe('NaN');
  });

  it('uses the invariant culture on request', () => {
    expect(formatNumeric(1234.5, 'C', 'invariant')).toBe('¤1,234.50');
    expect(formatNumeric(-1234.5, 'C', 'invariant')).toBe('(¤1,234.50)');
    expect(formatNumeric(0.5, 'P0', 'invariant')).toBe('50 %');
  });

  it('rejects D and X on non-integers and R on integers', () => {
    expect(() => formatNumeric(1.5, 'D')).toThrow('Format specifier was invalid.');
    expect(() => formatNumeric(1.5, 'X')).toThrow('Format specifier was invalid.');
    expect(() => formatNumeric(5, 'R')).toThrow('Format specifier was invalid.');
    expect(() => formatNumeric(5, 'Q')).toThrow(PSException);
  });
});

describe('formatNumeric: custom formats', () => {
  // Examples from .NET's "Custom numeric format strings" page.
  const cases: [Numeric, string, string][] = [
    [1234.5678, '00000', '01235'],
    [0.45678, '0.00', '0.46'],
    [1.2, '0.00', '1.20'],
    [0, '0.0', '0.0'],
    [123, '000', '123'],
    [7, '000', '007'],
    [1234567890, '#,#', '1,234,567,890'],
    [1234567890, '#,##0,,', '1,235'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.5, '#,##0.00', '0.50'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [123, '#####', '123'],
    [1234.5678, '#####', '1235'],
    // '#' placeholders before the point show nothing for a leading zero.
    [0.45678, '#.##', '.46'],
    [1234567890, '(###) ###-####', '(123) 456-7890'],
    [123456789, '###-##-####', '123-45-6789'],
    [0.086, '#0.##%', '8.6%'],
    [86000, '0.###E+0', '8.6E+4'],
    [86000, '0.###E+000', '8.6E+004'],
    [86000, '0.###E-000', '8.6E004'],
    [1234, '##;(##)', '1234'],
    [-1234, '##;(##)', '(1234)'],
    [0, '##;(##);**Zero**', '**Zero**'],
    [-1, '0.00', '-1.00'],
    [42, "'#'0", '#42'],
    [42, '\\#0', '#42'],
    [12.5, '0.0\u2030', '12500.0\u2030'],
  ];
  it.each(cases)('%s with %s is %s', (value, format, expected) => {
    expect(formatNumeric(value, format)).toBe(expected);
  });

  it('cuts doubles to 15 digits first, then rounds half away from zero', () => {
    // Surprising but .NET: 1.005 under '0.00' is 1.01 while 'F2' gives 1.00.
    expect(formatNumeric(1.005, '0.00')).toBe('1.01');
    expect(formatNumeric(dbl(2.5), '0')).toBe('3');
    expect(formatNumeric(0.125, '0.00')).toBe('0.13');
  });
});

describe('formatValue', () => {
  it('formats dates, time spans and enums through their own formats', () => {
    const d = new PSDateTime(Date.UTC(2026, 10, 23, 14, 5, 9), 'Utc');
    expect(formatValue(d, 'yyyy-MM-dd HH:mm')).toBe('2026-11-23 14:05');
    expect(formatValue(new PSTimeSpan(90 * 60 * 10_000_000), 'c')).toBe('01:30:00');
    const monday = new PSEnumValue('System.DayOfWeek', 'Monday', 1);
    expect(formatValue(monday, 'D')).toBe('1');
    expect(formatValue(monday, 'X')).toBe('00000001');
    expect(formatValue(monday)).toBe('Monday');
  });

  it('ignores the format of a string, a boolean and $null', () => {
    expect(formatValue('1234.5', 'N2')).toBe('1234.5');
    expect(formatValue(true, 'N2')).toBe('True');
    expect(formatValue(null, 'N2')).toBe('');
  });
});

describe('formatComposite', () => {
  const cases: [string, unknown[], string][] = [
    ['{0}', ['abc'], 'abc'],
    ['{0,10}|', ['abc'], '       abc|'],
    ['{0,-10}|', ['abc'], 'abc       |'],
    ['{0:N2}', [1234.5], '1,234.50'],
    ['{0:D5}', [42], '00042'],
    ['{0:X}', [255], 'FF'],
    ['{0:x8}', [255], '000000ff'],
    ['{0:P1}', [0.256], '25.6%'],
    ['{0:C}', [1234.5], '$1,234.50'],
    ['{0:E2}', [1234.5], '1.23E+003'],
    ['{0:F3}', [2], '2.000'],
    ['{0:G}', [0.1], '0.1'],
    ['{0:R}', [0.1 + 0.2], '0.30000000000000004'],
    ['{0:#,##0.00}', [1234567.891], '1,234,567.89'],
    ['{0:0.0}', [3], '3.0'],
    ['{0:000}', [5], '005'],
    ['{0,8:N1}|', [1234.56], ' 1,234.6|'],
    ['{{0}} is {0}', [1], '{0} is 1'],
    ['}}{{', [], '}{'],
    ['{1}-{0}-{1}', ['a', 'b'], 'b-a-b'],
    ['{0 , -4}|', ['x'], 'x   |'],
    ['{0}', [null], ''],
  ];
  it.each(cases)('%s', (format, args, expected) => {
    expect(formatComposite(format, args)).toBe(expected);
  });

  it('formats a date item with a custom date format', () => {
    const d = new PSDateTime(Date.UTC(2026, 10, 23, 14, 5), 'Utc');
    expect(formatComposite('{0:yyyy-MM-dd HH:mm}', [d])).toBe('2026-11-23 14:05');
  });

  const errors: [string, unknown[], string][] = [
    ['{1}', [1], 'Index (zero based) must be greater than or equal to zero and less than the size of the argument list.'],
    ['{0', [1], 'Input string was not in a correct format.'],
    ['a}b', [1], 'Input string was not in a correct format.'],
    ['{x}', [1], 'Input string was not in a correct format.'],
    ['{0,}', [1], 'Input string was not in a correct format.'],
  ];
  it.each(errors)('%s fails as .NET does', (format, args, message) => {
    let caught: unknown;
    try {
      formatComposite(format, args);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PSException);
    expect((caught as PSException).message).toBe(message);
    expect((caught as PSException).typeName).toBe('System.FormatException');
  });
});
