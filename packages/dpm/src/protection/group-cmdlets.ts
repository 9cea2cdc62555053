/**
 * The protection-group lifecycle: New-DPMProtectionGroup and Get-DPMModifiableProtectionGroup hand
 * out a modifiable group, which Set-DPMProtectionGroup checks and saves; Get-DPMProtectionGroup
 * gets the saved ones.
 */
import type { ProtectionServer } from '@dpmsh/server';
import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import type { PSObject, PSSwitch } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../this-server.js';
import { draftIdOf, groupIdOf, modifiableGroupObject, protectionGroupObject, PROTECTION_TYPES } from './objects.js';
import { isSwitchOn } from '@dpmsh/runtime';

const all = ALL_PARAMETER_SETS;

/** The live object of a modifiable group. */
export function modifiableObject(server: ProtectionServer, draftId: string): PSObject {
  return modifiableGroupObject(draftId, () => server.groups.draft(draftId), server.serverName);
}

/** New-DPMProtectionGroup. */
export const newDpmProtectionGroup = defineCmdlet<{ DPMServerName?: string; Name: string }>({
  name: 'New-DPMProtectionGroup',
  aliases: ['New-ProtectionGroup'],
  parameters: [
    { name: 'DPMServerName', type: 'string', aliases: ['ComputerName', 'CN'], sets: { [all]: { position: 0 } }, description: 'The server; this server when omitted.' },
    { name: 'Name', type: 'string', sets: { [all]: { mandatory: true, position: 1 } }, description: 'The protection group name: 1 to 64 characters, unique on the server.' },
  ],
  outputType: [PROTECTION_TYPES.modifiableGroup],
  help: {
    synopsis: 'Creates a protection group, in memory until Set-DPMProtectionGroup saves it.',
    description:
      'The first step of creating a protection group. It returns a modifiable group: add data sources with Add-DPMChildDatasource, choose the protection with Set-DPMProtectionType and Set-DPMPolicyObjective, then save it with Set-DPMProtectionGroup. Nothing is saved before that.',
    examples: [
      {
        title: 'Protect a folder on disk and online',
        code: "$pg = New-DPMProtectionGroup -Name 'Files'\n$ds = Get-DPMDatasource -Path /srv/data\nAdd-DPMChildDatasource -ProtectionGroup $pg -ChildDatasource $ds -Online\nSet-DPMProtectionType -ProtectionGroup $pg -ShortTerm Disk -LongTerm Online\nSet-DPMPolicyObjective -ProtectionGroup $pg -RetentionRangeDays 10 -SynchronizationFrequencyMinutes 60\nSet-DPMProtectionGroup -ProtectionGroup $pg",
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    assertThisServer(ctx.params.DPMServerName, server.serverName);
    const draft = server.groups.create(ctx.params.Name);
    await ctx.write(modifiableObject(server, draft.draftId));
  },
});

/** Get-DPMProtectionGroup. */
export const getDpmProtectionGroup = defineCmdlet<{ DPMServerName?: string }>({
  name: 'Get-DPMProtectionGroup',
  aliases: ['Get-ProtectionGroup'],
  parameters: [{ name: 'DPMServerName', type: 'string', aliases: ['ComputerName', 'CN'], sets: { [all]: { position: 0 } }, description: 'The server; this server when omitted.' }],
  outputType: [PROTECTION_TYPES.protectionGroup],
  help: {
    synopsis: 'Gets the saved protection groups.',
    description: 'Gets the protection groups of the server. They cannot be changed directly: get a modifiable copy with Get-DPMModifiableProtectionGroup.',
    examples: [{ title: 'List the protection groups', code: 'Get-DPMProtectionGroup' }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    assertThisServer(ctx.params.DPMServerName, server.serverName);
    for (const group of server.groups.list()) await ctx.write(protectionGroupObject(group, server.serverName));
  },
});

/** Get-DPMModifiableProtectionGroup. */
export const getDpmModifiableProtectionGroup = defineCmdlet<{ ProtectionGroup: unknown }>({
  name: 'Get-DPMModifiableProtectionGroup',
  aliases: ['Get-ModifiableProtectionGroup'],
  parameters: [{ name: 'ProtectionGroup', type: 'object', sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'A saved protection group (Get-DPMProtectionGroup) or its name.' }],
  outputType: [PROTECTION_TYPES.modifiableGroup],
  help: {
    synopsis: 'Gets a protection group in modifiable form.',
    description: 'Returns a modifiable copy of a saved protection group; change it with the protection cmdlets and save it with Set-DPMProtectionGroup.',
    examples: [{ title: 'Change a group', code: "$mpg = Get-DPMProtectionGroup | Where-Object FriendlyName -eq 'Files' | Get-DPMModifiableProtectionGroup\nSet-DPMPolicyObjective -ProtectionGroup $mpg -RetentionRangeDays 14\nSet-DPMProtectionGroup -ProtectionGroup $mpg" }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const draft = server.groups.modify(groupIdOf(ctx.params.ProtectionGroup, 'ProtectionGroup'));
    await ctx.write(modifiableObject(server, draft.draftId));
  },
});

/** Set-DPMProtectionGroup. */
export const setDpmProtectionGroup = defineCmdlet<{ ProtectionGroup: unknown; PassThru?: PSSwitch }>({
  name: 'Set-DPMProtectionGroup',
  aliases: ['Set-ProtectionGroup'],
  parameters: [
    { name: 'ProtectionGroup', type: 'object', sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'The modifiable protection group to save.' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Outputs the saved group.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  outputType: [PROTECTION_TYPES.protectionGroup],
  help: {
    synopsis: 'Saves a modifiable protection group.',
    description:
      'Checks and saves everything done to a modifiable protection group, in one step: it needs at least one data source and disk storage on the server; online protection needs the server registered with a passphrase and a scratch location with at least 5% of the data protected online free; no data source may exceed 54,400 GB. A refused group changes nothing.',
    examples: [{ title: 'Save a group', code: 'Set-DPMProtectionGroup -ProtectionGroup $pg' }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const draftId = draftIdOf(ctx.params.ProtectionGroup, 'ProtectionGroup');
    const name = server.groups.draft(draftId).name;
    if (!(await ctx.shouldProcess(name, 'Save protection group'))) return;
    const group = await server.groups.commit(draftId);
    if (isSwitchOn(ctx.params.PassThru)) await ctx.write(protectionGroupObject(group, server.serverName));
  },
});
