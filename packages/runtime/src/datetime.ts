/**
 * [datetime] and [timespan] as .NET computes them: arithmetic on the wall clock (so AddDays(1)
 * keeps the time of day across a daylight-saving change), DateTime.Parse with the invariant
 * culture (what PowerShell's casts and parameter conversion use), and the standard and custom
 * date and time-span format strings.
 *
 * A PSDateTime holds an instant. Its wall clock is that instant in UTC for Kind Utc and in the
 * process's time zone for Local and Unspecified (.NET treats Unspecified as local when converting).
 */
import { PSDateTime, PSTimeSpan, TICKS_PER_MS, PSEnumValue } from './values.js';
import { PSException } from './errors.js';

/** Milliseconds in a day. */
export const MS_PER_DAY = 86_400_000;
/** Ticks in a day, second, minute, hour. */
export const TICKS_PER_SECOND = 10_000_000;
export const TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
export const TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
export const TICKS_PER_DAY = 24 * TICKS_PER_HOUR;
/** .NET ticks from 0001-01-01 to the Unix epoch. */
const EPOCH_TICKS = 621_355_968_000_000_000;
/** Wall-clock ms of DateTime.MinValue (0001-01-01 00:00:00). */
export const MIN_WALL_MS = -62_135_596_800_000;
/** Wall-clock ms of 10000-01-01, just past DateTime.MaxValue (a double cannot hold MaxValue's last tick here). */
export const END_WALL_MS = 253_402_300_800_000;

/** The invariant culture's two-digit-year window (00-49 is 20xx, 50-99 is 19xx). */
const TWO_DIGIT_YEAR_MAX = 2049;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The culture a format is rendered in: en-US for ToString(), invariant for PowerShell's string conversion. */
export type DateCulture = 'en-US' | 'invariant';

/** A FormatException, as .NET throws for a bad format string or unparsable text. */
export function formatException(message = 'Input string was not in a correct format.'): PSException {
  return new PSException(message, { typeName: 'System.FormatException' });
}

function argumentOutOfRange(message: string): PSException {
  return new PSException(message, { typeName: 'System.ArgumentOutOfRangeException' });
}

// ---------------------------------------------------------------------------------------------
// The wall clock
// ---------------------------------------------------------------------------------------------

/** The process time zone's offset from UTC at an instant, in ms. */
export function localOffsetMs(instantMs: number): number {
  const offset = new Date(Math.floor(instantMs)).getTimezoneOffset();
  return Number.isNaN(offset) ? 0 : -offset * 60_000;
}

/** The wall-clock time of a date as ms since 1970-01-01 00:00 of that clock. */
export function wallMs(d: PSDateTime): number {
  return d.kind === 'Utc' ? d.ms : d.ms + localOffsetMs(d.ms);
}

/** The date whose wall clock reads `wall` (ms), of the given kind. */
export function fromWallMs(wall: number, kind: PSDateTime['kind']): PSDateTime {
  if (kind === 'Utc') return new PSDateTime(wall, 'Utc');
  // The offset depends on the instant being sought; a second step settles it across a DST change.
  let instant = wall - localOffsetMs(wall);
  instant = wall - localOffsetMs(instant);
  return new PSDateTime(instant, kind);
}

function checkRange(wall: number): number {
  if (!(wall >= MIN_WALL_MS && wall < END_WALL_MS)) {
    throw argumentOutOfRange(
      "The added or subtracted value results in an un-representable DateTime. (Parameter 'value')",
    );
  }
  return wall;
}

/** The calendar fields of a date's wall clock. */
export interface DateFields {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Ticks within the second, 0-9999999. */
  readonly fractionTicks: number;
  /** 0 (Sunday) - 6. */
  readonly dayOfWeek: number;
  /** 1-366. */
  readonly dayOfYear: number;
}

/** Splits a wall-clock ms value into calendar fields. */
export function fieldsOfWall(wall: number): DateFields {
  const whole = Math.floor(wall);
  const t = new Date(whole);
  const year = t.getUTCFullYear();
  const startOfYear = new Date(0);
  startOfYear.setUTCFullYear(year, 0, 1);
  const msInSecond = whole - Math.floor(whole / 1000) * 1000;
  return {
    year,
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    millisecond: t.getUTCMilliseconds(),
    fractionTicks: Math.round((msInSecond + (wall - whole)) * TICKS_PER_MS),
    dayOfWeek: t.getUTCDay(),
    dayOfYear: Math.floor((whole - startOfYear.getTime()) / MS_PER_DAY) + 1,
  };
}

