import { defineCmdlet } from '@dpmsh/cmdlets';
import type { PSSwitch } from '@dpmsh/runtime';
import { isSwitchOn } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { GROUP, PASS_THRU } from '../input/modifiable-group-parameters.js';
import { PROTECTION_TYPES, modifiableObject } from '../objects/protection.js';
import { draftIdOf } from '../objects/references.js';
import { NEW_GROUP_SETUP } from '../help-example-setups.js';

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
      {
        title: 'Keep 10 days on disk, synchronize hourly',
        code: 'Set-DPMPolicyObjective -ProtectionGroup $pg -RetentionRangeDays 10 -SynchronizationFrequencyMinutes 60 -PassThru | Format-List RetentionRangeDays, SynchronizationFrequencyMinutes',
        setup: NEW_GROUP_SETUP,
        output: [
          '',
          'RetentionRangeDays              : 10',
          'SynchronizationFrequencyMinutes : 60',
        ].join('\n'),
      },
      {
        title: 'Keep 90 days in the vault',
        code: 'Set-DPMPolicyObjective -ProtectionGroup $pg -OnlineRetentionRange 90 -PassThru | Format-List OnlineRetentionRangeDays',
        setup: NEW_GROUP_SETUP,
        output: [
          '',
          'OnlineRetentionRangeDays : 90',
        ].join('\n'),
      },
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
