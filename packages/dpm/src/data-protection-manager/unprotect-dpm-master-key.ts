import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { REGISTERED_SETUP } from '../help-example-setups.js';
import { secretText } from '../input/secrets.js';

/** Unprotect-DPMMasterKey. */
export const unprotectDpmMasterKey = defineCmdlet<{ EncryptionPassphrase?: unknown }>({
  name: 'Unprotect-DPMMasterKey',
  parameters: [
    { name: 'EncryptionPassphrase', type: 'object', sets: { [ALL_PARAMETER_SETS]: { position: 0 } }, description: 'The encryption passphrase, as a SecureString; not needed when the key is already open in this session.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  help: {
    synopsis: "Keeps the server's master key in $DPMSH_HOME/keys/master.key again, so the server runs without a passphrase.",
    description:
      'Undoes Protect-DPMMasterKey: the key is opened (with -EncryptionPassphrase, DPMSH_PASSPHRASE_FILE, or an earlier Unlock-DPMMasterKey), written to keys/master.key durably, and only then is the wrapped state removed. Whoever can read $DPMSH_HOME can decrypt the backups again.',
    examples: [
      {
        title: 'Go back to a key file',
        code: "$p = ConvertTo-SecureString 'correct horse battery staple' -AsPlainText -Force\nProtect-DPMMasterKey -EncryptionPassphrase $p\nUnprotect-DPMMasterKey -EncryptionPassphrase $p\nTest-Path $HOME/keys/master.key",
        setup: REGISTERED_SETUP,
        output: 'True',
      },
    ],
  },
  async process(ctx) {
    const given = ctx.params.EncryptionPassphrase;
    const passphrase = given === undefined ? undefined : secretText(given, 'EncryptionPassphrase');
    if (!(await ctx.shouldProcess('master key', 'Keep in keys/master.key'))) return;
    await (await serverOf(ctx)).unprotectMasterKey(passphrase);
  },
});
