/**
 * The bandwidth-throttling schedule of registration (work hours on work days at one rate, all
 * other time at another). Bandwidth is in bits per second, as Set-OBMachineSetting takes it, so
 * `(512*1024)` is the documented minimum of 512 Kbps.
 *
 * Times here are wall-clock local times. Across a DST change the real time to the next boundary
 * differs from `nextRateChange` by the shift, so a caller that sleeps until a boundary should
 * re-read the local time when it wakes and ask again rather than trust one long timer.
 */
import { DomainError } from './errors.js';
import { DAYS_OF_WEEK, MS_PER_DAY, dayOfWeekNumber, type DayOfWeek, type LocalTime } from './days.js';
import { formatTimeOfDay } from './time-of-day.js';

/** The lowest throttled bandwidth: 512 Kbps, in bits per second. */
export const MIN_BANDWIDTH_BPS = 512 * 1024;
/** The highest throttled bandwidth: 1023 Mbps, in bits per second. */
export const MAX_BANDWIDTH_BPS = 1023 * 1024 * 1024;

/** Throttling off, or work days and hours with a bandwidth for work hours and one for the rest. */
export type ThrottlingSchedule =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      readonly workDays: readonly DayOfWeek[];
      /** Start of work hours, ms since local midnight (inclusive). */
      readonly startWorkHour: number;
      /** End of work hours, ms since local midnight (exclusive); MS_PER_DAY means midnight. */
      readonly endWorkHour: number;
      /** Bits per second during work hours on work days. */
      readonly workHourBandwidth: number;
      /** Bits per second at all other times. */
      readonly nonWorkHourBandwidth: number;
    };

/** The enabled form of ThrottlingSchedule. */
export type EnabledThrottlingSchedule = Extract<ThrottlingSchedule, { enabled: true }>;

/** No throttling: uploads run at full speed. */
export const NO_THROTTLING: ThrottlingSchedule = { enabled: false };

