/** Reading a throttling schedule from cmdlet parameters (days by name, abbreviation or number; times as timespans or text). */
import { parseDayOfWeek, parseTimeOfDay, type ThrottlingSchedule } from '@dpmsh/core';
import { toText, PSDateTime, PSTimeSpan } from '@dpmsh/runtime';

/** What the throttling parameters of Set-ThrottlingSetting and Set-OBMachineSetting carry. */
export interface ThrottlingParameters {
  readonly WorkDay?: readonly unknown[];
  readonly StartWorkHour?: unknown;
  readonly EndWorkHour?: unknown;
  readonly WorkHourBandwidth?: number;
  readonly NonWorkHourBandwidth?: number;
}

function timeOfDay(value: unknown): number {
  if (value instanceof PSTimeSpan) return value.totalMilliseconds;
  if (value instanceof PSDateTime) {
    const d = value.toDate();
    return ((d.getHours() * 60 + d.getMinutes()) * 60 + d.getSeconds()) * 1000;
  }
  return parseTimeOfDay(toText(value));
}

/** The schedule the parameters describe; the core rules validate it later. */
export function scheduleFrom(p: ThrottlingParameters): ThrottlingSchedule {
  return {
    enabled: true,
    workDays: (p.WorkDay ?? []).map((d) => parseDayOfWeek(toText(d))),
    startWorkHour: timeOfDay(p.StartWorkHour),
    endWorkHour: timeOfDay(p.EndWorkHour),
    workHourBandwidth: Number(p.WorkHourBandwidth),
    nonWorkHourBandwidth: Number(p.NonWorkHourBandwidth),
  };
}

/** The throttling parameters shared by Set-ThrottlingSetting and Set-OBMachineSetting, mandatory in `set`. */
export function throttlingParameters(set: string) {
  const required = { [set]: { mandatory: true } };
  return [
    { name: 'WorkDay', type: 'string[]', sets: required, description: 'The work days: names (Monday), two-letter abbreviations (Mo) or numbers (1).' },
    { name: 'StartWorkHour', type: 'timespan', sets: required, description: 'Start of work hours, such as "9:00:00".' },
    { name: 'EndWorkHour', type: 'timespan', sets: required, description: 'End of work hours, after the start, such as "18:00:00".' },
    { name: 'WorkHourBandwidth', type: 'long', sets: required, description: 'Bits per second during work hours: 512 Kbps (512*1024) to 1023 Mbps.' },
    { name: 'NonWorkHourBandwidth', type: 'long', sets: required, description: 'Bits per second outside work hours: 512 Kbps to 1023 Mbps.' },
  ] as const;
}
