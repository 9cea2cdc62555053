import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import type { PSSwitch } from '@dpmsh/runtime';
import { isSwitchOn } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { GROUP, PASS_THRU } from '../input/modifiable-group-parameters.js';
import { PROTECTION_TYPES, modifiableObject } from '../objects/protection.js';
import { datasourceIdOfObject, draftIdOf } from '../objects/references.js';
import { PROTECTED_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

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
    examples: [
      {
        title: 'Remove a member',
        code: 'Remove-DPMChildDatasource -ProtectionGroup $mpg -ChildDatasource $ds\n$mpg.Members.Count',
        setup: [PROTECTED_SETUP, '$ds = Get-DPMDatasource\n$mpg = Get-DPMProtectionGroup | Get-DPMModifiableProtectionGroup'].join('\n'),
        output: '0',
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const draftId = draftIdOf(ctx.params.ProtectionGroup, 'ProtectionGroup');
    for (const item of ctx.params.ChildDatasource) server.groups.removeMember(draftId, datasourceIdOfObject(item, 'ChildDatasource'));
    if (isSwitchOn(ctx.params.PassThru)) await ctx.write(modifiableObject(server, draftId));
  },
});
