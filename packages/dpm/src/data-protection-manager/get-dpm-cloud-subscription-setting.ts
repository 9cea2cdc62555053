import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { DPM_TYPES } from '../objects/preparation.js';
import { settingObject } from '../objects/subscription-setting.js';

const all = ALL_PARAMETER_SETS;

/** Get-DPMCloudSubscriptionSetting. */
export const getDpmCloudSubscriptionSetting = defineCmdlet<{ DPMServerName?: string }>({
  name: 'Get-DPMCloudSubscriptionSetting',
  parameters: [{ name: 'DPMServerName', type: 'string', sets: { [all]: { position: 0 } }, description: 'This server (accepted for compatibility).' }],
  outputType: [DPM_TYPES.subscriptionSetting],
  help: {
    synopsis: 'Gets the cloud subscription settings of the DPM server.',
    description: 'Gets the staging area, proxy, throttling and passphrase state as an object; changes made to it with Set-DPMCloudSubscriptionSetting apply only with -Commit.',
    examples: [{ title: 'Show the staging area', code: '(Get-DPMCloudSubscriptionSetting).StagingAreaPath' }],
  },
  async process(ctx) {
    await ctx.write(settingObject((await serverOf(ctx)).settings()));
  },
});
