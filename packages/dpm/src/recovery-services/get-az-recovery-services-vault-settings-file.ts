import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { errorRecord, PSObject, CUSTOM_OBJECT_TYPE_NAMES, isSwitchOn } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { MODULE_NOTE } from './module-note.js';
import { DPM_TYPES } from '../objects/preparation.js';
import { vaultNameOf } from '../objects/references.js';
import { AZ_VAULT_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Get-AzRecoveryServicesVaultSettingsFile: downloads vault credentials. */
export const getAzRecoveryServicesVaultSettingsFile = defineCmdlet<{ Vault: unknown; Path?: string; Backup?: boolean; SiteRecovery?: boolean }>({
  name: 'Get-AzRecoveryServicesVaultSettingsFile',
  defaultParameterSet: 'ForBackupVaultTypeWithCertificate',
  parameters: [
    { name: 'Vault', type: 'object', sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'The vault.' },
    { name: 'Path', type: 'string', sets: { [all]: { position: 1 } }, defaultValueText: 'the current location', description: 'The folder to write the file to.' },
    { name: 'Backup', type: 'switch', sets: { ForBackupVaultTypeWithCertificate: {} }, description: 'Credentials for backup (the only kind dpmsh issues).' },
    { name: 'SiteRecovery', type: 'switch', sets: { ForSiteRecoveryWithCertificate: { mandatory: true } }, description: 'Not supported: dpmsh vaults are backup vaults.' },
  ],
  outputType: [DPM_TYPES.settingsFile],
  help: {
    synopsis: 'Downloads the vault credentials (settings file) of a vault.',
    description: `Writes the vault credentials file; only the newest is valid, for 48 hours. ${MODULE_NOTE}`,
    examples: [
      {
        title: 'Download credentials',
        code: '$file = Get-AzRecoveryServicesVaultSettingsFile -Backup -Vault $vault -Path $HOME\nTest-Path $file.FilePath',
        setup: AZ_VAULT_SETUP,
        output: 'True',
      },
    ],
  },
  async process(ctx) {
    if (isSwitchOn(ctx.params.SiteRecovery)) {
      ctx.throwTerminating(
        errorRecord('Site Recovery vault settings files are not supported: dpmsh vaults are backup vaults. Use -Backup.', 'SiteRecoveryNotSupported', 'NotImplemented', {
          typeName: 'System.NotSupportedException',
        }),
      );
    }
    const server = await serverOf(ctx);
    const file = await server.issueCredentials(vaultNameOf(ctx.params.Vault), ctx.session.resolvePath(ctx.params.Path ?? '.'));
    const o = new PSObject([DPM_TYPES.settingsFile, ...CUSTOM_OBJECT_TYPE_NAMES]);
    o.addNote('FilePath', file.filePath);
    await ctx.write(o);
  },
});
