/** Changing a modifiable protection group: its data sources, protection types and policy objectives. */
import type { LongTermProtection } from '@dpmsh/core';
import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import type { PSSwitch } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { datasourceIdOfObject, datasourceRefOf, draftIdOf, PROTECTION_TYPES } from './objects.js';
import { modifiableObject } from './group-cmdlets.js';
import { operationOutput } from './progress.js';
import { isSwitchOn } from '@dpmsh/runtime';

const all = ALL_PARAMETER_SETS;
const GROUP = { name: 'ProtectionGroup', type: 'object', sets: { [all]: { mandatory: true, position: 0 } }, description: 'The modifiable protection group (New-DPMProtectionGroup, Get-DPMModifiableProtectionGroup).' } as const;
const PASS_THRU = { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Outputs the modifiable group.' } as const;

/** Add-DPMChildDatasource. */
export const addDpmChildDatasource = defineCmdlet<{ ProtectionGroup: unknown; ChildDatasource: unknown[]; Online?: PSSwitch; PassThru?: PSSwitch }>({
  name: 'Add-DPMChildDatasource',
  aliases: ['Add-ChildDatasource'],
  parameters: [
    GROUP,
    { name: 'ChildDatasource', type: 'object[]', sets: { [all]: { mandatory: true, position: 1, valueFromPipeline: true } }, description: 'Data sources from Get-DPMDatasource, or paths of folders.' },
    { name: 'Online', type: 'switch', sets: { [all]: {} }, description: 'Also protects the data sources online, in the vault.' },
    PASS_THRU,
  ],
  outputType: [PROTECTION_TYPES.modifiableGroup],
  help: {
    synopsis: 'Adds data sources to a modifiable protection group.',
    description: 'Adds data sources to the group; -Online marks them for online protection too (the group then needs Set-DPMProtectionType -LongTerm Online). A data source belongs to one group only and may be at most 54,400 GB.',
    examples: [{ title: 'Add a folder for disk and online protection', code: 'Add-DPMChildDatasource -ProtectionGroup $pg -ChildDatasource (Get-DPMDatasource -Path /srv/data) -Online' }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const { groups, datasources } = server;
    const draftId = draftIdOf(ctx.params.ProtectionGroup, 'ProtectionGroup');
    for (const item of ctx.params.ChildDatasource) {
      const ref = datasourceRefOf(item, 'ChildDatasource');
      const output = operationOutput(ctx);
      const datasource = typeof ref === 'string' ? await datasources.resolve(ctx.session.resolvePath(ref), output) : await datasources.find(ref, output);
      groups.addMember(draftId, datasource, isSwitchOn(ctx.params.Online));
    }
    if (isSwitchOn(ctx.params.PassThru)) await ctx.write(modifiableObject(server, draftId));
  },
});

/** Remove-DPMChildDatasource. */
export const removeDpmChildDatasource = defineCmdlet<{ ProtectionGroup: unknown; ChildDatasource: unknown[]; PassThru?: PSSwitch }>({
  name: 'Remove-DPMChildDatasource',
  aliases: ['Remove-ChildDatasource'],
  parameters: [
    GROUP,
    { name: 'ChildDatasource', type: 'object[]', sets: { [all]: { mandatory: true, position: 1, valueFromPipeline: true } }, description: 'Members of the group to remove.' },
    PASS_THRU,
  ],
  outputType: [PROTECTION_TYPES.modifiableGroup],
  help: {
    synopsis: 'Removes data sources from a modifiable protection group.',
    description: 'Stops protecting the data sources once the group is saved; their recovery points stay until they can be deleted.',
    examples: [{ title: 'Remove a member', code: 'Remove-DPMChildDatasource -ProtectionGroup $mpg -ChildDatasource $ds' }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const draftId = draftIdOf(ctx.params.ProtectionGroup, 'ProtectionGroup');
    for (const item of ctx.params.ChildDatasource) server.groups.removeMember(draftId, datasourceIdOfObject(item, 'ChildDatasource'));
    if (isSwitchOn(ctx.params.PassThru)) await ctx.write(modifiableObject(server, draftId));
  },
});

/** Set-DPMProtectionType. */
export const setDpmProtectionType = defineCmdlet<{ ProtectionGroup: unknown; ShortTerm?: 'Disk'; LongTerm?: LongTermProtection | 'Null'; PassThru?: PSSwitch }>({
  name: 'Set-DPMProtectionType',
  aliases: ['Set-ProtectionType'],
  parameters: [
    GROUP,
    { name: 'ShortTerm', type: 'string', sets: { [all]: {} }, validation: [{ kind: 'set', values: ['Disk'] }], defaultValueText: 'Disk', description: 'Short-term protection: Disk (the mandatory first copy).' },
    { name: 'LongTerm', type: 'string', sets: { [all]: {} }, validation: [{ kind: 'set', values: ['Online', 'Null'] }], description: 'Long-term protection: Online (a copy in the vault); Null or omitted for none.' },
    PASS_THRU,
  ],
  outputType: [PROTECTION_TYPES.modifiableGroup],
  help: {
    synopsis: 'Sets the protection types of a modifiable protection group.',
    description: 'Short-term protection is always on disk; -LongTerm Online also keeps copies in the vault, for the data sources added with -Online.',
    examples: [{ title: 'Disk and online', code: 'Set-DPMProtectionType -ProtectionGroup $pg -ShortTerm Disk -LongTerm Online' }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const draftId = draftIdOf(ctx.params.ProtectionGroup, 'ProtectionGroup');
    const longTerm = ctx.params.LongTerm === 'Online' ? 'Online' : null;
    server.groups.setProtectionType(draftId, 'Disk', longTerm);
    if (isSwitchOn(ctx.params.PassThru)) await ctx.write(modifiableObject(server, draftId));
  },
});

/** The parameters of Set-DPMPolicyObjective. */
export interface PolicyParameters {
  ProtectionGroup: unknown;
  RetentionRangeDays?: number;
  SynchronizationFrequencyMinutes?: number;
  OnlineRetentionRange?: number;
  PassThru?: PSSwitch;
}

/** Set-DPMPolicyObjective. */
export const setDpmPolicyObjective = defineCmdlet<PolicyParameters>({
  name: 'Set-DPMPolicyObjective',
  aliases: ['Set-PolicyObjective'],
  defaultParameterSet: 'ShortTermDisk',
  parameters: [
    { ...GROUP, sets: { ShortTermDisk: { mandatory: true, position: 0 }, LongTermCloud: { mandatory: true, position: 0 } } },
    { name: 'RetentionRangeDays', type: 'int', aliases: ['RetentionRangeInDays'], sets: { ShortTermDisk: { mandatory: true, position: 1 } }, description: 'Days recovery points are kept on disk: 1 to 448.' },
    { name: 'SynchronizationFrequencyMinutes', type: 'int', sets: { ShortTermDisk: { position: 2 } }, description: 'How often data sources are synchronized to disk: 15, 30, 45, 60, 120, 240, 360, 720 or 1440 minutes.' },
    { name: 'OnlineRetentionRange', type: 'int', aliases: ['OnlineRetentionRangeInDays', 'OnlineRetentionRangeDays'], sets: { LongTermCloud: { mandatory: true, position: 1 } }, description: 'Days recovery points are kept in the vault: 1 to 9999 (on its own, as in DPM).' },
    { ...PASS_THRU, sets: { ShortTermDisk: {}, LongTermCloud: {} } },
  ],
  outputType: [PROTECTION_TYPES.modifiableGroup],
  help: {
    synopsis: 'Sets the retention range and synchronization frequency of a modifiable protection group.',
    description: 'Sets how long recovery points are kept on disk (-RetentionRangeDays) and in the vault (-OnlineRetentionRange), and how often data sources are synchronized (-SynchronizationFrequencyMinutes).',
    examples: [
      { title: 'Keep 10 days on disk, synchronize hourly', code: 'Set-DPMPolicyObjective -ProtectionGroup $pg -RetentionRangeDays 10 -SynchronizationFrequencyMinutes 60' },
      { title: 'Keep 90 days in the vault', code: 'Set-DPMPolicyObjective -ProtectionGroup $pg -OnlineRetentionRange 90' },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const p = ctx.params;
    const draftId = draftIdOf(p.ProtectionGroup, 'ProtectionGroup');
    server.groups.setPolicy(draftId, {
      ...(p.RetentionRangeDays === undefined ? {} : { retentionDays: p.RetentionRangeDays }),
      ...(p.SynchronizationFrequencyMinutes === undefined ? {} : { syncFrequencyMinutes: p.SynchronizationFrequencyMinutes }),
      ...(p.OnlineRetentionRange === undefined ? {} : { onlineRetentionDays: p.OnlineRetentionRange }),
    });
    if (isSwitchOn(p.PassThru)) await ctx.write(modifiableObject(server, draftId));
  },
});