/** '512 Kbps', '2 Mbps', '1.5 Mbps': a bandwidth in the 1024-based units the cmdlets use. */
export function formatBandwidth(bps: number): string {
  const units = ['bps', 'Kbps', 'Mbps', 'Gbps'];
  let value = bps;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toFixed(2))} ${units[unit]}`;
}

/**
 * Checks a schedule and returns it: at least one work day and no day twice, start of work hours
 * before its end (work hours cannot span midnight), both bandwidths from 512 Kbps to 1023 Mbps.
 */
export function validateThrottling(input: ThrottlingSchedule): ThrottlingSchedule {
  if (!input.enabled) return NO_THROTTLING;
  if (input.workDays.length === 0) {
    throw new DomainError({
      id: 'NoWorkDays',
      category: 'InvalidArgument',
      message: 'WorkDay must name at least one day.',
      recommendedAction: 'Give the work days, for example -WorkDay Monday,Tuesday,Wednesday,Thursday,Friday, or turn throttling off with -NoThrottle.',
    });
  }
  const seen = new Set<DayOfWeek>();
  for (const day of input.workDays) {
    if (!DAYS_OF_WEEK.includes(day)) {
      throw new DomainError({
        id: 'InvalidDayOfWeek',
        category: 'InvalidArgument',
        message: `WorkDay '${String(day)}' is not a day of the week.`,
        recommendedAction: `Use ${DAYS_OF_WEEK.join(', ')}.`,
        target: day,
      });
    }
    if (seen.has(day)) {
      throw new DomainError({
        id: 'DuplicateWorkDay',
        category: 'InvalidArgument',
        message: `WorkDay lists ${day} more than once.`,
        recommendedAction: 'Give each work day once.',
        target: day,
      });
    }
    seen.add(day);
  }
  checkHour('StartWorkHour', input.startWorkHour, 0, MS_PER_DAY - 1);
  checkHour('EndWorkHour', input.endWorkHour, 1, MS_PER_DAY);
  if (input.startWorkHour >= input.endWorkHour) {
    throw new DomainError({
      id: 'InvalidWorkHours',
      category: 'InvalidArgument',
      message: `StartWorkHour (${formatTimeOfDay(input.startWorkHour)}) must be earlier than EndWorkHour (${formatTimeOfDay(input.endWorkHour)}).`,
      recommendedAction: 'Give a start of work hours before their end on the same day, for example -StartWorkHour 9:00:00 -EndWorkHour 18:00:00.',
      target: { startWorkHour: input.startWorkHour, endWorkHour: input.endWorkHour },
    });
  }
  checkBandwidth('WorkHourBandwidth', input.workHourBandwidth);
  checkBandwidth('NonWorkHourBandwidth', input.nonWorkHourBandwidth);
  return {
    enabled: true,
    workDays: [...input.workDays],
    startWorkHour: input.startWorkHour,
    endWorkHour: input.endWorkHour,
    workHourBandwidth: input.workHourBandwidth,
    nonWorkHourBandwidth: input.nonWorkHourBandwidth,
  };
}

/** True when `local` falls in the work hours of a work day of the schedule. */
export function isWorkHour(schedule: EnabledThrottlingSchedule, local: LocalTime): boolean {
  return (
    schedule.workDays.includes(local.dayOfWeek) &&
    local.msOfDay >= schedule.startWorkHour &&
    local.msOfDay < schedule.endWorkHour
  );
}

/** Bits per second in force at a local time, or Infinity when throttling is off. */
export function bandwidthAt(schedule: ThrottlingSchedule, local: LocalTime): number {
  if (!schedule.enabled) return Infinity;
  return isWorkHour(schedule, local) ? schedule.workHourBandwidth : schedule.nonWorkHourBandwidth;
}

/**
 * Wall-clock ms from `local` until the bandwidth in force changes, so a token bucket can switch
 * exactly at the boundary; Infinity when it never changes (throttling off, equal rates, or work
 * hours that cover the whole week).
 */
export function nextRateChange(schedule: ThrottlingSchedule, local: LocalTime): number {
  if (!schedule.enabled) return Infinity;
  const current = bandwidthAt(schedule, local);
  const today = dayOfWeekNumber(local.dayOfWeek);
  // The rate can only change at a start or end of work hours; walk those boundaries for a week
  // and a day, and skip the ones where the rate stays the same (end at midnight running into a
  // work day that starts at midnight, or a start on a day that is not a work day).
  for (let dayOffset = 0; dayOffset <= 7; dayOffset += 1) {
    for (const boundary of [schedule.startWorkHour, schedule.endWorkHour]) {
      const delta = dayOffset * MS_PER_DAY + boundary - local.msOfDay;
      if (delta <= 0) continue;
      const absolute = dayOffset * MS_PER_DAY + boundary;
      const at: LocalTime = {
        dayOfWeek: DAYS_OF_WEEK[(today + Math.floor(absolute / MS_PER_DAY)) % 7] as DayOfWeek,
        msOfDay: absolute % MS_PER_DAY,
      };
      if (bandwidthAt(schedule, at) !== current) return delta;
    }
  }
  return Infinity;
}

function checkHour(parameter: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DomainError({
      id: 'InvalidTimeOfDay',
      category: 'InvalidArgument',
      message: `${parameter} must be a time of day from 00:00:00 to ${parameter === 'EndWorkHour' ? '24:00:00' : '23:59:59'}.`,
      recommendedAction: `Give ${parameter} as hours:minutes[:seconds], for example 9:00:00.`,
      target: value,
    });
  }
}

function checkBandwidth(parameter: string, bps: number): void {
  if (!Number.isInteger(bps) || bps < MIN_BANDWIDTH_BPS || bps > MAX_BANDWIDTH_BPS) {
    const given = Number.isFinite(bps) ? `${bps} bits per second (${formatBandwidth(bps)})` : String(bps);
    throw new DomainError({
      id: 'BandwidthOutOfRange',
      category: 'InvalidArgument',
      message: `${parameter} ${given} is out of range: it must be a whole number of bits per second from ${MIN_BANDWIDTH_BPS} (512 Kbps) to ${MAX_BANDWIDTH_BPS} (1023 Mbps).`,
      recommendedAction: `Give ${parameter} in bits per second, for example (512*1024) for 512 Kbps or 2MB for 2 Mbps.`,
      target: bps,
    });
  }
}
