import { describe, expect, it } from 'vitest';
import { runScript } from './test-support/run-script.js';

/** Each case: a script and the text PowerShell 7 prints for it. */
type Case = readonly [string, string];

async function expectCases(cases: readonly Case[]): Promise<void> {
  for (const [script, expected] of cases) {
    const result = await runScript(script);
    expect(result.errors, script).toEqual([]);
    expect(result.output, script).toBe(expected);
  }
}

describe('number literals', () => {
  it('types integers as Int32, else Int64, else Decimal, else Double', async () => {
    await expectCases([
      ['(2147483647).GetType().Name; (2147483648).GetType().Name', 'Int32\nInt64'],
      ['9223372036854775807; (9223372036854775807).GetType().Name', '9223372036854775807\nInt64'],
      ['12345678901234567890; (12345678901234567890).GetType().Name', '12345678901234567890\nDecimal'],
      ['(1e30).GetType().Name; (79228162514264337593543950336).GetType().Name', 'Double\nDouble'],
    ]);
  });

  it('reads the l and d suffixes, the multipliers and hex', async () => {
    await expectCases([
      ['(1L).GetType().Name; 5l -is [long]; (1d).GetType().Name; 1.10d', 'Int64\nTrue\nDecimal\n1.10'],
      ['1kb; 1mb; 1gb; 1tb; (1tb).GetType().Name; 1pb; 1.5kb; 1dkb; (1dkb).GetType().Name', '1024\n1048576\n1073741824\n1099511627776\nInt64\n1125899906842624\n1536\n1024\nDecimal'],
      ['0xFF; 0x7FFFFFFFFFFFFFFF; 0xFFFFFFFFFFFFFFFF; 0xFFFFFFFF; 1e3; (1e3).GetType().Name', '255\n9223372036854775807\n-1\n-1\n1000\nDouble'],
    ]);
  });
});

describe('Int64 and Decimal values', () => {
  it('prints the limits exactly', async () => {
    await expectCases([
      ['[long]::MaxValue; [long]::MinValue; [int64]::MaxValue - 1', '9223372036854775807\n-9223372036854775808\n9223372036854775806'],
      ['[decimal]::MaxValue; [decimal]::MinValue; [uint64]::MaxValue', '79228162514264337593543950335\n-79228162514264337593543950335\n18446744073709551615'],
      ['"$([long]::MaxValue) $(1.10d)"; [long]::MaxValue.ToString()', '9223372036854775807 1.10\n9223372036854775807'],
    ]);
  });

  it('computes decimals exactly, keeping the scale and rounding to 28 digits', async () => {
    await expectCases([
      ['0.1d + 0.2d -eq 0.3d; 0.1d + 0.2d', 'True\n0.3'],
      ['10d / 3; 2d / 3; 1d / 3 * 3', '3.3333333333333333333333333333\n0.6666666666666666666666666667\n0.9999999999999999999999999999'],
      ['1.10d * 1.10d; 4.00d / 2; 1d / 4; 1.10d + 1; 7.5d % 2; -1.5d', '1.2100\n2.00\n0.25\n2.10\n1.5\n-1.5'],
      ['$x = 1.5d; $x++; $x; $x.GetType().Name', '2.5\nDecimal'],
    ]);
  });

  it('reports a decimal overflow and a decimal division by zero as PowerShell does', async () => {
    expect((await runScript('[decimal]::MaxValue + 1')).errors).toEqual(['Value was either too large or too small for a Decimal.']);
    expect((await runScript('1d / 0')).errors).toEqual(['Attempted to divide by zero.']);
  });
});

describe('arithmetic widening', () => {
  it('widens an Int32 or Int64 overflow to Double', async () => {
    await expectCases([
      ['[int]::MaxValue + 1; ([int]::MaxValue + 1).GetType().Name; [int]::MaxValue * 2', '2147483648\nDouble\n4294967294'],
      ['[long]::MaxValue + 1; ([long]::MaxValue + 1).GetType().Name', '9.22337203685478E+18\nDouble'],
      ['([long]::MaxValue - 1).GetType().Name; (5L - 4).GetType().Name', 'Int64\nInt64'],
    ]);
  });

  it('gives a Double for an inexact integer division and keeps the type of an exact one', async () => {
    await expectCases([['5 / 2; (6 / 3).GetType().Name; ([long]6 / 3).GetType().Name; 9223372036854775806 / 2', '2.5\nInt32\nInt64\n4611686018427387903']]);
  });

  it('makes an integer with a decimal a Decimal, and a decimal with a double a Double', async () => {
    await expectCases([['(1d + 1).GetType().Name; (1d + 1L).GetType().Name; (1d + 1.5).GetType().Name; 9223372036854775807 + 1d', 'Decimal\nDecimal\nDouble\n9223372036854775808']]);
  });

  it('does bitwise operations on exact 64-bit integers', async () => {
    await expectCases([['[long]::MaxValue -band 0xFF; 9223372036854775807 % 10; -bnot 0L', '255\n7\n-1']]);
  });
});

