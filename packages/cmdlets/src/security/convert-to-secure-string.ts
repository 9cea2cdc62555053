/** ConvertTo-SecureString: plain text as a secure string. */
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord, PSSecureString } from '@dpmsh/runtime';

/** ConvertTo-SecureString. */
export const convertToSecureString = defineCmdlet<{ String: string; AsPlainText?: boolean; Force?: boolean }>({
  name: 'ConvertTo-SecureString',
  defaultParameterSet: 'PlainText',
  parameters: [
    { name: 'String', type: 'string', sets: { PlainText: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'The text to protect.' },
    { name: 'AsPlainText', type: 'switch', sets: { PlainText: { position: 1 } }, description: 'Says the input is plain text; needs -Force.' },
    { name: 'Force', type: 'switch', sets: { PlainText: { position: 2 } }, description: 'Confirms you understand the risk of plain text.' },
  ],
  outputType: ['System.Security.SecureString'],
  help: {
    synopsis: 'Converts plain text to a secure string.',
    description: 'Makes a SecureString from plain text (with -AsPlainText -Force), for parameters such as -EncryptionPassphrase. Its content never prints.',
    examples: [{ title: 'Make a passphrase', code: "ConvertTo-SecureString -String 'correct horse battery staple' -AsPlainText -Force", output: 'System.Security.SecureString' }],
  },
  async process(ctx) {
    if (!ctx.params.AsPlainText || !ctx.params.Force) {
      ctx.throwTerminating(
        errorRecord(
          ctx.params.AsPlainText
            ? 'The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter.'
            : 'dpmsh reads secure strings from plain text only: use -AsPlainText -Force, or Read-Host -AsSecureString.',
          ctx.params.AsPlainText ? 'ImportSecureString_ForceRequired' : 'ImportSecureString_InvalidArgument',
          'InvalidArgument',
          { typeName: 'System.ArgumentException' },
        ),
      );
    }
    await ctx.write(new PSSecureString(ctx.params.String));
  },
});

