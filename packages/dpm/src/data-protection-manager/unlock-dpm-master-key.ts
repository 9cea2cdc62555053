import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { REGISTERED_SETUP } from '../help-example-setups.js';
import { secretText } from '../input/secrets.js';

/** Unlock-DPMMasterKey. */
export const unlockDpmMasterKey = defineCmdlet<{ EncryptionPassphrase: unknown }>({
  name: 'Unlock-DPMMasterKey',
  parameters: [
    { name: 'EncryptionPassphrase', type: 'object', sets: { [ALL_PARAMETER_SETS]: { mandatory: true, position: 0 } }, description: 'The encryption passphrase, as a SecureString (Read-Host -AsSecureString).' },
  ],
  help: {
    synopsis: 'Opens a master key kept wrapped (Protect-DPMMasterKey) for the rest of this session.',
    description:
      'The key stays open in memory until the session ends; nothing is written. A passphrase that does not open the key is refused with MasterKeyPassphraseIncorrect. For unattended runs, set DPMSH_PASSPHRASE_FILE instead.',
    examples: [
      {
        title: 'Open the key at the start of a session',
        code: "Unlock-DPMMasterKey -EncryptionPassphrase (ConvertTo-SecureString 'correct horse battery staple' -AsPlainText -Force)",
        remarks: 'Interactively, read the passphrase with Read-Host -AsSecureString so that it is neither echoed nor kept in the history.',
        setup: REGISTERED_SETUP,
        output: '',
      },
    ],
  },
  async process(ctx) {
    await (await serverOf(ctx)).unlockMasterKey(secretText(ctx.params.EncryptionPassphrase, 'EncryptionPassphrase'));
  },
});
