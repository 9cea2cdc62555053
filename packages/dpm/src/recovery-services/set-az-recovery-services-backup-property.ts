import { STORAGE_REDUNDANCIES, type StorageRedundancy } from '@dpmsh/core';
import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { MODULE_NOTE } from './module-note.js';
import { vaultNameOf } from '../objects/references.js';
import { AZ_VAULT_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Set-AzRecoveryServicesBackupProperty (and its plural alias, which Microsoft's DPM scripts use). */
export const setAzRecoveryServicesBackupProperty = defineCmdlet<{ Vault: unknown; BackupStorageRedundancy?: StorageRedundancy; CrossRegionRestore?: boolean }>({
  name: 'Set-AzRecoveryServicesBackupProperty',
  aliases: ['Set-AzRecoveryServicesBackupProperties'],
  parameters: [
    { name: 'Vault', type: 'object', sets: { [all]: { mandatory: true, valueFromPipeline: true } }, description: 'The vault (Get-AzRecoveryServicesVault).' },
    { name: 'BackupStorageRedundancy', type: 'string', sets: { [all]: {} }, validation: [{ kind: 'set', values: STORAGE_REDUNDANCIES }], description: 'GeoRedundant, LocallyRedundant or ZoneRedundant; only before the first backup.' },
    { name: 'CrossRegionRestore', type: 'switch', sets: { [all]: {} }, description: 'Accepted for compatibility; dpmsh vaults restore from their own region.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  help: {
    synopsis: "Sets a vault's backup storage redundancy.",
    description: `Modify storage settings before the initial backup: once the vault holds a backup the change is refused. ${MODULE_NOTE}`,
    examples: [
      {
        title: 'Keep geo-redundant storage',
        code: 'Set-AzRecoveryServicesBackupProperty -Vault $vault -BackupStorageRedundancy GeoRedundant\n(Get-AzRecoveryServicesBackupProperty -Vault $vault).BackupStorageRedundancy',
        setup: AZ_VAULT_SETUP,
        output: 'GeoRedundant',
      },
    ],
  },
  async process(ctx) {
    const name = vaultNameOf(ctx.params.Vault);
    const redundancy = ctx.params.BackupStorageRedundancy;
    if (redundancy === undefined || !(await ctx.shouldProcess(name, `Set backup storage redundancy to ${redundancy}`))) return;
    await (await serverOf(ctx)).setVaultRedundancy(name, redundancy);
  },
});
