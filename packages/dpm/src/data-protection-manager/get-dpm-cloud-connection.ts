import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../input/this-server.js';
import { REGISTERED_SETUP } from '../help-example-setups.js';

/** Get-DPMCloudConnection. */
export const getDpmCloudConnection = defineCmdlet<{ DPMServerName?: string }>({
  name: 'Get-DPMCloudConnection',
  parameters: [
    { name: 'DPMServerName', type: 'string', aliases: ['ComputerName', 'CN'], sets: { [ALL_PARAMETER_SETS]: { position: 0 } }, description: 'The server to check; this server when omitted.' },
  ],
  outputType: ['System.Boolean'],
  help: {
    synopsis: 'Checks whether the server can reach the backup vault.',
    description: 'Returns True when the vault answers now, False otherwise. A registered server records the contact, which keeps its connectivity state current for the backup and restore rules.',
    examples: [
      {
        title: 'Check the connection',
        code: 'Get-DPMCloudConnection',
        setup: REGISTERED_SETUP,
        output: 'True',
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    assertThisServer(ctx.params.DPMServerName, server.serverName);
    await ctx.write(await server.checkConnection());
  },
});
