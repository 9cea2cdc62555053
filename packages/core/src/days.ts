/**
 * Days of the week and times of day, as the throttling schedule speaks them. Day numbers follow
 * .NET's System.DayOfWeek (Sunday = 0) because Microsoft's scripts pass `[System.DayOfWeek]` values.
 */
import { DomainError } from './errors.js';

/** A day of the week, named as .NET's System.DayOfWeek. */
export type DayOfWeek = 'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday';

/** The days in .NET order: the index is the System.DayOfWeek number (Sunday = 0). */
export const DAYS_OF_WEEK: readonly DayOfWeek[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** Milliseconds in a (wall-clock) day. */
export const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** A wall-clock moment in the server's local time zone: the day and the time since local midnight. */
export interface LocalTime {
  readonly dayOfWeek: DayOfWeek;
  /** Milliseconds since local midnight, 0 to MS_PER_DAY - 1. */
  readonly msOfDay: number;
}

const ABBREVIATIONS: Readonly<Record<string, DayOfWeek>> = {
  su: 'Sunday',
  mo: 'Monday',
  tu: 'Tuesday',
  we: 'Wednesday',
  th: 'Thursday',
  fr: 'Friday',
  sa: 'Saturday',
};

const VALID_DAYS_TEXT = `${DAYS_OF_WEEK.join(', ')} (or Su, Mo, Tu, We, Th, Fr, Sa, or 0-6 with Sunday = 0)`;

/** The System.DayOfWeek number of a day (Sunday = 0). */
export function dayOfWeekNumber(day: DayOfWeek): number {
  return DAYS_OF_WEEK.indexOf(day);
}

/** The day for a System.DayOfWeek number 0-6. */
export function dayOfWeekFromNumber(n: number): DayOfWeek {
  if (!Number.isInteger(n) || n < 0 || n > 6) throw invalidDay(String(n));
  return DAYS_OF_WEEK[n] as DayOfWeek;
}

/**
 * Reads a day: a full name, a unique prefix ('Mon', 'W') or a two-letter abbreviation
 * ('Tu', 'Th'), case-insensitively, or a number 0-6 as PowerShell converts enum values.
 */
export function parseDayOfWeek(text: string): DayOfWeek {
  const t = text.trim().toLowerCase();
  if (/^[0-6]$/.test(t)) return dayOfWeekFromNumber(Number(t));
  const abbreviated = ABBREVIATIONS[t];
  if (abbreviated !== undefined) return abbreviated;
  if (t.length === 0) throw invalidDay(text);
  const matches = DAYS_OF_WEEK.filter((d) => d.toLowerCase().startsWith(t));
  if (matches.length === 1) return matches[0] as DayOfWeek;
  if (matches.length > 1) {
    throw new DomainError({
      id: 'AmbiguousDayOfWeek',
      category: 'InvalidArgument',
      message: `'${text}' could be ${matches.join(' or ')}.`,
      recommendedAction: `Give more letters of the day, or its two-letter abbreviation: ${VALID_DAYS_TEXT}.`,
      target: text,
    });
  }
  throw invalidDay(text);
}

/** The wall-clock day and time of an instant in the process's local time zone. */
export function localTimeOf(instant: Date): LocalTime {
  const msOfDay =
    ((instant.getHours() * 60 + instant.getMinutes()) * 60 + instant.getSeconds()) * 1000 + instant.getMilliseconds();
  return { dayOfWeek: DAYS_OF_WEEK[instant.getDay()] as DayOfWeek, msOfDay };
}

function invalidDay(text: string): DomainError {
  return new DomainError({
    id: 'InvalidDayOfWeek',
    category: 'InvalidArgument',
    message: `'${text}' is not a day of the week.`,
    recommendedAction: `Use one of ${VALID_DAYS_TEXT}.`,
    target: text,
  });
}
