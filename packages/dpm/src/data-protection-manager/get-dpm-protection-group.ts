import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../input/this-server.js';
import { protectionGroupObject, PROTECTION_TYPES } from '../objects/protection.js';
import { PROTECTED_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Get-DPMProtectionGroup. */
export const getDpmProtectionGroup = defineCmdlet<{ DPMServerName?: string }>({
  name: 'Get-DPMProtectionGroup',
  aliases: ['Get-ProtectionGroup'],
  parameters: [{ name: 'DPMServerName', type: 'string', aliases: ['ComputerName', 'CN'], sets: { [all]: { position: 0 } }, description: 'The server; this server when omitted.' }],
  outputType: [PROTECTION_TYPES.protectionGroup],
  help: {
    synopsis: 'Gets the saved protection groups.',
    description: 'Gets the protection groups of the server. They cannot be changed directly: get a modifiable copy with Get-DPMModifiableProtectionGroup.',
    examples: [
      {
        title: 'List the protection groups',
        code: 'Get-DPMProtectionGroup | Select-Object FriendlyName, ProtectionMethod',
        setup: PROTECTED_SETUP,
        output: [
          '',
          'FriendlyName ProtectionMethod',
          '------------ ----------------',
          'Files        Short-term using disk, Long-term using online',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    assertThisServer(ctx.params.DPMServerName, server.serverName);
    for (const group of server.groups.list()) await ctx.write(protectionGroupObject(group, server.serverName));
  },
});
