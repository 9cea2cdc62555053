import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { DPM_TYPES } from '../objects/preparation.js';
import { settingObject } from '../objects/subscription-setting.js';
import { REGISTERED_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Get-DPMCloudSubscriptionSetting. */
export const getDpmCloudSubscriptionSetting = defineCmdlet<{ DPMServerName?: string }>({
  name: 'Get-DPMCloudSubscriptionSetting',
  parameters: [{ name: 'DPMServerName', type: 'string', sets: { [all]: { position: 0 } }, description: 'This server (accepted for compatibility).' }],
  outputType: [DPM_TYPES.subscriptionSetting],
  help: {
    synopsis: 'Gets the cloud subscription settings of the DPM server.',
    description: 'Gets the staging area, proxy, throttling and passphrase state as an object; changes made to it with Set-DPMCloudSubscriptionSetting apply only with -Commit.',
    examples: [
      {
        title: 'Show the registration and the passphrase state',
        code: 'Get-DPMCloudSubscriptionSetting | Format-List Registered, VaultName, EncryptionPassphraseSet',
        setup: REGISTERED_SETUP,
        output: [
          '',
          'Registered              : True',
          'VaultName               : contoso-vault',
          'EncryptionPassphraseSet : True',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    await ctx.write(settingObject((await serverOf(ctx)).settings()));
  },
});
