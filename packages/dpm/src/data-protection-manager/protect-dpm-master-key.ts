import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { REGISTERED_SETUP } from '../help-example-setups.js';
import { secretText } from '../input/secrets.js';

/** Protect-DPMMasterKey. */
export const protectDpmMasterKey = defineCmdlet<{ EncryptionPassphrase: unknown }>({
  name: 'Protect-DPMMasterKey',
  parameters: [
    { name: 'EncryptionPassphrase', type: 'object', sets: { [ALL_PARAMETER_SETS]: { mandatory: true, position: 0 } }, description: "The server's encryption passphrase, as a SecureString: checked against the key before the key file is removed." },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  help: {
    synopsis: "Keeps the server's master key only wrapped under the encryption passphrase, so that a copy of $DPMSH_HOME alone decrypts nothing.",
    description: [
      "By default the master key, from which every repository key is derived, is kept in $DPMSH_HOME/keys/master.key (mode 0600) so the server runs unattended. After Protect-DPMMasterKey only the key envelope (the key wrapped under the encryption passphrase) is kept; the key file is removed once that state is recorded durably.",
      'Each later session must open the key before backing up or restoring: set DPMSH_PASSPHRASE_FILE to a file outside $DPMSH_HOME holding the passphrase, or run Unlock-DPMMasterKey. Until then those operations fail with MasterKeyLocked. The session that runs this keeps the key open. Unprotect-DPMMasterKey writes the key file back.',
    ].join('\n\n'),
    examples: [
      {
        title: 'Keep the master key wrapped',
        code: "$p = ConvertTo-SecureString 'correct horse battery staple' -AsPlainText -Force\nProtect-DPMMasterKey -EncryptionPassphrase $p\nTest-Path $HOME/keys/master.key",
        setup: REGISTERED_SETUP,
        output: 'False',
      },
    ],
  },
  async process(ctx) {
    const passphrase = secretText(ctx.params.EncryptionPassphrase, 'EncryptionPassphrase');
    if (!(await ctx.shouldProcess('master key', 'Keep only wrapped under the encryption passphrase'))) return;
    await (await serverOf(ctx)).protectMasterKey(passphrase);
  },
});
