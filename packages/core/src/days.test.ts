import { describe, expect, it } from 'vitest';
import { DAYS_OF_WEEK, dayOfWeekFromNumber, dayOfWeekNumber, localTimeOf, parseDayOfWeek } from './days.js';
import { formatTimeOfDay, parseTimeOfDay } from './time-of-day.js';
import { expectDomainError } from './test-support/domain-error.js';

describe('days of the week', () => {
  it("number as .NET's System.DayOfWeek", () => {
    expect(DAYS_OF_WEEK.map(dayOfWeekNumber)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(dayOfWeekNumber('Sunday')).toBe(0);
    expect(dayOfWeekFromNumber(6)).toBe('Saturday');
    expectDomainError(() => dayOfWeekFromNumber(7), 'InvalidDayOfWeek');
  });

  it('parse full names case-insensitively', () => {
    expect(parseDayOfWeek('monday')).toBe('Monday');
    expect(parseDayOfWeek(' FRIDAY ')).toBe('Friday');
  });

  it('parse the two-letter abbreviations', () => {
    expect(['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'].map(parseDayOfWeek)).toEqual(DAYS_OF_WEEK);
    expect(parseDayOfWeek('th')).toBe('Thursday');
  });

  it('parse unique prefixes and numbers 0-6', () => {
    expect(parseDayOfWeek('M')).toBe('Monday');
    expect(parseDayOfWeek('wed')).toBe('Wednesday');
    expect(parseDayOfWeek('Thu')).toBe('Thursday');
    expect(parseDayOfWeek('1')).toBe('Monday');
  });

  it('refuse ambiguous prefixes, naming the candidates', () => {
    expect(expectDomainError(() => parseDayOfWeek('T'), 'AmbiguousDayOfWeek').message).toBe("'T' could be Tuesday or Thursday.");
    expect(expectDomainError(() => parseDayOfWeek('s'), 'AmbiguousDayOfWeek').message).toContain('Sunday or Saturday');
  });

  it('refuse what is not a day', () => {
    for (const text of ['', 'Mondays', 'Funday', '7', 'x']) {
      expect(expectDomainError(() => parseDayOfWeek(text), 'InvalidDayOfWeek').recommendedAction).toContain('Su, Mo, Tu');
    }
  });

  it('read the wall-clock day and time of an instant', () => {
    expect(localTimeOf(new Date(2026, 10, 23, 9, 30, 15, 250))).toEqual({ dayOfWeek: 'Monday', msOfDay: 34_215_250 });
    expect(localTimeOf(new Date(2026, 10, 22, 0, 0))).toEqual({ dayOfWeek: 'Sunday', msOfDay: 0 });
  });
});

describe('times of day', () => {
  it('parse H:mm[:ss[.fff]]', () => {
    expect(parseTimeOfDay('9:00:00')).toBe(9 * 3_600_000);
    expect(parseTimeOfDay('09:00')).toBe(9 * 3_600_000);
    expect(parseTimeOfDay('18:30:00')).toBe(18.5 * 3_600_000);
    expect(parseTimeOfDay('0:00')).toBe(0);
    expect(parseTimeOfDay('23:59:59.5')).toBe(86_399_500);
  });

  it('refuse out-of-range and malformed times', () => {
    for (const text of ['24:00', '9:60', '9:00:60', '9', '9am', '', '9:0', '-1:00']) {
      expectDomainError(() => parseTimeOfDay(text), 'InvalidTimeOfDay');
    }
  });

  it('format as HH:mm:ss, as TimeSpan prints', () => {
    expect(formatTimeOfDay(9 * 3_600_000)).toBe('09:00:00');
    expect(formatTimeOfDay(parseTimeOfDay('18:30:05'))).toBe('18:30:05');
    expect(formatTimeOfDay(500)).toBe('00:00:00.500');
    expect(formatTimeOfDay(86_400_000)).toBe('1.00:00:00');
    expect(() => formatTimeOfDay(-1)).toThrow(RangeError);
  });
});
