import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../input/this-server.js';
import { diskObject, PROTECTION_TYPES } from '../objects/protection.js';
import { DISK_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Get-DPMDisk. */
export const getDpmDisk = defineCmdlet<{ DPMServerName?: string }>({
  name: 'Get-DPMDisk',
  parameters: [{ name: 'DPMServerName', type: 'string', aliases: ['ComputerName', 'CN'], sets: { [all]: { position: 0 } }, description: 'The server; this server when omitted.' }],
  outputType: [PROTECTION_TYPES.disk],
  help: {
    synopsis: 'Gets the disk storage.',
    description: "Gets the folders added as disk storage, with their volume's capacity and free space now.",
    examples: [
      {
        title: 'List the disk storage',
        code: 'Get-DPMDisk | Format-List Status',
        remarks: "Without Format-List it also shows each folder's path, its volume's capacity and free space, and when it was added.",
        setup: DISK_SETUP,
        output: [
          '',
          'Status : Healthy',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    assertThisServer(ctx.params.DPMServerName, server.serverName);
    for (const disk of await server.disks()) await ctx.write(diskObject(disk));
  },
});
