import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import type { PSSwitch } from '@dpmsh/runtime';
import { isSwitchOn } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { protectionGroupObject, PROTECTION_TYPES } from '../objects/protection.js';
import { draftIdOf } from '../objects/references.js';
import { NEW_GROUP_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

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
    examples: [
      {
        title: 'Save a group',
        code: 'Set-DPMProtectionGroup -ProtectionGroup $pg\nGet-DPMProtectionGroup | Select-Object FriendlyName, ProtectionMethod',
        setup: [NEW_GROUP_SETUP, 'Add-DPMChildDatasource -ProtectionGroup $pg -ChildDatasource (Get-DPMDatasource -Path $HOME/data)'].join('\n'),
        output: [
          '',
          'FriendlyName ProtectionMethod',
          '------------ ----------------',
          'Files        Short-term using disk',
        ].join('\n'),
      },
    ],
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
