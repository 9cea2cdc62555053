import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { wildcardToRegExp } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { DPM_TYPES, vaultObject } from '../objects/preparation.js';
import { VAULT_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Get-BackupVault. */
export const getBackupVault = defineCmdlet<{ Name?: string }>({
  name: 'Get-BackupVault',
  parameters: [{ name: 'Name', type: 'string', sets: { [all]: { position: 0, valueFromPipelineByPropertyName: true } }, description: 'The vault name; wildcards allowed. All vaults when omitted.' }],
  outputType: [DPM_TYPES.vault],
  help: {
    synopsis: 'Gets backup vaults.',
    description: 'Gets the backup vaults of the subscription, or those whose name matches.',
    examples: [
      {
        title: 'List the vaults',
        code: 'Get-BackupVault',
        setup: [VAULT_SETUP, "New-BackupVault -Name 'fabrikam-vault' -Location 'eastus' -StorageRedundancy LocallyRedundant | Out-Null"].join('\n'),
        output: [
          '',
          'Name           Location StorageRedundancy ResourceGroupName Servers',
          '----           -------- ----------------- ----------------- -------',
          'contoso-vault  westus   GeoRedundant      dpmsh             0',
          'fabrikam-vault eastus   LocallyRedundant  dpmsh             0',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const name = ctx.params.Name;
    if (name !== undefined && !/[*?[]/.test(name)) {
      await ctx.write(vaultObject(await server.getVault(name)));
      return;
    }
    const pattern = name === undefined ? undefined : wildcardToRegExp(name, false);
    for (const v of await server.listVaults()) if (!pattern || pattern.test(v.name)) await ctx.write(vaultObject(v));
  },
});
