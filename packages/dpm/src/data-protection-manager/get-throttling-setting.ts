import { defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { DPM_TYPES, throttlingObject } from '../objects/preparation.js';

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
