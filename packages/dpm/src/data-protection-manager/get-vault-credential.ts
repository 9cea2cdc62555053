import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { PSDateTime, PSObject, CUSTOM_OBJECT_TYPE_NAMES } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { DPM_TYPES } from '../objects/preparation.js';
import { vaultNameOf } from '../objects/references.js';
import { VAULT_SETUP } from '../help-example-setups.js';

/** Get-VaultCredential. */
export const getVaultCredential = defineCmdlet<{ Vault: unknown; Path?: string }>({
  name: 'Get-VaultCredential',
  parameters: [
    { name: 'Vault', type: 'object', sets: { [ALL_PARAMETER_SETS]: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'The vault, as an object from Get-BackupVault or by name.' },
    { name: 'Path', type: 'string', sets: { [ALL_PARAMETER_SETS]: { position: 1 } }, defaultValueText: 'the current location', description: 'The folder to write the credentials file to.' },
  ],
  outputType: [DPM_TYPES.credential],
  help: {
    synopsis: 'Downloads vault credentials for registering a server.',
    description:
      'Writes a vault credentials file (<vault>_<date>.VaultCredentials) that only its owner can read. It holds a certificate valid for 48 hours; only the newest credentials of a vault are valid, so each download makes the earlier ones unusable. Keep the file safe: it lets its holder register servers with the vault.',
    examples: [
      {
        title: 'Download credentials to a folder',
        code: "Get-BackupVault -Name 'contoso-vault' | Get-VaultCredential -Path $HOME | Format-List Vault",
        remarks: 'The object also gives the FilePath of the file, its NotAfter time (48 hours from now) and the Thumbprint of its certificate.',
        setup: VAULT_SETUP,
        output: [
          '',
          'Vault : contoso-vault',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const folder = ctx.session.resolvePath(ctx.params.Path ?? '.');
    const file = await server.issueCredentials(vaultNameOf(ctx.params.Vault), folder);
    const result = new PSObject([DPM_TYPES.credential, ...CUSTOM_OBJECT_TYPE_NAMES]);
    result.addNote('FilePath', file.filePath);
    result.addNote('Vault', file.vault.name);
    result.addNote('NotAfter', new PSDateTime(file.notAfter.getTime()));
    result.addNote('Thumbprint', file.thumbprint);
    await ctx.write(result);
  },
});
