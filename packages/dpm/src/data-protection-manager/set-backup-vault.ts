import { STORAGE_REDUNDANCIES, type StorageRedundancy } from '@dpmsh/core';
import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { isSwitchOn } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { DPM_TYPES, vaultObject } from '../objects/preparation.js';
import { VAULT_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Set-BackupVault. */
export const setBackupVault = defineCmdlet<{ Name: string; StorageRedundancy: StorageRedundancy; PassThru?: boolean }>({
  name: 'Set-BackupVault',
  parameters: [
    { name: 'Name', type: 'string', sets: { [all]: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } }, description: 'The vault to change.' },
    { name: 'StorageRedundancy', type: 'string', sets: { [all]: { mandatory: true } }, validation: [{ kind: 'set', values: STORAGE_REDUNDANCIES }], description: 'GeoRedundant, LocallyRedundant or ZoneRedundant.' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Outputs the changed vault.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: [DPM_TYPES.vault],
  help: {
    synopsis: "Changes a backup vault's storage redundancy.",
    description: 'Changes how the vault stores its copies. Modify storage settings before the initial backup: once the vault holds a backup the change is refused.',
    examples: [
      {
        title: 'Use locally redundant storage',
        code: "Set-BackupVault -Name 'contoso-vault' -StorageRedundancy LocallyRedundant -PassThru",
        setup: VAULT_SETUP,
        output: [
          '',
          'Name          Location StorageRedundancy ResourceGroupName Servers',
          '----          -------- ----------------- ----------------- -------',
          'contoso-vault westus   LocallyRedundant  dpmsh             0',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const { Name, StorageRedundancy, PassThru } = ctx.params;
    if (!(await ctx.shouldProcess(Name, `Set storage redundancy to ${StorageRedundancy}`))) return;
    const server = await serverOf(ctx);
    const vault = await server.setVaultRedundancy(Name, StorageRedundancy);
    if (isSwitchOn(PassThru)) await ctx.write(vaultObject(vault));
  },
});
