import { isSwitchOn } from '@dpmsh/runtime';
import type { PSSwitch } from '@dpmsh/runtime';
import { defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../input/this-server.js';
import { datasourceObject, PROTECTION_TYPES } from '../objects/protection.js';
import { groupIdOf } from '../objects/references.js';
import { operationOutput } from '../progress.js';
import { DATA_SETUP, PROTECTED_SETUP } from '../help-example-setups.js';

/** The parameters of Get-DPMDatasource. */
export interface DatasourceParameters {
  DPMServerName?: string;
  ProductionServer?: unknown;
  ProtectionGroup?: unknown;
  Path?: string[];
  Inquire?: PSSwitch;
}

/** Get-DPMDatasource. */
export const getDpmDatasource = defineCmdlet<DatasourceParameters>({
  name: 'Get-DPMDatasource',
  aliases: ['Get-Datasource'],
  defaultParameterSet: 'DPMServerName',
  parameters: [
    { name: 'DPMServerName', type: 'string', aliases: ['ComputerName', 'CN'], sets: { DPMServerName: {} }, description: 'The server; this server when omitted.' },
    { name: 'ProductionServer', type: 'object', sets: { ProductionServer: { mandatory: true } }, description: 'The production server (Get-DPMProductionServer) whose data sources to list.' },
    { name: 'ProtectionGroup', type: 'object', sets: { ProtectionGroup: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'The protection group whose members to list.' },
    { name: 'Path', type: 'string[]', sets: { Path: { mandatory: true } }, description: 'Folders (or other names a plugin knows) to resolve to data sources through the plugins.' },
    { name: 'Inquire', type: 'switch', sets: { DPMServerName: {}, ProductionServer: {} }, description: 'Asks the workload plugins what they can protect now, protected or not.' },
  ],
  outputType: [PROTECTION_TYPES.datasource],
  help: {
    synopsis: 'Gets data sources: protected ones, those of a group, or all the plugins find.',
    description:
      'Without parameters, gets the data sources the saved protection groups protect. -Inquire asks every workload plugin what it can protect on this server; -Path resolves folders to data sources; -ProtectionGroup gets the members of a group. A data source object can be added to a group with Add-DPMChildDatasource.',
    examples: [
      {
        title: 'List what can be protected',
        code: 'Get-DPMDatasource -Inquire',
        outputUnchecked: "The plugins report this machine's own volumes and their sizes.",
      },
      {
        title: 'A folder as a data source',
        code: 'Get-DPMDatasource -Path $HOME/data | Select-Object ObjectType, Workload, Size, Protected',
        setup: DATA_SETUP,
        output: [
          '',
          'ObjectType Workload   Size     Protected',
          '---------- --------   ----     ---------',
          'Folder     FileSystem 12 bytes     False',
        ].join('\n'),
      },
      {
        title: 'The members of a group',
        code: "Get-DPMProtectionGroup | Where-Object FriendlyName -eq 'Files' | Get-DPMDatasource | Select-Object ObjectType, Workload, Size, ProtectionGroupName, Online",
        setup: PROTECTED_SETUP,
        output: [
          '',
          'ObjectType          : Folder',
          'Workload            : FileSystem',
          'Size                : 12 bytes',
          'ProtectionGroupName : Files',
          'Online              : True',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const { datasources } = server;
    const output = operationOutput(ctx);
    const p = ctx.params;
    assertThisServer(p.DPMServerName, server.serverName);
    let found;
    if (p.Path !== undefined) {
      found = [];
      for (const path of p.Path) found.push(await datasources.resolve(ctx.session.resolvePath(path), output));
    } else if (p.ProtectionGroup !== undefined) {
      found = datasources.protected(server.groups.get(groupIdOf(p.ProtectionGroup, 'ProtectionGroup')).id);
    } else {
      found = isSwitchOn(p.Inquire) ? await datasources.inquire(output) : datasources.protected();
    }
    for (const d of found) await ctx.write(datasourceObject(d, server.serverName));
  },
});
