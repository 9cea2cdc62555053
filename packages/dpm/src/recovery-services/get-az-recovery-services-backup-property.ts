import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { PSObject, CUSTOM_OBJECT_TYPE_NAMES } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { MODULE_NOTE } from './module-note.js';
import { DPM_TYPES } from '../objects/preparation.js';
import { vaultNameOf } from '../objects/references.js';
import { AZ_VAULT_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Get-AzRecoveryServicesBackupProperty. */
export const getAzRecoveryServicesBackupProperty = defineCmdlet<{ Vault: unknown }>({
  name: 'Get-AzRecoveryServicesBackupProperty',
  parameters: [{ name: 'Vault', type: 'object', sets: { [all]: { mandatory: true, valueFromPipeline: true } }, description: 'The vault.' }],
  outputType: [DPM_TYPES.backupProperty],
  help: {
    synopsis: "Gets a vault's backup properties.",
    description: `Gets the storage redundancy of a vault. ${MODULE_NOTE}`,
    examples: [
      {
        title: 'Show the storage redundancy',
        code: '(Get-AzRecoveryServicesBackupProperty -Vault $vault).BackupStorageRedundancy',
        setup: AZ_VAULT_SETUP,
        output: 'GeoRedundant',
      },
    ],
  },
  async process(ctx) {
    const vault = await (await serverOf(ctx)).getVault(vaultNameOf(ctx.params.Vault));
    const o = new PSObject([DPM_TYPES.backupProperty, ...CUSTOM_OBJECT_TYPE_NAMES]);
    o.addNote('BackupStorageRedundancy', vault.storageRedundancy);
    o.addNote('CrossRegionRestore', false);
    await ctx.write(o);
  },
});
