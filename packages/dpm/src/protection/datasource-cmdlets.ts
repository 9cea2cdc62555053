/** Get-DPMProductionServer and Get-DPMDatasource: this server, and what its workload plugins can protect. */
import { PSObject, CUSTOM_OBJECT_TYPE_NAMES, isSwitchOn } from '@dpmsh/runtime';
import type { PSSwitch } from '@dpmsh/runtime';
import { defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../this-server.js';
import { datasourceObject, groupIdOf, PROTECTION_TYPES } from './objects.js';
import { operationOutput } from './progress.js';

/** Get-DPMProductionServer. */
export const getDpmProductionServer = defineCmdlet<{ DPMServerName?: string }>({
  name: 'Get-DPMProductionServer',
  aliases: ['Get-ProductionServer'],
  parameters: [{ name: 'DPMServerName', type: 'string', aliases: ['ComputerName', 'CN'], sets: { __AllParameterSets: { position: 0 } }, description: 'The server; this server when omitted.' }],
  outputType: [PROTECTION_TYPES.productionServer],
  help: {
    synopsis: 'Gets the production server whose data sources this server protects.',
    description: 'dpmsh protects the workloads of the server it runs on, so this is that server, with the workloads its plugins protect and whether any data source is protected. A plugin that failed to load is reported as a warning.',
    examples: [{ title: 'Show the production server and its workloads', code: 'Get-DPMProductionServer' }],
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
      { title: 'List what can be protected', code: 'Get-DPMDatasource -Inquire' },
      { title: 'A folder as a data source', code: 'Get-DPMDatasource -Path /srv/data' },
      { title: 'The members of a group', code: "Get-DPMProtectionGroup | Where-Object FriendlyName -eq 'Files' | Get-DPMDatasource" },
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
