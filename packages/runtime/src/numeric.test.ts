import { describe, expect, it } from 'vitest';
import { DecimalValue } from './decimal.js';
import { compareNumeric, decimalOf, integerOf, numericEquals, roundToInteger } from './numeric.js';
import { makeDecimal, makeInteger, makeNumber, PSNumber } from './values.js';

const long = (n: bigint) => makeInteger('Int64', n);
const dec = (text: string) => makeDecimal(DecimalValue.parse(text)!);

describe('exact numbers', () => {
  it('keeps an Int64 past 2^53 exactly and plain below it', () => {
    expect(long(2n ** 63n - 1n)).toEqual(new PSNumber('Int64', 2 ** 63, 2n ** 63n - 1n));
    expect(long(5n)).toEqual(new PSNumber('Int64', 5));
    expect(long(2n ** 40n)).toBe(2 ** 40);
    expect(String(long(2n ** 63n - 1n))).toBe('9223372036854775807');
  });

  it('gives a decimal made from a double the double’s shortest text', () => {
    expect(new PSNumber('Decimal', 0.1).decimal).toEqual(new DecimalValue(1n, 1));
    expect(String(dec('1.10'))).toBe('1.10');
  });

  it('reads integers and decimals exactly', () => {
    expect(integerOf(long(2n ** 63n - 1n))).toBe(2n ** 63n - 1n);
    expect(integerOf(makeNumber('Double', -2.7))).toBe(-2n);
    expect(decimalOf(long(2n ** 63n - 1n)).toString()).toBe('9223372036854775807');
    expect(decimalOf(0.1 + 0.2).toString()).toBe('0.3');
  });

  it('rounds to an integer half to even, as the integer conversions do', () => {
    expect(roundToInteger(2.5)).toBe(2n);
    expect(roundToInteger(3.5)).toBe(4n);
    expect(roundToInteger(dec('-2.5'))).toBe(-2n);
    expect(roundToInteger(makeNumber('Double', NaN))).toBeUndefined();
  });

  it('compares across types exactly, doubles as doubles', () => {
    expect(compareNumeric(long(2n ** 63n - 1n), long(2n ** 63n - 2n))).toBe(1);
    expect(numericEquals(long(1n), 1)).toBe(true);
    expect(compareNumeric(dec('1'), 1.5)).toBe(-1);
    expect(numericEquals(dec('1.10'), dec('1.1'))).toBe(true);
    expect(numericEquals(dec('0.1'), 0.1)).toBe(true);
    expect(numericEquals(makeNumber('Double', NaN), makeNumber('Double', NaN))).toBe(false);
    expect(compareNumeric(makeNumber('Double', NaN), 1)).toBe(-1);
  });
});
