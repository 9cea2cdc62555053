import { defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { DPM_TYPES, obRegistrationObject } from '../objects/preparation.js';
import { AZ_CREDENTIALS_SETUP } from '../help-example-setups.js';

/** Start-OBRegistration. */
export const startObRegistration = defineCmdlet<{ VaultCredentials: string }>({
  name: 'Start-OBRegistration',
  parameters: [
    { name: 'VaultCredentials', type: 'string', sets: { __AllParameterSets: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } }, aliases: ['FilePath'], description: 'The vault credentials file.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'High',
  outputType: [DPM_TYPES.obRegistration, 'System.String'],
  help: {
    synopsis: 'Registers this server with a vault (MARS agent).',
    description: 'Registers the server with the vault of the credentials file. Set the encryption passphrase afterwards with Set-OBMachineSetting -EncryptionPassPhrase: until then nothing is sent to the vault.',
    examples: [
      {
        title: 'Register without a prompt',
        code: 'Start-OBRegistration -VaultCredentials $file.FilePath -Confirm:$false',
        setup: AZ_CREDENTIALS_SETUP,
        outputUnchecked: "It shows the new registration's certificate thumbprint and the vault's subscription ID, which differ for every registration and subscription.",
      },
    ],
  },
  async process(ctx) {
    const path = ctx.session.resolvePath(ctx.params.VaultCredentials);
    if (!(await ctx.shouldProcess(path, 'Register machine with vault'))) return;
    const registration = await (await serverOf(ctx)).register({ credentialsPath: path });
    await ctx.write(obRegistrationObject(registration));
    await ctx.write('Machine registration succeeded.');
  },
});
