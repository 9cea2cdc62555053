/** Get-Date -UFormat: the Unix strftime-like specifiers PowerShell supports. */
import { DAY_NAMES, MONTH_NAMES, MS_PER_DAY, dateFields, localOffsetMs, wallMs } from '@dpmsh/runtime';
import type { PSDateTime } from '@dpmsh/runtime';

const pad = (n: number, width = 2, fill = '0'): string => String(n).padStart(width, fill);

/** ISO 8601 week number and week-based year of a wall-clock date. */
function isoWeek(wall: number): { week: number; year: number } {
  const day = Math.floor(wall / MS_PER_DAY);
  const weekday = (new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = day - weekday + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / MS_PER_DAY;
  return { week: Math.floor((thursday - jan1) / 7) + 1, year };
}

/** The week of the year with weeks starting on `firstDay` (0 Sunday, 1 Monday), as %U and %W count. */
function weekOfYear(dayOfYear: number, dayOfWeek: number, firstDay: number): number {
  const shifted = (dayOfWeek - firstDay + 7) % 7;
  return Math.floor((dayOfYear - 1 - shifted + 7) / 7);
}

/** Formats a date with a -UFormat string such as '%Y-%m-%d %H:%M'. Unknown specifiers stay as written. */
export function formatUFormat(date: PSDateTime, format: string): string {
  const f = dateFields(date);
  const wall = wallMs(date);
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  const offsetHours = date.kind === 'Utc' ? 0 : Math.trunc(localOffsetMs(date.ms) / 3_600_000);
  const month = MONTH_NAMES[f.month - 1] ?? '';
  const dayName = DAY_NAMES[f.dayOfWeek] ?? '';
  const specifiers: Record<string, () => string> = {
    A: () => dayName,
    a: () => dayName.slice(0, 3),
    B: () => month,
    b: () => month.slice(0, 3),
    h: () => month.slice(0, 3),
    C: () => pad(Math.floor(f.year / 100)),
    c: () => `${dayName.slice(0, 3)} ${month.slice(0, 3)} ${pad(f.day, 2, ' ')} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)} ${f.year}`,
    D: () => `${pad(f.month)}/${pad(f.day)}/${pad(f.year % 100)}`,
    d: () => pad(f.day),
    e: () => pad(f.day, 2, ' '),
    F: () => `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`,
    G: () => pad(isoWeek(wall).year, 4),
    g: () => pad(isoWeek(wall).year % 100),
    H: () => pad(f.hour),
    I: () => pad(hour12),
    j: () => pad(f.dayOfYear, 3),
    k: () => pad(f.hour, 2, ' '),
    l: () => pad(hour12, 2, ' '),
    M: () => pad(f.minute),
    m: () => pad(f.month),
    n: () => '\n',
    p: () => (f.hour < 12 ? 'AM' : 'PM'),
    R: () => `${pad(f.hour)}:${pad(f.minute)}`,
    r: () => `${pad(hour12)}:${pad(f.minute)}:${pad(f.second)} ${f.hour < 12 ? 'AM' : 'PM'}`,
    S: () => pad(f.second),
    s: () => String(Math.floor(date.ms / 1000)),
    T: () => `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`,
    t: () => '\t',
    U: () => pad(weekOfYear(f.dayOfYear, f.dayOfWeek, 0)),
    u: () => String(f.dayOfWeek === 0 ? 7 : f.dayOfWeek),
    V: () => pad(isoWeek(wall).week),
    W: () => pad(weekOfYear(f.dayOfYear, f.dayOfWeek, 1)),
    w: () => String(f.dayOfWeek),
    X: () => `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`,
    x: () => `${pad(f.month)}/${pad(f.day)}/${pad(f.year % 100)}`,
    Y: () => pad(f.year, 4),
    y: () => pad(f.year % 100),
    Z: () => `${offsetHours < 0 ? '-' : '+'}${pad(Math.abs(offsetHours))}`,
    '%': () => '%',
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    const next = format[i + 1];
    const spec = c === '%' && next !== undefined ? specifiers[next] : undefined;
    if (spec) {
      out += spec();
      i++;
    } else out += c;
  }
  return out;
}
