/** Times of day as the throttling cmdlets take them ('9:00:00', '09:00', '18:30:00'). */
import { DomainError } from './errors.js';
import { MS_PER_DAY } from './days.js';

// H:mm, H:mm:ss or H:mm:ss.fff, as .NET's TimeSpan accepts them for a time within one day.
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** Milliseconds since midnight for '9:00:00', '09:00' or '18:30:00.5'; hours 0-23. */
export function parseTimeOfDay(text: string): number {
  const m = TIME_OF_DAY.exec(text.trim());
  if (m === null) throw invalidTime(text, 'expected hours and minutes, with optional seconds, as in 9:00 or 18:30:00');
  const [, h, min, s, frac] = m;
  const hours = Number(h);
  const minutes = Number(min);
  const seconds = s === undefined ? 0 : Number(s);
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0'));
  if (hours > 23) throw invalidTime(text, 'hours must be 0 to 23');
  if (minutes > 59) throw invalidTime(text, 'minutes must be 0 to 59');
  if (seconds > 59) throw invalidTime(text, 'seconds must be 0 to 59');
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

/** 'HH:mm:ss' (with '.fff' when there are milliseconds) for ms since midnight, as TimeSpan prints it. */
export function formatTimeOfDay(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > MS_PER_DAY) {
    throw new RangeError(`time of day out of range: ${ms} ms`);
  }
  if (ms === MS_PER_DAY) return '1.00:00:00';
  const two = (n: number): string => String(n).padStart(2, '0');
  const totalSeconds = Math.floor(ms / 1000);
  const text = `${two(Math.floor(totalSeconds / 3600))}:${two(Math.floor(totalSeconds / 60) % 60)}:${two(totalSeconds % 60)}`;
  const rest = ms % 1000;
  return rest === 0 ? text : `${text}.${String(rest).padStart(3, '0')}`;
}

function invalidTime(text: string, why: string): DomainError {
  return new DomainError({
    id: 'InvalidTimeOfDay',
    category: 'InvalidArgument',
    message: `'${text}' is not a time of day: ${why}.`,
    recommendedAction: 'Give the time as hours:minutes[:seconds] in 24-hour form, for example 9:00:00 or 18:30.',
    target: text,
  });
}