describe('casts', () => {
  it('rounds half to even to an integer', async () => {
    await expectCases([['[int]2.5; [int]3.5; [int]-2.5; [long]2.5d; [int]2.5d; 2.5d -as [int]', '2\n4\n-2\n2\n2\n2']]);
  });

  it('converts exactly to and from long and decimal', async () => {
    await expectCases([
      ['[long]"9223372036854775807"; [int64]"0x7FFFFFFFFFFFFFFF"; [decimal]"1.10"; [decimal]"1e3"', '9223372036854775807\n9223372036854775807\n1.10\n1000'],
      ['[decimal]1.1; [decimal]0.1 + [decimal]0.2; [decimal][long]::MaxValue; [double]1.10d', '1.1\n0.3\n9223372036854775807\n1.1'],
      ['[decimal]::Parse("1.10"); [long]::Parse("-9223372036854775808")', '1.10\n-9223372036854775808'],
    ]);
  });

  it('fails with PowerShell’s error when the value does not fit', async () => {
    const cases: Case[] = [
      ['[int]3e10', 'Cannot convert value "30000000000" to type "System.Int32". Error: "Value was either too large or too small for an Int32."'],
      ['[long]9.3e18', 'Cannot convert value "9.3E+18" to type "System.Int64". Error: "Value was either too large or too small for an Int64."'],
      ['[int][long]::MaxValue', 'Cannot convert value "9223372036854775807" to type "System.Int32". Error: "Value was either too large or too small for an Int32."'],
      ['[long]"9223372036854775808"', 'Cannot convert value "9223372036854775808" to type "System.Int64". Error: "Value was either too large or too small for an Int64."'],
    ];
    for (const [script, message] of cases) expect((await runScript(script)).errors, script).toEqual([message]);
    const result = await runScript('try { [int]3e10 } catch { $_.FullyQualifiedErrorId }');
    expect(result.output).toBe('InvalidCastIConvertible');
  });
});

describe('types and comparisons', () => {
  it('answers -is and GetType() for long and decimal', async () => {
    await expectCases([['1L -is [long]; 1 -is [long]; 1d -is [decimal]; [long]1 -is [int]; (1.5d).GetType().FullName', 'True\nFalse\nTrue\nFalse\nSystem.Decimal']]);
  });

  it('compares across numeric types by value, exactly', async () => {
    await expectCases([
      ['1L -eq 1; 1d -lt 1.5; 1.10d -eq 1.1d; 2d -gt 1L', 'True\nTrue\nTrue\nTrue'],
      ['9223372036854775807 -eq 9223372036854775806; [long]::MaxValue -gt 9223372036854775806; "9223372036854775807" -eq 9223372036854775807', 'False\nTrue\nTrue'],
      ['(9223372036854775807, 9223372036854775806, 1 | Sort-Object) -join ","', '1,9223372036854775806,9223372036854775807'],
    ]);
  });
});

describe('formatting and interop', () => {
  it('formats exact values with -f and ToString', async () => {
    await expectCases([
      ["'{0:N2}' -f 1234.5d; '{0}|{0:F3}|{0:C}' -f 1.10d; '{0:N0}|{0:X}' -f [long]::MaxValue", '1,234.50\n1.10|1.100|$1.10\n9,223,372,036,854,775,807|7FFFFFFFFFFFFFFF'],
      ['(1.10d).ToString("N3"); (2.5d).ToString()', '1.100\n2.5'],
    ]);
  });

  it('rounds decimals with [math] exactly, to even by default', async () => {
    await expectCases([['[math]::Round(2.5d); [math]::Round(3.5d); [math]::Round(2.345d, 2); [math]::Round(2.345d, 2, "AwayFromZero"); [math]::Floor(-1.5d); [math]::Abs(-1.50d); [math]::Max([long]::MaxValue, 1)', '2\n4\n2.34\n2.35\n-2\n1.50\n9223372036854775807']]);
  });

  it('shows exact values in tables and lists', async () => {
    const result = await runScript('[pscustomobject]@{ L = [long]::MaxValue; D = 1.10d } | Format-List');
    expect(result.output).toBe('L : 9223372036854775807\nD : 1.10');
  });

  it('writes Int64 and decimal values to JSON as numbers', async () => {
    await expectCases([
      ['[ordered]@{ a = 9223372036854775807; b = 1.10d; c = 1d } | ConvertTo-Json -Compress', '{"a":9223372036854775807,"b":1.10,"c":1.0}'],
      ["('{\"n\":9223372036854775807}' | ConvertFrom-Json).n; ('{\"n\":9223372036854775807}' | ConvertFrom-Json).n.GetType().Name", '9223372036854775807\nInt64'],
    ]);
  });

  it('binds long and int parameters exactly', async () => {
    await expectCases([['function f([long]$x) { $x; $x.GetType().Name }; f 9223372036854775807', '9223372036854775807\nInt64']]);
    const result = await runScript('function g([int]$x) { $x }; g 9223372036854775807');
    expect(result.errors).toEqual([
      'Cannot process argument transformation on parameter \'x\'. Cannot convert value "9223372036854775807" to type "System.Int32". Error: "Value was either too large or too small for an Int32."',
    ]);
  });

  it('keeps big keys of a hashtable apart', async () => {
    await expectCases([['$h = @{}; $h[9223372036854775807] = "a"; $h[9223372036854775806] = "b"; $h.Count', '2']]);
  });
});
