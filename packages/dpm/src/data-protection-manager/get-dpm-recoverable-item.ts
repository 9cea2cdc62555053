import { defineCmdlet } from '@dpmsh/cmdlets';
import { PSObject } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { PROTECTION_TYPES, recoverableItemObject } from '../objects/protection.js';
import { recoveryPointIdOf } from '../objects/references.js';
import { RECOVERY_POINT_SETUP } from '../help-example-setups.js';

/** Get-DPMRecoverableItem. */
export const getDpmRecoverableItem = defineCmdlet<{ RecoverableItem: unknown; BrowseType?: 'Child' | 'Parent' }>({
  name: 'Get-DPMRecoverableItem',
  aliases: ['Get-RecoverableItem'],
  parameters: [
    { name: 'RecoverableItem', type: 'object', sets: { __AllParameterSets: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'A recovery point, or a folder of one from an earlier Get-DPMRecoverableItem.' },
    { name: 'BrowseType', type: 'string', sets: { __AllParameterSets: { position: 1 } }, validation: [{ kind: 'set', values: ['Child', 'Parent'] }], defaultValueText: 'Child', description: 'Child lists what is inside; Parent lists the folder the item is in.' },
  ],
  outputType: [PROTECTION_TYPES.recoverableItem],
  help: {
    synopsis: 'Lists the files and folders of a recovery point.',
    description: 'Lists the items at the top of a recovery point, or inside one of its folders, to choose items for Restore-DPMRecoverableItem.',
    examples: [
      {
        title: 'The top of the newest recovery point',
        code: 'Get-DPMDatasource | Get-DPMRecoveryPoint | Select-Object -Last 1 | Get-DPMRecoverableItem -BrowseType Child | Select-Object Path, ItemType, Size',
        setup: RECOVERY_POINT_SETUP,
        output: [
          '',
          'Path       ItemType Size',
          '----       -------- ----',
          'docs       Folder      0',
          'readme.txt File        6',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const item = ctx.params.RecoverableItem;
    const path = item instanceof PSObject && typeof item.read('Path') === 'string' ? (item.read('Path') as string) : '';
    const folder = ctx.params.BrowseType === 'Parent' ? path.split('/').slice(0, -1).join('/') : path;
    for (const entry of await server.recoverableItems(recoveryPointIdOf(item, 'RecoverableItem'), folder)) await ctx.write(recoverableItemObject(entry));
  },
});
