import { describe, expect, it } from 'vitest';
import {
  addMilliseconds,
  addMonths,
  compareDateTime,
  dateFields,
  dateOnly,
  dateTicks,
  dateTimeToText,
  daysInMonth,
  formatDateTime,
  formatTimeSpan,
  isLeapYear,
  makeDateTime,
  makeTimeSpan,
  parseDateTime,
  parseDateTimeExact,
  parseTimeSpan,
  subtractDates,
  timeOfDay,
  timeSpanParts,
  toLocalTime,
  toUniversalTime,
  dayOfWeekValue,
} from './datetime.js';
import { PSDateTime, PSTimeSpan } from './values.js';

// Dates here are Utc or Unspecified, whose wall clocks do not depend on the machine's time zone.
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): PSDateTime =>
  new PSDateTime(Date.UTC(y, mo - 1, d, h, mi, s, ms), 'Utc');
const wall = (d: PSDateTime | undefined): string => (d ? formatDateTime(d, 'yyyy-MM-dd HH:mm:ss.fff') : 'undefined');
const reference = makeDateTime(2026, 11, 23, 8, 0, 0)!;

describe('parseDateTime (invariant culture)', () => {
  const cases: [string, string][] = [
    ['2026-11-23', '2026-11-23 00:00:00.000'],
    ['2026-11-23T14:05:09', '2026-11-23 14:05:09.000'],
    ['2026-11-23 14:05', '2026-11-23 14:05:00.000'],
    ['2026-11-23T14:05:09.123', '2026-11-23 14:05:09.123'],
    ['2026/11/23', '2026-11-23 00:00:00.000'],
    ['11/23/2026', '2026-11-23 00:00:00.000'],
    ['1/2/2026', '2026-01-02 00:00:00.000'],
    ['11/23/2026 14:05', '2026-11-23 14:05:00.000'],
    ['11/23/2026 14:05:09', '2026-11-23 14:05:09.000'],
    ['11/23/2026 2:05:09 PM', '2026-11-23 14:05:09.000'],
    ['11/23/2026 12:00 AM', '2026-11-23 00:00:00.000'],
    ['11/23/26', '2026-11-23 00:00:00.000'],
    // The invariant calendar's two-digit-year window ends at 2049.
    ['1/1/50', '1950-01-01 00:00:00.000'],
    ['Nov 23 2026', '2026-11-23 00:00:00.000'],
    ['November 23, 2026', '2026-11-23 00:00:00.000'],
    ['23 November 2026', '2026-11-23 00:00:00.000'],
    ['Monday, November 23, 2026 2:05:09 PM', '2026-11-23 14:05:09.000'],
    ['November 2026', '2026-11-01 00:00:00.000'],
    ['Nov 5', '2026-11-05 00:00:00.000'],
    ['14:05', '2026-11-23 14:05:00.000'],
    ['14:05:09', '2026-11-23 14:05:09.000'],
    ['  2026-11-23  ', '2026-11-23 00:00:00.000'],
  ];
  it.each(cases)('%s', (text, expected) => {
    const d = parseDateTime(text, reference);
    expect(wall(d)).toBe(expected);
    expect(d?.kind).toBe('Unspecified');
  });

  const zoned: [string, string][] = [
    ['2026-11-23T14:05:09Z', '2026-11-23 14:05:09.000'],
    ['2026-11-23T14:05:09.5Z', '2026-11-23 14:05:09.500'],
    ['2026-11-23T14:05:09+02:00', '2026-11-23 12:05:09.000'],
    ['2026-11-23T14:05:09-0530', '2026-11-23 19:35:09.000'],
    ['Mon, 23 Nov 2026 14:05:09 GMT', '2026-11-23 14:05:09.000'],
  ];
  it.each(zoned)('%s is converted to local time', (text, expectedUtc) => {
    const d = parseDateTime(text, reference);
    expect(d?.kind).toBe('Local');
    expect(wall(toUniversalTime(d!))).toBe(expectedUtc);
  });

  it.each(['', 'tomorrow', '2026-13-01', '2026-02-30', '25:00', '11/23/2026 13:00 PM', '23.11.2026', 'abc 2026'])(
    'rejects %j',
    (text) => {
      expect(parseDateTime(text, reference)).toBeUndefined();
    },
  );
});

