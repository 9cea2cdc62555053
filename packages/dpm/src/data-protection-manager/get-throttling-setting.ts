import { defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { DPM_TYPES, throttlingObject } from '../objects/preparation.js';
import { THROTTLED_SETUP } from '../help-example-setups.js';

/** Get-ThrottlingSetting. */
export const getThrottlingSetting = defineCmdlet<Record<string, never>>({
  name: 'Get-ThrottlingSetting',
  parameters: [],
  outputType: [DPM_TYPES.throttling],
  help: {
    synopsis: 'Gets the bandwidth throttling settings.',
    description: 'Gets the work days, work hours and the bandwidths in force for uploads to the vault.',
    examples: [
      {
        title: 'Show the throttling settings',
        code: 'Get-ThrottlingSetting',
        setup: THROTTLED_SETUP,
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
    ],
  },
  async process(ctx) {
    await ctx.write(throttlingObject((await serverOf(ctx)).settings().throttling));
  },
});
