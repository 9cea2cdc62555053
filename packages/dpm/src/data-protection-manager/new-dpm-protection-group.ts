import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../input/this-server.js';
import { modifiableObject, PROTECTION_TYPES } from '../objects/protection.js';
import { DISK_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

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
        code: "$pg = New-DPMProtectionGroup -Name 'Files'\n$ds = Get-DPMDatasource -Path $HOME/data\nAdd-DPMChildDatasource -ProtectionGroup $pg -ChildDatasource $ds -Online\nSet-DPMProtectionType -ProtectionGroup $pg -ShortTerm Disk -LongTerm Online\nSet-DPMPolicyObjective -ProtectionGroup $pg -RetentionRangeDays 10 -SynchronizationFrequencyMinutes 60\nSet-DPMProtectionGroup -ProtectionGroup $pg -PassThru | Format-List FriendlyName, ProtectionMethod, RetentionRangeDays, SynchronizationFrequencyMinutes",
        setup: DISK_SETUP,
        output: [
          '',
          'FriendlyName                    : Files',
          'ProtectionMethod                : Short-term using disk, Long-term using online',
          'RetentionRangeDays              : 10',
          'SynchronizationFrequencyMinutes : 60',
        ].join('\n'),
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
