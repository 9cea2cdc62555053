import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { modifiableObject, PROTECTION_TYPES } from '../objects/protection.js';
import { groupIdOf } from '../objects/references.js';
import { PROTECTED_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Get-DPMModifiableProtectionGroup. */
export const getDpmModifiableProtectionGroup = defineCmdlet<{ ProtectionGroup: unknown }>({
  name: 'Get-DPMModifiableProtectionGroup',
  aliases: ['Get-ModifiableProtectionGroup'],
  parameters: [{ name: 'ProtectionGroup', type: 'object', sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'A saved protection group (Get-DPMProtectionGroup) or its name.' }],
  outputType: [PROTECTION_TYPES.modifiableGroup],
  help: {
    synopsis: 'Gets a protection group in modifiable form.',
    description: 'Returns a modifiable copy of a saved protection group; change it with the protection cmdlets and save it with Set-DPMProtectionGroup.',
    examples: [
      {
        title: 'Change a group',
        code: "$mpg = Get-DPMProtectionGroup | Where-Object FriendlyName -eq 'Files' | Get-DPMModifiableProtectionGroup\nSet-DPMPolicyObjective -ProtectionGroup $mpg -RetentionRangeDays 14\nSet-DPMProtectionGroup -ProtectionGroup $mpg\nGet-DPMProtectionGroup | Format-List FriendlyName, RetentionRangeDays",
        setup: PROTECTED_SETUP,
        output: [
          '',
          'FriendlyName       : Files',
          'RetentionRangeDays : 14',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const draft = server.groups.modify(groupIdOf(ctx.params.ProtectionGroup, 'ProtectionGroup'));
    await ctx.write(modifiableObject(server, draft.draftId));
  },
});
