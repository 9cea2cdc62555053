/**
 * The wall-clock local time of an instant, in a named IANA time zone or the process's own, and
 * the real instant at which a wall-clock distance from now is reached (which differs from the
 * distance itself across a DST change).
 */
import { DAYS_OF_WEEK, localTimeOf, type DayOfWeek, type LocalTime } from '@dpmsh/core';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for an unknown zone, which is what a caller passing a bad zone should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'long',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall clock of `at` read as if it were UTC: ms since 1970 of the local date and time. */
export function wallClockMs(at: Date, timeZone?: string): number {
  if (timeZone === undefined) {
    return Date.UTC(
      at.getFullYear(),
      at.getMonth(),
      at.getDate(),
      at.getHours(),
      at.getMinutes(),
      at.getSeconds(),
      at.getMilliseconds(),
    );
  }
  const parts = partsOf(at, timeZone);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, at.getUTCMilliseconds());
}

/** The day of the week and time since local midnight of `at` in `timeZone` (the process's zone when omitted). */
export function localTimeIn(at: Date, timeZone?: string): LocalTime {
  if (timeZone === undefined) return localTimeOf(at);
  const parts = partsOf(at, timeZone);
  const msOfDay = ((parts.hour * 60 + parts.minute) * 60 + parts.second) * 1000 + at.getUTCMilliseconds();
  return { dayOfWeek: parts.weekday, msOfDay };
}

/**
 * Real ms from `now` until the local wall clock has advanced by `wallMs`: shorter than `wallMs`
 * across a spring-forward change. Never more than `wallMs` (across a fall-back change the caller
 * wakes early and asks again), so a sleep of this length does not overshoot a boundary.
 */
export function realMsUntilWall(now: Date, wallMs: number, timeZone?: string): number {
  if (!Number.isFinite(wallMs)) return Infinity;
  const target = wallClockMs(now, timeZone) + wallMs;
  let guess = now.getTime() + wallMs;
  // Each step corrects by the offset difference; two or three settle any real zone. A target in a
  // spring-forward gap never settles exactly; the caller re-plans when it wakes.
  for (let i = 0; i < 4; i += 1) {
    const error = target - wallClockMs(new Date(guess), timeZone);
    if (error === 0) break;
    guess += error;
  }
  return Math.max(0, Math.min(wallMs, guess - now.getTime()));
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: DayOfWeek;
}

function partsOf(at: Date, timeZone: string): Parts {
  const out: Parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 'Sunday' };
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        out[part.type] = Number(part.value);
        break;
      case 'weekday': {
        const day = DAYS_OF_WEEK.find((d) => d === part.value);
        if (day !== undefined) out.weekday = day;
        break;
      }
      default:
        break;
    }
  }
  return out;
}