describe('parseDateTimeExact', () => {
  it('reads the text with a custom format', () => {
    expect(wall(parseDateTimeExact('23.11.2026', 'dd.MM.yyyy'))).toBe('2026-11-23 00:00:00.000');
    expect(wall(parseDateTimeExact('20261123 1405', 'yyyyMMdd HHmm'))).toBe('2026-11-23 14:05:00.000');
    expect(wall(parseDateTimeExact('Nov 23, 2026 02:05 PM', 'MMM dd, yyyy hh:mm tt'))).toBe('2026-11-23 14:05:00.000');
    expect(wall(parseDateTimeExact('2026-11-23', ['dd.MM.yyyy', 'yyyy-MM-dd']))).toBe('2026-11-23 00:00:00.000');
  });
  it('fails when the text does not match', () => {
    expect(parseDateTimeExact('2026-11-23', 'dd.MM.yyyy')).toBeUndefined();
    expect(parseDateTimeExact('23.11.2026x', 'dd.MM.yyyy')).toBeUndefined();
  });
  it('reads a zone to a local time', () => {
    const d = parseDateTimeExact('2026-11-23T14:05:09Z', "yyyy-MM-dd'T'HH:mm:ssK");
    expect(d?.kind).toBe('Local');
    expect(wall(toUniversalTime(d!))).toBe('2026-11-23 14:05:09.000');
  });
});

describe('formatDateTime', () => {
  const d = utc(2026, 11, 23, 14, 5, 9, 123);
  // en-US patterns as .NET on ICU has them.
  const standard: [string, string][] = [
    ['d', '11/23/2026'],
    ['D', 'Monday, November 23, 2026'],
    ['f', 'Monday, November 23, 2026 2:05 PM'],
    ['F', 'Monday, November 23, 2026 2:05:09 PM'],
    ['g', '11/23/2026 2:05 PM'],
    ['G', '11/23/2026 2:05:09 PM'],
    ['M', 'November 23'],
    ['m', 'November 23'],
    ['O', '2026-11-23T14:05:09.1230000Z'],
    ['o', '2026-11-23T14:05:09.1230000Z'],
    ['R', 'Mon, 23 Nov 2026 14:05:09 GMT'],
    ['s', '2026-11-23T14:05:09'],
    ['t', '2:05 PM'],
    ['T', '2:05:09 PM'],
    ['u', '2026-11-23 14:05:09Z'],
    ['U', 'Monday, November 23, 2026 2:05:09 PM'],
    ['Y', 'November 2026'],
    ['y', 'November 2026'],
  ];
  it.each(standard)('standard %s', (format, expected) => {
    expect(formatDateTime(d, format)).toBe(expected);
  });

  it('defaults to en-US G', () => {
    expect(formatDateTime(d)).toBe('11/23/2026 2:05:09 PM');
  });

  it('has the invariant patterns PowerShell uses for string conversion', () => {
    expect(dateTimeToText(d)).toBe('11/23/2026 14:05:09');
    expect(formatDateTime(d, 'G', 'invariant')).toBe('11/23/2026 14:05:09');
    expect(formatDateTime(d, 'D', 'invariant')).toBe('Monday, 23 November 2026');
  });

  const early = utc(2026, 1, 5, 0, 7, 3, 40);
  const custom: [PSDateTime, string, string][] = [
    [d, 'yyyy-MM-dd', '2026-11-23'],
    [d, 'yyyyMMdd_HHmmss', '20261123_140509'],
    [early, 'd/M/yy H:m:s', '5/1/26 0:7:3'],
    [early, 'dd MMM yyyy', '05 Jan 2026'],
    [early, 'dddd, MMMM d', 'Monday, January 5'],
    [early, 'ddd', 'Mon'],
    [early, 'hh:mm tt', '12:07 AM'],
    [early, 'h t', '12 A'],
    [d, 'fff', '123'],
    [d, 'ff', '12'],
    [d, '%f', '1'],
    [d, 'FFFF', '123'],
    [utc(2026, 1, 1, 0, 0, 0), 'HH:mm:ss.FFF', '00:00:00'],
    [d, 'yyyy-MM-ddTHH:mm:ssK', '2026-11-23T14:05:09Z'],
    [d, 'zzz', '+00:00'],
    [d, "'Year:' yyyy", 'Year: 2026'],
    [d, '"at" HH\\h', 'at 14h'],
    [d, '%d', '23'],
    [d, '%M', '11'],
    [d, 'y', 'November 2026'],
    [d, 'yyyyy', '02026'],
    [d, 'g', '11/23/2026 2:05 PM'],
    [d, 'gg yyyy', 'A.D. 2026'],
    [d, 'MM/dd/yyyy', '11/23/2026'],
  ];
  it.each(custom)('%s with %s', (date, format, expected) => {
    expect(formatDateTime(date, format)).toBe(expected);
  });

  it('writes no zone for an Unspecified date under K', () => {
    expect(formatDateTime(makeDateTime(2026, 11, 23)!, 'o')).toBe('2026-11-23T00:00:00.0000000');
  });

  it('rejects a one-letter format that is no standard one, and an open quote', () => {
    expect(() => formatDateTime(d, 'Q')).toThrow('Input string was not in a correct format.');
    expect(() => formatDateTime(d, "yyyy 'open")).toThrow('Input string was not in a correct format.');
  });
});