/** The calendar fields of a date. */
export function dateFields(d: PSDateTime): DateFields {
  return fieldsOfWall(wallMs(d));
}

/** True for a leap year of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Wall-clock ms of a calendar date and time, without range checks. */
function wallOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  t.setUTCHours(hour, minute, second, 0);
  return t.getTime() + ms;
}

/** A date from its parts, as `[datetime]::new(y, M, d, h, m, s, ms)`; undefined when a part is out of range. */
export function makeDateTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
  kind: PSDateTime['kind'] = 'Unspecified',
): PSDateTime | undefined {
  const ints = [year, month, day, hour, minute, second];
  if (!ints.every(Number.isInteger)) return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  if (millisecond < 0 || millisecond >= 1000) return undefined;
  return fromWallMs(wallOf(year, month, day, hour, minute, second, millisecond), kind);
}

/** .NET ticks of a date's wall clock (exact only to about 128 ticks: a double holds them). */
export function dateTicks(d: PSDateTime): number {
  return Math.round(wallMs(d) * TICKS_PER_MS) + EPOCH_TICKS;
}

/** The date whose wall clock is `ticks` .NET ticks. */
export function dateFromTicks(ticks: number, kind: PSDateTime['kind'] = 'Unspecified'): PSDateTime {
  return fromWallMs(checkRange((ticks - EPOCH_TICKS) / TICKS_PER_MS), kind);
}

/** [System.DateTimeKind] of a date. */
export function dateKindValue(d: PSDateTime): PSEnumValue {
  const values = { Unspecified: 0, Utc: 1, Local: 2 } as const;
  return new PSEnumValue('System.DateTimeKind', d.kind, values[d.kind]);
}

