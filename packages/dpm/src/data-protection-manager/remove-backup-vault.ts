import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { VAULT_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Remove-BackupVault. */
export const removeBackupVault = defineCmdlet<{ Name: string }>({
  name: 'Remove-BackupVault',
  parameters: [{ name: 'Name', type: 'string', sets: { [all]: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } }, description: 'The vault to delete.' }],
  supportsShouldProcess: true,
  confirmImpact: 'High',
  help: {
    synopsis: 'Deletes a backup vault.',
    description: 'Deletes a backup vault and its credentials. A vault with registered servers cannot be deleted.',
    examples: [
      {
        title: 'Delete a vault without a prompt',
        code: "Remove-BackupVault -Name 'old-vault' -Confirm:$false\nGet-BackupVault",
        setup: [VAULT_SETUP, "New-BackupVault -Name 'old-vault' -Location 'westus' | Out-Null"].join('\n'),
        output: [
          '',
          'Name          Location StorageRedundancy ResourceGroupName Servers',
          '----          -------- ----------------- ----------------- -------',
          'contoso-vault westus   GeoRedundant      dpmsh             0',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    if (!(await ctx.shouldProcess(ctx.params.Name, 'Remove backup vault'))) return;
    await (await serverOf(ctx)).removeVault(ctx.params.Name);
  },
});
