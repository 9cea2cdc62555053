import { describe, expect, it } from 'vitest';
import {
  MAX_BANDWIDTH_BPS,
  MIN_BANDWIDTH_BPS,
  NO_THROTTLING,
  bandwidthAt,
  formatBandwidth,
  nextRateChange,
  validateThrottling,
  type ThrottlingSchedule,
} from './throttling.js';
import { MS_PER_DAY, type DayOfWeek } from './days.js';
import { expectDomainError } from './test-support/domain-error.js';

const H = 3_600_000;
const weekdays: DayOfWeek[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const schedule: ThrottlingSchedule = {
  enabled: true,
  workDays: weekdays,
  startWorkHour: 9 * H,
  endWorkHour: 18 * H,
  workHourBandwidth: 512 * 1024,
  nonWorkHourBandwidth: 2048 * 1024,
};
const withChanges = (change: Partial<Extract<ThrottlingSchedule, { enabled: true }>>): ThrottlingSchedule => ({
  ...(schedule as Extract<ThrottlingSchedule, { enabled: true }>),
  ...change,
});

describe('bandwidth range', () => {
  it('is 512 Kbps to 1023 Mbps in bits per second', () => {
    expect(MIN_BANDWIDTH_BPS).toBe(524_288);
    expect(MAX_BANDWIDTH_BPS).toBe(1_072_693_248);
    expect(formatBandwidth(MIN_BANDWIDTH_BPS)).toBe('512 Kbps');
    expect(formatBandwidth(MAX_BANDWIDTH_BPS)).toBe('1023 Mbps');
    expect(formatBandwidth(2048 * 1024)).toBe('2 Mbps');
  });

  it('accepts 512 Kbps and 1023 Mbps', () => {
    expect(validateThrottling(withChanges({ workHourBandwidth: 512 * 1024, nonWorkHourBandwidth: 1023 * 1024 * 1024 }))).toEqual(
      withChanges({ workHourBandwidth: 512 * 1024, nonWorkHourBandwidth: 1023 * 1024 * 1024 }),
    );
  });

  it('refuses 511 Kbps, naming WorkHourBandwidth and the range', () => {
    const e = expectDomainError(() => validateThrottling(withChanges({ workHourBandwidth: 511 * 1024 })), 'BandwidthOutOfRange');
    expect(e.message).toContain('WorkHourBandwidth 523264 bits per second (511 Kbps)');
    expect(e.message).toContain('from 524288 (512 Kbps) to 1072693248 (1023 Mbps)');
    expect(e.target).toBe(523_264);
  });

  it('refuses 1024 Mbps, naming NonWorkHourBandwidth', () => {
    const e = expectDomainError(() => validateThrottling(withChanges({ nonWorkHourBandwidth: 1024 * 1024 * 1024 })), 'BandwidthOutOfRange');
    expect(e.message).toMatch(/^NonWorkHourBandwidth 1073741824 bits per second \(1 Gbps\)/);
  });

  it('refuses fractional and non-finite bandwidths', () => {
    expectDomainError(() => validateThrottling(withChanges({ workHourBandwidth: 600_000.5 })), 'BandwidthOutOfRange');
    expectDomainError(() => validateThrottling(withChanges({ workHourBandwidth: Number.NaN })), 'BandwidthOutOfRange');
    expectDomainError(() => validateThrottling(withChanges({ workHourBandwidth: Infinity })), 'BandwidthOutOfRange');
  });
});

describe('validateThrottling', () => {
  it('passes throttling off through', () => {
    expect(validateThrottling({ enabled: false })).toEqual(NO_THROTTLING);
  });

  it('refuses start == end and start after end, with both times', () => {
    const e = expectDomainError(() => validateThrottling(withChanges({ startWorkHour: 9 * H, endWorkHour: 9 * H })), 'InvalidWorkHours');
    expect(e.message).toBe('StartWorkHour (09:00:00) must be earlier than EndWorkHour (09:00:00).');
    expectDomainError(() => validateThrottling(withChanges({ startWorkHour: 18 * H, endWorkHour: 9 * H })), 'InvalidWorkHours');
  });

  it('accepts work hours that end at midnight, and refuses times outside the day', () => {
    expect(() => validateThrottling(withChanges({ startWorkHour: 0, endWorkHour: MS_PER_DAY }))).not.toThrow();
    expectDomainError(() => validateThrottling(withChanges({ startWorkHour: -1 })), 'InvalidTimeOfDay');
    expectDomainError(() => validateThrottling(withChanges({ endWorkHour: MS_PER_DAY + 1 })), 'InvalidTimeOfDay');
    expectDomainError(() => validateThrottling(withChanges({ startWorkHour: MS_PER_DAY })), 'InvalidTimeOfDay');
  });

  it('refuses no work days, a day twice, and a day that is not a day', () => {
    expectDomainError(() => validateThrottling(withChanges({ workDays: [] })), 'NoWorkDays');
    expect(expectDomainError(() => validateThrottling(withChanges({ workDays: ['Monday', 'Monday'] })), 'DuplicateWorkDay').message).toBe(
      'WorkDay lists Monday more than once.',
    );
    expectDomainError(() => validateThrottling(withChanges({ workDays: ['Mon' as DayOfWeek] })), 'InvalidDayOfWeek');
  });

  it('keeps the days in the order given', () => {
    const result = validateThrottling(withChanges({ workDays: ['Friday', 'Monday'] }));
    expect(result.enabled && result.workDays).toEqual(['Friday', 'Monday']);
  });
});

describe('bandwidthAt', () => {
  it('is Infinity when not throttled', () => {
    expect(bandwidthAt(NO_THROTTLING, { dayOfWeek: 'Monday', msOfDay: 10 * H })).toBe(Infinity);
  });

  it('uses the work-hour rate from start (inclusive) to end (exclusive) on work days', () => {
    expect(bandwidthAt(schedule, { dayOfWeek: 'Monday', msOfDay: 9 * H - 1 })).toBe(2048 * 1024);
    expect(bandwidthAt(schedule, { dayOfWeek: 'Monday', msOfDay: 9 * H })).toBe(512 * 1024);
    expect(bandwidthAt(schedule, { dayOfWeek: 'Friday', msOfDay: 18 * H - 1 })).toBe(512 * 1024);
    expect(bandwidthAt(schedule, { dayOfWeek: 'Friday', msOfDay: 18 * H })).toBe(2048 * 1024);
  });

  it('uses the non-work rate all day on other days', () => {
    expect(bandwidthAt(schedule, { dayOfWeek: 'Saturday', msOfDay: 12 * H })).toBe(2048 * 1024);
    expect(bandwidthAt(schedule, { dayOfWeek: 'Sunday', msOfDay: 9 * H })).toBe(2048 * 1024);
  });
});

describe('nextRateChange', () => {
  it('is Infinity when not throttled or when the rates are equal', () => {
    expect(nextRateChange(NO_THROTTLING, { dayOfWeek: 'Monday', msOfDay: 0 })).toBe(Infinity);
    expect(nextRateChange(withChanges({ nonWorkHourBandwidth: 512 * 1024 }), { dayOfWeek: 'Monday', msOfDay: 0 })).toBe(Infinity);
  });

  it('counts to the start and the end of work hours on a work day', () => {
    expect(nextRateChange(schedule, { dayOfWeek: 'Monday', msOfDay: 8 * H })).toBe(H);
    expect(nextRateChange(schedule, { dayOfWeek: 'Monday', msOfDay: 9 * H - 1 })).toBe(1);
    expect(nextRateChange(schedule, { dayOfWeek: 'Monday', msOfDay: 9 * H })).toBe(9 * H);
    expect(nextRateChange(schedule, { dayOfWeek: 'Monday', msOfDay: 18 * H - 1 })).toBe(1);
  });

  it('skips non-work days to the next work day', () => {
    // Friday 18:00 -> Monday 09:00 is 2 days and 15 hours.
    expect(nextRateChange(schedule, { dayOfWeek: 'Friday', msOfDay: 18 * H })).toBe(2 * MS_PER_DAY + 15 * H);
    expect(nextRateChange(schedule, { dayOfWeek: 'Saturday', msOfDay: 0 })).toBe(MS_PER_DAY + 33 * H);
  });

  it('does not stop at a midnight that changes nothing', () => {
    const allDay = withChanges({ workDays: ['Monday', 'Tuesday'], startWorkHour: 0, endWorkHour: MS_PER_DAY });
    // Monday 12:00 -> the rate changes at Wednesday 00:00, not at Tuesday 00:00.
    expect(nextRateChange(allDay, { dayOfWeek: 'Monday', msOfDay: 12 * H })).toBe(MS_PER_DAY + 12 * H);
    expect(nextRateChange(allDay, { dayOfWeek: 'Wednesday', msOfDay: 0 })).toBe(5 * MS_PER_DAY);
  });

  it('is Infinity when work hours cover the whole week', () => {
    const always = withChanges({
      workDays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      startWorkHour: 0,
      endWorkHour: MS_PER_DAY,
    });
    expect(nextRateChange(always, { dayOfWeek: 'Thursday', msOfDay: 5 * H })).toBe(Infinity);
  });

  it('agrees with bandwidthAt: the rate holds until the change and differs at it', () => {
    const days: DayOfWeek[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const odd = withChanges({ workDays: ['Wednesday', 'Sunday'], startWorkHour: 7 * H + 1234, endWorkHour: 22 * H });
    for (let t = 0; t < 7 * MS_PER_DAY; t += 5 * H + 17 * 60_000) {
      const here = { dayOfWeek: days[Math.floor(t / MS_PER_DAY)] as DayOfWeek, msOfDay: t % MS_PER_DAY };
      const delta = nextRateChange(odd, here);
      const before = t + delta - 1;
      const after = t + delta;
      const local = (x: number) => ({ dayOfWeek: days[Math.floor(x / MS_PER_DAY) % 7] as DayOfWeek, msOfDay: x % MS_PER_DAY });
      expect(bandwidthAt(odd, local(before))).toBe(bandwidthAt(odd, here));
      expect(bandwidthAt(odd, local(after))).not.toBe(bandwidthAt(odd, here));
    }
  });
});