/** [System.DayOfWeek] of a date. */
export function dayOfWeekValue(d: PSDateTime): PSEnumValue {
  const n = dateFields(d).dayOfWeek;
  return new PSEnumValue('System.DayOfWeek', DAY_NAMES[n] ?? 'Sunday', n);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------------------------

/** Adds milliseconds to the wall clock, keeping the kind (AddDays, AddHours... and Add(timespan)). */
export function addMilliseconds(d: PSDateTime, ms: number): PSDateTime {
  return fromWallMs(checkRange(wallMs(d) + ms), d.kind);
}

/** Adds a time span. */
export function addTimeSpan(d: PSDateTime, ts: PSTimeSpan): PSDateTime {
  return addMilliseconds(d, ts.ticks / TICKS_PER_MS);
}

/** Adds whole months, clamping the day to the new month's length as .NET does (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: PSDateTime, months: number): PSDateTime {
  if (!Number.isInteger(months) || Math.abs(months) > 120_000) {
    throw argumentOutOfRange("Months value must be between +/-120000. (Parameter 'months')");
  }
  const wall = wallMs(d);
  const f = fieldsOfWall(wall);
  const total = f.year * 12 + (f.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 1 || year > 9999) {
    throw argumentOutOfRange("The added or subtracted value results in an un-representable DateTime. (Parameter 'months')");
  }
  const day = Math.min(f.day, daysInMonth(year, month));
  const timeOfDay = wall - wallOf(f.year, f.month, f.day);
  return fromWallMs(wallOf(year, month, day) + timeOfDay, d.kind);
}

/** The difference of two dates' wall clocks; the kinds are ignored, as .NET's subtraction does. */
export function subtractDates(a: PSDateTime, b: PSDateTime): PSTimeSpan {
  return new PSTimeSpan(Math.round((wallMs(a) - wallMs(b)) * TICKS_PER_MS));
}

/** Orders two dates by their wall clocks, ignoring kind as DateTime.CompareTo does. */
export function compareDateTime(a: PSDateTime, b: PSDateTime): number {
  const x = wallMs(a);
  const y = wallMs(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The date at midnight (the Date property), same kind. */
export function dateOnly(d: PSDateTime): PSDateTime {
  const f = dateFields(d);
  return fromWallMs(wallOf(f.year, f.month, f.day), d.kind);
}

/** The time since midnight (the TimeOfDay property). */
export function timeOfDay(d: PSDateTime): PSTimeSpan {
  const wall = wallMs(d);
  const f = fieldsOfWall(wall);
  return new PSTimeSpan(Math.round((wall - wallOf(f.year, f.month, f.day)) * TICKS_PER_MS));
}

/** ToUniversalTime: Local and Unspecified are read as local time. */
export function toUniversalTime(d: PSDateTime): PSDateTime {
  return new PSDateTime(d.ms, 'Utc');
}

/** ToLocalTime: Utc and Unspecified are read as UTC, as .NET does. */
export function toLocalTime(d: PSDateTime): PSDateTime {
  if (d.kind === 'Local') return d;
  return new PSDateTime(d.kind === 'Utc' ? d.ms : wallMs(d), 'Local');
}

/** ToFileTime: 100 ns intervals since 1601-01-01 UTC. */
export function toFileTime(d: PSDateTime): number {
  return Math.round((d.ms + 11_644_473_600_000) * TICKS_PER_MS);
}

/** Get-Date / [datetime]::Now. */
export function now(): PSDateTime {
  return new PSDateTime(Date.now(), 'Local');
}

/** [datetime]::Today: today at midnight, Local. */
export function today(): PSDateTime {
  return dateOnly(now());
}

// ---------------------------------------------------------------------------------------------
// Parsing: DateTime.Parse with the invariant culture
// ---------------------------------------------------------------------------------------------

type Token =
  | { readonly t: 'num'; readonly text: string; readonly value: number }
  | { readonly t: 'word'; readonly text: string }
  | { readonly t: 'sep'; readonly text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /(\d+)|([A-Za-z]+)|(\S)|\s+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) tokens.push({ t: 'num', text: m[1], value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ t: 'word', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ t: 'sep', text: m[3] });
  }
  return tokens;
}

function monthFromName(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((n) => n.toLowerCase() === w || (w.length === 3 && n.slice(0, 3).toLowerCase() === w));
  // "Sept" is accepted by .NET's parser too.
  if (i < 0 && w === 'sept') return 9;
  return i < 0 ? undefined : i + 1;
}

function isDayName(word: string): boolean {
  const w = word.toLowerCase();
  return DAY_NAMES.some((n) => n.toLowerCase() === w || (w.length === 3 && n.slice(0, 3).toLowerCase() === w));
}

function expandYear(digits: string, value: number): number {
  if (digits.length > 2) return value;
  const century = Math.floor(TWO_DIGIT_YEAR_MAX / 100) * 100;
  const year = century + value;
  return year > TWO_DIGIT_YEAR_MAX ? year - 100 : year;
}

interface TimeParts {
  hour: number;
  minute: number;
  second: number;
  fractionMs: number;
}

/**
 * Parses date text as `[datetime]'...'` does (DateTime.Parse, invariant culture): ISO 8601
 * ('2026-11-23', '2026-11-23T10:00:00.123Z', with an offset), 'MM/dd/yyyy [HH:mm[:ss]]',
 * a time alone (today), month names ('Nov 23 2026', 'November 23, 2026', '23 Nov 2026'),
 * 12-hour times with AM/PM and RFC 1123 ('Mon, 23 Nov 2026 10:00:00 GMT').
 * Text with a zone is converted to local time (Kind Local); other text is Kind Unspecified.
 * `reference` supplies today's date for a time alone and the year for 'Nov 23'.
 */
export function parseDateTime(text: string, reference: PSDateTime = now()): PSDateTime | undefined {
  const tokens = tokenize(text);
  if (tokens.length === 0) return undefined;

  // The time: h:mm[:ss[.fffffff]] with an optional AM/PM designator and zone after it.
  let time: TimeParts | undefined;
  let ampm: 'am' | 'pm' | undefined;
  let offsetMs: number | undefined;
  const dateTokens: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (!time && tok.t === 'num' && next?.text === ':' && after?.t === 'num') {
      const parts = [tok.value, after.value];
      let j = i + 3;
      let fractionMs = 0;
      if (tokens[j]?.text === ':' && tokens[j + 1]?.t === 'num') {
        parts.push((tokens[j + 1] as { value: number }).value);
        j += 2;
        const frac = tokens[j + 1];
        if ((tokens[j]?.text === '.' || tokens[j]?.text === ',') && frac?.t === 'num') {
          if (frac.text.length > 7) return undefined;
          fractionMs = Number(`0.${frac.text}`) * 1000;
          j += 2;
        }
      }
      time = { hour: parts[0]!, minute: parts[1]!, second: parts[2] ?? 0, fractionMs };
      i = j - 1;
      continue;
    }
    if (tok.t === 'word') {
      const w = tok.text.toLowerCase();
      if ((w === 'am' || w === 'pm') && time && !ampm) {
        ampm = w;
        continue;
      }
      if ((w === 'z' || w === 'gmt' || w === 'utc') && time && offsetMs === undefined) {
        offsetMs = 0;
        // "GMT+02:00" carries an offset after the zone name.
        continue;
      }
      if (w === 't' && next?.t === 'num' && !time) continue;
    }
    if (time && tok.t === 'sep' && (tok.text === '+' || tok.text === '-') && next?.t === 'num' && (offsetMs === undefined || offsetMs === 0)) {
      let hours: number;
      let minutes = 0;
      let j = i + 2;
      if (next.text.length === 4) {
        hours = Math.floor(next.value / 100);
        minutes = next.value % 100;
      } else {
        if (next.text.length > 2) return undefined;
        hours = next.value;
        if (tokens[j]?.text === ':' && tokens[j + 1]?.t === 'num') {
          minutes = (tokens[j + 1] as { value: number }).value;
          j += 2;
        }
      }
      if (hours > 14 || minutes > 59) return undefined;
      offsetMs = (tok.text === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
      i = j - 1;
      continue;
    }
    dateTokens.push(tok);
  }

  if (time) {
    if (ampm) {
      if (time.hour < 1 || time.hour > 12) return undefined;
      time.hour = (time.hour % 12) + (ampm === 'pm' ? 12 : 0);
    }
    if (time.hour > 23 || time.minute > 59 || time.second > 59) return undefined;
  }

  const date = parseDatePart(dateTokens, reference);
  if (!date) return undefined;
  if (date === 'none' && !time) return undefined;
  const { year, month, day } =
    date === 'none' ? (offsetMs !== undefined ? { year: 0, month: 0, day: 0 } : dateFields(reference)) : date;
  const t = time ?? { hour: 0, minute: 0, second: 0, fractionMs: 0 };
  if (offsetMs !== undefined) {
    // A zone with no date: today in that zone, as .NET does.
    let y = year;
    let mo = month;
    let d = day;
    if (date === 'none') {
      const f = fieldsOfWall(reference.ms + offsetMs);
      y = f.year;
      mo = f.month;
      d = f.day;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || y < 1 || y > 9999) return undefined;
    const wall = wallOf(y, mo, d, t.hour, t.minute, t.second, t.fractionMs);
    return new PSDateTime(wall - offsetMs, 'Local');
  }
  const result = makeDateTime(year, month, day, t.hour, t.minute, t.second, 0, 'Unspecified');
  return result && t.fractionMs ? addMilliseconds(result, t.fractionMs) : result;
}

function parseDatePart(
  tokens: Token[],
  reference: PSDateTime,
): { year: number; month: number; day: number } | 'none' | undefined {
  const nums: { text: string; value: number }[] = [];
  let monthName: number | undefined;
  for (const tok of tokens) {
    if (tok.t === 'num') nums.push(tok);
    else if (tok.t === 'word') {
      const m = monthFromName(tok.text);
      if (m !== undefined && monthName === undefined) monthName = m;
      else if (!isDayName(tok.text)) return undefined;
    } else if (!['/', '-', '.', ',', ':'].includes(tok.text)) return undefined;
  }
  if (nums.length === 0 && monthName === undefined) return 'none';
  const isYear = (n: { text: string; value: number }): boolean => n.text.length >= 3 || n.value > 31;
  let year: number;
  let month: number;
  let day: number;
  if (monthName !== undefined) {
    month = monthName;
    if (nums.length === 1) {
      const n = nums[0]!;
      if (isYear(n)) {
        year = n.value;
        day = 1;
      } else {
        year = dateFields(reference).year;
        day = n.value;
      }
    } else if (nums.length === 2) {
      // 'Nov 23 2026', '23 Nov 2026', 'November 23, 2026', '2026 Nov 23': the year is the long one.
      const [a, b] = nums as [{ text: string; value: number }, { text: string; value: number }];
      if (isYear(a) && !isYear(b)) {
        year = a.value;
        day = b.value;
      } else {
        day = a.value;
        year = expandYear(b.text, b.value);
      }
    } else return undefined;
  } else if (nums.length === 3) {
    const [a, b, c] = nums as [{ text: string; value: number }, { text: string; value: number }, { text: string; value: number }];
    if (a.text.length >= 3) {
      year = a.value;
      month = b.value;
      day = c.value;
    } else {
      // The invariant culture reads numeric dates month first.
      month = a.value;
      day = b.value;
      year = expandYear(c.text, c.value);
    }
  } else if (nums.length === 2) {
    const [a, b] = nums as [{ text: string; value: number }, { text: string; value: number }];
    if (a.text.length >= 3) {
      year = a.value;
      month = b.value;
      day = 1;
    } else {
      year = dateFields(reference).year;
      month = a.value;
      day = b.value;
    }
  } else return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * DateTime.ParseExact with the invariant culture: the text must match one of the formats
 * (standard or custom) exactly. A format without a zone gives Kind Unspecified; 'K', 'z' or a
 * literal 'Z' read a zone and give a local time.
 */
export function parseDateTimeExact(text: string, formats: string | readonly string[], reference: PSDateTime = now()): PSDateTime | undefined {
  for (const format of typeof formats === 'string' ? [formats] : formats) {
    const pattern = format.length === 1 ? standardPattern(format, 'invariant') : format;
    if (pattern === undefined) throw formatException();
    const result = parseExactOne(text, pattern, reference);
    if (result) return result;
  }
  return undefined;
}

function parseExactOne(text: string, pattern: string, reference: PSDateTime): PSDateTime | undefined {
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fractionMs = 0;
  let pm: boolean | undefined;
  let offsetMs: number | undefined;
  let pos = 0;
  const digits = (min: number, max: number): number | undefined => {
    const m = new RegExp(`^\\d{${min},${max}}`).exec(text.slice(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return Number(m[0]);
  };
  const word = (names: readonly string[]): number | undefined => {
    const rest = text.slice(pos).toLowerCase();
    // Longest first, so 'June' is not read as 'Jun'.
    const order = names.map((n, i) => [n, i] as const).sort((a, b) => b[0].length - a[0].length);
    for (const [n, i] of order) {
      if (rest.startsWith(n.toLowerCase())) {
        pos += n.length;
        return i;
      }
    }
    return undefined;
  };
  for (const tok of formatTokens(pattern)) {
    if (tok.kind === 'literal') {
      if (!text.startsWith(tok.text, pos)) {
        // A literal space matches any run of white space, as ParseExact with AllowWhiteSpaces would not; keep exact.
        return undefined;
      }
      pos += tok.text.length;
      continue;
    }
    const n = tok.count;
    let v: number | undefined;
    switch (tok.letter) {
      case 'y':
        v = n <= 2 ? digits(n === 1 ? 1 : 2, 2) : digits(n, Math.max(n, 4));
        if (v === undefined) return undefined;
        year = n <= 2 ? expandYear(String(v).padStart(2, '0'), v) : v;
        break;
      case 'M':
        if (n >= 3) {
          v = word(n === 3 ? MONTH_NAMES.map((m) => m.slice(0, 3)) : MONTH_NAMES);
          month = v === undefined ? undefined : v + 1;
        } else month = digits(n, 2);
        if (month === undefined) return undefined;
        break;
      case 'd':
        if (n >= 3) {
          if (word(n === 3 ? DAY_NAMES.map((d) => d.slice(0, 3)) : DAY_NAMES) === undefined) return undefined;
        } else if ((day = digits(n, 2)) === undefined) return undefined;
        break;
      case 'H':
      case 'h':
        v = digits(n === 1 ? 1 : 2, 2);
        if (v === undefined) return undefined;
        hour = v;
        break;
      case 'm':
        v = digits(n === 1 ? 1 : 2, 2);
        if (v === undefined) return undefined;
        minute = v;
        break;
      case 's':
        v = digits(n === 1 ? 1 : 2, 2);
        if (v === undefined) return undefined;
        second = v;
        break;
      case 'f':
      case 'F': {
        const m = new RegExp(`^\\d{${tok.letter === 'f' ? n : 0},${n}}`).exec(text.slice(pos));
        if (!m) return undefined;
        pos += m[0].length;
        fractionMs = m[0] ? Number(`0.${m[0]}`) * 1000 : 0;
        break;
      }
      case 't': {
        const rest = text.slice(pos).toUpperCase();
        if (rest.startsWith(n === 1 ? 'A' : 'AM')) pm = false;
        else if (rest.startsWith(n === 1 ? 'P' : 'PM')) pm = true;
        else return undefined;
        pos += n === 1 ? 1 : 2;
        break;
      }
      case 'z':
      case 'K': {
        const m = /^(?:(Z)|([+-])(\d{1,2})(?::?(\d{2}))?)/.exec(text.slice(pos));
        if (!m) {
          if (tok.letter === 'K') break;
          return undefined;
        }
        pos += m[0].length;
        offsetMs = m[1] ? 0 : (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4] ?? 0)) * 60_000;
        break;
      }
      default:
        return undefined;
    }
  }
  if (pos !== text.length) return undefined;
  if (pm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const ref = dateFields(reference);
  const hasDate = year !== undefined || month !== undefined || day !== undefined;
  const y = year ?? (hasDate ? 1 : ref.year);
  const mo = month ?? (hasDate ? 1 : ref.month);
  const d = day ?? (hasDate ? 1 : ref.day);
  const result = makeDateTime(y, mo, d, hour, minute, second, 0, 'Unspecified');
  if (!result) return undefined;
  if (offsetMs !== undefined) {
    return new PSDateTime(wallOf(y, mo, d, hour, minute, second, fractionMs) - offsetMs, 'Local');
  }
  return fractionMs ? addMilliseconds(result, fractionMs) : result;
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

interface CulturePatterns {
  readonly d: string;
  readonly D: string;
  readonly t: string;
  readonly T: string;
  readonly M: string;
  readonly Y: string;
}

// en-US as .NET on ICU has it (PowerShell 7's default culture here); invariant as CultureInfo.InvariantCulture.
const PATTERNS: Record<DateCulture, CulturePatterns> = {
  'en-US': { d: 'M/d/yyyy', D: 'dddd, MMMM d, yyyy', t: 'h:mm tt', T: 'h:mm:ss tt', M: 'MMMM d', Y: 'MMMM yyyy' },
  invariant: { d: 'MM/dd/yyyy', D: 'dddd, dd MMMM yyyy', t: 'HH:mm', T: 'HH:mm:ss', M: 'MMMM dd', Y: 'yyyy MMMM' },
};

/** The custom pattern a one-letter standard date format stands for, undefined if it is none. */
function standardPattern(letter: string, culture: DateCulture): string | undefined {
  const p = PATTERNS[culture];
  switch (letter) {
    case 'd':
      return p.d;
    case 'D':
      return p.D;
    case 'f':
      return `${p.D} ${p.t}`;
    case 'F':
    case 'U':
      return `${p.D} ${p.T}`;
    case 'g':
      return `${p.d} ${p.t}`;
    case 'G':
      return `${p.d} ${p.T}`;
    case 'm':
    case 'M':
      return p.M;
    case 'o':
    case 'O':
      return "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
    case 'r':
    case 'R':
      return "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
    case 's':
      return "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
    case 't':
      return p.t;
    case 'T':
      return p.T;
    case 'u':
      return "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
    case 'y':
    case 'Y':
      return p.Y;
    default:
      return undefined;
  }
}

type FormatToken = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; count: number };

const DATE_LETTERS = 'dfFghHKmMstyz';

/** Splits a custom date format into fields and literals; throws FormatException on a dangling quote or escape. */
function formatTokens(format: string): FormatToken[] {
  const out: FormatToken[] = [];
  const literal = (text: string): void => {
    const last = out[out.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else out.push({ kind: 'literal', text });
  };
  for (let i = 0; i < format.length; ) {
    const c = format[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      while (j < format.length && format[j] !== c) {
        if (format[j] === '\\' && j + 1 < format.length) j++;
        text += format[j];
        j++;
      }
      if (j >= format.length) throw formatException();
      literal(text);
      i = j + 1;
    } else if (c === '\\') {
      if (i + 1 >= format.length) throw formatException();
      literal(format[i + 1]!);
      i += 2;
    } else if (c === '%') {
      const next = format[i + 1];
      if (next === undefined || next === '%') throw formatException();
      // '%d' is the one-letter custom specifier; a following letter is read on the next turn.
      i++;
    } else if (DATE_LETTERS.includes(c)) {
      let j = i;
      while (format[j] === c) j++;
      out.push({ kind: 'field', letter: c, count: j - i });
      i = j;
    } else {
      literal(c);
      i++;
    }
  }
  return out;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function offsetText(offsetMs: number, count: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / 60_000);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (count === 1) return `${sign}${h}`;
  if (count === 2) return `${sign}${pad(h, 2)}`;
  return `${sign}${pad(h, 2)}:${pad(m, 2)}`;
}

function formatFields(d: PSDateTime, pattern: string): string {
  const f = dateFields(d);
  let out = '';
  for (const tok of formatTokens(pattern)) {
    if (tok.kind === 'literal') {
      out += tok.text;
      continue;
    }
    const n = tok.count;
    switch (tok.letter) {
      case 'd':
        out += n === 1 ? String(f.day) : n === 2 ? pad(f.day, 2) : n === 3 ? DAY_NAMES[f.dayOfWeek]!.slice(0, 3) : DAY_NAMES[f.dayOfWeek];
        break;
      case 'f':
      case 'F': {
        if (n > 7) throw formatException();
        const digits = String(f.fractionTicks).padStart(7, '0').slice(0, n);
        if (tok.letter === 'f') out += digits;
        else {
          const trimmed = digits.replace(/0+$/, '');
          // An empty 'F' also drops the '.' before it, as .NET does.
          if (!trimmed && out.endsWith('.')) out = out.slice(0, -1);
          out += trimmed;
        }
        break;
      }
      case 'g':
        out += 'A.D.';
        break;
      case 'h': {
        const h12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
        out += n === 1 ? String(h12) : pad(h12, 2);
        break;
      }
      case 'H':
        out += n === 1 ? String(f.hour) : pad(f.hour, 2);
        break;
      case 'K':
        for (let k = 0; k < n; k++) {
          if (d.kind === 'Utc') out += 'Z';
          else if (d.kind === 'Local') out += offsetText(localOffsetMs(d.ms), 3);
        }
        break;
      case 'm':
        out += n === 1 ? String(f.minute) : pad(f.minute, 2);
        break;
      case 'M':
        out += n === 1 ? String(f.month) : n === 2 ? pad(f.month, 2) : n === 3 ? MONTH_NAMES[f.month - 1]!.slice(0, 3) : MONTH_NAMES[f.month - 1];
        break;
      case 's':
        out += n === 1 ? String(f.second) : pad(f.second, 2);
        break;
      case 't': {
        const designator = f.hour < 12 ? 'AM' : 'PM';
        out += n === 1 ? designator[0] : designator;
        break;
      }
      case 'y':
        out += n === 1 ? String(f.year % 100) : n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
        break;
      case 'z':
        // For a DateTime, 'z' is the local zone's offset; a Utc date's is zero.
        out += offsetText(d.kind === 'Utc' ? 0 : localOffsetMs(d.ms), Math.min(n, 3));
        break;
    }
  }
  return out;
}

/**
 * Formats a date as DateTime.ToString(format) does: a one-letter standard format (d D f F g G M
 * O R s t T u U Y) or a custom format. No format is 'G': en-US ToString() gives
 * 'M/d/yyyy h:mm:ss tt'; PowerShell's string conversion ("$date") is the invariant
 * 'MM/dd/yyyy HH:mm:ss' (culture 'invariant', or `dateTimeToText`).
 */
export function formatDateTime(d: PSDateTime, format?: string, culture: DateCulture = 'en-US'): string {
  if (format === undefined || format === '') format = 'G';
  if (format.length === 1) {
    const pattern = standardPattern(format, culture);
    if (pattern === undefined) throw formatException();
    return formatFields(format === 'U' ? toUniversalTime(d) : d, pattern);
  }
  return formatFields(d, format);
}

/** A date as PowerShell converts it to a string ("$date", [string]$date): invariant 'MM/dd/yyyy HH:mm:ss'. */
export function dateTimeToText(d: PSDateTime): string {
  return formatFields(d, 'MM/dd/yyyy HH:mm:ss');
}

// ---------------------------------------------------------------------------------------------
// Time spans
// ---------------------------------------------------------------------------------------------

/** The components of a time span, each carrying the span's sign. */
export interface TimeSpanParts {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  readonly milliseconds: number;
  /** Ticks within the second, unsigned, 0-9999999. */
  readonly fractionTicks: number;
  readonly negative: boolean;
}

/** Splits a span into days, hours... as TimeSpan's properties report them (truncated toward zero). */
export function timeSpanParts(ts: PSTimeSpan): TimeSpanParts {
  const ticks = Math.trunc(ts.ticks);
  const negative = ticks < 0;
  let rest = Math.abs(ticks);
  const days = Math.floor(rest / TICKS_PER_DAY);
  rest -= days * TICKS_PER_DAY;
  const hours = Math.floor(rest / TICKS_PER_HOUR);
  rest -= hours * TICKS_PER_HOUR;
  const minutes = Math.floor(rest / TICKS_PER_MINUTE);
  rest -= minutes * TICKS_PER_MINUTE;
  const seconds = Math.floor(rest / TICKS_PER_SECOND);
  const fractionTicks = rest - seconds * TICKS_PER_SECOND;
  const sign = negative ? -1 : 1;
  // `|| 0` turns -0 into 0.
  return {
    days: sign * days || 0,
    hours: sign * hours || 0,
    minutes: sign * minutes || 0,
    seconds: sign * seconds || 0,
    milliseconds: sign * Math.floor(fractionTicks / TICKS_PER_MS) || 0,
    fractionTicks,
    negative,
  };
}

/** A span from days, hours, minutes, seconds and milliseconds, as `[timespan]::new(d, h, m, s, ms)`. */
export function makeTimeSpan(days: number, hours: number, minutes: number, seconds: number, milliseconds = 0): PSTimeSpan {
  return new PSTimeSpan(
    Math.round(days * TICKS_PER_DAY + hours * TICKS_PER_HOUR + minutes * TICKS_PER_MINUTE + seconds * TICKS_PER_SECOND + milliseconds * TICKS_PER_MS),
  );
}

/**
 * Parses a span as TimeSpan.Parse with the invariant culture: '[-]d', '[-][d.]hh:mm[:ss[.fffffff]]'
 * or '[-]d:hh:mm:ss[.fffffff]'. Undefined when the text is not a span or a part is out of range.
 */
export function parseTimeSpan(text: string): PSTimeSpan | undefined {
  const m = /^\s*(-)?\s*(.*?)\s*$/.exec(text);
  if (!m) return undefined;
  const body = m[2]!;
  let d = '0';
  let h: string;
  let mi: string;
  let s: string | undefined;
  let f: string | undefined;
  let r: RegExpExecArray | null;
  if ((r = /^(\d+)$/.exec(body))) {
    d = r[1]!;
    h = mi = '0';
  } else if ((r = /^(\d+)\.(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?$/.exec(body))) {
    [, d, h, mi, s, f] = r as unknown as [string, string, string, string, string | undefined, string | undefined];
  } else if ((r = /^(\d+):(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(body))) {
    [, d, h, mi, s, f] = r as unknown as [string, string, string, string, string | undefined, string | undefined];
  } else if ((r = /^(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?$/.exec(body))) {
    [, h, mi, s, f] = r as unknown as [string, string, string, string | undefined, string | undefined];
  } else return undefined;
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = Number(s ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59 || (f !== undefined && f.length > 7)) return undefined;
  const fraction = f ? Number(f.padEnd(7, '0')) : 0;
  const ticks = Number(d) * TICKS_PER_DAY + hours * TICKS_PER_HOUR + minutes * TICKS_PER_MINUTE + seconds * TICKS_PER_SECOND + fraction;
  if (!Number.isFinite(ticks) || ticks > Number.MAX_SAFE_INTEGER * 1024) return undefined;
  return new PSTimeSpan(m[1] ? -ticks : ticks);
}

/**
 * Formats a span as TimeSpan.ToString(format): 'c' (the default, '[-][d.]hh:mm:ss[.fffffff]'),
 * 'g' ('[-][d:]h:mm:ss[.FFFFFFF]'), 'G' ('[-]d:hh:mm:ss.fffffff') or a custom format, where
 * only d h m s f F, quoted literals and backslash escapes are allowed (so 'hh\:mm', not 'hh:mm').
 */
export function formatTimeSpan(ts: PSTimeSpan, format?: string): string {
  const p = timeSpanParts(ts);
  const sign = p.negative ? '-' : '';
  const days = Math.abs(p.days);
  const hours = Math.abs(p.hours);
  const minutes = Math.abs(p.minutes);
  const seconds = Math.abs(p.seconds);
  const fraction7 = String(p.fractionTicks).padStart(7, '0');
  if (format === undefined || format === '' || format === 'c' || format === 't' || format === 'T') {
    return `${sign}${days ? `${days}.` : ''}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${p.fractionTicks ? `.${fraction7}` : ''}`;
  }
  if (format === 'g') {
    const frac = fraction7.replace(/0+$/, '');
    return `${sign}${days ? `${days}:` : ''}${hours}:${pad(minutes, 2)}:${pad(seconds, 2)}${frac ? `.${frac}` : ''}`;
  }
  if (format === 'G') return `${sign}${days}:${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${fraction7}`;
  if (format.length === 1) throw formatException();
  let out = '';
  for (let i = 0; i < format.length; ) {
    const c = format[i]!;
    if (c === "'" || c === '"') {
      const end = format.indexOf(c, i + 1);
      if (end < 0) throw formatException();
      out += format.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= format.length) throw formatException();
      out += format[i + 1];
      i += 2;
      continue;
    }
    if (c === '%') {
      i++;
      continue;
    }
    let j = i;
    while (format[j] === c) j++;
    const n = j - i;
    switch (c) {
      case 'd':
        if (n > 8) throw formatException();
        out += pad(days, n);
        break;
      case 'h':
        if (n > 2) throw formatException();
        out += pad(hours, n);
        break;
      case 'm':
        if (n > 2) throw formatException();
        out += pad(minutes, n);
        break;
      case 's':
        if (n > 2) throw formatException();
        out += pad(seconds, n);
        break;
      case 'f':
        if (n > 7) throw formatException();
        out += fraction7.slice(0, n);
        break;
      case 'F':
        if (n > 7) throw formatException();
        out += fraction7.slice(0, n).replace(/0+$/, '');
        break;
      default:
        throw formatException();
    }
    i = j;
  }
  return out;
}
