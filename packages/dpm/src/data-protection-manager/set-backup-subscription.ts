import { SUBSCRIPTION_STATES, type SubscriptionState } from '@dpmsh/core';
import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { DPM_TYPES, subscriptionObject } from '../objects/preparation.js';
import { REGISTERED_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Set-BackupSubscription: the vault operator sets the subscription's state. */
export const setBackupSubscription = defineCmdlet<{ State: SubscriptionState }>({
  name: 'Set-BackupSubscription',
  parameters: [{ name: 'State', type: 'string', sets: { [all]: { mandatory: true, position: 0 } }, validation: [{ kind: 'set', values: SUBSCRIPTION_STATES }], description: 'Active, Expired or Deprovisioned.' }],
  supportsShouldProcess: true,
  confirmImpact: 'High',
  outputType: [DPM_TYPES.subscription],
  help: {
    synopsis: 'Sets the state of the backup subscription (vault operators).',
    description: 'Sets the subscription state that decides, with connectivity, which backups and restores are allowed. Deprovisioned deletes the recovery points in the vault.',
    examples: [
      {
        title: 'Expire the subscription, and see what stops',
        code: 'Set-BackupSubscription -State Expired -Confirm:$false | Out-Null\nGet-DPMCloudStatus | Format-List SubscriptionState, BackupToVault, BackupToDisk, RestoreFromVault, RestoreFromDisk',
        setup: REGISTERED_SETUP,
        output: [
          '',
          'SubscriptionState : Expired',
          'BackupToVault     : Stopped',
          'BackupToDisk      : Stopped',
          'RestoreFromVault  : Allowed',
          'RestoreFromDisk   : Allowed',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    if (!(await ctx.shouldProcess('backup subscription', `Set state to ${ctx.params.State}`))) return;
    await ctx.write(subscriptionObject(await (await serverOf(ctx)).setSubscriptionState(ctx.params.State)));
  },
});
