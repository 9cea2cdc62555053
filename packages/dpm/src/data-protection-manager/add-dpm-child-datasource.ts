import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import type { PSSwitch } from '@dpmsh/runtime';
import { isSwitchOn } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { GROUP, PASS_THRU } from '../input/modifiable-group-parameters.js';
import { PROTECTION_TYPES, modifiableObject } from '../objects/protection.js';
import { datasourceRefOf, draftIdOf } from '../objects/references.js';
import { operationOutput } from '../progress.js';
import { NEW_GROUP_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

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
    examples: [
      {
        title: 'Add a folder for disk and online protection',
        code: 'Add-DPMChildDatasource -ProtectionGroup $pg -ChildDatasource (Get-DPMDatasource -Path $HOME/data) -Online\n$pg.Members | Select-Object Workload, Size, Online',
        setup: NEW_GROUP_SETUP,
        output: [
          '',
          'Workload   Size     Online',
          '--------   ----     ------',
          'FileSystem 12 bytes   True',
        ].join('\n'),
      },
    ],
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
