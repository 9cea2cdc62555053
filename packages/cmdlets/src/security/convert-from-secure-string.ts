/** ConvertFrom-SecureString: a secure string as text. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { PSSecureString } from '@dpmsh/runtime';

/** ConvertFrom-SecureString. */
export const convertFromSecureString = defineCmdlet<{ SecureString: PSSecureString; AsPlainText?: boolean }>({
  name: 'ConvertFrom-SecureString',
  parameters: [
    { name: 'SecureString', type: 'securestring', sets: { [ALL_PARAMETER_SETS]: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'The secure string.' },
    { name: 'AsPlainText', type: 'switch', sets: { [ALL_PARAMETER_SETS]: { mandatory: true } }, description: 'Returns the text itself.' },
  ],
  outputType: ['System.String'],
  help: {
    synopsis: 'Reveals the text of a secure string.',
    description: 'Returns the plain text of a SecureString with -AsPlainText.',
    examples: [{ title: 'Round trip', code: "ConvertTo-SecureString 'abc' -AsPlainText -Force | ConvertFrom-SecureString -AsPlainText", output: 'abc' }],
  },
  async process(ctx) {
    await ctx.write(ctx.params.SecureString.reveal());
  },
});
