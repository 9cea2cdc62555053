import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { CREDENTIALS_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Start-DPMCloudRegistration. */
export const startDpmCloudRegistration = defineCmdlet<{ DPMServerName?: string; VaultCredentialsFilePath: string }>({
  name: 'Start-DPMCloudRegistration',
  parameters: [
    { name: 'DPMServerName', type: 'string', sets: { [all]: { position: 0 } }, description: 'This server (accepted for compatibility).' },
    { name: 'VaultCredentialsFilePath', type: 'string', aliases: ['FilePath'], sets: { [all]: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The vault credentials file.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  help: {
    synopsis: 'Registers the DPM server with a vault.',
    description: 'Registers the server with the vault of the credentials file. Then set the staging area and the encryption passphrase with Get-/Set-DPMCloudSubscriptionSetting and -Commit: until a passphrase is set nothing is sent to the vault.',
    examples: [
      {
        title: 'Register, then check the vault',
        code: 'Start-DPMCloudRegistration -VaultCredentialsFilePath $file.FilePath\n(Get-DPMCloudSubscriptionSetting).VaultName',
        setup: CREDENTIALS_SETUP,
        output: 'contoso-vault',
      },
    ],
  },
  async process(ctx) {
    const path = ctx.session.resolvePath(ctx.params.VaultCredentialsFilePath);
    if (!(await ctx.shouldProcess(path, 'Register DPM server with vault'))) return;
    await (await serverOf(ctx)).register({ credentialsPath: path });
  },
});
