import { STORAGE_REDUNDANCIES, type StorageRedundancy } from '@dpmsh/core';
import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { DPM_TYPES, vaultObject } from '../objects/preparation.js';

const all = ALL_PARAMETER_SETS;

/** New-BackupVault. */
export const newBackupVault = defineCmdlet<{ Name: string; Location: string; StorageRedundancy?: StorageRedundancy; ResourceGroupName?: string }>({
  name: 'New-BackupVault',
  parameters: [
    { name: 'Name', type: 'string', sets: { [all]: { mandatory: true, position: 0 } }, description: 'The vault name: 2-50 letters, digits and hyphens, starting with a letter; unique in the subscription.' },
    { name: 'Location', type: 'string', aliases: ['Region'], sets: { [all]: { mandatory: true, position: 1 } }, description: 'The region the vault lives in, such as westus or "West US".' },
    { name: 'StorageRedundancy', type: 'string', sets: { [all]: {} }, validation: [{ kind: 'set', values: STORAGE_REDUNDANCIES }], defaultValueText: 'GeoRedundant', description: 'How the vault stores its copies; change it only before the first backup.' },
    { name: 'ResourceGroupName', type: 'string', sets: { [all]: {} }, description: 'The resource group the vault ID names.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  outputType: [DPM_TYPES.vault],
  help: {
    synopsis: 'Creates a backup vault.',
    description: 'Creates a backup vault in the subscription. A server registers with a vault using vault credentials (Get-VaultCredential) and sends the encrypted second copy of its backups there. Storage redundancy is geo-redundant unless you choose otherwise, and can be changed only until the vault holds a backup.',
    examples: [
      {
        title: 'Create a vault',
        code: "New-BackupVault -Name 'contoso-vault' -Location 'westus'",
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
    const { Name, Location, StorageRedundancy, ResourceGroupName } = ctx.params;
    if (!(await ctx.shouldProcess(Name, 'Create backup vault'))) return;
    const server = await serverOf(ctx);
    await ctx.write(vaultObject(await server.createVault({ name: Name, location: Location, storageRedundancy: StorageRedundancy, resourceGroupName: ResourceGroupName })));
  },
});
