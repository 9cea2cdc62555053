import { PSObject, CUSTOM_OBJECT_TYPE_NAMES } from '@dpmsh/runtime';
import { defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../input/this-server.js';
import { PROTECTION_TYPES } from '../objects/protection.js';

/** Get-DPMProductionServer. */
export const getDpmProductionServer = defineCmdlet<{ DPMServerName?: string }>({
  name: 'Get-DPMProductionServer',
  aliases: ['Get-ProductionServer'],
  parameters: [{ name: 'DPMServerName', type: 'string', aliases: ['ComputerName', 'CN'], sets: { __AllParameterSets: { position: 0 } }, description: 'The server; this server when omitted.' }],
  outputType: [PROTECTION_TYPES.productionServer],
  help: {
    synopsis: 'Gets the production server whose data sources this server protects.',
    description: 'dpmsh protects the workloads of the server it runs on, so this is that server, with the workloads its plugins protect and whether any data source is protected. A plugin that failed to load is reported as a warning.',
    examples: [
      {
        title: 'Show the production server and its workloads',
        code: 'Get-DPMProductionServer | Format-List ServerProtectionState, Workloads',
        output: [
          '',
          'ServerProtectionState : NoDatasourcesProtected',
          'Workloads             : FileSystem',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    assertThisServer(ctx.params.DPMServerName, server.serverName);
    const plugins = await server.pluginsLoaded();
    for (const failure of await server.pluginFailures()) ctx.writeWarning(failure.error.message);
    const protectedCount = server.datasources.protected().length;
    const o = new PSObject([PROTECTION_TYPES.productionServer, ...CUSTOM_OBJECT_TYPE_NAMES]);
    o.addNote('ServerName', server.serverName);
    o.addNote('Name', server.serverName);
    o.addNote('ServerProtectionState', protectedCount > 0 ? 'HasDatasourcesProtected' : 'NoDatasourcesProtected');
    o.addNote('Workloads', plugins.map((p) => p.workload).join(', '));
    o.addNote('Plugins', plugins.map((p) => `${p.name} ${p.version}`));
    o.addNote('ProtectedDatasources', protectedCount);
    await ctx.write(o);
  },
});