describe('date arithmetic', () => {
  it('reads the calendar fields', () => {
    const f = dateFields(utc(2024, 12, 31, 23, 59, 58, 7));
    expect(f).toMatchObject({ year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 58, millisecond: 7, dayOfYear: 366, dayOfWeek: 2 });
    expect(dayOfWeekValue(utc(2026, 11, 23)).name).toBe('Monday');
  });

  it('adds months clamping the day', () => {
    expect(wall(addMonths(utc(2024, 1, 31), 1))).toBe('2024-02-29 00:00:00.000');
    expect(wall(addMonths(utc(2023, 1, 31), 1))).toBe('2023-02-28 00:00:00.000');
    expect(wall(addMonths(utc(2026, 11, 23, 10), -12))).toBe('2025-11-23 10:00:00.000');
    expect(wall(addMonths(utc(2026, 12, 15), 1))).toBe('2027-01-15 00:00:00.000');
  });

  it('adds time on the wall clock', () => {
    expect(wall(addMilliseconds(utc(2026, 12, 31, 23, 0), 3_600_000))).toBe('2027-01-01 00:00:00.000');
    const local = makeDateTime(2026, 3, 28, 12, 0, 0, 0, 'Local')!;
    // A day later is the same time of day even across a daylight-saving change.
    expect(wall(addMilliseconds(local, 86_400_000))).toBe('2026-03-29 12:00:00.000');
  });

  it('rejects a result outside 0001-9999', () => {
    expect(() => addMilliseconds(utc(9999, 12, 31), 86_400_000)).toThrow(/un-representable DateTime/);
  });

  it('subtracts and compares wall clocks', () => {
    const span = subtractDates(utc(2026, 11, 23, 12), utc(2026, 11, 22, 10, 30));
    expect(formatTimeSpan(span)).toBe('1.01:30:00');
    expect(compareDateTime(utc(2026, 1, 1), utc(2026, 1, 2))).toBe(-1);
    expect(compareDateTime(utc(2026, 1, 1), utc(2026, 1, 1))).toBe(0);
  });

  it('has Date, TimeOfDay and Ticks', () => {
    const d = utc(2026, 11, 23, 14, 5, 9);
    expect(wall(dateOnly(d))).toBe('2026-11-23 00:00:00.000');
    expect(formatTimeSpan(timeOfDay(d))).toBe('14:05:09');
    // DateTime.MinValue is tick 0; the Unix epoch is 621355968000000000.
    expect(dateTicks(utc(1970, 1, 1))).toBe(621355968000000000);
    expect(dateTicks(makeDateTime(1, 1, 1)!)).toBe(0);
  });

  it('converts between kinds', () => {
    const u = utc(2026, 11, 23, 14);
    expect(toLocalTime(u).kind).toBe('Local');
    expect(toLocalTime(u).ms).toBe(u.ms);
    expect(toUniversalTime(toLocalTime(u)).ms).toBe(u.ms);
    // ToLocalTime reads an Unspecified date as UTC.
    expect(wall(toUniversalTime(toLocalTime(makeDateTime(2026, 11, 23, 14)!)))).toBe('2026-11-23 14:00:00.000');
  });

  it('knows leap years and month lengths', () => {
    expect([isLeapYear(2024), isLeapYear(1900), isLeapYear(2000), isLeapYear(2026)]).toEqual([true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
  });

  it('builds years below 100 as themselves', () => {
    expect(wall(makeDateTime(1, 1, 1))).toBe('0001-01-01 00:00:00.000');
    expect(makeDateTime(2026, 2, 29)).toBeUndefined();
  });
});

describe('time spans', () => {
  const parse: [string, string][] = [
    ['9:00', '09:00:00'],
    ['9:00:00', '09:00:00'],
    ['1.02:03:04', '1.02:03:04'],
    ['1.02:03:04.5', '1.02:03:04.5000000'],
    ['1:02:03:04', '1.02:03:04'],
    ['5', '5.00:00:00'],
    ['-00:30', '-00:30:00'],
    ['00:00:00.1234567', '00:00:00.1234567'],
    [' 12:30 ', '12:30:00'],
  ];
  it.each(parse)('parses %j', (text, expected) => {
    const ts = parseTimeSpan(text);
    expect(ts && formatTimeSpan(ts)).toBe(expected);
  });

  it.each(['', 'abc', '24:00', '1:60', '1:2:3:4:5', '00:00:00.12345678'])('rejects %j', (text) => {
    expect(parseTimeSpan(text)).toBeUndefined();
  });

  const ts = makeTimeSpan(1, 2, 3, 4, 50);
  const neg = new PSTimeSpan(-ts.ticks);
  const formats: [PSTimeSpan, string | undefined, string][] = [
    [ts, undefined, '1.02:03:04.0500000'],
    [ts, 'c', '1.02:03:04.0500000'],
    [ts, 'g', '1:2:03:04.05'],
    [ts, 'G', '1:02:03:04.0500000'],
    [neg, 'c', '-1.02:03:04.0500000'],
    [neg, 'g', '-1:2:03:04.05'],
    [makeTimeSpan(0, 1, 30, 0), 'g', '1:30:00'],
    [ts, 'hh\\:mm', '02:03'],
    [ts, "d'd 'h'h'", '1d 2h'],
    [ts, 'dd\\.hh\\:mm\\:ss\\.fff', '01.02:03:04.050'],
    [ts, 'FFF', '05'],
    [ts, '%h', '2'],
    // A custom format never shows the sign.
    [neg, 'hh\\:mm', '02:03'],
  ];
  it.each(formats)('formats %s with %s', (span, format, expected) => {
    expect(formatTimeSpan(span, format)).toBe(expected);
  });

  it('rejects an unescaped separator in a custom format', () => {
    expect(() => formatTimeSpan(ts, 'hh:mm')).toThrow('Input string was not in a correct format.');
  });

  it('splits into components carrying the sign', () => {
    expect(timeSpanParts(neg)).toMatchObject({ days: -1, hours: -2, minutes: -3, seconds: -4, milliseconds: -50 });
  });
});
