import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { MODULE_NOTE } from './module-note.js';
import { DPM_TYPES, vaultObject } from '../objects/preparation.js';

const all = ALL_PARAMETER_SETS;

/** New-AzRecoveryServicesVault. */
export const newAzRecoveryServicesVault = defineCmdlet<{ Name: string; ResourceGroupName: string; Location: string }>({
  name: 'New-AzRecoveryServicesVault',
  parameters: [
    { name: 'Name', type: 'string', sets: { [all]: { mandatory: true } }, description: 'The vault name.' },
    { name: 'ResourceGroupName', type: 'string', sets: { [all]: { mandatory: true } }, description: 'The resource group the vault belongs to.' },
    { name: 'Location', type: 'string', sets: { [all]: { mandatory: true } }, description: 'The region, such as "West US".' },
    { name: 'Tag', type: 'hashtable', sets: { [all]: {} }, description: 'Accepted for compatibility; dpmsh vaults keep no tags.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  outputType: [DPM_TYPES.azureVault],
  help: {
    synopsis: 'Creates a Recovery Services vault.',
    description: `Creates a backup vault with geo-redundant storage. ${MODULE_NOTE}`,
    examples: [
      {
        title: 'Create a vault',
        code: 'New-AzRecoveryServicesVault -Name "testvault" -ResourceGroupName "test-rg" -Location "West US" | Format-List Name, Type, Location, ResourceGroupName',
        remarks: 'Without Format-List it also shows the vault ID and the SubscriptionId, which are those of your subscription.',
        output: [
          '',
          'Name              : testvault',
          'Type              : Microsoft.RecoveryServices/vaults',
          'Location          : West US',
          'ResourceGroupName : test-rg',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const { Name, ResourceGroupName, Location } = ctx.params;
    if (!(await ctx.shouldProcess(Name, 'Create Recovery Services vault'))) return;
    const vault = await (await serverOf(ctx)).createVault({ name: Name, location: Location, resourceGroupName: ResourceGroupName });
    await ctx.write(vaultObject(vault, true));
  },
});
