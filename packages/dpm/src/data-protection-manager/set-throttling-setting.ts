import { NO_THROTTLING } from '@dpmsh/core';
import { defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { scheduleFrom, throttlingParameters, type ThrottlingParameters } from '../input/throttling.js';
import { DPM_TYPES, throttlingObject } from '../objects/preparation.js';
import { REGISTERED_SETUP, THROTTLED_SETUP } from '../help-example-setups.js';

const THROTTLE = 'Throttle';
const NO_THROTTLE = 'NoThrottle';

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
      {
        title: 'Throttle during office hours',
        code: "Set-ThrottlingSetting -WorkDay Mo,Tu,We,Th,Fr -StartWorkHour '9:00:00' -EndWorkHour '18:00:00' -WorkHourBandwidth 512KB -NonWorkHourBandwidth 2MB",
        setup: REGISTERED_SETUP,
        output: [
          '',
          'Enabled              : True',
          'WorkDay              : Monday, Tuesday, Wednesday, Thursday, Friday',
          'StartWorkHour        : 09:00:00',
          'EndWorkHour          : 18:00:00',
          'WorkHourBandwidth    : 524288',
          'NonWorkHourBandwidth : 2097152',
        ].join('\n'),
      },
      {
        title: 'Turn throttling off',
        code: 'Set-ThrottlingSetting -NoThrottle',
        setup: THROTTLED_SETUP,
        output: [
          '',
          'Enabled              : False',
          'WorkDay              :',
          'StartWorkHour        :',
          'EndWorkHour          :',
          'WorkHourBandwidth    :',
          'NonWorkHourBandwidth :',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const schedule = ctx.parameterSetName === NO_THROTTLE ? NO_THROTTLING : scheduleFrom(ctx.params);
    if (!(await ctx.shouldProcess('throttling setting', schedule.enabled ? 'Set bandwidth throttling' : 'Turn bandwidth throttling off'))) return;
    const settings = await (await serverOf(ctx)).changeSettings({ throttling: schedule });
    await ctx.write(throttlingObject(settings.throttling));
  },
});
