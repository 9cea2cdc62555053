/** Set-ThrottlingSetting and Get-ThrottlingSetting: bandwidth for work hours and the rest of the time. */
import { NO_THROTTLING } from '@dpmsh/core';
import { defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from './connection.js';
import { DPM_TYPES, throttlingObject } from './objects.js';
import { scheduleFrom, type ThrottlingParameters } from './throttling-input.js';

const THROTTLE = 'Throttle';
const NO_THROTTLE = 'NoThrottle';

/** The throttling parameters shared by Set-ThrottlingSetting and Set-OBMachineSetting. */
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

/** Set-ThrottlingSetting. */
export const setThrottlingSetting = defineCmdlet<ThrottlingParameters & { NoThrottle?: boolean }>({
  name: 'Set-ThrottlingSetting',
  defaultParameterSet: THROTTLE,
  parameters: [...throttlingParameters(THROTTLE), { name: 'NoThrottle', type: 'switch', sets: { [NO_THROTTLE]: { mandatory: true } }, description: 'Turns throttling off.' }],
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  outputType: [DPM_TYPES.throttling],
  help: {
    synopsis: 'Sets bandwidth throttling for uploads to the vault.',
    description: 'Limits the bandwidth of uploads to the vault: one rate during work hours on work days, another at all other times, each from 512 Kbps to 1023 Mbps, in bits per second. The rate switches exactly at the work-hour boundaries, in local time.',
    examples: [
      { title: 'Throttle during office hours', code: "Set-ThrottlingSetting -WorkDay Mo,Tu,We,Th,Fr -StartWorkHour '9:00:00' -EndWorkHour '18:00:00' -WorkHourBandwidth 512KB -NonWorkHourBandwidth 2MB" },
      { title: 'Turn throttling off', code: 'Set-ThrottlingSetting -NoThrottle' },
    ],
  },
  async process(ctx) {
    const schedule = ctx.parameterSetName === NO_THROTTLE ? NO_THROTTLING : scheduleFrom(ctx.params);
    if (!(await ctx.shouldProcess('throttling setting', schedule.enabled ? 'Set bandwidth throttling' : 'Turn bandwidth throttling off'))) return;
    const settings = await (await serverOf(ctx)).changeSettings({ throttling: schedule });
    await ctx.write(throttlingObject(settings.throttling));
  },
});

/** Get-ThrottlingSetting. */
export const getThrottlingSetting = defineCmdlet<Record<string, never>>({
  name: 'Get-ThrottlingSetting',
  parameters: [],
  outputType: [DPM_TYPES.throttling],
  help: {
    synopsis: 'Gets the bandwidth throttling settings.',
    description: 'Gets the work days, work hours and the bandwidths in force for uploads to the vault.',
    examples: [{ title: 'Show the throttling settings', code: 'Get-ThrottlingSetting' }],
  },
  async process(ctx) {
    await ctx.write(throttlingObject((await serverOf(ctx)).settings().throttling));
  },
});
