/** Read-Host: a line (or a secure string) read from the host. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { nonInteractivePrompt } from '../pipeline/prompts.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { dotNetToString, enumerableItems, PSSecureString, isSwitchOn } from '@dpmsh/runtime';
import type { PSSwitch } from '@dpmsh/runtime';

/** The prompt text Read-Host shows: the -Prompt items joined by spaces, then ': '. */
export function readHostPrompt(prompt: unknown): string {
  if (prompt === undefined || prompt === null) return '';
  const items = enumerableItems(prompt) ?? [prompt];
  const text = items.map((item) => (typeof item === 'string' ? item : dotNetToString(item))).join(' ');
  return `${text}: `;
}

/** Read-Host. */
export const readHost = defineCmdlet<{ Prompt?: unknown; AsSecureString?: PSSwitch; MaskInput?: PSSwitch }>({
  name: 'Read-Host',
  defaultParameterSet: 'AsString',
  parameters: [
    { name: 'Prompt', type: 'object', sets: { [ALL_PARAMETER_SETS]: { position: 0, valueFromRemainingArguments: true } }, allowNull: true, description: 'The text of the prompt; a colon is added after it.' },
    { name: 'AsSecureString', type: 'switch', sets: { AsSecureString: {} }, description: 'Shows asterisks for the typed characters and returns a SecureString.' },
    { name: 'MaskInput', type: 'switch', sets: { AsString: {} }, description: 'Shows asterisks for the typed characters and returns a string.' },
  ],
  outputType: ['System.String', 'System.Security.SecureString'],
  help: {
    synopsis: 'Reads a line of input from the console.',
    description:
      'Reads a line from the host, after showing the prompt. With -AsSecureString or -MaskInput the typed characters show as asterisks. Under -NonInteractive it fails, because there is nobody to answer.',
    examples: [
      {
        title: 'Ask for a passphrase',
        code: '$passphrase = Read-Host -Prompt "Encryption passphrase" -AsSecureString',
        outputUnchecked: 'It waits for the user to type the passphrase, which a scripted run cannot do.',
      },
    ],
  },
  async process(ctx) {
    const host = ctx.session.host;
    if (!host.interactive) ctx.throwTerminating(nonInteractivePrompt());
    const secure = isSwitchOn(ctx.params.AsSecureString);
    const line = await host.readLine(readHostPrompt(ctx.params.Prompt), { secure: secure || isSwitchOn(ctx.params.MaskInput), signal: ctx.signal });
    await ctx.write(secure ? new PSSecureString(line) : line);
  },
});
