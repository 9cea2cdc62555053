import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { MODULE_NOTE } from './module-note.js';
import { DPM_TYPES, vaultObject } from '../objects/preparation.js';
import { AZ_VAULT_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Get-AzRecoveryServicesVault. */
export const getAzRecoveryServicesVault = defineCmdlet<{ Name?: string; ResourceGroupName?: string }>({
  name: 'Get-AzRecoveryServicesVault',
  parameters: [
    { name: 'ResourceGroupName', type: 'string', sets: { [all]: { position: 0 } }, description: 'Only vaults of this resource group.' },
    { name: 'Name', type: 'string', sets: { [all]: { position: 1 } }, description: 'The vault name.' },
  ],
  outputType: [DPM_TYPES.azureVault],
  help: {
    synopsis: 'Gets Recovery Services vaults.',
    description: `Gets the vaults of the subscription, by name or resource group. ${MODULE_NOTE}`,
    examples: [
      {
        title: 'Get a vault by name',
        code: 'Get-AzRecoveryServicesVault -Name "testvault" | Format-List Name, Type, Location, ResourceGroupName',
        setup: AZ_VAULT_SETUP,
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
    const server = await serverOf(ctx);
    const { Name, ResourceGroupName } = ctx.params;
    const vaults = Name !== undefined ? [await server.getVault(Name)] : await server.listVaults();
    for (const v of vaults) {
      if (ResourceGroupName === undefined || v.resourceGroupName.toLowerCase() === ResourceGroupName.toLowerCase()) await ctx.write(vaultObject(v, true));
    }
  },
});
